#!/bin/sh
# The German translation shows: `validate` and `--help` under de_DE.UTF-8,
# with the catalog built from po/de.po into a temporary locale tree
# (AGENTCORE_WIZARD_LOCALEDIR), so it works uninstalled from the build tree.
# Exit 77 (skipped) without the de_DE.UTF-8 locale or msgfmt (with CI=true,
# 1: tests/cmd/skip.sh).
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
. "$top_srcdir/tests/cmd/skip.sh"
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	test_skipped "the locale de_DE.UTF-8 is not installed (locale -a)"
fi
if ! command -v msgfmt >/dev/null 2>&1; then
	test_skipped "msgfmt not found"
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/de/LC_MESSAGES" &&
	msgfmt -c -o "$tmp/de/LC_MESSAGES/agentcore-wizard.mo" "$top_srcdir/po/de.po" || exit 99

fail=0
check() { # file text what
	if grep -qF -- "$2" "$1"; then
		echo "ok: $3 shows \"$2\""
	else
		echo "FAIL: $3 lacks \"$2\":"; sed 's/^/  | /' "$1"; fail=1
	fi
}
run() {
	LC_ALL=de_DE.UTF-8 LANGUAGE=de AGENTCORE_WIZARD_LOCALEDIR="$tmp" NO_COLOR=1 "$ACW" "$@"
}

f=$top_srcdir/tests/data/invalid/subnet-short.json
run validate "$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: validate $f exited $rc, want 1"; fail=1; }
check "$tmp/err" "ist zu kurz: erwartet" "validate $f"
check "$tmp/err" "networkConfiguration.networkModeConfig.subnets[1]" "validate $f (JSON path kept)"

# labels in messages are the translated ones, beside the API's names
printf '{"agentRuntimeName":"a","roleArn":"arn:aws:iam::123456789012:role/R"}' >"$tmp/form.json"
run validate "$tmp/form.json" >"$tmp/out" 2>"$tmp/err"
check "$tmp/err" "Container-Image (containerConfiguration)" "validate of a form without an artifact"

run --help >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: --help exited $rc, want 0"; fail=1; }
check "$tmp/out" "Aufruf:" "--help"
check "$tmp/out" "Befehle:" "--help"
check "$tmp/out" "--region REGION" "--help (option names kept)"

run validate >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL: validate without a form exited $rc, want 2"; fail=1; }
check "$tmp/err" "keine Formulardatei angegeben" "validate without a form"

# Without the override, under LC_ALL=C, the text stays English.
LC_ALL=C LANGUAGE= AGENTCORE_WIZARD_LOCALEDIR="$tmp" "$ACW" --help >"$tmp/out" 2>&1
check "$tmp/out" "Global options:" "--help under LC_ALL=C"

exit $fail
