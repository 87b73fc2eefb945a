"""The review: the request body and the CLI line are shown as they are,
never wrapped (Left/Right scroll them, with marks outside the text); values
show under the headings of their groups and entries; an empty section says
so; the key bar lists the review's own keys, and PageDown says why it does
nothing."""
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("top_srcdir") or os.path.join(HERE, "..", "..")
with open(os.path.join(SRC, "tests", "data", "valid", "jwt-claims.json")) as f:
    FORM = json.load(f)
DESC = ("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike "
        "november oscar papa quebec romeo sierra tango uniform victor whiskey xray")
FORM["description"] = DESC
FORM["authorizerConfiguration"]["customJWTAuthorizer"]["allowedAudience"] = ["my-api"]
PANE = 27  # first column of the pane; the marks are at PANE - 1 and the last column
WIDTH = 80 - PANE - 1

tmp = tempfile.mkdtemp(prefix="acw-ui-review-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(FORM, f)
t = Term(args=["form.json"], tmp=tmp, x=80, y=150,  # the whole review on one screen
         env={"AWS_REGION": "eu-west-1"})
t.own_tmp = True
t.wait_text("support_agent")
t.keys("F10")
s = t.wait_stable("The same with the AWS CLI")
rows = t.screen().split("\n")
bar = [r for r in rows if r.strip()][-1]
check("PgDn" not in bar and "F10 Submit" in bar, "the key bar is not the review's: " + bar, t)
text = [r[PANE:].rstrip() for r in rows]
stripped = [x.strip() for x in text]


def at(line):
    check(line in stripped, "no review line %r" % line, t)
    return stripped.index(line)


# headings show the nesting
check(at("Audience 1: my-api") < at("Custom claims:") < at("Custom claim 1:") <
      at("Claim name: tenant"), "the custom claim is not under its heading", t)
check(stripped[at("Custom claim 1:") + 1] == "Claim name: tenant",
      "the claim's first value does not follow its heading", t)
check(at("Custom claim 2:") < at("Claim name: cognito:groups"), "no heading for claim 2", t)
# empty sections say so
check(stripped[at("Protocol") + 1] == "(nothing set)", "an empty section is a bare heading", t)
check(stripped[at("Tags") + 1] == "(nothing set)", "an empty section is a bare heading", t)
# the body: every line is JSON as it is, never a continued piece of a string
body = rows[stripped.index("{", at("Tags")):at("The same with the AWS CLI (after F2 saves the file):")]
check(len(body) > 10, "no request body shown", t)
for r in body:
    check(re.match(r'^\s*([{}\[\]"]|$)', r[PANE:]), "a body line is not JSON: %r" % r, t)
line = '    "description": "%s",' % DESC
row = next(r for r in body if '"description"' in r)
check(row[PANE:PANE + WIDTH] == line[:WIDTH], "the description line is changed: %r" % row, t)
check(row.rstrip().endswith(">") and len(row.rstrip()) == 80, "no mark for more text", t)
# Right scrolls the unwrapped lines sideways, Left back
t.keys("Right")
s = t.wait_stable(lambda s: "<" in "".join(r[PANE - 1:PANE] for r in s.split("\n")), "Right")
row = next(r for r in s.split("\n") if DESC[20:30] in r and r[PANE - 1] == "<")
check(row[PANE:PANE + WIDTH] == line[20:20 + WIDTH], "Right did not scroll by 20: %r" % row, t)
t.keys("Right")
s = t.wait_stable(lambda s: line[40:40 + WIDTH] in s, "Right again")
cli = s.split("\n")[at("The same with the AWS CLI (after F2 saves the file):") + 1]
# as `cli` builds it: the file's absolute path as one word, then the Region
want = ("aws bedrock-agentcore-control create-agent-runtime --cli-input-json "
        "'file://%s' --region eu-west-1" % os.path.join(os.path.realpath(tmp), "form.json"))
check(cli[PANE:PANE + WIDTH].rstrip() == want[40:40 + WIDTH],
      "the CLI line is not as `cli` builds it: %r, want %r" % (cli, want[40:]), t)
t.keys("Left", "Left")
t.wait(lambda s: "<" not in "".join(r[PANE - 1:PANE] for r in s.split("\n")), "Left")
# PageDown on the review says what it does not do
t.keys("PageDown")
t.wait_text("The review is the last screen: F10 submits, PageUp goes back.")
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: the review shows exact body lines, headings and its own keys")
