"""An invalid value shows its message at once and blocks the next section."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

t = Term()
t.wait_text("Runtime name")
t.type("9-not-a-name")
t.wait(lambda s: "9-not-a-name" in s and "is not valid" in s, "the message")
t.wait_text("!! Basics")  # the section list marks Basics as having errors
t.keys("PageDown")
s = t.wait_text("1 problem to fix before going on")
check("Name the runtime" in s, "PageDown left the section despite the error", t)
t.keys("C-u")
t.type("good_name")
t.wait_gone("is not valid")
t.next_section()
check(" Artifact" in t.title(), "PageDown did not go to the Artifact: %r" % t.title(), t)
t.wait_text("ok Basics")
t.keys("PageUp")
t.wait_text("good_name")
# Esc undoes the edits made since the cursor came to the field
t.type("-x")
t.wait_text("good_name-x")
t.keys("Escape")
t.wait_text("Change undone.")
check("good_name-x" not in t.screen(), "Esc did not undo", t)
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: invalid value reported and blocked")
