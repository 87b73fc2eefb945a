#!/bin/sh
# Command-level tests of `agentcore-wizard validate`: exit codes, the
# FILE: PATH: message lines, --json, and the files in tests/data.
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. "$top_srcdir/tests/cmd/skip.sh"

expect_exit() { # want command...
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"; got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$* exited $got, want $want"; cat "$tmp/err"; fi
}

for f in "$top_srcdir"/tests/data/valid/*.json; do
	[ -e "$f" ] || continue
	expect_exit 0 "$ACW" validate "$f"
	[ -s "$tmp/err" ] && bad "valid form $f printed: $(cat "$tmp/err")"
done
for f in "$top_srcdir"/tests/data/invalid/*.json; do
	[ -e "$f" ] || continue
	expect_exit 1 "$ACW" validate "$f"
	want=$(cat "${f%.json}.expect")
	if grep -qF "$f: $want: " "$tmp/err"; then ok; else
		bad "$f: no problem at $want in: $(cat "$tmp/err")"; fi
done

# The members a form needs, for forms made here
base='"agentRuntimeName":"a","roleArn":"arn:aws:iam::123456789012:role/R","agentRuntimeArtifact":{"containerConfiguration":{"containerUri":"public.ecr.aws/a/b"}}'

# The AWS CLI given a form: its parameter validation, then a closed port.
aws_create() { # file
	AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=x AWS_CONFIG_FILE=/dev/null \
		aws bedrock-agentcore-control create-agent-runtime --cli-input-json "file://$1" \
		--endpoint-url http://127.0.0.1:9 --region us-east-1 --cli-connect-timeout 2 2>&1
}

# Every form that passes here is accepted by the AWS CLI's own parameter
# validation (it then fails to connect to a closed port, which is expected).
if command -v aws >/dev/null 2>&1; then
	for f in "$top_srcdir"/tests/data/valid/*.json; do
		out=$(aws_create "$f")
		case $out in
		*"Could not connect"*) ok ;;
		*) bad "AWS CLI refused $f: $out" ;;
		esac
	done
else
	part_skipped "no AWS CLI (aws): the valid forms are not cross-checked with it"
fi

# A value dropped for its type is reported once, not again as missing from its
# list; a huge whole number is out of range, not "a number".
cat >"$tmp/knock.json" <<'JSON'
{"agentRuntimeName":"a","roleArn":"arn:aws:iam::123456789012:role/R",
 "agentRuntimeArtifact":{"containerConfiguration":{"containerUri":"public.ecr.aws/a/b"}},
 "networkConfiguration":{"networkMode":"VPC","networkModeConfig":{
   "subnets":["subnet-0123456789abcdef0"],"securityGroups":[1]}},
 "lifecycleConfiguration":{"maxLifetime":99999999999999999999}}
JSON
expect_exit 1 "$ACW" validate "$tmp/knock.json"
printf '%s\n' "$tmp/knock.json: networkConfiguration.networkModeConfig.securityGroups[0]: is a number: expected text" \
	"$tmp/knock.json: lifecycleConfiguration.maxLifetime: is too large: expected 60 to 1209600" >"$tmp/want"
if cmp -s "$tmp/want" "$tmp/err"; then ok; else bad "knock-on problems: $(cat "$tmp/err")"; fi

# The example message of the issue, to the letter.
cat >"$tmp/subnet.json" <<'JSON'
{"agentRuntimeName":"a","roleArn":"arn:aws:iam::123456789012:role/R",
 "agentRuntimeArtifact":{"containerConfiguration":{"containerUri":"public.ecr.aws/a/b"}},
 "networkConfiguration":{"networkMode":"VPC","networkModeConfig":{
   "subnets":["subnet-0123456789abcdef0","subnet-12"],"securityGroups":["sg-0123456789abcdef0"]}}}
JSON
expect_exit 1 "$ACW" validate "$tmp/subnet.json"
grep -qxF "$tmp/subnet.json: networkConfiguration.networkModeConfig.subnets[1]: \"subnet-12\" is too short: expected subnet- followed by 8 to 17 letters or digits" "$tmp/err" && ok || bad "subnet message: $(cat "$tmp/err")"

# --json: a JSON array naming file, path and message
expect_exit 1 "$ACW" validate --json "$tmp/subnet.json"
python3 -c '
import json,sys
a=json.load(open(sys.argv[1]))
assert isinstance(a,list) and a, a
assert a[0]["path"]=="networkConfiguration.networkModeConfig.subnets[1]", a
assert "too short" in a[0]["message"], a
' "$tmp/out" && ok || bad "--json output: $(cat "$tmp/out")"

# --json is UTF-8 whatever the file holds: bytes that are not UTF-8 in member
# names, keys and values are escaped in paths and messages (\xff), and a
# file name that is not UTF-8 has U+FFFD in their place
printf '{%s,"bad\377":1,"tags":{"k\376":"v\377"},"networkConfiguration":{"networkMode":"\377"}}' \
	"$base" >"$tmp/bytes.json"
bytes=$(printf '%s/bytes\377.json' "$tmp")
cp "$tmp/bytes.json" "$bytes"
expect_exit 2 "$ACW" validate --json "$tmp/bytes.json" "$bytes" "$bytes.missing"
python3 -c '
import json,sys
a=json.loads(open(sys.argv[1],"rb").read().decode("utf-8"))
paths=[p["path"] for p in a]
assert "[\"bad\\xff\"]" in paths, paths
assert "tags[\"k\\xfe\"]" in paths, paths
assert any("\"\\xff\" is not allowed" in p["message"] for p in a), a
assert any(p["file"].endswith("bytes\ufffd.json") for p in a), a
assert any(p["file"].endswith("bytes\ufffd.json.missing") and "\ufffd" in p["message"] for p in a), a
' "$tmp/out" && ok || bad "--json with bytes that are not UTF-8: $(cat "$tmp/out")"
expect_exit 1 "$ACW" validate "$tmp/bytes.json"
grep -qF "$tmp/bytes.json: [\"bad\xff\"]: unknown member" "$tmp/err" && ok ||
	bad "a member name that is not UTF-8: $(cat "$tmp/err")"

# Malformed JSON: line and column, exit 2. Unreadable: exit 2. Usage: exit 2.
printf '{\n  "agentRuntimeName": "a",\n  "roleArn" ,\n}\n' >"$tmp/broken.json"
expect_exit 2 "$ACW" validate "$tmp/broken.json"
grep -q "broken.json: line 3, column 13" "$tmp/err" && ok || bad "line/column: $(cat "$tmp/err")"
# a NUL character is valid JSON: kept, judged by the member's rules (a name
# may not hold one: exit 1 at its path, the value shown with \u0000), never
# cut (tests/data/valid/description-nul.json holds a valid one)
printf '{"agentRuntimeName":"ab\\u0000-x"}' >"$tmp/nul.json"
expect_exit 1 "$ACW" validate "$tmp/nul.json"
grep -q 'nul.json: agentRuntimeName: "ab\\u0000-x" is not valid' "$tmp/out" "$tmp/err" && ok ||
	bad "NUL: $(cat "$tmp/out" "$tmp/err")"
python3 -c 'print("{\"tags\":" + "[" * 1200 + "]" * 1200 + "}")' >"$tmp/deep.json"
expect_exit 2 "$ACW" validate "$tmp/deep.json"
grep -q 'deep.json: line 1, column 1008: the JSON is nested too deeply' "$tmp/err" && ok ||
	bad "nesting: $(cat "$tmp/err")"
# What cJSON alone took and the AWS CLI refuses: refused too, with where and
# what was expected there (syntax: exit 2), or at the member's path (a whole
# number written as a float: exit 1). The AWS CLI, where installed, refuses
# each of these files as well.
printf '{%s,"lifecycleConfiguration":{"maxLifetime":0600}}' "$base" >"$tmp/zero.json"
printf '{%s,"lifecycleConfiguration":{"maxLifetime":600.}}' "$base" >"$tmp/point.json"
printf '{%s,"description":"a\tb"}' "$base" >"$tmp/tab.json"
printf '{%s,"lifecycleConfiguration":{"maxLifetime":6e2}}' "$base" >"$tmp/float.json"
says() { # exit file line: validate exits so and prints that whole line
	expect_exit "$1" "$ACW" validate "$2"
	grep -qxF "$2: $3" "$tmp/err" && ok || bad "$2 lacks \"$3\" in: $(cat "$tmp/err")"
}
says 2 "$tmp/zero.json" "line 1, column 198: the number 0600 has a leading zero: expected none before its digits (600)"
says 2 "$tmp/point.json" "line 1, column 201: the number 600. ends in a decimal point: expected a digit after it"
says 2 "$tmp/tab.json" 'line 1, column 174: a control character (U+0009) inside a string: expected it escaped as \t'
says 1 "$tmp/float.json" "lifecycleConfiguration.maxLifetime: 6e2 is not written as a whole number: expected a whole number from 60 to 1209600, in digits only"
if command -v aws >/dev/null 2>&1; then
	for f in zero point tab float; do
		out=$(aws_create "$tmp/$f.json")
		case $out in
		*"Could not connect"*) bad "the AWS CLI took $f.json, which validate refuses" ;;
		*) ok ;;
		esac
	done
else
	part_skipped "no AWS CLI (aws): the refused numbers are not cross-checked with it"
fi
expect_exit 2 "$ACW" validate "$tmp/does-not-exist.json"
grep -q "No such file" "$tmp/err" && ok || bad "unreadable: $(cat "$tmp/err")"
expect_exit 2 "$ACW" validate
expect_exit 2 "$ACW" validate --bogus "$tmp/subnet.json"
head -c 1100000 /dev/zero | tr '\0' ' ' >"$tmp/huge.json"
expect_exit 2 "$ACW" validate "$tmp/huge.json"
grep -q "larger than" "$tmp/err" && ok || bad "1 MiB cap: $(cat "$tmp/err")"
# a named pipe is refused at once (it waited for a writer for ever), and so
# is a device; '-' reads standard input, with the same cap
mkfifo "$tmp/fifo"
expect_exit 2 timeout 10 "$ACW" validate "$tmp/fifo"
grep -qF "$tmp/fifo: $tmp/fifo is not a regular file" "$tmp/err" && ok || bad "fifo: $(cat "$tmp/err")"
expect_exit 2 "$ACW" validate /dev/zero
grep -q "is not a regular file" "$tmp/err" && ok || bad "device: $(cat "$tmp/err")"
expect_exit 0 sh -c '"$0" validate - <"$1"' "$ACW" "$top_srcdir/tests/data/valid/minimal-container.json"
expect_exit 1 sh -c 'cat "$1" | "$0" validate -' "$ACW" "$tmp/subnet.json"
grep -q '^-: networkConfiguration.networkModeConfig.subnets\[1\]: ' "$tmp/err" && ok ||
	bad "stdin problems: $(cat "$tmp/err")"
expect_exit 2 sh -c '"$0" validate - <"$1"' "$ACW" "$tmp/huge.json"
grep -q "^-: standard input is larger than 1024 KiB" "$tmp/err" && ok || bad "stdin cap: $(cat "$tmp/err")"
# a valid and an invalid file together: 1; an unreadable one makes it 2
expect_exit 1 "$ACW" validate "$top_srcdir/tests/data/skeleton.json"
expect_exit 2 "$ACW" validate "$tmp/subnet.json" "$tmp/nope.json"

# controls from a file reach no terminal (issue 13 item 1): an ESC, a C1 CSI
# (\u009b) and a right-to-left override (\u202e) in a name and a header are
# shown as escapes in validate's messages, never as the bytes themselves
printf '{%s,"requestHeaderConfiguration":{"requestHeaderAllowlist":
 ["x\\u001b]0;pwned\\u0007", "\\u009b2J", "\\u202eX"]}}' "$base" >"$tmp/ctl.json"
expect_exit 1 "$ACW" validate "$tmp/ctl.json"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/err" || LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/err" ||
	LC_ALL=C grep -q "$(printf '\342\200\256')" "$tmp/err"; then
	bad "a control reached the messages: $(od -c "$tmp/err" | head -5)"
else
	grep -qF '\u202e' "$tmp/err" && ok || bad "no visible escape: $(cat "$tmp/err")"
fi

# an update form, as 'get --update' writes it (agentRuntimeId first, no name):
# validate and check --offline judge it as UpdateAgentRuntime takes it
upd='"agentRuntimeId":"a-a1b2c3d4e5","agentRuntimeArtifact":{"containerConfiguration":{"containerUri":"public.ecr.aws/a/b"}},"roleArn":"arn:aws:iam::123456789012:role/R","networkConfiguration":{"networkMode":"PUBLIC"}'
printf '{%s}' "$upd" >"$tmp/update.json"
expect_exit 0 "$ACW" validate "$tmp/update.json"
[ -s "$tmp/err" ] && bad "validate of an update form printed: $(cat "$tmp/err")"
expect_exit 0 "$ACW" check --offline "$tmp/update.json"
[ -s "$tmp/err" ] && bad "check of an update form printed: $(cat "$tmp/err")"
expect_exit 0 sh -c '"$0" validate - <"$1"' "$ACW" "$tmp/update.json"
printf '{%s,"agentRuntimeName":"a"}' "$upd" >"$tmp/update-name.json"
expect_exit 1 "$ACW" validate "$tmp/update-name.json"
grep -q "update-name.json: agentRuntimeName: " "$tmp/err" && ok || bad "a name in an update form: $(cat "$tmp/err")"
printf '{%s}' "$(printf '%s' "$upd" | sed 's/a-a1b2c3d4e5/bad id/')" >"$tmp/update-id.json"
expect_exit 1 "$ACW" check --offline "$tmp/update-id.json"
grep -q "update-id.json: agentRuntimeId: " "$tmp/err" && ok || bad "a bad id: $(cat "$tmp/err")"
# check takes a template as validate does
expect_exit 0 "$ACW" check --offline "$top_srcdir/forms/templates/python-s3.json"
[ -s "$tmp/err" ] && bad "check of a template printed: $(cat "$tmp/err")"

# GNU behaviour of --help and --version
expect_exit 0 "$ACW" --help
grep -q "validate" "$tmp/out" && ok || bad "--help lists validate"
expect_exit 0 "$ACW" --version
head -1 "$tmp/out" | grep -qE '^agentcore-wizard [0-9]+\.[0-9]+' && ok || bad "--version: $(cat "$tmp/out")"
expect_exit 0 "$ACW" validate --help

summary
