#!/bin/sh
# --plain through a pipe: the same sections and validation as line prompts;
# without a terminal and without --plain the wizard refuses (exit 2).
set -u
ACW=${ACW:-src/agentcore-wizard}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8

"$ACW" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 2 ] || { echo "FAIL: no terminal gave exit $rc, expected 2"; exit 1; }
grep -q "validate" "$tmp/err" || { echo "FAIL: no hint to validate"; cat "$tmp/err"; exit 1; }

# Answers: a bad name first (refused, asked again), then a minimal container
# runtime; Enter leaves optional things unset; 'n' declines to add items.
printf '%s\n' '9bad' 'plain_agent' '' \
	'containerConfiguration' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' \
	'arn:aws:iam::123456789012:role/R' \
	'PUBLIC' \
	'' '' '' '' '' 'n' 'n' '' 'n' \
	"$tmp/plain.json" >"$tmp/in"
"$ACW" --plain <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
grep -q 'is not valid' "$tmp/out" || { echo "FAIL: bad name not reported"; cat "$tmp/out"; exit 1; }
[ $rc = 0 ] || { echo "FAIL: --plain exit $rc"; cat "$tmp/out"; exit 1; }
python3 - "$tmp/plain.json" <<'PY' || { cat "$tmp/out"; exit 1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["agentRuntimeName"] == "plain_agent", d
assert d["networkConfiguration"] == {"networkMode": "PUBLIC"}, d
assert d["agentRuntimeArtifact"]["containerConfiguration"]["containerUri"].endswith("a:b"), d
PY
echo "ok: --plain through a pipe"
