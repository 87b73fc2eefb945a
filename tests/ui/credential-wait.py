"""A credential_process that never ends (issue 13, item 2, the ui's side):
at the start, SIGTERM ends the wizard at once with the terminal restored;
with F9, Esc cancels the wait and the wizard goes on, and SIGTERM during
such a wait saves the draft, restores the terminal and exits (6)."""
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402


def config(tmp):
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(home, "no-config"), "w") as f:
        f.write("[profile slow]\nregion = us-east-1\ncredential_process = sleep 300\n")


def f9_slow(t):
    """F9, the Region kept, the profile whose credential_process waits."""
    t.keys("F9")
    t.wait_text("AWS Region:")
    t.keys("Enter")
    t.wait_text("AWS profile:")
    t.type("slow")
    t.keys("Enter")
    time.sleep(1.5)  # the process is running


# at the start: the wait (a message, tests/ui/credential-wait-cancel.py) until SIGTERM
tmp = tempfile.mkdtemp(prefix="acw-ui-cred-")
config(tmp)
t = Term(tmp=tmp, env={"AWS_PROFILE": "slow"}, start=None)
time.sleep(1.5)
t.signal(signal.SIGTERM)
start = time.monotonic()
rc = t.exit_code(timeout=10)
check(rc == 6, "SIGTERM during the start-up's credential_process: exit %r, not 6" % rc, t)
check(time.monotonic() - start < 5, "SIGTERM took too long", t)
t.close()

# F9: Esc cancels the wait; SIGTERM in a second wait keeps the draft
t = Term(tmp=tmp)
t.own_tmp = True
t.wait_text("Runtime name")
t.type("cred_agent")
t.wait_text("cred_agent")
f9_slow(t)
t.keys("Escape")
s = t.wait(lambda s: "AWS profile:" not in s and "cred_agent" in s, "the wizard back after Esc",
           timeout=10)
f9_slow(t)
t.signal(signal.SIGTERM)
rc = t.exit_code(timeout=10)
check(rc == 6, "SIGTERM during F9's credential_process: exit %r, not 6" % rc, t)
draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")
check(os.path.exists(draft) and "cred_agent" in open(draft).read(),
      "the draft was not saved", t)
t.close()
print("ok: a credential_process that never ends can be left")
