#!/bin/bash
# The commands for runtimes that exist without the network: their --help,
# usage errors, and the bash completion (commands, options, form files,
# profiles, runtime ids from `list` and template names from `templates`
# kept for a minute, template's sections and paths from the program),
# called as bash calls it; both completions offer the
# commands of --help and each command's options; the zsh completion is
# checked for syntax when zsh is there.
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for c in list get diff update delete versions endpoints; do
	"$ACW" $c --help >"$tmp/out" 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ] && ok || bad "'$c --help' exited $rc: $(cat "$tmp/err")"
	long=$(awk 'length > 80' "$tmp/out")
	[ -z "$long" ] && ok || bad "'$c --help' has lines over 80 columns: $long"
	grep -q '^  -h, --help  ' "$tmp/out" && ok || bad "'$c --help' does not list -h, --help"
	grep -q '^Exit status: 0 ' "$tmp/out" && ok || bad "'$c --help' lacks the exit status"
	grep -q "^  $c " <("$ACW" --help) && ok || bad "'--help' does not list $c"
done
# usage errors: 2, before any setting is looked at
for args in "get" "get a b" "versions" "endpoints a/b" "delete ../x" "diff" "update" \
	"list extra" "get --nope x"; do
	# shellcheck disable=SC2086
	"$ACW" $args >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?
	[ "$rc" -eq 2 ] && grep -q "Try '" "$tmp/err" && ok || bad "'$args' exited $rc: $(cat "$tmp/err")"
done
# get -o names a new file: an existing one is replaced only with --force,
# said before anything is sent
echo precious >"$tmp/have.json"
"$ACW" get -o "$tmp/have.json" abc-0123456789 >/dev/null 2>"$tmp/err" </dev/null; rc=$?
[ "$rc" -eq 2 ] && grep -q "have.json exists: expected a new file, or --force" "$tmp/err" &&
	[ "$(cat "$tmp/have.json")" = precious ] && ok || bad "get -o over a file: $rc $(cat "$tmp/err")"
for c in get status delete versions endpoints; do
	"$ACW" $c --region us-east-1 'bad id' >/dev/null 2>"$tmp/err" </dev/null; rc=$?
	[ "$rc" -eq 2 ] && grep -q "$c: \"bad id\" is not a runtime id: expected NAME-XXXXXXXXXX" "$tmp/err" &&
		ok || bad "$c: a bad runtime id is not explained: $rc $(cat "$tmp/err")"
done

# settings that cannot sign: exit 3, what to set, nothing sent
env -i HOME="$tmp" PATH="$PATH" LC_ALL=C "$ACW" list >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 3 ] && grep -q 'Region' "$tmp/err" && ok || bad "list without a Region: $rc $(cat "$tmp/err")"
env -i HOME="$tmp" PATH="$PATH" LC_ALL=C AWS_REGION=us-east-1 "$ACW" versions a-0123456789 \
	>/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 3 ] && grep -q 'no AWS credentials found' "$tmp/err" && ok ||
	bad "versions without credentials: $rc $(cat "$tmp/err")"

# --- a form's kind, as every command tells it (formkind_of_text):
# a command given the other kind says what the file is and which command
# takes it, exit 2, before any setting is looked at (no Region, no keys
# here: a command that went on would exit 3) and with nothing written
upd='{"agentRuntimeId":"a-a1b2c3d4e5","agentRuntimeArtifact":{"containerConfiguration":{"containerUri":"public.ecr.aws/a/b"}},"roleArn":"arn:aws:iam::123456789012:role/R","networkConfiguration":{"networkMode":"PUBLIC"}}'
printf '%s' "$upd" >"$tmp/upd.json"
cp "$top_srcdir/tests/data/valid/minimal-container.json" "$tmp/create.json"
cp "$top_srcdir/forms/templates/a2a-agent.json" "$tmp/tmpl.json"
cp "$tmp/tmpl.json" "$tmp/tmpl.orig"
bare() { env -i HOME="$tmp" PATH="$PATH" LC_ALL=C "$ACW" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"; }
refused() { # WHAT ARGS...: exit 2, nothing on stdout, stderr names WHAT
	local what=$1; shift
	bare "$@"; rc=$?
	[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -qF -- "$what" "$tmp/err" && ok ||
		bad "'$*' exited $rc, not refused with '$what': $(cat "$tmp/out" "$tmp/err")"
}
for c in submit "submit --dry-run" "submit --no-check --wait"; do
	# shellcheck disable=SC2086
	refused "upd.json is an update form (it has agentRuntimeId at its top level), and 'agentcore-wizard ${c%% *}' takes a create form: send an update form with 'agentcore-wizard update $tmp/upd.json'" $c "$tmp/upd.json"
done
sh -c '"$0" submit - <"$1"' "$ACW" "$tmp/upd.json" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q "^agentcore-wizard: - is an update form" "$tmp/err" && ok ||
	bad "submit - of an update form: $rc $(cat "$tmp/err")"
refused "is an update form (it has agentRuntimeId at its top level), and 'agentcore-wizard create-role' takes a create form" \
	create-role --dry-run "$tmp/upd.json"
for c in update "update --dry-run" "update --wait" diff; do
	# shellcheck disable=SC2086
	refused "create.json is a create form (it has no agentRuntimeId), and 'agentcore-wizard ${c%% *}' takes an update form, which 'agentcore-wizard get --update RUNTIME_ID' writes: create a runtime from this form with 'agentcore-wizard submit $tmp/create.json'" $c "$tmp/create.json"
	# shellcheck disable=SC2086
	refused "tmpl.json is a template (it has agentcoreWizardTemplate at its top level), and 'agentcore-wizard ${c%% *}' takes an update form" $c "$tmp/tmpl.json"
done
for c in submit cli "create-role --dry-run"; do
	# shellcheck disable=SC2086
	refused "tmpl.json is a template (it has agentcoreWizardTemplate at its top level), and 'agentcore-wizard ${c%% *}' takes a create form: start a form from it with 'agentcore-wizard new --template $tmp/tmpl.json FORM'" $c "$tmp/tmpl.json"
done
# template: a template starts new runtimes, so it is made from a create form
refused "upd.json is an update form (it has agentRuntimeId at its top level), and 'agentcore-wizard template' takes a create form" \
	template "$tmp/upd.json" -o "$tmp/t.json"
grep -qF "'agentcore-wizard get RUNTIME_ID -o FORM'" "$tmp/err" && [ ! -e "$tmp/t.json" ] && ok ||
	bad "template of an update form: no pointer to get, or wrote $tmp/t.json: $(cat "$tmp/err")"
refused "tmpl.json is a template (it has agentcoreWizardTemplate at its top level), and 'agentcore-wizard template' takes a create form" \
	template "$tmp/tmpl.json" -o "$tmp/t.json"
[ ! -e "$tmp/t.json" ] && ok || bad "template of a template wrote $tmp/t.json"
# the wizard: a template given as FORM is not read as an (empty) form
refused "tmpl.json is a template (it has agentcoreWizardTemplate): the wizard opens forms." \
	--plain "$tmp/tmpl.json"
cmp -s "$tmp/tmpl.json" "$tmp/tmpl.orig" && ok || bad "the wizard changed the template given as FORM"
refused "upd.json is an update form (it has agentRuntimeId): the wizard opens create forms." \
	--plain "$tmp/upd.json"
# open without a terminal: not the --plain that open does not take, but the
# commands that change a runtime without the wizard
refused "write its update form with 'agentcore-wizard get --update abc-0123456789 -o FORM'" \
	open abc-0123456789
grep -q -- "--plain" "$tmp/err" && bad "open without a terminal points to --plain: $(cat "$tmp/err")" || ok
# new: a FORM that exists is named by its kind; a form given for a template too
refused "new: $tmp/upd.json exists: expected the name of a new file (it is an update form: send it with 'agentcore-wizard update $tmp/upd.json')" \
	new --template a2a-agent "$tmp/upd.json"
refused "new: $tmp/tmpl.json exists: expected the name of a new file (it is a template: start a form from it with 'agentcore-wizard new --template $tmp/tmpl.json FORM')" \
	new --template a2a-agent "$tmp/tmpl.json"
refused "upd.json: this is an update form (it has agentRuntimeId), not a template" \
	new --template "$tmp/upd.json" "$tmp/n.json"
refused "create.json: this is a form, not a template" new --template "$tmp/create.json" "$tmp/n.json"
[ ! -e "$tmp/n.json" ] && ok || bad "new wrote $tmp/n.json from a form given for a template"
# cli: an update form gives update-agent-runtime, validated as an update
bare --region eu-west-1 --endpoint-url https://127.0.0.1:9 cli "$tmp/upd.json"; rc=$?
[ "$rc" -eq 0 ] && [ "$(cat "$tmp/out")" = "aws bedrock-agentcore-control update-agent-runtime --cli-input-json '$upd' --region 'eu-west-1' --endpoint-url 'https://127.0.0.1:9'" ] &&
	ok || bad "cli of an update form: $rc $(cat "$tmp/out" "$tmp/err")"
bare --region eu-west-1 cli "$tmp/create.json"; rc=$?
[ "$rc" -eq 0 ] && grep -q "^aws bedrock-agentcore-control create-agent-runtime --cli-input-json '{\"agentRuntimeName\":\"support_agent\"" "$tmp/out" &&
	ok || bad "cli of a create form: $rc $(cat "$tmp/out" "$tmp/err")"
printf '%s' "$upd" | sed 's/a-a1b2c3d4e5/bad id/; s/}}$/},"agentRuntimeName":"x"}/' >"$tmp/upd-bad.json"
bare cli "$tmp/upd-bad.json"; rc=$?
[ "$rc" -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q "upd-bad.json: agentRuntimeId: " "$tmp/err" &&
	grep -q "upd-bad.json: agentRuntimeName: UpdateAgentRuntime takes no name" "$tmp/err" &&
	! grep -q "unknown member" "$tmp/err" && ok ||
	bad "cli of an invalid update form: not checked as an update: $rc $(cat "$tmp/out" "$tmp/err")"
bare cli --help; grep -q "update-agent-runtime for an" "$tmp/out" && ok ||
	bad "cli --help does not say it takes update forms: $(cat "$tmp/out")"

# --- bash completion, called as bash calls it
comp=$top_srcdir/contrib/completion/agentcore-wizard
mkdir -p "$tmp/bin" "$tmp/forms/sub" "$tmp/cache" "$tmp/aws"
cat >"$tmp/bin/agentcore-wizard" <<'STUB'
#!/bin/sh
# a stand-in for the program: `list` prints the table and is counted;
# `template` is the real program's (what --hide, --lock, --yours take)
echo "$*" >>"$STUB_LOG"
[ "$1" = template ] && exec "$REAL_ACW" "$@"
case ${*##* } in
list)
	printf 'NAME  ID  STATUS  VERSION  LAST UPDATED\n'
	printf 'alpha  alpha-0123456789  READY  1  2026-12-01T00:00:00Z\n'
	printf 'beta  beta-abcdefghij  UPDATING  3  2026-12-02T00:00:00Z\n'
	;;
templates)
	printf 'a2a-agent         A2A agent\n'
	printf 'team-support      Support agents of the team\n'
	;;
*) exit 2 ;;
esac
STUB
chmod +x "$tmp/bin/agentcore-wizard"
touch "$tmp/forms/a.json" "$tmp/forms/b.txt"
printf '[default]\nregion = us-east-1\n[profile dev]\n' >"$tmp/aws/config"
printf '[ci]\naws_access_key_id = x\n' >"$tmp/aws/credentials"

# complete WORDS...: the last word is the one being completed
complete_words() {
	(
		cd "$tmp/forms" || exit 1
		# shellcheck disable=SC1090
		. "$comp"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_agentcore_wizard
		printf '%s\n' "${COMPREPLY[@]}"
	)
}
saved_path=$PATH
export STUB_LOG=$tmp/stub.log XDG_CACHE_HOME=$tmp/cache PATH="$tmp/bin:$PATH" REAL_ACW=$ACW
export AWS_CONFIG_FILE=$tmp/aws/config AWS_SHARED_CREDENTIALS_FILE=$tmp/aws/credentials
: >"$STUB_LOG"
out=$(complete_words agentcore-wizard "")
for w in validate submit list get diff update delete versions endpoints a.json; do
	grep -qx -- "$w" <<<"$out" && ok || bad "first word: $w missing from: $out"
done
grep -qx b.txt <<<"$out" && bad "first word offers b.txt (not a form)" || ok
out=$(complete_words agentcore-wizard ge)
[ "$out" = get ] && ok || bad "'ge' completes to: $out"
out=$(complete_words agentcore-wizard get -)
for w in --update --output --region --profile; do
	grep -qx -- "$w" <<<"$out" && ok || bad "get -: $w missing from: $out"
done
out=$(complete_words agentcore-wizard update "")
grep -qx a.json <<<"$out" && ! grep -qx b.txt <<<"$out" && ok ||
	bad "update: form files are not offered alone: $out"
out=$(complete_words agentcore-wizard delete -)
grep -qx -- --yes <<<"$out" && ok || bad "delete -: no --yes: $out"
out=$(complete_words agentcore-wizard --profile "")
[ "$(printf '%s\n' "$out" | sort | tr '\n' ' ')" = "ci default dev " ] && ok ||
	bad "--profile offers: $out"
out=$(complete_words agentcore-wizard get "")
[ "$out" = "$(printf 'alpha-0123456789\nbeta-abcdefghij')" ] && ok || bad "get: the ids: $out"
[ "$(grep -c 'list$' "$STUB_LOG")" = 1 ] && ok || bad "list not asked once: $(cat "$STUB_LOG")"
out=$(complete_words agentcore-wizard versions b)
[ "$out" = beta-abcdefghij ] && ok || bad "versions b: $out"
out=$(complete_words agentcore-wizard open a)
[ "$out" = alpha-0123456789 ] && ok || bad "open a: $out"
[ "$(grep -c 'list$' "$STUB_LOG")" = 1 ] && ok ||
	bad "a second completion within a minute asked list again: $(cat "$STUB_LOG")"
# another Region is another list; the global options go to list
out=$(complete_words agentcore-wizard --region eu-west-1 status "")
grep -qx -- '--region eu-west-1 list' "$STUB_LOG" && [ -n "$out" ] && ok ||
	bad "--region not passed to list: $(cat "$STUB_LOG")"
# a minute later the list is asked for again
for f in "$tmp"/cache/agentcore-wizard/runtime-ids-*; do touch -d '2 minutes ago' "$f"; done
complete_words agentcore-wizard endpoints "" >/dev/null
[ "$(grep -c '^list$' "$STUB_LOG")" = 2 ] && ok || bad "an old cache was used: $(cat "$STUB_LOG")"
[ "$(stat -c %a "$tmp/cache/agentcore-wizard")" = 700 ] && ok || bad "the cache folder is not 0700"

# the new commands, their options, and template names from `templates`
out=$(complete_words agentcore-wizard check --)
for w in --json --offline; do
	grep -qx -- "$w" <<<"$out" && ok || bad "check --: $w missing from: $out"
done
out=$(complete_words agentcore-wizard new --template "")
[ "$(printf '%s\n' "$out" | sed -n 1,2p | tr '\n' ' ')" = "a2a-agent team-support " ] &&
	grep -qx a.json <<<"$out" && ok || bad "new --template: the template names and files: $(tr "\n" " " <<<"$out")"
out=$(complete_words agentcore-wizard new --template te)
[ "$out" = team-support ] && ok || bad "new --template te: $out"
[ "$(grep -c 'templates$' "$STUB_LOG")" = 1 ] && ok ||
	bad "templates not asked once within a minute: $(cat "$STUB_LOG")"
out=$(complete_words agentcore-wizard new --template team-support "")
grep -qx a.json <<<"$out" && ok || bad "new --template NAME: no form files: $out"

# template --hide, --lock, --yours: the sections and paths the program
# lists from its form definitions (forms/), not a copy in the completion;
# with a form on the line, its map entries too
out=$(complete_words agentcore-wizard template a.json -o t.json --hide "")
want=$(sed -n 's/^  "section": "\([a-z]*\)",$/\1/p' "$top_srcdir"/forms/[0-9]*.json | grep -vx review)
[ -n "$want" ] && [ "$out" = "$want" ] && ok ||
	bad "template --hide: $(tr '\n' ' ' <<<"$out"), the forms have: $(echo $want)"
out=$(complete_words agentcore-wizard template a.json --hide f)
[ "$out" = filesystems ] && ok || bad "template --hide f: $out"
out=$(complete_words agentcore-wizard template --lock network)
grep -qx networkConfiguration <<<"$out" && grep -qx networkConfiguration.networkModeConfig.subnets <<<"$out" &&
	! grep -qvE '^network' <<<"$out" && ok || bad "template --lock network: $(tr '\n' ' ' <<<"$out")"
printf '{"environmentVariables": {"API_KEY": "k", "LOG_LEVEL": "INFO"}}\n' >"$tmp/forms/env.json"
out=$(complete_words agentcore-wizard template env.json -o t.json --yours environmentVariables)
[ "$(tr '\n' ' ' <<<"$out")" = "environmentVariables environmentVariables.API_KEY environmentVariables.LOG_LEVEL " ] &&
	ok || bad "template FORM --yours environmentVariables: $(tr '\n' ' ' <<<"$out")"
out=$(complete_words agentcore-wizard template nosuch.json --yours agentRuntimeN)
[ "$out" = agentRuntimeName ] && ok || bad "template with a missing form --yours: $out"
out=$(complete_words agentcore-wizard new --hide "")
[ -z "$out" ] && ok || bad "--hide of another command completed: $out"

# --- one command list: the completions offer exactly the commands of
# --help, and each command's options of its own --help
commands=$(PATH=$saved_path "$ACW" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
# shellcheck disable=SC1090,SC2154
bash_commands=$(. "$comp" && printf '%s\n' $_agentcore_wizard_commands)
[ "$(sort <<<"$commands")" = "$(sort <<<"$bash_commands")" ] && ok ||
	bad "bash completion commands differ from --help: $(diff <(sort <<<"$commands") <(sort <<<"$bash_commands") | grep '^[<>]' | tr '\n' ' ')"
zcomp=$top_srcdir/contrib/completion/_agentcore-wizard
zsh_commands=$(sed -n '/^\tcommands=(/,/^\t)/p' "$zcomp" | sed -n "s/^\t\t'\([a-z-]*\):.*/\1/p")
[ "$(sort <<<"$commands")" = "$(sort <<<"$zsh_commands")" ] && ok ||
	bad "zsh completion commands differ from --help: $(diff <(sort <<<"$commands") <(sort <<<"$zsh_commands") | grep '^[<>]' | tr '\n' ' ')"
for c in $commands; do
	opts=$(PATH=$saved_path "$ACW" "$c" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' |
		tr -d ' ' | tr ',' '\n' | grep -vx -- '-h' | grep -vx -- '--help')
	# shellcheck disable=SC1090
	bash_opts=$(. "$comp" && _agentcore_wizard_options "$c")
	# its arm in the zsh case: "cmd)" or "a|cmd|b)" (edit's --plain is
	# the top level's)
	arm=$(grep -E "^	+([a-z|-]+\|)?$c(\|[a-z|-]+)?\) _arguments" "$zcomp")
	[ -n "$arm" ] || [ "$c" = edit ] && ok || bad "zsh: no arm for $c"
	for o in $opts; do
		grep -qx -- "$o" < <(printf '%s\n' $bash_opts) && ok || bad "bash: $c $o not completed"
		[ "$c" = edit ] || grep -qE -- "(^|[^a-z-])${o}[[},]" <<<"$arm" && ok ||
			bad "zsh: $c $o not completed"
	done
done

# --- zsh completion: its syntax, and completions as Tab makes them in an
# interactive zsh (tests/cmd/zsh-complete.zsh), where zsh is installed
zcomplete() { # LINE: the matches offered at its end
	(cd "$tmp/forms" && COMPDIR=$top_srcdir/contrib/completion \
		timeout 60 zsh -f "$top_srcdir/tests/cmd/zsh-complete.zsh" "$1")
}
if command -v zsh >/dev/null; then
	zsh -n "$top_srcdir/contrib/completion/_agentcore-wizard" && ok || bad "_agentcore-wizard: zsh -n"
	out=$(zcomplete 'agentcore-wizard template a.json -o t.json --hide ')
	if [ $? = 77 ]; then
		echo "zsh has no zpty module: its completions not tried"
	else
		[ -n "$want" ] && [ "$out" = "$(sort <<<"$want")" ] && ok ||
			bad "zsh: template --hide: $(tr '\n' ' ' <<<"$out")"
		out=$(zcomplete 'agentcore-wizard template env.json -o t.json --yours environmentVariables')
		[ "$(tr '\n' ' ' <<<"$out")" = "environmentVariables environmentVariables.API_KEY environmentVariables.LOG_LEVEL " ] &&
			ok || bad "zsh: template FORM --yours environmentVariables: $(tr '\n' ' ' <<<"$out")"
		out=$(zcomplete 'agentcore-wizard template --lock networkConfiguration.networkModeConfig.s')
		[ "$(tr '\n' ' ' <<<"$out")" = "networkConfiguration.networkModeConfig.securityGroups networkConfiguration.networkModeConfig.subnets " ] &&
			ok || bad "zsh: template --lock: $(tr '\n' ' ' <<<"$out")"
		# the program as typed and the global options, not the command's
		# words, ask for template names and runtime ids
		out=$(zcomplete 'agentcore-wizard new --template te')
		grep -qx team-support <<<"$out" && ok || bad "zsh: new --template te: $(tr '\n' ' ' <<<"$out")"
		out=$(zcomplete 'agentcore-wizard --region eu-central-1 status ')
		grep -qx -- '--region eu-central-1 list' "$STUB_LOG" && grep -qx beta-abcdefghij <<<"$out" && ok ||
			bad "zsh: --region eu-central-1 status: $(tr '\n' ' ' <<<"$out") asked: $(tr '\n' ' ' <"$STUB_LOG")"
	fi
else
	echo "zsh not installed: its completion not checked"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
