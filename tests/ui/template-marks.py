"""Issue 12: a section holding a value yours to fill that is still empty is
marked as still to fill ("..", its field "*"), as the title's count, the
review and F10 count it; once filled, the section is marked ok and the
title's count goes down. The yours value is an environment variable, in a
section other than the first, left behind with PageDown while the runtime's
name (yours too) is filled in the first."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

ENV = "Environment variables"
tmp = tempfile.mkdtemp(prefix="acw-ui-")
with open(os.path.join(tmp, "team.json"), "w") as f:
    json.dump({"agentcoreWizardTemplate": 1, "title": "Team agents",
               "fields": {"agentRuntimeName": {"mode": "yours", "example": "team_a"},
                          "environmentVariables.LOG_LEVEL": {
                              "mode": "yours", "note": "How much the agent logs.",
                              "example": "INFO"}},
               "form": {"roleArn": "arn:aws:iam::123456789012:role/R",
                        "agentRuntimeArtifact": {"containerConfiguration": {
                            "containerUri": "public.ecr.aws/a/b"}},
                        "networkConfiguration": {"networkMode": "PUBLIC"}}}, f)


def side(t, title):
    """The section list's line for the section with this title."""
    for row in t.rows()[1:-3]:
        left = row.split("│")[0]
        if left[3:].strip() == title:
            return left
    t.fail("%s is not in the section list" % title, t.screen())


def body(t):
    """The text right of the section list, its lines joined."""
    return " ".join(" ".join(r.split("│", 1)[-1].split()) for r in t.rows())


def row_of(t, label):
    for row in t.rows()[1:-3]:
        right = row.split("│", 1)[-1]
        if label in right:
            return right
    t.fail("no row %r" % label, t.screen())


t = Term(args=["new", "--template", os.path.join(tmp, "team.json"), "mine.json"], tmp=tmp)
t.wait_text("2 of 2 fields yours to fill")
t.type("team_a")
t.wait_text("1 of 2 fields yours to fill")
t.go_to(ENV)
s = t.wait_text("LOG_LEVEL")
check(row_of(t, "Value 1").strip().startswith("*"),
      "the empty yours value is not marked '*'", t)
t.go_to("Filesystems")
s = t.wait_stable(lambda s: True)
check(side(t, ENV).startswith(".."),
      "the section holding an empty yours value is not marked '..' (%r)" % side(t, ENV), t)
check(side(t, "Basics").startswith("ok"), "Basics, all filled, is not marked ok", t)
check("1 of 2 fields yours to fill" in t.title(), "the title's count is wrong", t)
# the review and F10 agree with the mark
t.keys("F10")
s = t.wait_text("The form has problems")
check("LOG_LEVEL: is yours to fill" in body(t), "the review does not list the yours value", t)
check(side(t, ENV).startswith(".."), "the review's section list marks it otherwise", t)
t.keys("F10")
s = t.wait_text("Not submitted")
check("LOG_LEVEL" in body(t), "F10 does not name the yours value it refuses", t)

# filled: the section is ok, the count 0, the review has no problem left
t.go_to(ENV, key="PageUp")
t.wait_text("LOG_LEVEL")
for _ in range(4):
    if "Value 1" in t.rows()[t.cursor()[1]]:
        break
    t.keys("Down")
    t.wait_stable(lambda s: True)
check("Value 1" in t.rows()[t.cursor()[1]], "the cursor did not reach the value", t)
t.type("INFO")
t.wait_text("0 of 2 fields yours to fill")
t.keys("Down")
s = t.wait_stable(lambda s: True)
check(not row_of(t, "Value 1").strip().startswith("*"), "the filled value is still marked '*'", t)
check(side(t, ENV).startswith("ok"), "the filled section is not marked ok (%r)" % side(t, ENV), t)
t.keys("F10")
s = t.wait_text("The form is complete")
check("The form has problems" not in s and "yours to fill:" not in body(t),
      "the review still lists a problem", t)
check(side(t, ENV).startswith("ok"), "the review's section list does not mark it ok", t)
t.quit()
t.close()
print("ok: a section with an empty yours value is marked '..', and ok once it is filled")
