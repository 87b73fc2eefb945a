#!/bin/bash
# check when the account checks cannot run (issue 10): the settings or the
# credentials found unusable (a credential_process that fails, or one that
# is not there; an STS endpoint that cannot be made, found only once the
# run has started) give each form one finding that says the checks did not
# run and why, printed as every finding is (and in --json), with exit 3.
# Nothing here reaches the network.
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

form=$tmp/agent.json
cp "$top_srcdir/tests/data/valid/minimal-container.json" "$form"
cp "$top_srcdir/forms/templates/a2a-agent.json" "$tmp/tmpl.json"
mkdir -p "$tmp/.aws"
# run ENV... -- ARGS...: the program with only ENV, HOME the test's folder
run() {
	local e=()
	while [ "$1" != -- ]; do e+=("$1"); shift; done
	shift
	env -i HOME="$tmp" PATH="$PATH" LC_ALL=C "${e[@]}" "$ACW" "$@" </dev/null \
		>"$tmp/out" 2>"$tmp/err"
}
# not_run WHY ENV... -- ARGS...: exit 3, and the finding on standard output
not_run() {
	local why=$1; shift
	run "$@"; rc=$?
	grep -qF "$form: (account): could not check: the account checks did not run: $why" "$tmp/out" &&
		[ "$rc" -eq 3 ] && ok || bad "$why: exit $rc: $(cat "$tmp/out" "$tmp/err")"
}

# a credential_process that fails, and one whose program is not there
printf '[default]\nregion = us-east-1\ncredential_process = sh -c "echo the token broker is down >&2; exit 3"\n' \
	>"$tmp/.aws/config"
not_run "the credential_process of profile default failed (exit 3): the token broker is down" -- \
	check "$form"
[ ! -s "$tmp/err" ] && ok || bad "the reason is said twice: $(cat "$tmp/err")"
run -- check --json "$form"; rc=$?
python3 - "$tmp/out" "$form" <<'PY' && [ "$rc" -eq 3 ] && ok || bad "--json: exit $rc: $(cat "$tmp/out")"
import json, sys
v = json.load(open(sys.argv[1]))
assert len(v) == 1, v
f = v[0]
assert f["file"] == sys.argv[2] and f["path"] == "" and f["check"] == "identity", f
assert f["severity"] == "could-not-check", f
assert f["message"].startswith("the account checks did not run: the credential_process"), f
PY
# two forms: each says it; a template beside them has no account checks
run -- check "$form" "$tmp/tmpl.json" "$form"; rc=$?
[ "$rc" -eq 3 ] && [ "$(grep -c 'did not run' "$tmp/out")" -eq 2 ] &&
	! grep -q "tmpl.json: (account)" "$tmp/out" && ok ||
	bad "two forms and a template: exit $rc: $(cat "$tmp/out")"
run -- check --offline "$form"; rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ] && ok || bad "--offline ran the credential_process: $rc"
printf '[default]\nregion = us-east-1\ncredential_process = %s/no-such-program\n' "$tmp" \
	>"$tmp/.aws/config"
not_run "the credential_process of profile default failed (exit 127)" -- check "$form"

# the settings give keys and a Region, but STS has no endpoint: found when
# the run starts (the control plane's endpoint is made from the rules)
rm "$tmp/.aws/config"
keys=(AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
	AWS_REGION=us-east-1)
not_run 'the endpoint URL "notaurl" is not valid' "${keys[@]}" AWS_ENDPOINT_URL_STS=notaurl -- \
	check "$form"
not_run "FIPS endpoints cannot be used with a custom endpoint URL" "${keys[@]}" \
	AWS_ENDPOINT_URL_STS=https://127.0.0.1:9 AWS_USE_FIPS_ENDPOINT=true -- check "$form"
run "${keys[@]}" AWS_ENDPOINT_URL_STS=notaurl -- check --json "$form"; rc=$?
grep -q '"severity":[[:space:]]*"could-not-check"' "$tmp/out" && [ "$rc" -eq 3 ] && ok ||
	bad "--json, no STS endpoint: exit $rc: $(cat "$tmp/out")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
