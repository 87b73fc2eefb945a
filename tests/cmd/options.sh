#!/bin/sh
# GNU behaviour of the command line: every --help fits 80 columns and lists
# -h/--help and the exit status; an unknown option is one message and where
# to look; output that cannot be written (>/dev/full) is an error, exit 70.
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for c in "" validate submit status cli config edit list get diff update delete versions \
	endpoints check create-role templates new template; do
	# shellcheck disable=SC2086 # $c is one word or none
	"$ACW" $c --help >"$tmp/out" 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ] && ok || bad "'$c --help' exited $rc: $(cat "$tmp/err")"
	long=$(awk 'length > 80' "$tmp/out")
	[ -z "$long" ] && ok || bad "'$c --help' has lines over 80 columns: $long"
	grep -q '^  -h, --help  ' "$tmp/out" && ok || bad "'$c --help' does not list -h, --help"
	grep -q '^Exit status: 0 ' "$tmp/out" && ok || bad "'$c --help' lacks the exit status"
	tr '\n' ' ' <"$tmp/out" | grep -q '70 out of memory' && ok || bad "'$c --help' lacks exit status 70"
	[ -n "$c" ] || continue
	# -h is --help too, wherever it stands among the options
	# shellcheck disable=SC2086
	"$ACW" $c --no-color -h >"$tmp/out2" 2>&1 && cmp -s "$tmp/out" "$tmp/out2" && ok ||
		bad "'$c --no-color -h' is not the same help"
done

# the timeouts are described, not only named
"$ACW" --help >"$tmp/out"
# the commands' summaries start in one column, however long a name is
cols=$(sed -n '/^Commands:/,/^$/p' "$tmp/out" | sed -n 's/^  \([a-z-]*  *\).*/\1/p' | awk '{ print length }' | sort -u)
[ -n "$cols" ] && [ "$(echo "$cols" | wc -l)" -eq 1 ] && ok || bad "--help's command summaries do not line up: $cols"
for o in --cli-connect-timeout --cli-read-timeout; do
	awk -v o="$o" '$1 == o { getline; if ($0 ~ /^                             [a-z(]/) f = 1 } END { exit !f }' \
		"$tmp/out" && ok || bad "--help does not describe $o"
done

# an unknown option: getopt's message and the command's help to look at, no more
for c in validate submit status cli config; do
	"$ACW" "$c" --bogus x >"$tmp/out" 2>"$tmp/err"; rc=$?
	printf "agentcore-wizard: unrecognized option '--bogus'\nTry 'agentcore-wizard %s --help' for more information.\n" \
		"$c" >"$tmp/want"
	[ "$rc" -eq 2 ] && cmp -s "$tmp/want" "$tmp/err" && ok ||
		bad "'$c --bogus' exited $rc and said: $(cat "$tmp/err")"
done
"$ACW" --bogus >"$tmp/out" 2>"$tmp/err"; rc=$?
printf "agentcore-wizard: unrecognized option '--bogus'\nTry 'agentcore-wizard --help' for more information.\n" >"$tmp/want"
[ "$rc" -eq 2 ] && cmp -s "$tmp/want" "$tmp/err" && ok || bad "'--bogus' exited $rc and said: $(cat "$tmp/err")"
"$ACW" status --region >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 2 ] && grep -q "requires an argument" "$tmp/err" && ok ||
	bad "'status --region' exited $rc and said: $(cat "$tmp/err")"
"$ACW" validate --cli-read-timeout=x f >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 2 ] && grep -q "^Try 'agentcore-wizard validate --help'" "$tmp/err" && ok ||
	bad "'validate --cli-read-timeout=x' exited $rc and said: $(cat "$tmp/err")"

# standard output that cannot be written is an error (exit 70), as in GNU programs
if [ -w /dev/full ]; then
	for args in "--help" "--version" "validate --help" "config --help" "edit --help" \
		"validate --json $top_srcdir/tests/data/valid/vpc.json" \
		"cli $top_srcdir/tests/data/valid/vpc.json"; do
		# shellcheck disable=SC2086
		AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null "$ACW" $args \
			>/dev/full 2>"$tmp/err"; rc=$?
		[ "$rc" -eq 70 ] && grep -q "^agentcore-wizard: write error: " "$tmp/err" && ok ||
			bad "'$args >/dev/full' exited $rc and said: $(cat "$tmp/err")"
	done
	# nothing to write: no error
	"$ACW" validate "$top_srcdir/tests/data/valid/vpc.json" >/dev/full 2>"$tmp/err" && ok ||
		bad "validate of a valid form >/dev/full failed: $(cat "$tmp/err")"
else
	echo "no /dev/full here: skipping the write-error checks"
fi
"$ACW" --help >&- 2>"$tmp/err"; rc=$?
[ "$rc" -eq 70 ] && grep -q "write error" "$tmp/err" && ok || bad "'--help >&-' exited $rc: $(cat "$tmp/err")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
