"""F9 (Region and profile for the session) says truthfully what happened:
prompts start with the values in use, selected, so typing replaces them; a
profile that does not exist, or one without credentials, is not taken and
the settings that worked stay (the environment's keys are not lost); an
empty profile goes back to no --profile. With no AWS settings at all the
first screen's advice is shown whole."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402


def pane(screen):
    return " ".join(l.split("\u2502", 1)[-1].strip() for l in screen.split("\n"))


def flat(screen):
    return " ".join(l.strip() for l in screen.split("\n"))


def f9(t, region=None, profile=None):
    """F9; type region/profile (None: Enter keeps the value shown)."""
    t.keys("F9")
    t.wait_text("AWS Region:")
    if region is not None:
        t.keys("C-u") if region == "" else t.type(region)
    t.keys("Enter")
    t.wait_text("AWS profile:")
    if profile is not None:
        t.keys("BSpace") if profile == "" else t.type(profile)
    t.keys("Enter")
    return t.wait_stable(lambda s: "AWS profile:" not in s and
                  ("Now in use" in flat(s) or "Not changed" in flat(s) or
                   "unchanged" in flat(s)), "the answer to F9")


tmp = tempfile.mkdtemp(prefix="acw-ui-settings-")
home = os.path.join(tmp, "home")
os.makedirs(os.path.join(home, ".aws"))
creds = os.path.join(home, ".aws", "credentials")
with open(creds, "w") as f:
    f.write("[dev]\naws_access_key_id = AKIADEVEXAMPLE00\n"
            "aws_secret_access_key = devsecretdevsecretdevsecret\n")
env = {"AWS_ACCESS_KEY_ID": "AKIAENVEXAMPLE11", "AWS_SECRET_ACCESS_KEY": "envsecretenvsecret",
       "AWS_REGION": "us-east-1", "AWS_SHARED_CREDENTIALS_FILE": creds}
t = Term(env=env, tmp=tmp)
s = t.wait_stable("AWS settings in use")
check("AKIA************11 from environment" in pane(s) or "from environment" in pane(s),
      "the environment's keys are not in use at the start", t)

# the Region shown is selected: typing replaces it, it is not appended to
t.keys("F9")
s = t.wait_stable("AWS Region:")
check("AWS Region: us-east-1" in s, "the Region prompt does not start with the Region in use", t)
check("Typing replaces it; arrows, Home, End edit it" in s, "the prompt does not say typing replaces it", t)
t.type("eu-west-1")
s = t.wait_stable("AWS Region: eu-west-1")
check("us-east-1eu-west-1" not in s and "eu-west-1us-east-1" not in s,
      "typing was appended to the Region shown", t)
t.keys("Enter")
t.wait_text("AWS profile:")
t.keys("Enter")
s = t.wait_stable(lambda s: "Now in use" in flat(s), "the new settings")
check("Region eu-west-1 (--region)" in flat(s), "the status does not say the new Region", t)
check("Region: eu-west-1 (--region)" in s, "the first screen does not show the new Region", t)

# a profile that does not exist: an error, and the old settings stay
s = f9(t, profile="nosuch")
check("Not changed" in flat(s) and "nosuch" in flat(s), "no clear error for a bad profile", t)
check("resolved again" not in flat(s), "it claims the settings were resolved again", t)
check("Profile: default (default)" in s and "from environment" in pane(s),
      "the bad profile replaced the working settings", t)

# --profile default, when there is no such profile (only the environment's
# keys): taking it would lose them
s = f9(t, profile="default")
check("Not changed" in flat(s) and '"default"' in flat(s),
      "a profile that is not there was taken", t)
check("from environment" in pane(s), "the environment's keys were lost", t)
# a profile without credentials is not taken either
with open(os.path.join(home, ".aws", "config"), "w") as f:
    f.write("[profile empty]\nregion = eu-west-1\n")
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
env["AWS_CONFIG_FILE"] = os.path.join(home, ".aws", "config")
t = Term(env=env, tmp=tmp, args=["--region", "eu-west-1"])
t.own_tmp = True
t.wait_text("AWS settings in use")
s = f9(t, profile="empty")
check("Not changed" in flat(s) and "no credentials are found" in flat(s),
      "a profile without credentials was taken", t)
check("from environment" in pane(s), "the environment's keys were lost", t)

# a profile that works is taken, and an empty answer goes back to no --profile
s = f9(t, profile="dev")
check("Now in use" in flat(s) and "profile dev (--profile)" in flat(s),
      "the working profile was not taken", t)
check("from profile dev" in pane(s), "the first screen does not show dev's keys", t)
t.keys("F9")
t.wait_text("AWS Region:")
t.keys("Enter")
s = t.wait_text("AWS profile: dev")
t.keys("BSpace")  # the selected text goes at once
t.wait(lambda s: "AWS profile: dev" not in s, "the profile prompt to empty")
t.keys("Enter")
s = t.wait_stable(lambda s: "Now in use" in flat(s), "the settings without --profile")
check("profile default (default)" in flat(s) and "from environment" in pane(s),
      "an empty profile did not go back to the environment's keys", t)
# an empty Region goes back to AWS_REGION
s = f9(t, region="")
check("Region us-east-1 (AWS_REGION)" in flat(s), "an empty Region did not go back", t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()

# no AWS settings at all: the advice on the first screen is not cut
t = Term()
s = t.wait_stable("AWS settings in use")
check("'region = us-east-1' to your profile in ~/.aws/config" in pane(s),
      "the first screen's advice is cut", t)
check("region =\u2026" not in s, "the advice ends in an ellipsis", t)
t.keys("F12")
t.exit_code()
t.close()
print("ok: F9 says what happened and keeps working settings")
