#!/bin/sh
# --plain through a pipe: the same sections and validation as line prompts;
# without a terminal and without --plain the wizard refuses (exit 2).
set -u
ACW=${ACW:-src/agentcore-wizard}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8
# the caller's AWS settings stay out: what is offered depends on them
unset AWS_REGION AWS_DEFAULT_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN \
	AWS_PROFILE AWS_DEFAULT_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE

"$ACW" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 2 ] || { echo "FAIL: no terminal gave exit $rc, expected 2"; exit 1; }
grep -q "validate" "$tmp/err" || { echo "FAIL: no hint to validate"; cat "$tmp/err"; exit 1; }

# every line within 80 columns (wcwidth), words never cut: the messages
# are wrapped at spaces
narrow() {
	python3 - "$1" <<'PY' || { echo "FAIL: $2"; cat "$1"; exit 1; }
import sys, unicodedata
def cols(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    assert cols(line) <= 80, "%d columns: %r" % (cols(line), line)
PY
}
narrow "$tmp/err" "the no-terminal message is wider than 80 columns"

# Answers: a bad name first (refused, asked again), then a minimal container
# runtime; Enter leaves optional things unset, and keeps the network mode a
# new form starts with (PUBLIC); 'n' declines to add items.
printf '%s\n' '9bad' 'plain_agent' '' \
	'containerConfiguration' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' \
	'arn:aws:iam::123456789012:role/R' \
	'' \
	'' '' '' '' '' 'n' 'n' '' 'n' \
	"$tmp/plain.json" >"$tmp/in"
"$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
grep -q 'is not valid' "$tmp/out" || { echo "FAIL: bad name not reported"; cat "$tmp/out"; exit 1; }
narrow "$tmp/out" "--plain printed a line wider than 80 columns"
grep -q 'Network mode (PUBLIC, VPC) \[PUBLIC\]: $' "$tmp/out" || { echo "FAIL: a new form does not start with PUBLIC"; cat "$tmp/out"; exit 1; }
[ $rc = 0 ] || { echo "FAIL: --plain exit $rc"; cat "$tmp/out"; exit 1; }
python3 - "$tmp/plain.json" <<'PY' || { cat "$tmp/out"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["agentRuntimeName"] == "plain_agent", d
assert d["networkConfiguration"] == {"networkMode": "PUBLIC"}, d
assert d["agentRuntimeArtifact"]["containerConfiguration"]["containerUri"].endswith("a:b"), d
PY
# without a Region or credentials nothing is offered that cannot be sent (as
# the wizard's F10): it says what to set, and the answers end as they were
grep -q 'Submit it now' "$tmp/out" && { echo "FAIL: submitting offered without AWS settings"; cat "$tmp/out"; exit 1; }
grep -q 'Not submitted: these AWS settings cannot submit it' "$tmp/out" || { echo "FAIL: no word on the settings that cannot submit"; cat "$tmp/out"; exit 1; }

# choices by their labels (API names in parentheses, numbers accepted), '?'
# gives the field's help as F1 does, add questions in words; n to submit
printf '%s\n' '?' 'plain_agent' '' \
	'1' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' \
	'arn:aws:iam::123456789012:role/R' \
	'?' 'VPC' '?' 'y' 'sg-0123456789abcdef0' 'n' 'y' 'subnet-0123456789abcdef0' 'n' \
	'' '' '' '' '' 'n' '?' 'n' '' 'n' \
	"$tmp/labels.json" 'n' >"$tmp/in"
# with settings that work (nothing is sent: the answer is n), and again, answers
# that end after the file name: no is the answer, exit 0
env AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
	AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
fail() { echo "FAIL: $1"; cat "$tmp/out"; exit 1; }
[ $rc = 0 ] || fail "--plain exit $rc"
grep -q '^  1  Container image (containerConfiguration)$' "$tmp/out" || fail "branches are not shown by their labels"
grep -q '^  2  Code from S3 (codeConfiguration)$' "$tmp/out" || fail "branches are not shown by their labels"
grep -q 'Artifact (containerConfiguration' "$tmp/out" && fail "branches are shown by their API names"
narrow "$tmp/out" "--plain printed a line wider than 80 columns"
grep -q '^  A name for the runtime' "$tmp/out" || fail "'?' does not give the field's help"
grep -q '^  Expected: a letter' "$tmp/out" || fail "'?' does not say what is expected"
grep -q '^  Example: customer_support_agent' "$tmp/out" || fail "'?' gives no example"
grep -q 'Choose one of the values listed' "$tmp/out" && fail "'?' on a choice is taken as a wrong value"
grep -q '^    PUBLIC gives the runtime internet access' "$tmp/out" || fail "'?' on a choice gives no help"
grep -q 'Security groups: add another? (y/N)' "$tmp/out" || fail "the add question is not in words"
grep -q 'Filesystems: add one? (y/N)' "$tmp/out" || fail "the add question is not in words"
grep -q '\[ add' "$tmp/out" && fail "an add row's label is in a question"
grep -q 'Storage mounted into the runtime under /mnt' "$tmp/out" || fail "'?' on an add question gives no help"
grep -q '^Submit it now (CreateAgentRuntime), and follow it until READY? (y/N): n$' "$tmp/out" || fail "no question to submit"
grep -q '^Not submitted.$' "$tmp/out" || fail "n to submit did not say so"
# the endpoint is shown before the question (issue 13, item 20)
awk '/^Endpoint: https:\/\/bedrock-agentcore-control.us-east-1.amazonaws.com/ { e = NR }
     /^Submit it now/ { exit !(e && e < NR) }' "$tmp/out" || fail "no endpoint shown before the question to submit"
# a Region whose partition has no dual-stack endpoint cannot sign and send:
# nothing is offered (as F10 and submit refuse it), and it says why
sed -i "s|$tmp/labels.json|$tmp/dual.json|" "$tmp/in"
env AWS_REGION=eu-isoe-west-1 AWS_USE_DUALSTACK_ENDPOINT=true AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
	AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
grep -q 'Submit it now' "$tmp/out" && fail "submitting offered to a partition without dual-stack"
grep -q 'Not submitted: these AWS settings cannot submit it: dual-stack' "$tmp/out" ||
	fail "no word on the dual-stack endpoint that is not there"
python3 - "$tmp/labels.json" <<'PY' || { cat "$tmp/out"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert "containerConfiguration" in d["agentRuntimeArtifact"], d
assert d["networkConfiguration"]["networkModeConfig"]["subnets"] == ["subnet-0123456789abcdef0"], d
PY
# a file that is there already is replaced only when the answer is y; n
# asks for the name again ('-' then skips saving)
printf '{"agentRuntimeName": "earlier"}\n' >"$tmp/taken.json"
for answer in n y; do
	printf '%s\n' 'plain_agent' '' \
		'containerConfiguration' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' \
		'arn:aws:iam::123456789012:role/R' \
		'' '' '' '' '' '' 'n' 'n' '' 'n' \
		"$tmp/taken.json" "$answer" '-' >"$tmp/in"
	"$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
	rc=$?
	[ $rc = 0 ] || fail "--plain exit $rc"
	grep -q "^$tmp/taken.json exists already. Replace it with this form? (y/N): $answer\$" "$tmp/out" ||
		fail "no question before replacing a file"
	if [ "$answer" = n ]; then
		grep -q "^Not saved: $tmp/taken.json is kept as it was.\$" "$tmp/out" || fail "n did not say the file is kept"
		grep -q '"earlier"' "$tmp/taken.json" || fail "the file was replaced after n"
		[ "$(grep -c "^Save to file" "$tmp/out")" = 2 ] || fail "the name is not asked again after n"
	else
		grep -q '"plain_agent"' "$tmp/taken.json" || fail "the file was not replaced after y"
	fi
done
echo "ok: --plain through a pipe"
