"""Sublist entries open as their own screen; map values of sensitive maps are
masked; items are deleted with F8; the request body follows."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

FORM = {
    "agentRuntimeName": "subl",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b"}},
    "roleArn": "arn:aws:iam::123456789012:role/R",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}
tmp = tempfile.mkdtemp(prefix="acw-ui-sub-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(FORM, f)
t = Term(args=["form.json"], tmp=tmp)
t.own_tmp = True
t.wait_text("subl")
# to Environment variables
while "Variables passed" not in t.screen():
    t.keys("PageDown")
    t.wait(lambda s: True, "redraw")
t.wait_text("[ add")
t.keys("Enter")
t.type("API_TOKEN")
t.keys("Tab")
t.type("s3cr3t-value")
t.keys("Tab")
s = t.wait_text("Value 1              ********")
check("s3cr3t" not in s, "sensitive value shown when not focused", t)
t.keys("PageDown")
t.wait_text("Storage mounted")
t.wait_text("[ add Filesystem ]")
t.keys("Enter")
t.wait_text("Filesystem 1 (Esc or PageUp returns to the list)")
t.keys("Right")
t.wait_text("< Session storage >")
t.keys("Tab")
t.type("/mnt/scratch")
t.keys("Escape")
t.wait_text("Filesystem 1: Session storage: /mnt/scratch")
t.keys("F10")
t.wait_text("Every value, then")
t.keys("End")
s = t.wait_text('"API_TOKEN": "********"')
check("s3cr3t" not in s, "the review shows a secret", t)
out = os.path.join(tmp, "saved.json")
t.keys("F2")
t.wait_text("Save to file:")
t.keys("C-u")
t.type(out)
t.keys("Enter")
t.wait_text("Saved to")
with open(out) as f:
    d = json.load(f)
check(d.get("environmentVariables") == {"API_TOKEN": "s3cr3t-value"}, "map: %r" % d, t)
check(d.get("filesystemConfigurations") ==
      [{"sessionStorage": {"mountPath": "/mnt/scratch"}}], "sublist: %r" % d, t)
t.keys("Escape")
t.wait_text("Filesystem 1: Session storage")
t.keys("F8")
t.wait_gone("Filesystem 1: Session storage")
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: sublist screens, masked map values, delete")
