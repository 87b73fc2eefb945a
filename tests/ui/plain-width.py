"""--plain in a terminal 60 columns wide wraps its messages at that width,
at spaces (the terminal would cut words), with continued lines indented."""
import os
import sys
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

INTRO = ("agentcore-wizard: answer each question; Enter keeps the value in [brackets], "
         "'-' clears it, '?' explains the field.")
BAD = ('  "9bad" is not valid: "9" at character 1 is not allowed; expected a letter, then up to 47 letters, digits or '
       'underscores (no hyphens)')


def wrapped(text, width):
    lead = len(text) - len(text.lstrip(" "))
    return textwrap.wrap(text.lstrip(" "), width, initial_indent=" " * lead,
                         subsequent_indent=" " * (lead + 2),
                         break_long_words=False, break_on_hyphens=False)


t = Term(args=["--plain"], x=60, y=30)
s = t.wait_text("Runtime name:")
rows = t.rows()
want = wrapped(INTRO, 60)
check(rows[:len(want)] == want, "the intro is not wrapped at 60 columns: %r" % rows[:3], t)
t.type("9bad")
t.keys("Enter")
t.wait_text("underscores")
rows = t.rows()
want = wrapped(BAD, 60)
at = rows.index(want[0]) if want[0] in rows else -1
check(at >= 0 and rows[at:at + len(want)] == want,
      "the message is not wrapped at 60 columns: %r" % rows, t)
t.keys("C-d")
check(t.exit_code() == 6, "end of input did not end --plain", t)
t.close()
print("ok: --plain wraps its messages at the terminal's width")
