"""Saving asks before it replaces a file that is there already and is not
this form's own (an earlier session's runtime.json, offered by F2 and by the
save on quitting); the file the form was loaded from or last saved to is
saved over without a question."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check, form_term  # noqa: E402

t = Term()  # a new form, in a folder that has runtime.json and other.json
earlier = {"agentRuntimeName": "earlier_session"}
for name in ("runtime.json", "other.json"):
    with open(os.path.join(t.tmp, name), "w") as f:
        json.dump(earlier, f)


def held(name):
    with open(os.path.join(t.tmp, name)) as f:
        return json.load(f)


t.wait_text("Runtime name")
t.type("new_agent")
t.keys("F2")
t.wait_text("Save to file:")
t.keys("Enter")  # the name offered: runtime.json
t.wait_text("runtime.json exists already. Replace it with this form? (y/n)")
t.keys("n")
t.wait_text("Not saved: runtime.json is kept as it was.")
check(held("runtime.json") == earlier, "runtime.json was replaced after n", t)
t.keys("F2")
t.wait_text("Save to file:")
t.keys("Enter")
t.wait_text("runtime.json exists already.")
t.keys("y")
t.wait_text("Saved to runtime.json")
check(held("runtime.json")["agentRuntimeName"] == "new_agent", "not saved after y", t)
# the form's own file now: saved again without a question
t.keys("BSpace")
t.type("2")
t.keys("F2")
t.wait_text("Save to file:")
t.keys("Enter")
t.wait_text("Saved to runtime.json")
check(held("runtime.json")["agentRuntimeName"] == "new_agen2", "not saved over its own", t)
# the save offered on quitting asks too
t.keys("BSpace")
t.type("3")
t.keys("F12")
t.wait_text("Save your changes before quitting?")
t.keys("y")
t.wait_text("Save to file:")
t.keys("C-u")
t.type("other.json")
t.keys("Enter")
t.wait_text("other.json exists already. Replace it with this form? (y/n)")
t.keys("n")
t.wait_text("Not saved: other.json is kept as it was.")
check(held("other.json") == earlier, "other.json was replaced after n", t)
check(held("runtime.json")["agentRuntimeName"] == "new_agen2", "runtime.json changed", t)
t.keys("F12")
t.wait_text("Save your changes before quitting?")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.close()

# a form loaded from a file is saved back to it without a question
t = form_term(MINIMAL, "acw-ui-overwrite-")
t.wait_text("minimal_agent")
t.type("2")
t.keys("F2")
t.wait_text("Save to file:")
t.keys("Enter")
t.wait_text("Saved to form.json.")
check(held("form.json")["agentRuntimeName"] == "minimal_agent2", "not saved to its file", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: saving asks before replacing another file")
