#!/bin/sh
# check-sizes.sh: no source file over 1,200 lines, no function over 100
# (docs/decisions.md, "Sizes"). A function is counted from its opening brace
# at the start of a line to the closing one, as .clang-format writes them.
cd "${top_srcdir:-.}" || exit 99
files=$(find src -name '*.[ch]' | sort)
[ -n "$files" ] || { echo "FAIL: no source file found under src/"; exit 1; }
bad=0
for f in $files; do
	n=$(wc -l <"$f")
	[ "$n" -le 1200 ] || { echo "FAIL: $f has $n lines (at most 1200)"; bad=1; }
done
long=$(awk 'FNR == 1 { name = "" }
	/^[A-Za-z_].*\(/ && !/;[[:space:]]*$/ { name = $0 }
	/^\{/ { start = FNR; fn = name }
	/^\}/ && start { len = FNR - start - 1
		if (len > 100) { sub(/\(.*/, "", fn); printf "%s:%d: %s has %d lines (at most 100)\n", FILENAME, start, fn, len }
		start = 0 }' $files)
[ -z "$long" ] || { printf '%s\n' "$long" | sed 's/^/FAIL: /'; bad=1; }
[ $bad = 0 ] && echo "sizes ok: $(echo "$files" | wc -l) files, none over 1200 lines, no function over 100"
exit $bad
