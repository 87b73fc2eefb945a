"""Issue 12: "Save as template" from the review, and a session started from
the template made.

A filled form holds a secret environment variable (API_KEY) and an
ordinary one. F2 says once that the saved form holds a secret (a second
save does not say it again). On the review, the key bar offers ^T, which
F1 lists too; Ctrl-T lists every value with the first choices (name and
image yours, role and network locked), the secret fixed as yours; the
description is locked with 'l', LOG_LEVEL made default, the Tags section
hidden with 'h'; a title, a paragraph and a file follow; the status names
the secret left out. The file is a valid template (validate), mode 0644,
without the secret's value, with the choices made. Then `new --template
FILE` starts a session where only the chosen fields are editable: the
locked ones refuse keys with the reason, the hidden section is not listed,
and F10 names the secret still to fill (the template's own check, before
any AWS setting is looked at)."""
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check, program  # noqa: E402

SECRET = "sk-live-0123456789abcdef"


def flat(s):
    return " ".join(s.split())


def pane(s):
    """The text right of the section list, its lines joined."""
    return flat("\n".join(line[27:] for line in s.split("\n")))


def highlighted(t):
    """The line of the template screen under the cursor (drawn reversed)."""
    lines = t.tmux("capture-pane", "-e", "-p", "-t", t.name + ":").stdout.split("\n")
    plain = t.rows()
    for i, line in enumerate(lines[3:], 3):
        if "\x1b[7m" in line and i < len(plain):
            return plain[i]
    return ""


def select(t, text):
    """Move the template screen's cursor to the line that holds text."""
    rows = t.rows()
    want = next((i for i, r in enumerate(rows) if i >= 3 and text in r), None)
    check(want is not None, "no line holds %r" % text, t)
    for _ in range(60):
        line = highlighted(t)
        if text in line:
            return
        here = next((i for i, r in enumerate(t.rows()) if i >= 3 and r == line), 0)
        t.keys("Down" if here < want else "Up")
        t.wait(lambda s, here=here: highlighted(t) != t.rows()[here], "the cursor to move")
    t.fail("could not reach %r" % text, t.screen())


def choice(t, text):
    """The choice shown on the line that holds text."""
    row = next(r for r in t.rows() if text in r)
    return row[53:].strip()  # the choices start at column 80 - 27


tmp = tempfile.mkdtemp(prefix="acw-ui-tsave-")
form = dict(MINIMAL)
form["description"] = "Support agents of the blue team"
form["environmentVariables"] = {"API_KEY": SECRET, "LOG_LEVEL": "INFO"}
form["tags"] = {"team": "blue"}
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(form, f)

t = Term(args=["form.json"], tmp=tmp, y=40)
t.wait_text("minimal_agent")

# item 3: a saved form holding a secret says so, once a session
t.save_as("form.json")
s = t.wait_text("Saved to form.json")
check("holds the secret value of environmentVariables.API_KEY" in flat(s) and
      "readable by you only" in flat(s), "F2 did not say the form holds a secret", t)
t.save_as("form.json")
s = t.wait_text("Saved to form.json")
check("secret" not in flat(s), "the secret was said a second time in one session", t)
check(stat.S_IMODE(os.stat(os.path.join(tmp, "form.json")).st_mode) == 0o600,
      "the form holding a secret is not mode 0600", t)

# the review offers the key, on its bar and in F1
t.keys("F10")
s = t.wait_text("Every value, then")
check("^T Tmpl" in t.rows()[-1], "the review's key bar does not show ^T", t)
t.keys("F1")
s = t.wait_text("Keys (those this terminal has)")
for _ in range(30):  # to its end
    t.keys("Down")
s = t.wait_text("redraw the screen")
check("Ctrl-T" in s and "save as a template" in flat(s), "F1 does not list Ctrl-T", t)
t.keys("Escape")
t.wait_text("Every value, then")

t.keys("C-t")
s = t.wait_text("Save as template:")
check(choice(t, "Runtime name:") == "yours", "the name is not yours at first", t)
check(choice(t, "Image URI:") == "yours", "the image is not yours at first", t)
check(choice(t, "Execution role ARN:") == "locked", "the role is not locked at first", t)
check(choice(t, "Network mode:") == "locked", "the network is not locked at first", t)
check(choice(t, "API_KEY") == "yours: a secret, left out",
      "the secret is not shown as left out", t)
check(SECRET not in s, "the secret's value is on the screen", t)
select(t, "Description:")
check(choice(t, "Description:") == "default", "the description is not default at first", t)
t.keys("l")
t.wait(lambda s: choice(t, "Description:") == "locked", "the description locked")
select(t, "API_KEY")
t.keys("d")
s = t.wait_text("never goes into a template")
check(choice(t, "API_KEY") == "yours: a secret, left out", "the secret's choice changed", t)
select(t, "Network mode:")
t.keys("Space")  # locked -> yours, splitting networkConfiguration's lock
t.wait(lambda s: choice(t, "Network mode:") == "yours", "Space to step the choice")
t.keys("l")
t.wait(lambda s: choice(t, "Network mode:") == "locked", "the network locked again")
select(t, "Tags")
t.keys("h")
t.wait(lambda s: choice(t, " Tags") == "hidden section", "the Tags section hidden")
check(choice(t, "team = ") == "hidden (its section)", "a value of a hidden section", t)
t.keys("F2")
t.wait_text("Template title:")
t.type("Blue team agents")
t.keys("Enter")
t.wait_text("Paragraph:")
t.type("Our agents run with this role and network; you name yours.")
t.keys("Enter")
t.wait_text("Save the template to file:")
t.keys("C-u")
t.type("blue.json")
t.keys("Enter")
s = t.wait_text("Saved the template to blue.json")
check("The secret value of environmentVariables.API_KEY was left out" in flat(s),
      "the status does not name the secret left out", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)

made = os.path.join(tmp, "blue.json")
with open(made) as f:
    text = f.read()
check(SECRET not in text, "the secret's value is in the template", t)
check(stat.S_IMODE(os.stat(made).st_mode) == 0o644, "the template is not mode 0644", t)
tpl = json.loads(text)
check(text.startswith('{\n    "agentcoreWizardTemplate": 1,\n') and "\t" not in text,
      "the template is not written as the AWS CLI prints JSON", t)
modes = {p: e["mode"] for p, e in tpl["fields"].items()}
want = {"agentRuntimeName": "yours", "roleArn": "locked", "description": "locked",
        "agentRuntimeArtifact.containerConfiguration.containerUri": "yours",
        "environmentVariables.API_KEY": "yours"}
for path, mode in want.items():
    check(modes.get(path) == mode, "%s is %s, expected %s" % (path, modes.get(path), mode), t)
check(modes.get("networkConfiguration") == "locked" or
      modes.get("networkConfiguration.networkMode") == "locked",
      "the network is not locked: %r" % modes, t)
check("environmentVariables.LOG_LEVEL" not in modes or
      modes["environmentVariables.LOG_LEVEL"] == "default", "LOG_LEVEL: %r" % modes, t)
check(tpl.get("hiddenSections") == ["tags"], "Tags is not hidden: %r" % tpl, t)
check(tpl["title"] == "Blue team agents" and tpl["description"].startswith("Our agents"),
      "title or paragraph not written", t)
check(tpl["form"]["environmentVariables"] == {"LOG_LEVEL": "INFO"},
      "the form's variables: %r" % tpl["form"].get("environmentVariables"), t)
v = subprocess.run([program(), "validate", made], capture_output=True, text=True,
                   env=dict(t.env))
check(v.returncode == 0, "validate refused the template: %s%s" % (v.stdout, v.stderr), t)
t.close()

# a session from the template: only the chosen fields are editable
t = Term(args=["new", "--template", "./blue.json", "mine.json"], tmp=tmp, y=40)
t.own_tmp = True
s = t.wait_text("fields yours to fill")
check("Tags" not in "\n".join(r[:25] for r in t.rows()), "the hidden section is listed", t)
check("Runtime name" in t.rows()[t.cursor()[1]], "the cursor is not on the name", t)
t.type("blue_support")
t.wait_text("blue_support")
t.keys("Down")  # Description: locked
s = t.wait_text("Locked by the template")
t.type("x")
s = t.wait_stable(lambda s: "Locked by the template" in s)
check("Support agents of the blue team" in s and "Support agents of the blue teamx" not in s,
      "the locked description took a key", t)
t.go_to("Artifact")
t.keys("Down")
t.wait(lambda s: "Image URI" in t.rows()[t.cursor()[1]], "the cursor on the image")
t.type("123456789012.dkr.ecr.us-east-1.amazonaws.com/blue:v1")
t.wait_text("blue:v1")
t.go_to("Permissions")
t.type("x")
s = t.wait_stable(lambda s: "Locked by the template" in s)
check("role/Rx" not in s, "the locked role took a key", t)
t.go_to("Environment variables")
s = t.wait_text("API_KEY")
check("LOG_LEVEL" in s, "the default variable is not there", t)
# item 2: F10 names the yours field still empty (the API takes an empty value)
t.keys("F10")
s = t.wait_text("Every value, then")
check("Environment variables API_KEY: is yours to fill" in pane(s) and
      "(the template's rule)" in pane(s),
      "the review does not list the template's problem", t)
t.keys("F10")
s = t.wait(lambda s: "Not submitted:" in s, "F10 refused")
check("Environment variables API_KEY: is yours to fill" in flat(s), "F10 does not name the field yours to fill", t)
t.quit()
t.close()
print("ok: a form saved as a template leaves its secret out and says so; a session from it "
      "edits only the chosen fields")
