"""Long texts wrap at word boundaries instead of being cut at the screen's
edge (80x24): the field hint (help and example, read from forms/), the F1
help screen, and a long value on the review, which shows every value whole."""
import json
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import Term, check  # noqa: E402

SRC = os.environ.get("top_srcdir") or os.path.join(HERE, "..", "..")
with open(os.path.join(SRC, "forms", "10-basics.json")) as f:
    name = next(x for x in json.load(f)["fields"] if x["name"] == "agentRuntimeName")
URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team-with-a-long-name/agent:v1.2.3"
FORM = {"agentRuntimeName": "wrap_agent",
        "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": URI}},
        "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
        "networkConfiguration": {"networkMode": "PUBLIC"}}


def joined(screen, left=0):
    """The screen's text from column `left`, lines joined by single spaces."""
    return re.sub(r"\s+", " ", " ".join(l[left:] for l in screen.split("\n")))


tmp = tempfile.mkdtemp(prefix="acw-ui-wrap-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(FORM, f)
t = Term(args=["form.json"], tmp=tmp)
t.own_tmp = True
s = t.wait_text("wrap_agent")
hint = "%s Example: %s" % (name["help"], name["example"])
check(len(hint) > 80, "the hint fits one line: the test proves nothing", t)
check(hint in joined(s), "the hint is not shown whole", t)
t.keys("F1")
s = t.wait_text("Keys (")
check(name["help"] in joined(s), "F1 help does not show the whole help text", t)
t.keys("Escape")
t.wait_text("wrap_agent")
t.keys("F10")
s = t.wait_stable("Every value")
# the review never breaks the URI over two lines (issue 13, item 21): its
# line stays whole, cut at the pane's edge with '>', and Right scrolls it
# sideways to show the rest (Down scrolls it into view: no Region is set,
# and the review says so first)
for _ in range(12):
    row = next((r for r in t.rows() if URI[:30] in r), None)
    if row:
        break
    t.keys("Down")
    s = t.wait_stable(lambda x, before=s: x != before, "Down to scroll")
check(row is not None, "the review does not show the start of the long image URI", t)
check(row.endswith(">"), "the URI's line does not say that it goes on", t)
for _ in range(6):  # Right scrolls 20 columns at a time
    t.keys("Right")
s = t.wait(lambda x: URI[-20:] in x, "Right to show the rest of the URI")
t.keys("F12")
t.exit_code()
t.close()
print("ok: hint and help wrap instead of cutting; the review keeps a URI whole")
