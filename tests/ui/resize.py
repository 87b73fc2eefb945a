"""Resize to 60x15 ("too small") and back keeps every value and the cursor.
Keys typed while the terminal is too small are ignored (they would change
fields no one can see), so the test waits for each key to show before it
resizes."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

t = Term()
t.wait_text("Runtime name")
t.type("resized_agent")
t.wait_text("resized_agent")
t.keys("Tab")
t.type("kept 日本語 text")
t.wait_text("kept 日本語 text")
end = t.wait(lambda s: t.cursor()[0] > 40, "the cursor after the text") and t.cursor()[0]
t.keys("Left", "Left")
t.wait(lambda s: t.cursor()[0] == end - 2, "the cursor two characters back")
t.resize(60, 15)
t.wait_text("Terminal too small")
t.wait_text("keys are ignored")
t.resize(80, 24)
s = t.wait_text("resized_agent")
check("kept 日本語 text" in s, "description lost on resize", t)
# the cursor is still in the description, two characters from the end
t.type("X")
t.wait_text("kept 日本語 teXxt")
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: resize keeps values and cursor")
