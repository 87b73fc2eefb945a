#!/bin/sh
# --plain asks the same questions from a pipe as at a terminal, and names
# the field of each problem (issue 13, item 20): the discovery URL's "Fetch
# it now" question comes from a pipe too; a section's problems say which
# field; a required list's add question takes Enter as yes.
set -u
ACW=${ACW:-src/agentcore-wizard}
srcdir=${top_srcdir:-${srcdir:-.}}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8
unset AWS_REGION AWS_DEFAULT_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN \
	AWS_PROFILE AWS_DEFAULT_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
fail() { echo "FAIL: $1"; cat "$tmp/out"; exit 1; }

# a form with a JWT authorizer: Enter keeps every value; the question on
# the discovery URL is asked (and answered n) from the pipe
cp "$srcdir/tests/data/valid/jwt-claims.json" "$tmp/jwt.json"
yes '' | head -n 300 | "$ACW" --plain "$tmp/jwt.json" >"$tmp/out" 2>&1
grep -q 'Fetch it now to check that it answers?' "$tmp/out" ||
	fail "the discovery URL's question is not asked from a pipe"

# VPC without security groups: Enter on the required list's question adds
# one (the answers then give its value); 'n' on the subnets' question
# leaves the list short, and the section's problem names the field
printf '%s\n' 'plain_agent' '' 'containerConfiguration' \
	'123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' 'arn:aws:iam::123456789012:role/R' \
	'VPC' '' 'sg-0123456789abcdef0' 'n' 'n' >"$tmp/in"
"$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
grep -q 'Security groups: add one (required)? (Y/n): $' "$tmp/out" ||
	fail "a required list's question does not take Enter as yes"
grep -q 'sg-0123456789abcdef0' "$tmp/out" || fail "Enter did not add a security group"
grep -q '^  Subnets: ' "$tmp/out" || fail "the section's problem does not name the field"

# an answer to a yes/no question that is neither is asked again, not taken
# for no: 'maybe' on the required list's question, then 'yes'
printf '%s\n' 'plain_agent' '' 'containerConfiguration' \
	'123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' 'arn:aws:iam::123456789012:role/R' \
	'VPC' 'maybe' 'YES' 'sg-0123456789abcdef0' 'n' 'n' >"$tmp/in"
"$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
grep -A1 'Security groups: add one (required)? (Y/n): maybe$' "$tmp/out" |
	grep -q 'Answer y (yes) or n (no)' || fail "'maybe' was not asked again"
grep -q 'sg-0123456789abcdef0' "$tmp/out" || fail "'YES' did not add a security group"
echo "ok: the same questions from a pipe; problems name their field; yes or no asked again"
