#!/bin/sh
# check-layering.sh: who may include whom, over every folder of src/.
#   base   includes nothing of form, aws, cli or ui
#   form   includes base only
#   aws    includes base and aws; of form only runtime, probe and the account
#          checks may (the signing and transport side, listed in SIGNING,
#          includes nothing of form)
#   ui     includes nothing of cli; cli includes nothing of ui but ui/ui.h
#   curses only in ui; libcurl, OpenSSL and cJSON never in ui
#   no two files include each other, no two folders include each other
# It fails when it finds no file to check, so a move cannot make it pass
# by checking nothing.
cd "${top_srcdir:-.}" || exit 99
SIGNING="secret sigv4 http credentials credcache endpoint awsconfig service xml"
bad=0
files=$(find src -name '*.[ch]' | sort)
n=$(printf '%s\n' "$files" | grep -c .)
[ "$n" -gt 20 ] || { echo "FAIL: only $n source files found under src/"; exit 1; }
for d in base form aws cli ui; do
	ls src/$d/*.[ch] >/dev/null 2>&1 || { echo "FAIL: src/$d has no source file"; bad=1; }
done

# every "folder/name.h" include, as: file folder stem target-folder target-stem
edges=$(for f in $files; do
	dir=${f#src/}; dir=${dir%%/*}; case $f in src/*/*) ;; *) dir=main ;; esac
	stem=$(basename "$f"); stem=${stem%.*}
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z]*\)\/\([a-z_-]*\)\.h".*/\1 \2/p' "$f" |
		while read -r td ts; do echo "$f $dir $stem $td $ts"; done
	# a bare include names a header of the same folder
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z_-]*\)\.h".*/\1/p' "$f" |
		grep -v '^config$' | while read -r ts; do
			if [ "$dir" = main ]; then echo "$f $dir $stem main $ts"; else echo "$f $dir $stem $dir $ts"; fi
		done
done)
[ -n "$edges" ] || { echo "FAIL: no include found under src/"; exit 1; }

fail() { echo "FAIL: $*"; bad=1; }
printf '%s\n' "$edges" | {
	rc=0
	while read -r f d s td ts; do
		[ -f "src/$td/$ts.h" ] || [ "$td" = main ] || { echo "FAIL: $f includes $td/$ts.h, which does not exist"; rc=1; }
		case $d:$td in
		base:form | base:aws | base:cli | base:ui | base:main) echo "FAIL: $f (base) includes $td/$ts.h"; rc=1 ;;
		form:aws | form:cli | form:ui | form:main) echo "FAIL: $f (form) includes $td/$ts.h"; rc=1 ;;
		aws:cli | aws:ui | aws:main) echo "FAIL: $f (aws) includes $td/$ts.h"; rc=1 ;;
		aws:form)
			case " $SIGNING " in *" $s "*) echo "FAIL: $f (signing and transport) includes $td/$ts.h"; rc=1 ;; esac ;;
		ui:cli | ui:main) echo "FAIL: $f (ui) includes $td/$ts.h"; rc=1 ;;
		cli:ui) [ "$ts" = ui ] || { echo "FAIL: $f (cli) includes $td/$ts.h (only ui/ui.h)"; rc=1; } ;;
		esac
	done
	exit $rc
} || bad=1

# two files that include each other (a.c or a.h includes b.h, b.c or b.h a.h)
pairs=$(printf '%s\n' "$edges" | awk '{ a = $2 "/" $3; b = $4 "/" $5; if (a != b) print a, b }' | sort -u)
cyc=$(printf '%s\n' "$pairs" | awk '{ e[$1 " " $2] = 1 } END { for (k in e) { split(k, p, " ");
	if ((p[2] " " p[1]) in e && p[1] < p[2]) print p[1] " <-> " p[2] } }')
[ -z "$cyc" ] || fail "files include each other: $cyc"
# two folders that include each other (cli -> ui/ui.h is the one entry allowed)
dcyc=$(printf '%s\n' "$edges" | awk '$2 != $4 && !($2 == "cli" && $4 == "ui" && $5 == "ui") { print $2, $4 }' |
	sort -u | awk '{ e[$1 " " $2] = 1 } END { for (k in e) { split(k, p, " ");
	if ((p[2] " " p[1]) in e && p[1] < p[2]) print p[1] " <-> " p[2] } }')
[ -z "$dcyc" ] || fail "folders include each other: $dcyc"

# curses only in ui; libcurl, OpenSSL and cJSON never in ui
for f in $files; do
	case $f in src/ui/*)
		if grep -nE '#[[:space:]]*include[[:space:]]*<(curl/|openssl/|cjson/)|\b(curl_easy_|curl_multi_|cJSON_|EVP_|HMAC)' "$f"; then
			fail "$f (ui) calls libcurl, OpenSSL or cJSON directly (above)"
		fi ;;
	*)
		if grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?curses(w)?|menu|panel|ncursesw/[a-z]+)\.h|#[[:space:]]*include[[:space:]]*<form\.h>' "$f"; then
			fail "$f includes curses outside src/ui (above)"
		fi ;;
	esac
done
[ $bad = 0 ] && echo "layering ok: $n files, $(printf '%s\n' "$edges" | wc -l) includes checked"
exit $bad
