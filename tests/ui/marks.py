"""The marks tell the truth: a value still being typed (a valid prefix) is
`..` in the section list, never `!!`; a section with a required field still
empty is `..` on arrival; a required member of an optional group is `+`
(required once the group is set) and leaves the untouched section ok
(issue 13, item 21), required lists are `*`; a refused Page
Down names a missing list once; "(changed)" goes when Esc undoes the edits;
the key bar of an entry's screen says where Page Down goes; the help
explains every mark and Esc."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term  # noqa: E402

# no role and no network: those sections start empty
FORM = {k: v for k, v in MINIMAL.items() if k in ("agentRuntimeName", "agentRuntimeArtifact")}
t = form_term(FORM, "acw-ui-marks-")
t.wait_text("minimal_agent")


def mark(screen, section):
    """The section list's mark before a section's name."""
    for line in screen.split("\n"):
        if line[3:25].rstrip() == section:
            return line[:2]
    return None


def field(screen, label):
    """The line of the field with this label."""
    return next((l[27:] for l in screen.split("\n") if (" %s" % label) in l[27:]), "")


# "(changed)" goes when Esc undoes every edit
t.keys("Tab")
t.type("x")
t.wait_text("(changed)")
t.keys("Escape")
t.wait_gone("(changed)")

# a valid prefix of an ARN is being typed: .., not !!
t.go_to("Permissions")
t.type("arn:aws:iam::")
s = t.wait(lambda s: "arn:aws:iam::" in s and "is too short" in s, "the prefix and its hint")
check(mark(s, "Permissions") == "..", "a valid prefix marks the section %r"
      % mark(s, "Permissions"), t)
t.type("123456789012:role/R")
t.wait(lambda s: mark(s, "Permissions") == "ok", "the complete ARN")

# Network: nothing set, but the mode is required once the group is set
t.next_section()
# (each check waits: a screen caught half drawn must not fail the test)
t.wait(lambda s: mark(s, "Network") == "ok", "the untouched Network to be ok on arrival")
t.wait(lambda s: field(s, "Network mode").startswith("+"), "Network mode marked +")
t.wait_text("required once Network is set")
# VPC: both lists are required (*); a refused Page Down names each once
t.keys("Right", "Right")
t.wait(lambda s: field(s, "Security groups").startswith("*") and
       field(s, "Subnets").startswith("*"), "required lists marked *")
t.keys("Down", "Enter")
t.wait_text("Security group 1")
t.type("sg-0123456789abcdef0")
t.keys("PageDown")
s = t.wait(lambda s: "to fix before going on" in s and "expected a list" in s, "the refusal")
check(s.count("is required") == 2, "the missing subnets are named %d times, not twice "
      "(under the list and on the status line):\n%s" % (s.count("is required"), s), t)
check("Subnets: is required" in s, "the status does not name the list", t)
t.keys("Up", "Up", "Up", "Left")  # from the subnets' add row to the mode: PUBLIC
s = t.wait_text("< PUBLIC >")
check("Security group 1" not in s, "PUBLIC still shows the VPC settings", t)
t.keys("Right")  # VPC again: the security group typed is back
t.wait(lambda s: "< VPC >" in s and "sg-0123456789abcdef0" in s, "the VPC settings back")
t.keys("Left")
t.wait_text("< PUBLIC >")

# Protocol: the group is optional, its server protocol is marked +
t.go_to("Protocol")
t.wait(lambda s: field(s, "Server protocol").startswith("+"), "Server protocol marked +")

# a valid prefix of the idle timeout (6 of 60...): .., not !!
t.next_section()
t.wait_text("Idle timeout")
t.type("6")
s = t.wait(lambda s: "6" in field(s, "Idle timeout") and "too small" in s, "the typed 6")
check(mark(s, "Lifecycle") == "..", "a valid prefix marks Lifecycle %r" % mark(s, "Lifecycle"),
      t)
t.type("00")
t.wait(lambda s: mark(s, "Lifecycle") == "ok", "a complete timeout")

# an entry's screen: the key bar says Page Down goes back to the list
t.go_to("Filesystems")
t.keys("Down", "Enter")
s = t.wait_text("Filesystem 1 (Esc or")
bar = t.rows()[-1]
check("PgDn List" in bar and "Next" not in bar, "the entry's key bar: %r" % bar, t)
t.keys("PageDown")
t.wait_text("Filesystem 1: (choose a kind)")

# the help explains every mark and what Esc undoes
t.keys("F1")
s = t.wait_text("Keys (")
joined = " ".join(l.strip() for l in s.split("\n"))
for _ in range(40):  # scroll down to the end of the help
    if "redraw the screen" in s:
        break
    t.keys("Down")
    s = t.wait(lambda x: x != s, "the help to scroll")
    joined += " " + " ".join(l.strip() for l in s.split("\n"))
for want in ("ok valid", "!! has errors", ".. being filled", "! invalid", "* required",
             "+ required once its group is set", "undo the edits of the field"):
    check(want in joined, "the help lacks %r" % want, t)
t.keys("q")
t.wait_gone("Keys (")
check(t.quit() == 0, "quit failed", t)
t.close()
print("ok: section and field marks, (changed), the entry's key bar, the help")
