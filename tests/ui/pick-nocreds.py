"""Without credentials (issue 10): the first screen names no account, the
account checks stay quiet when a field they read is left changed (the
review says once what is missing), Ctrl-O on the role field says in its box
why nothing can be listed and Esc leaves the field as it was, and Ctrl-R
says why no role can be made. Nothing waits."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-nocreds-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(MINIMAL, f)
t = Term(args=["form.json"], tmp=tmp)
t.own_tmp = True
s = t.wait_stable(lambda s: "AWS settings in use" in s, "the first screen")
check("Account:" not in s, "an account is named without credentials", t)
t.go_to("Permissions")
t.keys("End")
t.type("2")
t.wait_text("role/R2")
t.next_section("PageUp")  # left changed: without credentials nothing starts
t.next_section("PageDown")
s = t.wait_stable(lambda s: "role/R2" in s, "the role field again")
check("Account check" not in s and "could not check" not in s,
      "the checks spoke without credentials", t)
t.keys("C-o")
s = t.wait_stable(lambda s: "Could not list them" in s, "why the list is empty")
check("credentials" in s or "Region" in s, "the box does not say what is missing", t)
t.keys("Escape")
s = t.wait_stable(lambda s: "Could not list them" not in s, "the list closed")
check("role/R2" in s, "Esc changed the field", t)
t.keys("C-r")
s = t.wait_stable(lambda s: "No role can be made here" in s, "why no role is made")
t.quit()
t.close()
print("ok: without credentials the lists and the role say why, and nothing waits")
