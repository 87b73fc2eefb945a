"""The start screen (issue 12, "A start screen"; issue 11's "open a form
file, resume a draft"), shown when the wizard starts with no FORM: its
entries, each taken once. "Create a new runtime" opens an empty form; "New
from a template" lists the bundled templates with their titles and
paragraphs and starts from one ("N of M fields yours to fill"); "Open a
form file" completes the path with Tab as a shell does (the common prefix
of two names, the names listed; one name whole) and opens it; "Resume a
draft" names each draft by the form file it belongs to and when it
changed, and the resumed draft remembers that file: the title names it and
F2 offers it. Esc goes back to the entries."""
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402


def flat(s):
    return " ".join(s.split())


def entry(t, n):
    """The start screen's entry n (0: new, 1: template, 2: file, 3: draft)."""
    t.wait_text("Open a runtime of the Region")
    for _ in range(n):
        t.keys("Down")
    t.keys("Enter")


tmp = tempfile.mkdtemp(prefix="acw-ui-start-")

# new: an empty form
t = Term(tmp=tmp, start=None)
entry(t, 0)
s = t.wait_text("1/12 Basics")
check("Runtime name" in s and "minimal_agent" not in s, "new did not open an empty form", t)
check(t.quit(changed=False) == 0, "quit failed", t)
t.close()

# a template: the list with titles and paragraphs, Esc back, then one taken
t = Term(tmp=tmp, start=None)
entry(t, 1)
s = t.wait_text("Container image on the public network")
check("(container-public)" in s and "A2A agent" in s, "the templates are not listed", t)
# the chosen template's paragraph is shown whole, the others' on one line
desc = {n: json.load(open(os.path.join(os.environ.get("top_srcdir", "."), "forms", "templates", n + ".json")))["description"]
        for n in ("a2a-agent", "container-public")}
check(flat(desc["a2a-agent"]) in flat(s), "the chosen template's paragraph is not whole", t)
check(flat(desc["container-public"]) not in flat(s), "another template's paragraph is whole", t)
t.keys("Down")
s = t.wait(lambda s: flat(desc["container-public"]) in flat(s),
           "the next template's paragraph whole")
check(flat(desc["a2a-agent"]) not in flat(s), "the paragraph left behind stays whole", t)
t.keys("Escape")
t.wait_text("Create a new runtime")
entry(t, 1)
t.wait_text("(container-public)")
t.keys("Enter")  # the first one listed
s = t.wait(lambda s: "yours to fill" in s.split("\n")[0], "a template's session")
check(t.quit(changed=False) == 0, "quit failed", t)
t.close()

# a team's template that is invalid (a path the form does not have) or is
# not a template at all is listed too, as `templates` lists it, with what
# says why; Enter on it says why and stays on the list
team = os.path.join(tmp, "team")
os.makedirs(team)
with open(os.path.join(team, "a0-bad.json"), "w") as f:
    json.dump({"agentcoreWizardTemplate": 1, "title": "Team broken", "form": {},
               "fields": {"nosuch.path": {"mode": "locked"}}}, f)
with open(os.path.join(team, "a1-junk.json"), "w") as f:
    f.write("not json")
t = Term(tmp=tmp, start=None, env={"AGENTCORE_WIZARD_TEMPLATES": team})
entry(t, 1)
s = t.wait_text("(container-public)")
check("Team broken (a0-bad)" in s and "Invalid: 'agentcore-wizard validate " in flat(s) and
      "a1-junk" in s and "Cannot be read as a template" in flat(s),
      "an invalid template is not listed with what says why", t)
t.keys("Enter")
s = t.wait_text("The template cannot be used")
check("nosuch" in flat(s) and "New from a template" in s,
      "Enter on an invalid template does not say why, or leaves the list", t)
check(t.quit(changed=False) == 0, "quit failed", t)
t.close()

# a form file: Tab completes the common prefix and lists the names, then one
# name whole; Enter opens it
for name in ("myform-abc.json", "myform-abd.json"):
    with open(os.path.join(tmp, name), "w") as f:
        json.dump(dict(MINIMAL, agentRuntimeName=name[7:10]), f)
t = Term(tmp=tmp, start=None)
entry(t, 2)
t.wait_text("Path:")
t.type("myf")
t.keys("Tab")
s = t.wait(lambda s: "Path: myform-ab" in s and "myform-abc.json  myform-abd.json" in s,
           "the common prefix and the names")
t.type("d")
t.keys("Tab")
t.wait_text("Path: myform-abd.json")
t.keys("Enter")
s = t.wait(lambda s: "myform-abd.json" in s.split("\n")[0] and "Runtime name abd" in flat(s),
           "the file opened")
check(t.quit(changed=False) == 0, "quit failed", t)
t.close()

# a draft remembers its form file: a session on form.json is cut off (SIGHUP
# keeps its draft); the start screen names the draft by form.json, and the
# draft resumed is form.json's again
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(MINIMAL, f)
t = Term(args=["form.json"], tmp=tmp)
t.wait_text("minimal_agent")
t.type("2")
draft = os.path.join(t.state, "agentcore-wizard", "draft.json")
end = time.monotonic() + 10
while time.monotonic() < end and not (os.path.exists(draft) and
                                      "minimal_agent2" in open(draft).read()):
    time.sleep(0.05)
t.signal(signal.SIGHUP)
check(t.exit_code() == 6, "SIGHUP exit code, expected 6", t)
t.close()
t = Term(tmp=tmp, start=None)
s = t.wait_text("Open a runtime of the Region")
check("What an earlier session autosaved: 1 draft." in s, "the drafts are not counted", t)
entry(t, 3)
form = os.path.join(tmp, "form.json")
s = t.wait(lambda s: form in flat(s) and "changed" in s, "the draft named by its form file")
t.keys("Enter")
s = t.wait(lambda s: "minimal_agent2" in s and form in s.split("\n")[0],
           "the draft resumed with its file in the title")
check("F2 saves it there" in flat(s), "the status does not say where F2 saves", t)
t.keys("F2")
s = t.wait_text("Save to file:")
check(form in s, "F2 does not offer the draft's form file", t)
t.keys("Enter")
t.wait_text("Saved to")
with open(form) as f:
    check(json.load(f)["agentRuntimeName"] == "minimal_agent2", "F2 did not save to form.json", t)
check(t.quit(changed=False) == 0, "quit failed", t)
t.own_tmp = True
t.close()
print("ok: the start screen's entries: new, template, form file with Tab, draft with its file")
