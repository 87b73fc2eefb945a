"""With no AWS Region, or no credentials, the review says so before F10
asks anything, and F10 refuses at once, naming the command line ways and
F9; once F9 sets a Region, F10 asks to submit."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term  # noqa: E402


def flat(screen):
    """The screen's text, lines joined, the section list left out."""
    return " ".join(l.split("\u2502", 1)[-1].strip() for l in screen.split("\n"))


KEYS = {"AWS_ACCESS_KEY_ID": "AKIAENVEXAMPLE11", "AWS_SECRET_ACCESS_KEY": "envsecretenvsecret"}

# keys but no Region
t = form_term(MINIMAL, "acw-ui-subset-", env=KEYS)
t.wait_text("minimal_agent")
t.keys("F10")
s = t.wait_stable("Every value, then")
check("The form is complete, but these AWS settings cannot submit it (F2 saves it):"
      in flat(s), "the review does not say the settings cannot submit", t)
check("no AWS Region is set: use --region, set AWS_REGION" in flat(s) and
      "or F9 sets the Region and profile for this session." in flat(s),
      "the review does not say how to set a Region", t)
check("F10 submits it" not in flat(s) and "F10 submits with these" not in flat(s),
      "the review offers F10 to submit", t)
check("AWS settings in use:" in flat(s), "the review's settings have no heading", t)
t.keys("F10")
s = t.wait_stable(lambda s: "Not submitted: no AWS Region is set" in flat(s), "the refusal")
check("Create runtime" not in s, "F10 asked before it refused", t)
check("or F9 sets the Region and profile for this session." in flat(s),
      "the refusal does not point to F9", t)
# F9 sets the Region: now F10 asks
t.keys("F9")
t.wait_text("AWS Region:")
t.type("us-east-1")
t.keys("Enter")
t.wait_text("AWS profile:")
t.keys("Enter")
t.wait_text("AWS settings changed.")
s = t.wait_stable("The form is complete. F10 submits it; F2 saves it.")
t.keys("F10")
t.wait_text("Create runtime 'minimal_agent' now? (y/n)")
t.keys("n")
t.wait_text("Not submitted.")
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()

# a Region but no credentials
t = form_term(MINIMAL, "acw-ui-subset-", env={"AWS_REGION": "us-east-1"})
t.wait_text("minimal_agent")
t.keys("F10")
s = t.wait_stable("Every value, then")
check("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" in flat(s),
      "the review does not say that credentials are missing", t)
t.keys("F10")
s = t.wait_stable(lambda s: "Not submitted: no AWS credentials found" in flat(s), "the refusal")
check("Create runtime" not in s, "F10 asked before it refused", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: missing AWS settings are said on the review and F10 refuses before asking")
