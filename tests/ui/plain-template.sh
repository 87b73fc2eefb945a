#!/bin/sh
# Issue 12: `new --template NAME --plain FORM` asks only the fields yours to
# fill and the defaults (their values offered in brackets); locked fields
# and hidden sections are never asked, and the saved form is an ordinary,
# valid one.
set -u
ACW=${ACW:-src/agentcore-wizard}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8
unset AWS_REGION AWS_DEFAULT_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN \
	AWS_PROFILE AWS_DEFAULT_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE

# yours: the name, the image, the role; then Enter on each default
printf '%s\n' 'my_agent' '' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' \
	'arn:aws:iam::123456789012:role/R' '' '' '' '' '' '' '' '' >"$tmp/in"
"$ACW" new --template container-public --plain "$tmp/out.json" <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || { echo "FAIL: exit $rc"; cat "$tmp/out"; exit 1; }
fail() { echo "FAIL: $1"; cat "$tmp/out"; exit 1; }
grep -q '^Runtime name: my_agent' "$tmp/out" || fail "the name (yours) was not asked"
grep -q '^Description \[A container agent' "$tmp/out" ||
	fail "the description (a default) was not offered with its value"
grep -q 'Idle timeout (s) \[900\]' "$tmp/out" || fail "a default was not offered with its value"
grep -q 'Network mode' "$tmp/out" && fail "the locked network mode was asked"
grep -q '== Filesystems ==' "$tmp/out" && fail "a hidden section was shown"
"$ACW" validate "$tmp/out.json" >"$tmp/v" 2>&1 || { cat "$tmp/v"; fail "the saved form is not valid"; }
grep -q agentcoreWizardTemplate "$tmp/out.json" && fail "the template's metadata was saved"
grep -q '"networkMode": "PUBLIC"' "$tmp/out.json" || fail "the locked value was not kept"
echo "ok: --plain with a template asks only the fields yours and the defaults"
