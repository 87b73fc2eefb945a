#!/bin/sh
# The translation is complete: a template made now from the sources and
# forms/ equals the tracked po/agentcore-wizard.pot, and po/de.po translates
# every message of it, none fuzzy. Exit 77 (skipped) without the gettext
# tools or python3 (with CI=true, 1: tests/cmd/skip.sh).
set -u
: "${top_srcdir:?run through make check}"
. "$top_srcdir/tests/cmd/skip.sh"
for t in xgettext msgmerge msgfmt msgattrib python3; do
	if ! command -v "$t" >/dev/null 2>&1; then
		test_skipped "$t not found"
	fi
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
po=$top_srcdir/po
fail=0

# The template as po/Makefile makes it, with forms-strings.c made from forms/
# now (found in $tmp before the tree's copy).
mkdir "$tmp/po" &&
	python3 "$po/forms-strings.py" "$top_srcdir/forms" >"$tmp/po/forms-strings.c" || exit 99
opts=$(sed -n '/^XGETTEXT_OPTIONS *=/,/[^\\]$/p' "$po/Makevars" | sed 's/^XGETTEXT_OPTIONS *=//; s/\\$//' | tr '\n' ' ')
# shellcheck disable=SC2086 # the options are words
xgettext --directory="$tmp" --directory="$top_srcdir" --add-comments=TRANSLATORS: \
	--files-from="$po/POTFILES.in" $opts -o "$tmp/now.pot" || exit 99

# Messages only: the header (creation date, version) may differ.
messages() { msgattrib --no-wrap --sort-output "$1" | sed '1,/^$/d'; }
messages "$tmp/now.pot" >"$tmp/now.msgs"
messages "$po/agentcore-wizard.pot" >"$tmp/tracked.msgs"
if cmp -s "$tmp/now.msgs" "$tmp/tracked.msgs"; then
	echo "ok: po/agentcore-wizard.pot is current"
else
	echo "FAIL: po/agentcore-wizard.pot is not the template of the sources now" \
		"(run 'make update-pot'):"
	diff -u "$tmp/tracked.msgs" "$tmp/now.msgs" | grep '^[-+]msgid' | head -n 40
	fail=1
fi

# Every source file with a message is listed in po/POTFILES.in (a file left
# out has its messages missing from the template, and so never translated).
for f in $(cd "$top_srcdir" && grep -rlE '(^|[^A-Za-z0-9_])(_|N_|P_)\(' src --include='*.c' | sort); do
	if ! grep -qx "$f" "$po/POTFILES.in"; then
		echo "FAIL: $f has messages but is not in po/POTFILES.in"
		fail=1
	fi
done

msgmerge --quiet --no-wrap "$po/de.po" "$tmp/now.pot" -o "$tmp/de.po" || exit 99
stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/de.po" 2>&1) || {
	echo "FAIL: msgfmt -c: $stats"; exit 1; }
echo "de.po against the template now: $stats"
case $stats in
*fuzzy* | *untranslated*)
	echo "FAIL: po/de.po is not complete; to translate:"
	for w in fuzzy untranslated; do
		if [ $w = fuzzy ]; then opt=--only-fuzzy; else opt=--untranslated; fi
		msgattrib --no-wrap "$opt" "$tmp/de.po" | sed '1,/^$/d' |
			awk -v w=$w '/^msgid ""$/ { getline; print "  " w ": " $0; next }
				/^msgid / { sub(/^msgid /, ""); print "  " w ": " $0 }' | head -n 40
	done
	fail=1
	;;
*) echo "ok: po/de.po translates every message" ;;
esac
exit $fail
