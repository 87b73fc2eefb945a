"""On a vt100 (no PageUp/PageDown, Shift-Tab or F5..F12 in its terminfo)
every section and the review are reached by keys alone: Ctrl-N and Ctrl-P
change the section, Esc then a digit stands for F1..F10 (Esc 0 = F10), and
Ctrl-C quits. The key bar and the help show those keys, not the missing ones."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term  # noqa: E402

SECTIONS = ["Basics", "Artifact", "Permissions", "Network", "Authorizer", "Request headers",
            "Protocol", "Lifecycle", "Environment variables", "Filesystems",
            "Capacity provider", "Tags", "Review"]
t = form_term(MINIMAL, "acw-ui-vt100-", term="vt100")
t.wait_text("minimal_agent")
bar = t.rows()[-1]
for want in ("F1 Help", "^N Next", "^P Back", "Esc0 Review", "^C Quit"):
    check(want in bar, "the key bar lacks %r: %r" % (want, bar), t)
for missing in ("PgDn", "PgUp", "F10", "F12"):
    check(missing not in bar, "the key bar shows %r, which a vt100 lacks: %r" % (missing, bar), t)

# every section in turn with Ctrl-N, up to the review
seen = [t.title()]
for _ in range(len(SECTIONS) - 1):
    t.next_section("C-n")
    seen.append(t.title())
for title, want in zip(seen, SECTIONS):
    check(" %s" % want in title, "expected %s, the title bar says %r" % (want, title), t)
t.wait_text("Every value, then the exact request body.")
check("F10" not in t.rows()[-1], "the review's key bar names F10", t)
# what the review says names the keys this terminal has (its F1..F4 are PF1..PF4)
# (no Region is set here: the review says which key sets one)
s = t.screen()
text = " ".join(l.split("\u2502", 1)[-1].strip() for l in s.split("\n"))
check("cannot submit it (F2 saves it):" in text and
      "or Esc 9 sets the Region and profile for this session." in text and
      "F10" not in s and "F9" not in s,
      "the review's text names keys a vt100 lacks", t)
# Ctrl-P goes back; Esc 0 (F10) comes to the review from a section
t.next_section("C-p")
check(" Tags" in t.title(), "Ctrl-P did not go back to Tags: %r" % t.title(), t)
t.keys("Escape")
t.keys("0")
t.wait_text("Every value, then the exact request body.")
t.keys("Escape")  # leaves the review, after a second (it could start Esc and a digit)
t.wait(lambda s: " Tags" in s.split("\n")[0], "Esc to leave the review")

# the help lists the keys this terminal has
t.keys("Escape")
t.keys("1")
s = t.wait_text("Keys (")
check("Ctrl-N" in s and "PageDown" not in s, "help shows the wrong section keys", t)
check("Esc then a digit" in s, "help does not explain Esc and a digit", t)
t.keys("q")
t.wait_gone("Keys (")

t.keys("C-c")
rc = t.exit_code()
check(rc == 0, "Ctrl-C did not quit (exit %d)" % rc, t)
t.close()
print("ok: a vt100 reaches every section and the review by keys it has, and quits")
