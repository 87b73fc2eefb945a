"""Sublist entries open as their own screen; map values of sensitive maps are
masked; items are deleted with F8; the request body follows."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term  # noqa: E402

t = form_term(MINIMAL, "acw-ui-sub-")
tmp = t.tmp
t.wait_text("minimal_agent")
t.go_to("Environment variables")
t.wait_text("[ Add a variable ]")
t.keys("Enter")
t.type("API_TOKEN")
t.keys("Tab")
t.type("s3cr3t-value")
t.keys("Tab")
s = t.wait_text("Value 1 ********")
check("s3cr3t" not in s, "sensitive value shown when not focused", t)
t.next_section()
t.wait_text("Storage mounted")
t.wait_text("[ Add a filesystem ]")
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
t.save_as(out)
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
