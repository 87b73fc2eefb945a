"""F10 returns at once while the account checks' credentials are resolved
(issue 13, item 3): with a profile whose credential_process takes seconds,
the review is drawn at once and says the checks are running, and they end
on their own afterwards (the key does not wait for the process). The
checks' calls go to a closed port on loopback. The settings and
credentials are resolved once for the session (issue 10): the first
screen's account line and the checks share them, so the process runs no
more after the start, however many fields are left and reviews opened."""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402

SLOW = 6  # seconds the credential_process takes once the marker is there
tmp = tempfile.mkdtemp(prefix="acw-ui-credwait-")
home = os.path.join(tmp, "home")
os.makedirs(home, exist_ok=True)
marker = os.path.join(tmp, "slow")
script = os.path.join(tmp, "cred.sh")
runs = os.path.join(tmp, "runs")
with open(script, "w") as f:
    f.write("#!/bin/sh\necho run >> '%s'\n[ -e '%s' ] && sleep %d\n"
            "printf '%%s' '{\"Version\": 1, \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", "
            "\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}'\n"
            % (runs, marker, SLOW))
os.chmod(script, 0o755)
with open(os.path.join(home, "no-config"), "w") as f:
    f.write("[profile slowish]\nregion = us-east-1\ncredential_process = %s\n" % script)
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(MINIMAL, f)
t = Term(args=["form.json"], tmp=tmp,
         env={"AWS_PROFILE": "slowish", "AWS_ENDPOINT_URL": "http://127.0.0.1:9"})
t.own_tmp = True
t.wait_text("minimal_agent")  # the start-up's credentials: quick


def process_runs():
    with open(runs) as f:
        return len(f.read().split())


# the first screen's lines and who the credentials are (account-ui.c): one
# run for both (credcache.c; tests/ui/credentials-once.py counts it)
harness_wait = time.monotonic() + 10
while process_runs() < 1 and time.monotonic() < harness_wait:
    time.sleep(0.1)
time.sleep(0.5)
before = process_runs()
open(marker, "w").close()     # from now on the process takes SLOW seconds
start = time.monotonic()
t.keys("F10")
s = t.wait_text("Every value", timeout=SLOW + 10)
took = time.monotonic() - start
check(took < SLOW / 2, "F10 waited %.1f s for the credential_process" % took, t)
check("Account checks: running" in s, "the review does not say the checks run", t)
t.wait(lambda s: "Account checks: running" not in s and "Account checks:" in s,
       "the checks to end", timeout=SLOW + 30)
# a field the checks read, changed and left, and the review again
t.go_to("Permissions", key="PageUp")
t.keys("End")
t.type("2")
t.next_section("PageUp")
t.keys("F10")
t.wait(lambda s: "Every value" in s and "Account checks: running" not in s and
       "Account checks:" in s, "the review again", timeout=SLOW + 30)
check(process_runs() == before, "the checks ran the credential_process again (%d runs, "
      "%d before the review)" % (process_runs(), before), t)
t.close()
print("ok: F10 in %.2f s while the credentials took %d s" % (took, SLOW))
