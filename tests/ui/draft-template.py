"""A draft of a template session remembers its template: after a hang-up,
resuming the draft runs the session in the template's mode again (the title
counts the fields yours to fill, locked fields refuse with the team's
reason), instead of an ordinary form with the template's values free."""
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402


def flat(s):
    return " ".join(s.split())


tmp = tempfile.mkdtemp(prefix="acw-ui-drafttpl-")
draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")
t = Term(args=["new", "--template", "container-public", "mine.json"], tmp=tmp)
t.wait_text("fields yours to fill")
t.type("tpl_agent")
t.wait_text("tpl_agent")
end = time.monotonic() + 10
while time.monotonic() < end and not (
        os.path.exists(draft) and "tpl_agent" in open(draft).read()):
    time.sleep(0.05)
check(os.path.exists(draft + ".template"), "the draft does not name its template", t)
t.signal(signal.SIGHUP)
rc = t.exit_code()
t.close()
check(rc == 6, "SIGHUP exit code %d, expected 6" % rc)

t = Term(tmp=tmp, x=160)  # the title names the long folder first
t.wait_text("A draft from an earlier session was found")
t.keys("y")
s = t.wait_text("tpl_agent")
check("fields yours to fill" in flat(s), "the resumed draft lost its template: %r" % flat(s), t)
check("Filesystems" not in s, "a section the template hides is shown", t)
t.keys("F10")
t.wait_text("Review")
t.go_to("Network", key="PageUp")
s = t.wait_text("Network mode")
check("Locked by the template" in flat(s), "the network mode is no longer locked", t)
t.keys("F12")
s = t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.own_tmp = True
t.close()
print("ok: a template session's draft resumes in the template's mode")
