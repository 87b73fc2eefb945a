"""TERM unset, unknown or dumb (issue 13, item 9): the wizard says so in its
own words, suggests --plain and exits with 2, instead of ncurses' "Error
opening terminal" and exit 1 (which means an invalid form), or an unusable
screen on a dumb terminal."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

for term, words in [("", "TERM is not set"), ("acw-no-such-terminal", "is not known"),
                    ("dumb", "cannot move the cursor")]:
    t = Term(term=term)
    s = t.wait_text("--plain")
    check("cannot run on this terminal" in s and words in s,
          "TERM=%r: not said in the program's words" % term, t)
    check("Error opening terminal" not in s, "TERM=%r: ncurses' message" % term, t)
    code = t.exit_code()
    check(code == 2, "TERM=%r: exit %r, not 2" % (term, code), t)
    t.close()
print("ok: unusable terminals refused with exit 2")
