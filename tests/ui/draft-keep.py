"""The draft question is a box of its own: when the draft was saved and what
it holds, which keys answer; other keys beep and say so, and typing meant for
the field does not answer it (not even the n of "x_agent"). Declining keeps
the old draft under a dated name beside it, and quitting does not remove it.
Other y/n questions ignore other keys visibly too."""
import glob
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-draftkeep-")
folder = os.path.join(tmp, "state", "agentcore-wizard")
os.makedirs(folder, mode=0o700)
draft = os.path.join(folder, "draft.json")
OLD = {"agentRuntimeName": "old_agent", "roleArn": "arn:aws:iam::123456789012:role/R"}
with open(draft, "w") as f:
    json.dump(OLD, f)
os.chmod(draft, 0o600)
saved = time.mktime((2024, 5, 1, 14, 3, 7, 0, 0, -1))
os.utime(draft, (saved, saved))

t = Term(tmp=tmp)
t.own_tmp = True
s = t.wait_stable("A draft from an earlier session was found")
check("Saved 2024-05-01 14:03" in s, "the box does not say when the draft was saved", t)
check("Runtime name: old_agent" in s, "the box does not say what the draft holds", t)
check("Values in: Basics, Permissions" in s, "the box does not list the sections", t)
check("y: resume it" in s and "n or Esc: start with an empty form" in s,
      "the box does not say which keys answer", t)
# someone who starts typing the name: nothing is taken as an answer
t.type("x_agent")
s = t.wait_stable("That key does not answer this question.")
check("A draft from an earlier session was found" in s, "typing answered the question", t)
check("x_age" not in s and "agent" not in s.split("\n")[2], "the typing reached the field", t)
check(os.path.exists(draft), "the draft went away while the question was open", t)
# n starts empty (an answer right after ignored keys waits until typing pauses)
end = time.monotonic() + 10
while "A draft from an earlier session" in t.screen() and time.monotonic() < end:
    t.keys("n")
    time.sleep(0.3)
s = t.wait_stable("the draft was kept as")
kept = glob.glob(os.path.join(folder, "draft-20240501-140307*.json"))
check(len(kept) == 1, "no dated copy of the draft: %r" % os.listdir(folder), t)
flat = " ".join(l.strip() for l in s.split("\n"))
check(os.path.basename(kept[0]) in flat and folder in flat.replace(" ", ""),
      "the status does not say where the draft was kept", t)
with open(kept[0]) as f:
    check(json.load(f) == OLD, "the kept draft's content changed", t)
check(oct(os.stat(kept[0]).st_mode & 0o777) == "0o600", "the kept draft is not 0600", t)
check("old_agent" not in t.screen(), "declining resumed the draft", t)
# another y/n question: other keys beep and say which keys answer
t.type("new_agent")
t.wait_text("new_agent")
t.keys("F12")
s = t.wait_stable("Save your changes")
check("y: yes" in s and "n: no" in s and "Esc: cancel" in s, "no keys line in the box", t)
t.type("q")
t.wait_text("That key does not answer this question.")
check("Save your changes" in t.screen(), "another key answered the question", t)
time.sleep(0.6)  # past the pause after an ignored key (ANSWER_SETTLE)
t.keys("Escape")
t.wait_gone("Save your changes")
t.keys("F12")
t.wait_text("Save your changes")
t.keys("n")
check(t.exit_code() == 0, "quit failed", t)
check(os.path.exists(kept[0]), "quitting removed the kept draft", t)
t.close()
print("ok: the draft question is modal and declining keeps the draft")
