#!/bin/sh
# Issue 12: `new --template NAME --plain FORM` asks only the fields yours to
# fill and the defaults (their values offered in brackets); locked fields
# and hidden sections are never asked, and the saved form is an ordinary,
# valid one.
set -u
ACW=${ACW:-src/agentcore-wizard}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8
unset AWS_REGION AWS_DEFAULT_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN \
	AWS_PROFILE AWS_DEFAULT_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE

# yours: the name, the image, the role; then Enter on each default
printf '%s\n' 'my_agent' '' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b' \
	'arn:aws:iam::123456789012:role/R' '' '' '' '' '' '' '' '' >"$tmp/in"
"$ACW" new --template container-public --plain "$tmp/out.json" <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || { echo "FAIL: exit $rc"; cat "$tmp/out"; exit 1; }
fail() { echo "FAIL: $1"; cat "$tmp/out"; exit 1; }
grep -q '^Runtime name: my_agent' "$tmp/out" || fail "the name (yours) was not asked"
# the team's note and example for a field yours are said before it is asked
grep -B2 '^Runtime name: my_agent' "$tmp/out" | grep -q 'A name for your agent, unique' ||
	fail "the team's note was not said before the name"
grep -B2 '^Runtime name: my_agent' "$tmp/out" | grep -q 'Example: support_agent' ||
	fail "the team's example was not said before the name"
grep -q '^Description \[A container agent' "$tmp/out" ||
	fail "the description (a default) was not offered with its value"
grep -q 'Idle timeout (s) \[900\]' "$tmp/out" || fail "a default was not offered with its value"
grep -q 'Network mode' "$tmp/out" && fail "the locked network mode was asked"
grep -q '== Filesystems ==' "$tmp/out" && fail "a hidden section was shown"
"$ACW" validate "$tmp/out.json" >"$tmp/v" 2>&1 || { cat "$tmp/v"; fail "the saved form is not valid"; }
grep -q agentcoreWizardTemplate "$tmp/out.json" && fail "the template's metadata was saved"
grep -q '"networkMode": "PUBLIC"' "$tmp/out.json" || fail "the locked value was not kept"

# a team's narrower pattern: the section is asked again, naming the rule
cat >"$tmp/team.json" <<'EOF2'
{"agentcoreWizardTemplate": 1, "title": "Team agents",
 "fields": {"agentRuntimeName": {"mode": "yours", "example": "team_support",
   "pattern": "team_[a-z0-9_]{1,40}", "expect": "names that start with team_"}},
 "form": {"roleArn": "arn:aws:iam::123456789012:role/R",
   "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "public.ecr.aws/a/b"}},
   "networkConfiguration": {"networkMode": "PUBLIC"}}}
EOF2
printf '%s\n' '?' 'other' 'team_ok' '' >"$tmp/in"
"$ACW" new --template "$tmp/team.json" --plain "$tmp/team-out.json" <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "exit $rc with a team's pattern"
# an answer against the team's pattern is refused as it is typed, the
# rule said, and the field asked again at once
grep -A1 '^Runtime name: other$' "$tmp/out" | grep -q "^  does not match the team's rule: expected names that start with team_" ||
	fail "the team's rule was not said when the name was typed"
grep -A2 '^Runtime name: other$' "$tmp/out" | grep -q '^Runtime name: team_ok$' ||
	fail "the name was not asked again at once"
# a section with nothing yours or default in it is passed over in silence
grep -q '^== Request headers ==' "$tmp/out" && fail "a section with nothing to ask was shown"
grep -q '"agentRuntimeName": "team_ok"' "$tmp/team-out.json" || fail "the name asked again was not saved"
# '?' gives the team's hint too, then the field's own help
sed -n '/^Runtime name: ?/,/^Runtime name: other/p' "$tmp/out" | grep -q 'Example: team_support' ||
	fail "'?' did not give the team's example"

# a map entry the template names (environmentVariables.API_KEY yours): its
# key is the team's, shown and not asked; its value is asked, and saved
cat >"$tmp/envteam.json" <<'EOF2'
{"agentcoreWizardTemplate": 1, "title": "Team agents",
 "fields": {"agentRuntimeName": {"mode": "yours"},
   "environmentVariables.API_KEY": {"mode": "yours"}},
 "form": {"roleArn": "arn:aws:iam::123456789012:role/R",
   "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "public.ecr.aws/a/b"}},
   "networkConfiguration": {"networkMode": "PUBLIC"}}}
EOF2
printf '%s\n' 'team_ok' 'secretval' '' >"$tmp/in"
"$ACW" new --template "$tmp/envteam.json" --plain "$tmp/env-out.json" <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "exit $rc with a yours map entry"
grep -q '^  Name 1: API_KEY$' "$tmp/out" || fail "the template's key was not shown as given"
grep -q 'Name 1 \[' "$tmp/out" && fail "the template's key was asked"
grep -q '"API_KEY": "secretval"' "$tmp/env-out.json" || fail "the yours value was not saved under the template's key"

# the template's messages about a map's value name its entry, not "Value"
# (issue 12 follow-ups, item 2): a yours value left empty, a value against
# the team's pattern; asked again, then filled
cat >"$tmp/envrules.json" <<'EOF2'
{"agentcoreWizardTemplate": 1, "title": "Team agents",
 "fields": {"agentRuntimeName": {"mode": "yours"},
   "environmentVariables.API_KEY": {"mode": "yours", "note": "The key from the vault."},
   "environmentVariables.LOG_LEVEL": {"mode": "yours", "pattern": "DEBUG|INFO|WARN",
     "expect": "DEBUG, INFO or WARN"}},
 "form": {"roleArn": "arn:aws:iam::123456789012:role/R",
   "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "public.ecr.aws/a/b"}},
   "networkConfiguration": {"networkMode": "PUBLIC"}}}
EOF2
printf '%s\n' 'team_ok' '' 'LOUD' 'INFO' 'k-1' '' '' >"$tmp/in"
"$ACW" new --template "$tmp/envrules.json" --plain "$tmp/rules-out.json" <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "exit $rc with rules on map values"
tr '\n' ' ' <"$tmp/out" | sed 's/  */ /g' >"$tmp/flat"
grep -q 'Environment variables API_KEY: is yours to fill: The key from the vault\.' "$tmp/flat" ||
	fail "the empty yours value was not named by its entry"
grep -q "Name 2: LOG_LEVEL Value 2: \*\*\*\*\*\*\*\* does not match the team's rule: expected DEBUG, INFO or WARN Value 2: \*" \
	"$tmp/flat" || fail "the value against the team's pattern was not refused under its entry"
grep -q '^ *Value: ' "$tmp/out" && fail "a problem was named \"Value\""
grep -q '"LOG_LEVEL": "INFO"' "$tmp/rules-out.json" || fail "the value asked again was not saved"

# a saved form that holds a secret says so (item 3): --plain, and new
cat >"$tmp/secret.json" <<'EOF2'
{"agentRuntimeName": "a", "roleArn": "arn:aws:iam::123456789012:role/R",
 "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "public.ecr.aws/a/b"}},
 "networkConfiguration": {"networkMode": "PUBLIC"},
 "environmentVariables": {"DB_PASSWORD": "pw1234567", "LOG_LEVEL": "INFO"}}
EOF2
yes '' | head -80 | "$ACW" --plain "$tmp/secret.json" >"$tmp/out" 2>&1
tr '\n' ' ' <"$tmp/out" | sed 's/  */ /g' >"$tmp/flat"
grep -q 'The form holds the secret value of environmentVariables.DB_PASSWORD: the file is readable by you only' "$tmp/flat" ||
	fail "--plain did not say that the saved form holds a secret"
grep -q pw1234567 "$tmp/out" && fail "--plain printed the secret's value"
cat >"$tmp/handmade.json" <<'EOF2'
{"agentcoreWizardTemplate": 1, "title": "By hand", "fields": {},
 "form": {"environmentVariables": {"API_TOKEN": "tok-1234567"}}}
EOF2
# a template made by hand that holds a secret is invalid (secrets never
# travel): new says which value and writes nothing
"$ACW" new --template "$tmp/handmade.json" "$tmp/from-handmade.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] || fail "new from a template holding a secret exited $rc, not 1"
grep -q 'form.environmentVariables.API_TOKEN: holds a value, and its name looks secret' "$tmp/err" ||
	{ cat "$tmp/err"; fail "new did not name the secret the template holds"; }
[ -e "$tmp/from-handmade.json" ] && fail "new wrote a form from a template holding a secret"
grep -q tok-1234567 "$tmp/out" "$tmp/err" && fail "new printed the secret's value"
# a required field the template says nothing of (the name, here) and leaves
# unset is asked too: the section is not said again with nothing to answer
cat >"$tmp/namefree.json" <<'EOF2'
{"agentcoreWizardTemplate": 1, "title": "Name left open",
 "fields": {"roleArn": {"mode": "locked", "note": "ours"},
            "agentRuntimeArtifact.containerConfiguration.containerUri": {"mode": "yours"}},
 "form": {"roleArn": "arn:aws:iam::123456789012:role/R",
          "agentRuntimeArtifact": {"containerConfiguration": {}}}}
EOF2
printf '%s\n' 'free_name' '123456789012.dkr.ecr.us-east-1.amazonaws.com/a:v1' '' '' >"$tmp/in"
"$ACW" new --template "$tmp/namefree.json" --plain "$tmp/namefree-out.json" <"$tmp/in" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || { cat "$tmp/out"; fail "exit $rc with a required field the template leaves open"; }
grep -q '^Runtime name: free_name' "$tmp/out" || fail "the required name the template leaves open was not asked"
grep -q '"agentRuntimeName": "free_name"' "$tmp/namefree-out.json" 2>/dev/null ||
	fail "the name asked was not saved"
grep -q 'Description' "$tmp/out" && fail "an optional field the template says nothing of was asked"
echo "ok: --plain with a template asks only the fields yours and the defaults"
echo "ok: --plain says that a saved form holds a secret; new refuses a template holding one"
echo "ok: --plain keeps a map key the template names, and asks its value"
echo "ok: --plain asks a section again when it breaks the template's rule"
echo "ok: --plain names a map's entry in the template's messages"
