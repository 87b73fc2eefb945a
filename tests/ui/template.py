"""Issue 12, the wizard with a template: `new --template NAME FORM` at a
terminal opens the wizard on the template's values. For each bundled
template, only the fields yours to fill are filled (the team's hint on the
hint line says which one the cursor is on), F2 saves, and `validate`
accepts the saved file, which holds nothing of the template. A locked
field refuses an edit with the team's reason; a hidden section is never
in the section list. A map entry the template names keeps its key."""
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check, program  # noqa: E402
from template_fill import FORMS, TITLES, check_filled, fill, flat  # noqa: E402

for file in sorted(glob.glob(os.path.join(FORMS, "templates", "*.json"))):
    name = os.path.basename(file)[:-5]
    with open(file) as f:
        tpl = json.load(f)
    t = Term(args=["new", "--template", name, "mine.json"])
    s = t.wait_text("fields yours to fill")
    done = fill(t, tpl)
    print(name, sorted(done))
    yours = sorted(p for p, e in tpl["fields"].items() if e["mode"] == "yours")
    check(sorted(done) == yours, "%s: filled %r, yours %r" % (name, sorted(done), yours), t)
    t.save_as("mine.json")
    t.keys("F12")
    check(t.exit_code() == 0, "quit failed", t)
    saved = os.path.join(t.tmp, "mine.json")
    v = subprocess.run([program(), "validate", saved], capture_output=True, text=True,
                       env=dict(t.env))
    check(v.returncode == 0, "%s: validate refused the saved form: %s%s" % (name, v.stdout, v.stderr), t)
    with open(saved) as f:
        text = f.read()
    check("agentcoreWizardTemplate" not in text and "hiddenSections" not in text,
          "the template's metadata was saved", t)
    check_filled(t, tpl, json.loads(text))
    t.close()

# a locked field refuses a change, with the team's reason; its value stays
t = Term(args=["new", "--template", "container-public", "mine.json"])
t.wait_text("fields yours to fill")
t.keys("F10")
t.wait_text("Review")
t.go_to("Network", key="PageUp")
s = t.wait_text("Network mode")
check("Locked by the template: This starter runs on the public network" in flat(s),
      "the hint line does not say the field is locked", t)
t.keys("Right")
s = t.wait_text("PUBLIC")
t.keys("Space")
t.keys("F8")
s = t.wait_stable(lambda s: "Locked by the template" in s)
check("PUBLIC" in s and "VPC" not in s.split("Network mode")[1].split("\n")[0],
      "the locked network mode changed", t)
t.keys("F10")
s = t.wait_text("Every value, then")
pages = s
for _ in range(4):  # every page of the review
    t.keys("Space")
    pages += t.wait_stable(lambda s: True)
check("Network mode: PUBLIC  [locked]" in pages, "the review does not mark the locked value",
      t)
for title in TITLES.values():
    check(title not in pages, "the review shows the hidden section " + title, t)
t.keys("PageUp")
t.save_as("mine.json")
with open(os.path.join(t.tmp, "mine.json")) as f:
    check(json.load(f)["networkConfiguration"] == {"networkMode": "PUBLIC"},
          "the locked value was not saved as the template has it", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()

# a team's narrower pattern: checked as typed, the message under the field
tmp = tempfile.mkdtemp(prefix="acw-ui-")
with open(os.path.join(tmp, "team.json"), "w") as f:
    json.dump({"agentcoreWizardTemplate": 1, "title": "Team agents",
               "fields": {"agentRuntimeName": {
                   "mode": "yours", "note": "Your agent's name.", "example": "team_support",
                   "pattern": "team_[a-z0-9_]{1,40}",
                   "expect": "names that start with team_"}},
               "form": {k: v for k, v in MINIMAL.items() if k != "agentRuntimeName"}}, f)
t = Term(args=["new", "--template", "./team.json", "mine.json"], tmp=tmp)
t.own_tmp = True
s = t.wait_text("Your agent's name. Example: team_support")
# F1 on a field yours says the team's note and example first
t.keys("F1")
s = t.wait_text("Help")
check("Your team's note: Your agent's name. Example: team_support" in flat(s),
      "F1 does not give the team's note", t)
t.keys("Escape")
t.wait(lambda s: "Your team's note" not in s, "the help to close")
t.type("other")
s = t.wait_text("does not match the team's rule")
check("! Runtime name" in s and "does not match the team's rule: expected names" in s,
      "the team's pattern is not checked under the field", t)
# before F2 and F10 too (template_check_document): F2 asks, naming the
# field and what the team expects; F10 does not submit
t.keys("F2")
t.wait_text("Save to file:")
t.keys("Enter")
s = t.wait_text("Save anyway?")
check("Runtime name: does not match the team's rule: expected names that start with team_"
      in flat(s), "F2 does not say which rule the form breaks", t)
t.keys("n")
s = t.wait_text("Not saved:")
check(not os.path.exists(os.path.join(tmp, "mine.json")), "F2 saved after n", t)
t.keys("F10")
t.wait_text("Every value, then")
t.keys("F10")
s = t.wait_text("Not submitted:")
check("Not submitted: Runtime name: does not match the team's rule" in flat(s),
      "F10 does not name the team's rule", t)
t.keys("PageUp")
t.go_to("Basics", key="PageUp")
t.wait(lambda s: "Runtime name" in t.rows()[t.cursor()[1]], "the cursor on the name")
t.keys("C-u")
t.type("team_ok")
t.wait_gone("does not match the team's rule")
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.close()
# a map entry the template names keeps its key: typing on its name or F8
# says why and changes nothing; its value (yours) takes what is typed
tmp = tempfile.mkdtemp(prefix="acw-ui-")
with open(os.path.join(tmp, "team.json"), "w") as f:
    json.dump({"agentcoreWizardTemplate": 1, "title": "Team agents",
               "fields": {"environmentVariables.API_KEY": {"mode": "yours", "note": "The key."}},
               "form": MINIMAL}, f)
t = Term(args=["new", "--template", "./team.json", "mine.json"], tmp=tmp)
t.own_tmp = True
t.wait_text("The key.")
t.wait(lambda s: "Name 1" in t.rows()[t.cursor()[1]], "the cursor on the entry's name")
t.type("X")
s = t.wait_text("Named by the template")
check("API_KEYX" not in s, "typing renamed the template's key", t)
t.keys("F8")
s = t.wait_text("Named by the template")
check("Name 1  API_KEY" in s, "F8 deleted the template's entry", t)
t.keys("Down")
t.wait(lambda s: "Value 1" in t.rows()[t.cursor()[1]], "the cursor on the entry's value")
t.type("v1")
t.keys("F8")
s = t.wait_text("Named by the template")
check("Name 1  API_KEY" in s, "F8 on the value deleted the template's entry", t)
t.save_as("mine.json")
with open(os.path.join(tmp, "mine.json")) as f:
    check(json.load(f)["environmentVariables"] == {"API_KEY": "v1"},
          "the value typed was not saved under the template's key", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
# new without --template: the start screen (where templates are chosen);
# with FORM, an empty form saved there
t = Term(args=["new"], start=None)
s = t.wait_text("agentcore-wizard  Start")
t.keys("F12")
check(t.exit_code() == 0, "quit from the start screen failed", t)
t.close()
t = Term(args=["new", "empty.json"])
s = t.wait_text("empty.json is a new file")
check("Runtime name" in s, "new FORM without a template does not open an empty form", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: new without --template opens the start screen, or an empty form at FORM")
print("ok: every bundled template fills in and saves a valid form")
print("ok: a map key the template names is neither renamed nor deleted")
print("ok: a locked field refuses edits with the team's reason; hidden sections never show")
