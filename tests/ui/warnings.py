"""What the form warns about although the API takes it (issue 13, item 16):
networkConfiguration left unset (AWS CLIs and SDKs from before August 2026
refuse the form) is said under the Network screen's field and on the
review, as platformVersion set is; neither makes the form incomplete."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402


def flat(s):
    return " ".join(l[27:].strip() for l in s.split("\n"))


form = {k: v for k, v in MINIMAL.items() if k != "networkConfiguration"}
tmp = tempfile.mkdtemp(prefix="acw-ui-warn-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(form, f)
t = Term(args=["form.json"], tmp=tmp)
t.own_tmp = True
t.wait_text("minimal_agent")
t.go_to("Network")
s = t.wait(lambda s: "Warning:" in s, "the warning on the Network screen")
check("before August 2026" in flat(s), "the warning does not say why", t)
check("!! Network" not in s, "a warning marked the section as wrong", t)
t.keys("F10")
s = t.wait_stable("Every value")
check("Warning: Network" in flat(s) or "Warning:" in flat(s), "the review has no warning", t)
check("The form is complete" in flat(s), "a warning made the form incomplete", t)
t.quit(changed=False)
t.close()
print("ok: warnings under the field and on the review")
