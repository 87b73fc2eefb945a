"""A FORM that does not exist yet opens an empty form under its name, and
the status line says so (the title alone looked like a file loaded); F2
then writes it, without asking, as it is the form's own."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check, program  # noqa: E402

t = Term(args=["nope.json"])
s = t.wait_text("nope.json is a new file: it is written when you save (F2).")
check("nope.json" in t.title(), "the title does not name the file", t)
check(not os.path.exists(os.path.join(t.tmp, "nope.json")), "the file was made at the start", t)
t.type("new_agent")
t.wait_gone("is a new file")  # the field's state takes the status line
t.keys("F2")
t.wait_text("Save to file:")
t.keys("Enter")
# the form is not complete: saved, and said so (issue 13, item 18)
s = t.wait_text("Saved to nope.json, with")
check("problems: the review (F10) lists them." in s.replace("\n", " "),
      "F2 on an invalid form does not count its problems", t)
with open(os.path.join(t.tmp, "nope.json")) as f:
    check(json.load(f)["agentRuntimeName"] == "new_agent", "not saved to nope.json", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
# --plain says it too
p = subprocess.run([program(), "--plain", os.path.join(t.tmp, "gone.json")], input="",
                   capture_output=True, text=True, cwd=t.tmp,
                   env=dict(t.env, HOME=t.home))
check("gone.json is a new file: it is written when you save it at the end." in
      " ".join(l.strip() for l in p.stdout.split("\n")),
      "--plain does not say the file is new: " + p.stdout, t)
t.close()
print("ok: a new FORM is said to be new")
