#!/bin/sh
# The man page as built (doc/agentcore-wizard.1 from its .in): every
# placeholder filled, no warning from groff or man, nothing wider than 80
# columns, and the things a reader looks for in it.
set -u
: "${top_builddir:?run through make check}"
page=$top_builddir/doc/agentcore-wizard.1
[ -f "$page" ] || { echo "FAIL: $page was not built"; exit 1; }
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
. "${top_srcdir:?}/tests/cmd/skip.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

left=$(grep -o '@[A-Za-z_]*@' "$page" | sort -u)
[ -z "$left" ] && ok || bad "placeholders left in the page: $left"

if command -v groff >/dev/null 2>&1; then
	out=$(LC_ALL=C groff -man -ww -z "$page" 2>&1)
	[ -z "$out" ] && ok || bad "groff -man -ww -z: $out"
else
	part_skipped "no groff: its own check of the page (-ww) did not run" optional
fi
if command -v man >/dev/null 2>&1; then
	out=$(LC_ALL=C MANWIDTH=80 man --warnings -l "$page" 2>&1 >"$tmp/80")
	[ -z "$out" ] && ok || bad "man --warnings: $out"
	wide=$(awk 'length > 80' "$tmp/80")
	[ -z "$wide" ] && ok || bad "lines over 80 columns: $wide"
	LC_ALL=C MANWIDTH=1000 man -l "$page" 2>/dev/null | col -b >"$tmp/text"
else
	# what the page says is checked as man renders it; without man, skip
	[ "$fail" -eq 0 ] || exit 1
	test_skipped "no man (Debian: man-db): the rendered page is not checked"
fi

# what the page must tell (one per line: the text as rendered)
while IFS= read -r want; do
	grep -qF -- "$want" "$tmp/text" && ok || bad "the page does not say \"$want\""
done <<'EOF_WANT'
agentcore-wizard [--plain] [FORM]
edit [--plain] FORM
A FORM of - is read from standard input
In a text field
Delete, Ctrl-D
Left, Ctrl-B / Right, Ctrl-F
Home, Ctrl-A / End, Ctrl-E
Ctrl-U Clear the field.
On the review screen
PageUp, PageDown or a letter move
LANGUAGE, LC_ALL, LC_MESSAGES, LANG
HOME
TERM
runtime.json
agentcore-wizard.mo
sso_session, sso_start_url or mfa_serial is refused with a hint
70     Out of memory, or standard output could not be written
EOF_WANT

summary
