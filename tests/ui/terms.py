"""The wizard starts, edits and quits on xterm-256color, xterm, screen, tmux
and vt100 (no colour), and with NO_COLOR set; the screen text is the same."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

first = None
for term, env in [("xterm-256color", {}), ("xterm", {}), ("screen", {}),
                  ("tmux-256color", {}), ("vt100", {}), ("xterm-256color", {"NO_COLOR": "1"})]:
    t = Term(term=term, env=env)
    t.wait_text("Runtime name")
    t.type("agent_é")
    s = t.wait(lambda s: "agent_é" in s and "(no hyphens)" in s, "the whole message")
    # not the key bar, and the first screen's "F9 changes them" as "Esc 9" on
    # a terminal without F9: they name the keys this terminal has
    text = [r.replace("(Esc 9 changes", "(F9 changes") for r in t.rows()[:23]]
    if term == "vt100":
        check("(Esc 9 changes them)" in t.screen(), "vt100 is not told Esc 9", t)
    if first is None:
        first = text
    check(text == first, "screen on %s %r differs from xterm-256color" % (term, env), t)
    if env.get("NO_COLOR"):
        attrs = t.tmux("capture-pane", "-e", "-p", "-t", t.name + ":").stdout
        check("\x1b[31m" not in attrs, "NO_COLOR still shows red", t)
    if term == "vt100":
        # vt100 has no F12: an unknown key sequence must not reach the field
        t.keys("F12")
        t.keys("End")
        t.type("z")
        t.wait_text("agent_éz")
        check("[24~" not in t.screen(), "an unknown key was typed as text", t)
    t.keys("C-c")
    t.wait_text("Save your changes")
    t.keys("n")
    check(t.exit_code() == 0, "quit failed on " + term, t)
    t.close()
print("ok: terminals and NO_COLOR")
