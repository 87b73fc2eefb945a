#!/bin/sh
# The golden screens are rewritten only when asked for deliberately (issue
# 13, item 26): ACW_UPDATE_GOLDEN=1 in CI fails before anything is written,
# and another value than 1 is refused rather than taken as "compare".
set -u
srcdir=${top_srcdir:-${srcdir:-.}}
g="$srcdir/tests/ui/golden.py"
before=$(cat "$srcdir"/tests/ui/golden/*.txt | cksum)
out=$(CI=true ACW_UPDATE_GOLDEN=1 python3 "$g" 2>&1) && {
	echo "FAIL: ACW_UPDATE_GOLDEN=1 with CI=true did not fail"; echo "$out"; exit 1; }
echo "$out" | grep -q 'never rewritten' || { echo "FAIL: no word on why"; echo "$out"; exit 1; }
out=$(ACW_UPDATE_GOLDEN=yes python3 "$g" 2>&1) && {
	echo "FAIL: ACW_UPDATE_GOLDEN=yes was not refused"; echo "$out"; exit 1; }
[ "$(cat "$srcdir"/tests/ui/golden/*.txt | cksum)" = "$before" ] || {
	echo "FAIL: golden screens changed"; exit 1; }
echo "ok: golden screens are rewritten only when asked for"
