#!/bin/sh
# Texts from files and the environment that the commands print go through
# the printable filter (issue 13, item 1): no terminal control (ESC, BEL,
# a C1 CSI) from a file name, a form, AWS_REGION or AWS_PROFILE reaches the
# terminal from validate, config or submit.
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE
HOME=$tmp AWS_CONFIG_FILE=$tmp/none AWS_SHARED_CREDENTIALS_FILE=$tmp/none
export HOME AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL \
	AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CA_BUNDLE

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

esc=$(printf '\033') bel=$(printf '\007') csi=$(printf '\302\233')
# clean NAME: what was printed (out and err) holds no control, and names
# what it must in a visible form
clean() { # what file...
	what=$1; shift
	if cat "$@" | grep -q "$esc\|$bel\|$csi"; then
		bad "$what printed a terminal control: $(cat "$@" | od -c | head -5)"
	else
		ok
	fi
}

# a file name holding an OSC title, as a shell glob would hand it over
name="$tmp/form$esc]0;pwned$bel.json"
printf '{}\n' >"$name"
"$ACW" validate "$name" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'pwned' "$tmp/err" && ok || bad "validate of an invalid form: $(cat "$tmp/err")"
clean "validate (an invalid form with controls in its name)" "$tmp/out" "$tmp/err"
"$ACW" validate "$tmp/missing$esc[2J.json" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && ok || bad "validate of a missing file did not exit 2"
clean "validate (a missing file with controls in its name)" "$tmp/out" "$tmp/err"
"$ACW" submit "$name" >"$tmp/out" 2>"$tmp/err"
clean "submit (an invalid form with controls in its name)" "$tmp/out" "$tmp/err"
# values in a form (C1 CSI, OSC 52 clipboard write)
printf '{"agentRuntimeName": "a\\u009b2Jb", "description": "\\u001b]52;c;ZWNobyBwd25lZA==\\u0007"}\n' \
	>"$tmp/values.json"
"$ACW" validate "$tmp/values.json" >"$tmp/out" 2>"$tmp/err"
clean "validate (controls in values)" "$tmp/out" "$tmp/err"

# config: values and origins from the environment
AWS_REGION="us-east-1$esc]0;pwned$bel" AWS_ACCESS_KEY_ID=AKIDEXAMPLE \
	AWS_SECRET_ACCESS_KEY=secret "$ACW" config >"$tmp/out" 2>"$tmp/err"
grep -q 'us-east-1.*pwned' "$tmp/out" && ok || bad "config does not show the Region: $(cat "$tmp/out")"
clean "config (AWS_REGION with an OSC title)" "$tmp/out" "$tmp/err"
AWS_PROFILE="dev$esc[2J$csi" "$ACW" config >"$tmp/out" 2>"$tmp/err"
[ $? -eq 3 ] && ok || bad "config with an unknown profile did not exit 3"
clean "config (AWS_PROFILE with a CSI)" "$tmp/out" "$tmp/err"
AWS_PROFILE="dev$esc[2J" "$ACW" submit "$top_srcdir/tests/data/valid/vpc.json" \
	>"$tmp/out" 2>"$tmp/err"
[ $? -eq 3 ] && ok || bad "submit with an unknown profile did not exit 3: $(cat "$tmp/err")"
clean "submit (AWS_PROFILE with a CSI)" "$tmp/out" "$tmp/err"
AWS_REGION="us-east-1$esc]0;pwned$bel" "$ACW" status r-0123456789 >"$tmp/out" 2>"$tmp/err"
clean "status (AWS_REGION with an OSC title)" "$tmp/out" "$tmp/err"

# words of the command line quoted in a usage error (a script's variable)
"$ACW" status "r$esc[2J-x/" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && ok || bad "status with a malformed id did not exit 2"
clean "status (a malformed id with a CSI)" "$tmp/out" "$tmp/err"
"$ACW" form.json "second$esc]0;pwned$bel" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && ok || bad "two forms did not exit 2"
clean "the wizard (an unexpected argument with an OSC title)" "$tmp/out" "$tmp/err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
