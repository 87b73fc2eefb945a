# skip.sh: sourced by the command tests (after ok and bad are defined): how
# a test, or a part of one, that cannot run here says so. With CI=true a skip
# is a failure unless it is marked optional (docs/testing.md lists those).

# part_skipped REASON [optional]: a part of the test that did not run.
part_skipped() {
	echo "SKIP (part of ${0##*/}): $1"
	skipped="${skipped:+$skipped; }$1"
	if [ "${CI:-}" = true ] && [ "${2:-}" != optional ]; then
		bad "CI=true: every part must run, but $1"
	fi
}

# test_skipped REASON: the whole test cannot run: exit 77, or 1 with CI=true.
test_skipped() {
	if [ "${CI:-}" = true ]; then
		echo "FAIL: $1 (CI=true: a skip is a failure)"
		exit 1
	fi
	echo "SKIP: $1"
	exit 77
}

# The last line: counts, and the parts skipped.
summary() {
	echo "$pass passed, $fail failed${skipped:+, parts skipped: $skipped}"
	[ "$fail" -eq 0 ]
}
