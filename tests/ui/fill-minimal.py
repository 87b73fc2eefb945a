"""Fill a minimal container runtime from an empty form, save it, check the JSON."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

t = Term()
t.wait_text("Runtime name")
t.type("my_agent")
t.keys("PageDown")
t.wait_text("< (not set) >")
t.keys("Enter")  # the list of the artifact's kinds, on the first
s = t.wait_text("Code from S3")
check("Container image" in s, "the choice list lacks Container image", t)
t.keys("Enter")
t.wait_text("Image URI")
t.keys("Tab")
t.type("123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest")
t.keys("PageDown")
t.wait_text("Execution role")
t.type("arn:aws:iam::123456789012:role/AgentRole")
t.keys("PageDown")
t.wait_text("Network mode")
t.keys("Enter", "Enter")  # open the list, take its first value
t.wait_text("< PUBLIC >")
out = os.path.join(t.tmp, "runtime.json")
t.keys("F2")
t.wait_text("Save to file:")
t.keys("C-u")
t.type(out)
t.keys("Enter")
t.wait_text("Saved to")
t.keys("F12")
rc = t.exit_code()
check(rc == 0, "exit code %d" % rc, t)
with open(out) as f:
    doc = json.load(f)
want = {
    "agentRuntimeName": "my_agent",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest"}},
    "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}
check(doc == want, "saved form differs: %r" % doc, t)
check(oct(os.stat(out).st_mode & 0o777) == "0o600", "saved file is not mode 0600", t)
t.close()
print("ok: minimal container runtime filled and saved")
