"""Labels and values keep apart at 80x24: the label column is as wide as
the section's labels need (up to 40% of the screen), so labels show whole,
with a space before the value, in English and German; a choice keeps both
brackets; a value longer than its field ends in an ellipsis when the
cursor is elsewhere; add buttons read as actions ("[ Add a tag ]")."""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, Term, check, form_term  # noqa: E402

URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team-with-a-long-name/agent:v1.2.3"
FORM = dict(MINIMAL, **{
    "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": URI}},
    "networkConfiguration": {"networkMode": "VPC", "networkModeConfig": {
        "securityGroups": ["sg-0123456789abcdef0"], "subnets": ["subnet-0123456789abcdef0"]}},
    "filesystemConfigurations": [{"capacityProviderVolume": {"volumeName": "v1",
                                                             "mountPath": "/mnt/v"}}],
    "capacityProviderConfiguration": {"capacityProviderArn": "arn:aws:bedrock-agentcore:"
                                      "us-east-1:123456789012:capacity-provider/p-abcdefghij"},
    "environmentVariables": {"A": "b"},
    "tags": {"team": "agents"},
})


def row_of(screen, label):
    """The pane's part of the line holding label (or None)."""
    for line in screen.split("\n"):
        if label in line[27:]:
            return line[27:]
    return None


def apart(screen, label):
    """The label shows whole and a blank separates it from its value."""
    row = row_of(screen, label)
    return row is not None and re.search(re.escape(label) + r" +\S", row) is not None


t = form_term(FORM, "acw-ui-layout-")
t.wait_text("minimal_agent")

t.go_to("Artifact")
s = t.wait(lambda s: row_of(s, "Image URI") and "\u2026" in row_of(s, "Image URI"),
           "the long URI to end in an ellipsis")
check(apart(s, "Image URI"), "the label runs into the URI", t)

t.go_to("Network")
t.keys("F4")
s = t.wait_text("Service S3 endpoint")
check(apart(s, "Service S3 endpoint"), "the S3 endpoint label is cut or touches its value", t)
check(re.search(r"Service S3 endpoint +< \(not set\) >", row_of(s, "Service S3 endpoint")),
      "the S3 endpoint choice lost a bracket", t)
check(apart(s, "Security group 1"), "a list item's label touches its value", t)
check("[ Add a security group ]" in s and "[ Add a subnet ]" in s, "add buttons", t)
t.keys("F4")

t.go_to("Environment variables")
t.wait_text("[ Add a variable ]")
t.go_to("Filesystems")
t.keys("Enter")  # the cursor starts on the entry
s = t.wait_text("Filesystem 1 (Esc or")
check("< Capacity provider volume >" in s, "the branch lost its closing bracket", t)
check(apart(s, "Volume name") and apart(s, "Mount path"), "entry labels touch values", t)
t.keys("Escape")
t.wait_text("Filesystem 1: Capacity provider volume")

t.go_to("Capacity provider")
s = t.wait_text("Capacity provider ARN")
check(apart(s, "Capacity provider ARN"), "the capacity provider ARN label is cut", t)
t.go_to("Tags")
t.wait_text("[ Add a tag ]")
t.keys("F12")
t.exit_code()
t.close()

# German: the longer labels show whole too (when the locale is there)
locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
top = os.environ.get("top_srcdir", os.path.join(HERE, "..", ".."))
if re.search(r"^de_DE\.utf-?8$", locales, re.I | re.M) and \
        subprocess.run(["sh", "-c", "command -v msgfmt"], capture_output=True).returncode == 0:
    tmp = tempfile.mkdtemp(prefix="acw-ui-layout-de-")
    mo = os.path.join(tmp, "locale", "de", "LC_MESSAGES")
    os.makedirs(mo)
    subprocess.run(["msgfmt", "-o", os.path.join(mo, "agentcore-wizard.mo"),
                    os.path.join(top, "po", "de.po")], check=True)
    with open(os.path.join(tmp, "form.json"), "w") as f:
        json.dump(FORM, f)
    t = Term(args=["form.json"], tmp=tmp, env={
        "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de",
        "AGENTCORE_WIZARD_LOCALEDIR": os.path.join(tmp, "locale")})
    t.own_tmp = True
    t.wait_text("minimal_agent")
    t.go_to("Berechtigungen")
    s = t.wait_text("Ausführungsrollen-ARN")
    check(apart(s, "Ausführungsrollen-ARN"), "the German role label is cut", t)
    t.keys("F12")
    t.exit_code()
    t.close()
else:
    print("(no de_DE.UTF-8 locale or msgfmt: the German part is skipped)")
print("ok: labels whole and apart from values, brackets, ellipses, add buttons")
