"""SIGHUP leaves a draft (mode 0600) that the next start offers to resume."""
import json
import os
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-draft-")
t = Term(tmp=tmp)
t.wait_text("Runtime name")
t.type("draft_agent")
t.wait_text("draft_agent")
t.signal(signal.SIGHUP)
rc = t.exit_code()
t.close()
check(rc == 6, "SIGHUP exit code %d, expected 6" % rc)
draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")
check(os.path.exists(draft), "no draft at " + draft)
check(oct(os.stat(draft).st_mode & 0o777) == "0o600", "draft is not mode 0600")
with open(draft) as f:
    check(json.load(f) == {"agentRuntimeName": "draft_agent"}, "draft content")
t = Term(tmp=tmp)
t.wait_text("Resume it? (y/n)")
t.keys("y")
t.wait_text("draft_agent")
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.own_tmp = True
t.close()
print("ok: SIGHUP draft resumed")
