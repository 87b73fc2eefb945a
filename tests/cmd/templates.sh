#!/bin/sh
# Command-level tests of templates: `templates` lists them, `new` starts a
# form from each bundled one (filled in, validate and the AWS CLI accept
# it), `template` makes one from a form with secrets taken out, and broken
# templates are refused with the path named and exit 1 or 2, as forms are.
set -u
: "${ACW:?run through make check}" "${top_srcdir:?}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
# no templates of this machine or its user in the way
XDG_DATA_DIRS=$tmp/none XDG_CONFIG_HOME=$tmp/config HOME=$tmp
export XDG_DATA_DIRS XDG_CONFIG_HOME HOME
unset AGENTCORE_WIZARD_TEMPLATES

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

expect_exit() { # want command...
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"; got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$* exited $got, want $want"; cat "$tmp/out" "$tmp/err"; fi
}
has() { # file text what
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in: $(cat "$1")"; fi
}

bundled="container-public python-s3 mcp-cognito-vpc a2a-agent"

# Each command's help: exit 0, lines under 80 columns.
for c in templates new template; do
	expect_exit 0 "$ACW" "$c" --help
	long=$(awk 'length > 79' "$tmp/out")
	[ -z "$long" ] && ok || bad "$c --help has lines over 79 columns: $long"
done

# templates: every bundled one, with its title
expect_exit 0 "$ACW" templates
for n in $bundled; do has "$tmp/out" "$n" "templates lists $n"; done
has "$tmp/out" "MCP server behind Cognito, in a VPC" "templates shows titles"

# Each bundled template explains every value it presets, and gives a hint
# and an example for every field that is yours.
for n in $bundled; do
	python3 - "$top_srcdir/forms/templates/$n.json" <<'PY' && ok || bad "$n explains its fields"
import json, sys
t = json.load(open(sys.argv[1]))
fields = t["fields"]
def covered(path):
    best = None
    for p in fields:
        if path == p or path.startswith(p + ".") or path.startswith(p + "["):
            if best is None or len(p) > len(best):
                best = p
    return best
def leaves(v, path):
    if isinstance(v, dict) and v:
        for k, x in v.items():
            yield from leaves(x, path + "." + k if path else k)
    elif isinstance(v, list) and v:
        yield path          # a list is explained as a whole
    elif not isinstance(v, (dict, list)):
        yield path
bad = [p for p in leaves(t["form"], "") if not covered(p) or not fields[covered(p)].get("note")]
bad += [p for p, e in fields.items() if e["mode"] == "yours" and not (e.get("note") and e.get("example"))]
if bad:
    print("unexplained:", bad)
    sys.exit(1)
PY
done

# Fill a form's yours fields from the template's examples (lists get one
# item, map entries their value).
fill() { # template form
	python3 - "$1" "$2" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
form = json.load(open(sys.argv[2]))
for path, e in t["fields"].items():
    if e["mode"] != "yours":
        continue
    parts = path.split(".")
    node = form
    for p in parts[:-1]:
        node = node.setdefault(p, {})
    last = parts[-1]
    if last in ("subnets", "securityGroups", "allowedClients", "entryPoint"):
        node[last] = [e["example"]]
    else:
        node[last] = e["example"]
json.dump(form, open(sys.argv[2], "w"), indent=4)
PY
}

aws_create() { # file
	AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=x AWS_CONFIG_FILE=/dev/null \
		aws bedrock-agentcore-control create-agent-runtime --cli-input-json "file://$1" \
		--endpoint-url http://127.0.0.1:9 --region us-east-1 --cli-connect-timeout 2 2>&1
}

for n in $bundled; do
	expect_exit 0 "$ACW" new --template "$n" "$n-form.json"
	has "$tmp/out" "Yours to fill" "new $n lists the fields that are yours"
	# before filling: what is missing is what is yours
	expect_exit 1 "$ACW" validate "$n-form.json"
	fill "$top_srcdir/forms/templates/$n.json" "$n-form.json"
	expect_exit 0 "$ACW" validate "$n-form.json"
	[ -s "$tmp/err" ] && bad "$n filled in: $(cat "$tmp/err")"
	if grep -q 'agentcoreWizardTemplate\|"mode"' "$n-form.json"; then
		bad "$n: the form holds the template's metadata"; else ok; fi
	if command -v aws >/dev/null 2>&1; then
		out=$(aws_create "$n-form.json")
		case $out in
		*"Could not connect"*) ok ;;
		*) bad "AWS CLI refused the form from $n: $out" ;;
		esac
	fi
done
command -v aws >/dev/null 2>&1 || echo "aws not installed: skipping the AWS CLI cross-check"

# new: usage errors
expect_exit 2 "$ACW" new fresh.json </dev/null
has "$tmp/err" "expected --template NAME or FILE when not at a terminal" \
	"new without a template, not at a terminal"
[ -e fresh.json ] && bad "new without a template wrote a form" || ok
# new without a template, with --plain: an empty form at FORM, asked line by
# line (at a terminal, the wizard: tests/ui/template.py)
printf 'abc\n' >in.txt
expect_exit 6 "$ACW" new --plain fresh.json <in.txt
has "$tmp/out" "fresh.json is a new file" "new --plain FORM without a template"
has "$tmp/out" "Runtime name: abc" "new --plain FORM without a template asks the name"
expect_exit 2 "$ACW" new --template python-s3 python-s3-form.json
has "$tmp/err" "python-s3-form.json exists" "new over an existing file"
expect_exit 2 "$ACW" new --template no-such-template x.json
has "$tmp/err" "no template named 'no-such-template'" "new with an unknown name"
[ -e x.json ] && bad "new wrote a form from an unknown template" || ok

# A template with a bad path and a lock on a member that does not exist:
# exit 1, the paths named. A malformed one: exit 2, with line and column.
cat >bad.json <<'JSON'
{
    "agentcoreWizardTemplate": 1,
    "title": "Broken",
    "fields": {
        "networkConfiguration.networkMod": {"mode": "locked"},
        "roleArnn": {"mode": "locked", "note": "ours"}
    },
    "form": {}
}
JSON
expect_exit 1 "$ACW" new --template ./bad.json y.json
has "$tmp/err" './bad.json: fields["networkConfiguration.networkMod"]: names no member of the form: networkConfiguration has no member "networkMod"' "bad path"
has "$tmp/err" "./bad.json: fields.roleArnn: names no member of the form" "lock on no member"
[ -e y.json ] && bad "new wrote a form from an invalid template" || ok
printf '{\n    "agentcoreWizardTemplate": 1,\n    "form": {,}\n}\n' >malformed.json
expect_exit 2 "$ACW" new --template malformed.json z.json
has "$tmp/err" "malformed.json: line 3, column 14" "malformed template"
# validate takes a template as a template: 0 valid, 1 invalid, 2 malformed.
expect_exit 0 "$ACW" validate "$top_srcdir/forms/templates/container-public.json"
[ -s "$tmp/err" ] && bad "validate of a bundled template: $(cat "$tmp/err")" || ok
expect_exit 1 "$ACW" validate ./bad.json
has "$tmp/err" "./bad.json: fields.roleArnn: names no member of the form" "validate of an invalid template"
expect_exit 2 "$ACW" validate malformed.json
has "$tmp/err" "malformed.json: line 3, column 14" "validate of a malformed template"
# a template that holds a secret value (written or edited by hand): invalid,
# the path named, and new starts nothing from it (secrets never travel)
cat >secret.json <<'JSON'
{
    "agentcoreWizardTemplate": 1,
    "title": "Leaky",
    "fields": {},
    "form": {"environmentVariables": {"MODE": "prod", "Db_Password": "hunter2"}}
}
JSON
expect_exit 1 "$ACW" validate secret.json
has "$tmp/err" "secret.json: form.environmentVariables.Db_Password: holds a value, and its name looks secret" "validate of a template holding a secret"
grep -q "MODE" "$tmp/err" && bad "a value that is not secret named: $(cat "$tmp/err")" || ok
expect_exit 1 "$ACW" new --template ./secret.json s.json
[ -e s.json ] && bad "new wrote a form from a template holding a secret" || ok
# a required value nobody can give: locked without a value, or in a hidden
# section: invalid, the path named (a newcomer would be stuck on it)
printf '%s\n' '{"agentcoreWizardTemplate": 1, "title": "Stuck",' \
	' "hiddenSections": ["basics"],' \
	' "fields": {"roleArn": {"mode": "locked", "note": "ours"}},' \
	' "form": {"agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "public.ecr.aws/a/b:1"}}}}' >stuck.json
expect_exit 1 "$ACW" validate stuck.json
has "$tmp/err" "stuck.json: form.roleArn: is required" "a required value locked without one"
has "$tmp/err" "but the template locks it, so nobody starting from it can fill it in" "the lock named"
has "$tmp/err" "stuck.json: form.agentRuntimeName: is required" "a required value in a hidden section"
has "$tmp/err" "but the template hides it" "the hidden section named"
# check of templates alone needs no Region and no credentials: it checks
# them as validate does (exit 0 or 1), it does not ask for the account
noaws="env -u AWS_REGION -u AWS_DEFAULT_REGION -u AWS_PROFILE -u AWS_ACCESS_KEY_ID AWS_CONFIG_FILE=$tmp/none AWS_SHARED_CREDENTIALS_FILE=$tmp/none"
expect_exit 0 $noaws "$ACW" check "$top_srcdir/forms/templates/container-public.json"
has "$tmp/err" "the account checks take forms" "check of a template"
grep -q "Region" "$tmp/err" && bad "check of a template asked for a Region: $(cat "$tmp/err")" || ok
expect_exit 1 $noaws "$ACW" check ./bad.json
# with a form beside it, the form's account checks still need them
expect_exit 3 $noaws "$ACW" check "$top_srcdir/forms/templates/container-public.json" \
	"$top_srcdir/tests/data/valid/minimal-container.json"
# (the form's one finding says why: check-notrun.sh)
has "$tmp/out" "minimal-container.json: (account): could not check: the account checks did not run: no AWS Region is set" \
	"check of a template and a form without a Region"

# template: from a form with a secret environment variable. The value is not
# in the template, and the writer says so; the template is valid and starts
# a form where the secret is to be filled.
cat >team.json <<'JSON'
{"agentRuntimeName": "team_agent", "roleArn": "arn:aws:iam::123456789012:role/TeamRole",
 "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "public.ecr.aws/team/agent:v1"}},
 "networkConfiguration": {"networkMode": "PUBLIC"},
 "environmentVariables": {"OPENAI_API_KEY": "sk-verysecretvalue", "LOG_LEVEL": "INFO"}}
JSON
expect_exit 0 "$ACW" template team.json -o team-template.json --title "Team agents" --hide filesystems
if grep -q "sk-verysecretvalue" team-template.json; then bad "the secret is in the template"; else ok; fi
has "$tmp/out" "Took out the value of environmentVariables.OPENAI_API_KEY: its name looks secret" "the writer names the secret"
has "$tmp/out" "locked    roleArn" "the role is locked"
has "$tmp/out" "yours     agentRuntimeName" "the name is yours"
if grep -q "$(printf '\t')" team-template.json; then bad "the template holds tabs"; else ok; fi
has team-template.json '    "title": "Team agents"' "four-space indent"
[ "$(stat -c %a team-template.json)" = 644 ] && ok || bad "template mode $(stat -c %a team-template.json)"
expect_exit 0 "$ACW" new --template ./team-template.json team-form.json
has "$tmp/out" "environmentVariables.OPENAI_API_KEY" "new names the secret as yours"
has team-form.json '"OPENAI_API_KEY":' "the secret's name is in the new form"
if grep -q "sk-verysecretvalue" team-form.json; then bad "the secret reached the new form"; else ok; fi

# template: choices that name no member, or that contradict
expect_exit 2 "$ACW" template team.json -o t2.json --lock networkConfiguration.nosuch
has "$tmp/err" 'networkConfiguration has no member "nosuch"' "--lock with a bad path"
expect_exit 2 "$ACW" template team.json -o t2.json --yours networkConfiguration.networkMode
has "$tmp/err" "inside networkConfiguration, which is locked" "--yours inside a lock"
expect_exit 2 "$ACW" template team.json -o t2.json --hide nosuch
has "$tmp/err" 'no section "nosuch"' "--hide with a bad section"
# hiding the section of a secret, whose value is left for them to fill:
# said as a secret, not as a field someone chose to mark yours
expect_exit 1 "$ACW" template team.json -o t3.json --hide environment
has "$tmp/err" 'environmentVariables.OPENAI_API_KEY"]: holds a secret, which a template never keeps' \
	"hiding a secret's section"
[ -e t3.json ] && bad "template wrote a file hiding a secret's section" || ok
[ -e t2.json ] && bad "template wrote a file after a usage error" || ok
expect_exit 2 "$ACW" template team.json
has "$tmp/err" "expected -o TEMPLATE" "template without -o"

# template --list-sections: the ids --hide takes, the form definitions'
# sections but the review, in their order; --list-paths [FORM]: every path
# --lock takes (with FORM, its map entries too), for the shell completions
expect_exit 0 "$ACW" template --list-sections
want=$(sed -n 's/^  "section": "\([a-z]*\)",$/\1/p' "$top_srcdir"/forms/[0-9]*.json | grep -vx review)
[ -n "$want" ] && [ "$(cat "$tmp/out")" = "$want" ] && ok ||
	bad "--list-sections: $(tr '\n' ' ' <"$tmp/out"), the forms have: $(echo $want)"
for s in $(cat "$tmp/out"); do
	"$ACW" template team.json -o "hide-$s.json" --hide "$s" >/dev/null 2>"$tmp/err"
	grep -q 'no section' "$tmp/err" && bad "--hide refuses the listed $s: $(cat "$tmp/err")" || ok
done
expect_exit 2 "$ACW" template --list-sections team.json
expect_exit 0 "$ACW" template --list-paths team.json
for p in networkConfiguration.networkModeConfig.subnets environmentVariables.OPENAI_API_KEY \
	'filesystemConfigurations[].sessionStorage.mountPath'; do
	grep -qxF -- "$p" "$tmp/out" && ok || bad "--list-paths FORM lacks $p"
done
"$ACW" template --list-paths >"$tmp/paths" 2>"$tmp/err" && ! grep -q OPENAI "$tmp/paths" &&
	grep -qx roleArn "$tmp/paths" && ok || bad "--list-paths without FORM: $(cat "$tmp/err")"
for p in $(cat "$tmp/out"); do
	rm -f lock.json
	"$ACW" template team.json -o lock.json --lock "$p" >/dev/null 2>"$tmp/err" ||
		bad "--lock refuses the listed $p: $(cat "$tmp/err")"
done
expect_exit 2 "$ACW" template --list-paths nosuch.json
has "$tmp/err" "nosuch.json" "--list-paths with a missing form"
# -o names a new file: an existing one is replaced only with --force
echo precious >t5.json
expect_exit 2 "$ACW" template team.json -o t5.json
has "$tmp/err" "t5.json exists: expected a new file, or --force to replace it" \
	"template -o over an existing file"
[ "$(cat t5.json)" = precious ] && ok || bad "template -o replaced an existing file"
expect_exit 0 "$ACW" template team.json -o t5.json --force
grep -q agentcoreWizardTemplate t5.json && ok || bad "template -o --force did not replace the file"
expect_exit 2 "$ACW" template missing.json -o t3.json

# A team's own templates: found by name from AGENTCORE_WIZARD_TEMPLATES and
# from $XDG_CONFIG_HOME, the later folder taking a name over.
mkdir -p own config/agentcore-wizard/templates
cp team-template.json config/agentcore-wizard/templates/team.json
sed 's/"Team agents"/"Team agents, ours"/' team-template.json >own/team.json
expect_exit 0 "$ACW" templates
has "$tmp/out" "team              Team agents" "a template from XDG_CONFIG_HOME"
expect_exit 0 env AGENTCORE_WIZARD_TEMPLATES="$tmp/own" "$ACW" templates --paths
has "$tmp/out" "Team agents, ours" "AGENTCORE_WIZARD_TEMPLATES takes the name over"
has "$tmp/out" "$tmp/own" "--paths names the folders"
expect_exit 0 env AGENTCORE_WIZARD_TEMPLATES="$tmp/own" "$ACW" new --template team own-form.json
has "$tmp/out" '"Team agents, ours"' "new by name finds the team's template"

# An invalid template is listed as such; a form with problems makes none.
cp bad.json own/broken.json
expect_exit 0 env AGENTCORE_WIZARD_TEMPLATES="$tmp/own" "$ACW" templates
has "$tmp/out" "broken            Broken (invalid: 'agentcore-wizard validate $tmp/own/broken.json' says why)" "an invalid template listed"
# names are lined up by their columns, not their bytes
cp team-template.json own/équipe.json
expect_exit 0 env LC_ALL=C.UTF-8 AGENTCORE_WIZARD_TEMPLATES="$tmp/own" "$ACW" templates
has "$tmp/out" "équipe            Team agents" "a name with an accent lined up"
has "$tmp/out" "team              Team agents" "the names around it lined up"
rm own/équipe.json
printf '{"agentRuntimeName": "a", "bogus": 1}' >bogus-form.json
expect_exit 1 "$ACW" template bogus-form.json -o t4.json
has "$tmp/err" "bogus-form.json: bogus: unknown member" "template from a form with problems"
[ -e t4.json ] && bad "template wrote a file from a form with problems" || ok

# The example of docs/template-format.md is a valid template.
python3 -c '
import re, sys
s = open(sys.argv[1]).read()
open(sys.argv[2], "w").write(re.search(r"```json\n(.*?)```", s, re.S).group(1))
' "$top_srcdir/docs/template-format.md" doc-example.json
expect_exit 0 "$ACW" new --template ./doc-example.json doc-form.json
has "$tmp/out" "roleArn: our role; ask #platform to change it" "the documented example"

echo "templates.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
