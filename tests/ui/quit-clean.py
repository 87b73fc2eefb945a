"""A clean quit leaves no draft behind, and the next start offers nothing
(issue 13, items 19 and 23): after saving and quitting; after quitting with
"don't save" (F12, and SIGINT, which asks as Ctrl-C does), whose question
says that n deletes the autosaved draft too."""
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402


def session(tmp, how):
    draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")
    t = Term(tmp=tmp)
    t.wait_text("Runtime name")
    check("A draft from an earlier session" not in t.screen(),
          "a draft is offered after a clean quit (%s)" % how, t)
    t.type("clean_agent")
    t.wait_text("clean_agent")
    end = time.monotonic() + 10
    while not os.path.exists(draft) and time.monotonic() < end:
        time.sleep(0.05)
    check(os.path.exists(draft), "no autosaved draft (%s)" % how, t)
    if how == "save":
        t.save_as("saved.json")
        t.keys("F12")
    else:
        if how == "sigint":
            t.signal(signal.SIGINT)
        else:
            t.keys("F12")
        s = t.wait_text("Save your changes")
        check("deletes the autosaved draft" in " ".join(s.split()),
              "the question does not say that n deletes the draft (%s)" % how, t)
        t.keys("n")
    check(t.exit_code() == 0, "quit failed (%s)" % how, t)
    t.close()
    check(not os.path.exists(draft), "a clean quit left the draft (%s)" % how)


tmp = tempfile.mkdtemp(prefix="acw-ui-quit-")
for how in ("save", "no", "sigint"):
    session(tmp, how)
t = Term(tmp=tmp)
t.own_tmp = True
t.wait_text("Runtime name")
check("A draft from an earlier session" not in t.screen(), "a draft is offered at the end", t)
t.keys("F12")
t.exit_code()
t.close()
print("ok: a clean quit leaves no draft")
