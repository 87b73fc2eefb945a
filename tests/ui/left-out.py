"""A FORM given on the command line whose reading leaves members out (an
unknown member, a wrong type) says so on the screens, as F3 does: the
status counts them, the pager lists them with their paths, and F2 says the
file was written without them. An update form (agentRuntimeId, as
`get --update` writes it) is refused with what to use instead, never opened
as a create form without its id; nor is it (or a template) loaded by F3
or the start screen's "Open a form file"."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check, form_term  # noqa: E402


def flat(s):
    return " ".join(s.split())


form = dict(MINIMAL, enviromentVariables={"A": "b"})
t = form_term(form, prefix="acw-ui-leftout-")
s = t.wait(lambda s: "Problems in the file" in s, "the list of members left out")
check("enviromentVariables" in s, "the pager does not name the member's path", t)
t.keys("Escape")
s = t.wait(lambda s: "Problems in the file" not in s, "the pager to close")
check("1 member was left out" in flat(s), "the status does not count the member", t)
t.keys("F2")
s = t.wait(lambda s: "Saved to" in s or "Save to file:" in s, "the save")
if "Save to file:" in s:
    t.keys("Enter")
    s = t.wait_text("Saved to")
check("left out when the form was loaded" in flat(s),
      "F2 said nothing of the member left out: %r" % flat(s)[-300:], t)
t.quit(changed=False)
t.close()

# the same file opened from the start screen: F2 says it too
t = Term(start=None)
with open(os.path.join(t.tmp, "typo.json"), "w") as f:
    json.dump(form, f)
t.wait_text("Open a runtime of the Region")
t.keys("Down", "Down", "Enter")
t.wait_text("Path:")
t.type("typo.json")
t.keys("Enter")
s = t.wait(lambda s: "1 member was left out" in flat(s), "the start screen's count")
t.keys("F2")
s = t.wait(lambda s: "Saved to" in s or "Save to file:" in s, "the save")
if "Save to file:" in s:
    t.keys("Enter")
    s = t.wait_text("Saved to")
check("left out when the form was loaded" in flat(s),
      "F2 after the start screen's open said nothing of the member: %r" % flat(s)[-300:], t)
t.quit(changed=False)
t.close()

# an update form as FORM: refused, the file untouched
upd = dict({k: v for k, v in MINIMAL.items() if k != "agentRuntimeName"},
           agentRuntimeId="minimal_agent-a1b2c3d4e5")
t = form_term(upd, prefix="acw-ui-leftout-")
path = os.path.join(t.tmp, "form.json")
with open(path) as f:
    before = f.read()
rc = t.exit_code()
s = t.screen()
check(rc == 2, "an update form as FORM: exit code %d, expected 2" % rc, t)
check("is an update form" in flat(s) and "open RUNTIME_ID" in flat(s),
      "the refusal does not say what to use: %r" % flat(s), t)
with open(path) as f:
    check(f.read() == before, "the update form was rewritten", t)
t.close()

# the start screen's "Open a form file" and F3: an update form and a
# template are not loaded as (empty) create forms, which F2 would write
# over them; the status line says what the file is and what to use
t = Term(start=None)
with open(os.path.join(t.tmp, "upd.json"), "w") as f:
    json.dump(upd, f)
tmpl = {"agentcoreWizardTemplate": 1, "title": "Team", "form": MINIMAL}
with open(os.path.join(t.tmp, "tmpl.json"), "w") as f:
    json.dump(tmpl, f)
t.wait_text("Open a runtime of the Region")
t.keys("Down", "Down", "Enter")
t.wait_text("Path:")
t.type("upd.json")
t.keys("Enter")
s = t.wait(lambda s: "Not loaded" in flat(s), "the start screen's refusal")
check("upd.json is an update form (it has agentRuntimeId)" in flat(s) and
      "update upd.json" in flat(s) and "Path: upd.json" in s,
      "the start screen's Open a form file took an update form: %r" % flat(s), t)
t.keys("Escape")
t.wait_text("Create a new runtime")
t.keys("Enter")  # an empty form
t.wait(lambda s: "Basics" in s and "Start" not in s.splitlines()[0], "the form")
t.keys("F3")
t.wait_text("Load file:")
t.keys("C-u")
t.type("tmpl.json")
t.keys("Enter")
s = t.wait(lambda s: "Not loaded" in flat(s), "F3's refusal")
check("tmpl.json is a template" in flat(s) and "New from a template" in flat(s),
      "F3 took a template as a form: %r" % flat(s), t)
check("Team" not in t.title(), "the title names the template", t)
with open(os.path.join(t.tmp, "tmpl.json")) as f:
    check(json.load(f) == tmpl, "the template was rewritten", t)
t.quit(changed=False)
t.close()
print("ok: members left out of FORM are said; an update form and a template are refused")
