"""A new form starts in PUBLIC mode, which can be cleared; VPC mode shows
the subnet fields; PUBLIC hides them."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

t = Term()
t.wait_text("Runtime name")
t.type("n1")
t.keys("PageDown")
t.wait_text("< (not set) >")
t.keys("Enter", "Enter", "Tab")  # open the artifact list, take Container image
t.type("123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b")
t.keys("PageDown")
t.wait_text("Execution role")
t.type("arn:aws:iam::123456789012:role/R")
t.keys("PageDown")
t.wait_text("Network mode")
s = t.wait_text("< PUBLIC >")  # chosen already: what nearly everyone wants
check("Subnets" not in s, "PUBLIC shows subnets", t)
# the list: Esc keeps the value; a letter jumps to the value it starts
t.keys("Enter")
t.wait_text("\u2500Network mode")  # the list's box
t.keys("Down", "Escape")
t.wait_gone("\u2500Network mode")
check("< PUBLIC >" in t.screen(), "Esc in the list changed the value", t)
t.keys("Enter")
t.wait_text("\u2500Network mode")
t.keys("v", "Enter")
s = t.wait_text("< VPC >")
t.wait_text("Subnets")
check("Security groups" in t.screen(), "VPC hides security groups", t)
t.keys("Tab", "Enter")
t.wait_text("Security group 1")
t.type("sg-12345678")
t.keys("Up")
t.keys("Left")
t.wait_text("< PUBLIC >")
t.wait_gone("Subnets")
# cleared, the network configuration is left out, not sent half made
t.keys("Left")
s = t.wait_text("< (not set) >")
out = os.path.join(t.tmp, "cleared.json")
t.save_as(out)
with open(out) as f:
    saved = json.load(f)
check("networkConfiguration" not in saved, "cleared network mode saved as %r" % saved, t)
t.keys("Right")
t.wait_text("< PUBLIC >")
# the hidden VPC values are dropped, not sent
t.keys("F10")
t.wait_text("Every value, then")
t.keys("End")
s = t.wait_text('"networkMode": "PUBLIC"')
check("sg-12345678" not in s and "networkModeConfig" not in s, "hidden VPC values kept", t)
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: when rules follow the network mode")
