"""The review's keys at 80x24 do what its hint and key bar say: Up/Down
scroll the view a line, Space a page (as Down that many times), Home and
End go to either end, and Enter goes to the section of the line at the top
(the highlight moves with the text). Its title has no section number."""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("top_srcdir") or os.path.join(HERE, "..", "..")
PANE = 27
PAGE = 24 - 5  # the review's lines on an 80x24 screen

# the form in a folder whose path alone is wider than the title (as in a
# distcheck's build tree): the title still names the file
DEEP = os.path.join(tempfile.mkdtemp(prefix="acw-ui-review-keys-"), "a-folder-of-forms" * 4)
os.makedirs(DEEP)
shutil.copy(os.path.join(SRC, "tests", "data", "valid", "maximal.json"), DEEP)
t = Term(args=[os.path.join(DEEP, "maximal.json")])
t.wait_text("support_agent")
t.keys("F10")
t.wait_stable("Every value, then")
s = t.screen()
bar = t.rows()[-1]
check("Space Page" in bar, "the key bar does not offer Space: " + bar, t)
# the review is not counted as one more section ("12/12 Review" after "12/12 Tags")
check(t.title().split()[:2] == ["agentcore-wizard", "Review"],
      "the review's title: %r" % t.title(), t)
# the form's file is named, by its last name at least however long its path
check("maximal.json" in t.title(), "the title does not name the file: %r" % t.title(), t)


def pane(s):
    return [r[PANE:].rstrip() for r in s.split("\n")[2:2 + PAGE]]


first = pane(s)
t.keys("Down")
s = t.wait_stable(lambda s: pane(s)[0] == first[1], "Down to scroll a line")
check(pane(s)[:-1] == first[1:], "Down did not scroll by one line", t)
t.keys("Up")
t.wait_stable(lambda s: pane(s) == first, "Up to scroll back")
t.keys("Space")
paged = t.wait_stable(lambda s: pane(s)[0] not in first, "Space to page down")
t.keys("Home")
t.wait_stable(lambda s: pane(s) == first, "Home")
t.keys(*["Down"] * PAGE)
t.wait_stable(lambda s: pane(s) == pane(paged), "as many Downs as a page")
t.keys("End")
s = t.wait_stable(lambda s: "aws bedrock-agentcore-control" in s, "End")
check(pane(s)[-1].startswith("aws bedrock-agentcore-control"), "End is not the last line", t)
t.keys("Home", "Space")
t.wait_stable(lambda s: pane(s) == pane(paged), "Space again")
# Enter goes to the section of the line at the top, where the highlight is:
# the last section heading at or above it
SECTIONS = ("Basics", "Artifact", "Permissions", "Network", "Authorizer")
lines = first + pane(paged)
heads = [x for x in lines[:PAGE + 1] if x in SECTIONS]
check(heads, "no section heading on the first two pages", t)
t.keys("Enter")
t.wait(lambda s: "/12 %s" % heads[-1] in s.split("\n")[0], "Enter to %s" % heads[-1])
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
shutil.rmtree(os.path.dirname(DEEP), ignore_errors=True)
print("ok: Up/Down scroll the review, Space pages, Enter follows the top line")
