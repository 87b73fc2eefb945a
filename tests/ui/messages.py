"""Messages are shown whole: under a field without the API path (the field
is right there), wrapped over as many lines as they need; on the status
line (a refused Page Down, what a field still needs) with their reason."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term  # noqa: E402

PANE = 27  # the form pane starts right of the section list


def pane(screen):
    """The form pane's text, its lines joined by single spaces."""
    lines = screen.split("\n")[1:-4]
    return re.sub(r"\s+", " ", " ".join(l[PANE:] for l in lines))


def footer(screen):
    """The status and hint lines above the key bar, joined."""
    return re.sub(r"\s+", " ", " ".join(screen.rstrip("\n").split("\n")[-4:-1]))


NAME_MSG = ('"bad-name" is not valid: "-" at character 4 is not allowed; expected a letter, then up to 47 letters, digits or '
            'underscores (no hyphens)')
SG_MSG = ('"sg-1!" is not valid: "!" at character 5 is not allowed; expected sg- followed by '
          '8 to 17 letters or digits')

FORM = dict(MINIMAL, networkConfiguration={"networkMode": "VPC", "networkModeConfig": {
    "securityGroups": ["sg-1!"], "subnets": ["subnet-0123456789abcdef0"]}})
t = form_term(FORM, "acw-ui-msg-")
t.wait_text("minimal_agent")

# a bad name: the whole reason under the field, no path
t.keys("C-u")
t.type("bad-name")
s = t.wait(lambda s: NAME_MSG in pane(s), "the whole message under the name")
check("agentRuntimeName" not in s, "the message under the field shows the path", t)
# Page Down refuses; the status line says why, whole
t.keys("PageDown")
s = t.wait(lambda s: "to fix before going on" in s, "the refusal")
check(NAME_MSG in footer(s), "the status line lost the reason: %r" % footer(s), t)
check("Name the runtime" in s, "Page Down left the section", t)
t.keys("C-u")
t.type("msg_agent")
t.wait_gone("is not valid")

# a bad security group, deep in the form: whole under its field
t.go_to("Network")
s = t.wait(lambda s: SG_MSG in pane(s), "the whole message under the security group")
check("networkConfiguration" not in s, "the message under the field shows the path", t)
t.keys("Down")
t.wait(lambda s: t.cursor()[1] == [i for i, l in enumerate(s.split("\n"))
                                   if "Security group 1" in l][0], "the cursor on the group")
t.keys("PageDown")
s = t.wait(lambda s: "to fix before going on" in s, "the refusal")
check(SG_MSG in footer(s), "the status line lost the reason: %r" % footer(s), t)

# what a field still needs, on the status line, after the field's name
t.keys("C-u")
t.type("sg-1")
t.wait(lambda s: 'Security group 1: "sg-1" is too short: expected sg- followed by 8 to 17 '
       'letters or digits' in footer(s), "the whole reason on the status line")

check(t.quit() == 0, "quit failed", t)
t.close()
print("ok: messages under fields and on the status line are whole, without paths")
