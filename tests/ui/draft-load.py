"""After F3 loads another form, the draft is that form's: a hang-up right
after the load leaves no draft of the form replaced (the loaded one is in
its file), and once the loaded form is changed, the draft holds it."""
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-draftload-")
draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")
other = os.path.join(tmp, "other.json")
with open(other, "w") as f:
    json.dump(dict(MINIMAL, agentRuntimeName="loaded_agent"), f)


def draft_name():
    try:
        with open(draft) as f:
            return json.load(f).get("agentRuntimeName")
    except (OSError, ValueError):
        return None


def wait_draft(t, name):
    end = time.monotonic() + 10
    while draft_name() != name and time.monotonic() < end:
        time.sleep(0.05)
    check(draft_name() == name, "the draft holds %r, not %r" % (draft_name(), name), t)


def load(t, dirty):
    t.keys("F3")
    if dirty:
        t.wait_text("Loading replaces your unsaved changes. Go on? (y/n)")
        t.keys("y")
    t.wait_text("Load file:")
    t.keys("C-u")
    t.type(other)
    t.keys("Enter")
    t.wait_text("Loaded %s." % other)


t = Term(tmp=tmp)
t.wait_text("Runtime name")
t.type("typed_before_load")
wait_draft(t, "typed_before_load")
load(t, True)
t.signal(signal.SIGHUP)
rc = t.exit_code()
t.close()
check(rc == 6, "SIGHUP exit code %d, expected 6" % rc)
check(not os.path.exists(draft) or draft_name() == "loaded_agent",
      "after the load the draft still holds %r" % draft_name())

# the next start offers nothing of the form replaced; the loaded form, changed,
# is the draft
t = Term(tmp=tmp)
s = t.wait_stable("Runtime name")
check("A draft from an earlier session" not in s and "typed_before_load" not in s,
      "the replaced form's draft was offered", t)
load(t, False)
t.wait_text("loaded_agent")
t.type("2")
t.wait_text("loaded_agent2")
wait_draft(t, "loaded_agent2")
t.signal(signal.SIGHUP)
check(t.exit_code() == 6, "SIGHUP exit code, expected 6", t)
t.close()
t = Term(tmp=tmp)
s = t.wait_stable("A draft from an earlier session was found")
check("Runtime name: loaded_agent2" in s, "the draft offered is not the loaded form's", t)
t.keys("y")
# the draft remembers the file it was loaded from (issue 12)
t.wait_text("other.json resumed: F2 saves it there.")
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
t.own_tmp = True
t.close()
print("ok: after F3 the draft is the loaded form's")
