"""Golden screens: every section at 80x24 for a minimal valid form.

Screens are compared after stripping trailing blanks. Regenerate them with
    ACW_UPDATE_GOLDEN=1 make check TESTS=tests/ui/golden.py
and review the diff in tests/ui/golden/ before committing. Only the value 1
rewrites them, never in CI (CI=true fails instead), and a run that rewrote
says so on standard error, names each screen that changed, and ends as SKIP
(exit 77), not PASS: nothing was compared.
"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("top_srcdir")
GOLDEN = os.path.join(SRC, "tests", "ui", "golden") if SRC else os.path.join(HERE, "golden")
UPDATE = os.environ.get("ACW_UPDATE_GOLDEN") == "1"
if os.environ.get("ACW_UPDATE_GOLDEN") not in (None, "", "0", "1"):
    print("FAIL: ACW_UPDATE_GOLDEN=%r: set it to 1 to rewrite the golden screens"
          % os.environ["ACW_UPDATE_GOLDEN"])
    sys.exit(1)
if UPDATE and os.environ.get("CI") == "true":
    print("FAIL: ACW_UPDATE_GOLDEN=1 in CI: golden screens are compared there, never "
          "rewritten (unset it)")
    sys.exit(1)
rewritten = []

FORM = {
    "agentRuntimeName": "golden_agent",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
    "networkConfiguration": {"networkMode": "VPC", "networkModeConfig": {
        "securityGroups": ["sg-0123456789abcdef0"],
        "subnets": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]}},
    "environmentVariables": {"LOG_LEVEL": "debug"},
    "tags": {"team": "agents"},
}


def norm(screen):
    lines = [l.rstrip() for l in screen.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


tmp = tempfile.mkdtemp(prefix="acw-ui-golden-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(FORM, f)
t = Term(args=["form.json"], tmp=tmp)
t.own_tmp = True
t.wait_text("golden_agent")
os.makedirs(GOLDEN, exist_ok=True)
failed = []
n = 0
while True:
    # let the screen settle: two equal captures in a row (within 5 s)
    s = t.screen()
    for _ in range(100):
        time.sleep(0.05)
        s2 = t.screen()
        if s2 == s:
            break
        s = s2
    n += 1
    name = "%02d.txt" % n
    path = os.path.join(GOLDEN, name)
    if UPDATE:
        old = open(path).read() if os.path.exists(path) else None
        if old != norm(s):
            rewritten.append(name)
        with open(path, "w") as f:
            f.write(norm(s))
    elif not os.path.exists(path):
        failed.append("%s: missing (run with ACW_UPDATE_GOLDEN=1)" % name)
    else:
        with open(path) as f:
            want = f.read()
        end = time.monotonic() + 3  # a screen caught while it is drawn
        while want != norm(s) and time.monotonic() < end:
            time.sleep(0.05)
            s = t.screen()
        if want != norm(s):
            failed.append(name)
            print("---- %s expected ----\n%s---- got ----\n%s" % (name, want, norm(s)))
    if "Every value, then the exact request body." in s:
        break
    if n > 20:
        t.fail("did not reach the review", s)
    t.next_section()  # waits for the title bar to name the next section
t.keys("F12")
t.exit_code()
t.close()
if failed:
    print("FAIL: screens differ: " + ", ".join(failed))
    sys.exit(1)
if UPDATE:
    sys.stderr.write("\n" + "#" * 72 + "\n# ACW_UPDATE_GOLDEN=1: %d golden screens WRITTEN, not compared, in %s\n"
                     "# changed: %s\n# review the diff before committing\n" % (
                         n, GOLDEN, ", ".join(rewritten) or "none") + "#" * 72 + "\n")
    print("SKIP: golden screens rewritten (ACW_UPDATE_GOLDEN=1), not compared; changed: %s"
          % (", ".join(rewritten) or "none"))
    sys.exit(77)
print("ok: %d golden screens match" % n)
