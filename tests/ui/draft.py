"""SIGHUP leaves a draft (mode 0600) that the next start offers to resume."""
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-draft-")
t = Term(tmp=tmp)
t.wait_text("Runtime name")
t.type("draft_agen")
t.wait_text("draft_agen")
draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")


def draft_has(text):
    try:
        with open(draft) as f:
            return text in f.read()
    except OSError:
        return False


# autosave shortly after typing stops
end = time.monotonic() + 10
while not draft_has('"draft_agen"') and time.monotonic() < end:
    time.sleep(0.05)
check(draft_has('"draft_agen"'), "no autosaved draft", t)
t.type("t")
t.wait_text("draft_agent")
t.signal(signal.SIGHUP)
rc = t.exit_code()
t.close()
check(rc == 6, "SIGHUP exit code %d, expected 6" % rc)
check(os.path.exists(draft), "no draft at " + draft)
check(oct(os.stat(draft).st_mode & 0o777) == "0o600", "draft is not mode 0600")
with open(draft) as f:
    check(json.load(f) == {"agentRuntimeName": "draft_agent",
                           "networkConfiguration": {"networkMode": "PUBLIC"}},
          "draft content")
t = Term(tmp=tmp)
t.wait_text("A draft from an earlier session was found")
t.keys("y")
t.wait_text("draft_agent")
# SIGINT keeps a draft at once, then asks as Ctrl-C does
t.keys("End")
t.type("2")
t.wait_text("draft_agent2")
t.signal(signal.SIGINT)
t.wait_text("Save your changes")
check(draft_has('"draft_agent2"'), "SIGINT did not save the draft", t)
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.own_tmp = True
t.close()
print("ok: SIGHUP draft resumed")
