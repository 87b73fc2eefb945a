"""Started with a form file, the wizard does not offer an earlier session's
draft, and its own autosave must not write over it: the draft is kept under
its dated name (as declining it does), the status line says where, and the
new draft, once this session changes the form, is this session's."""
import glob
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-draftform-")
folder = os.path.join(tmp, "state", "agentcore-wizard")
os.makedirs(folder, mode=0o700)
draft = os.path.join(folder, "draft.json")
OLD = {"agentRuntimeName": "unsaved_agent", "roleArn": "arn:aws:iam::123456789012:role/R"}
with open(draft, "w") as f:
    json.dump(OLD, f)
os.chmod(draft, 0o600)
saved = time.mktime((2024, 5, 1, 14, 3, 7, 0, 0, -1))
os.utime(draft, (saved, saved))
form = os.path.join(tmp, "team.json")
with open(form, "w") as f:
    json.dump(dict(MINIMAL, agentRuntimeName="team_agent"), f)

t = Term([form], tmp=tmp)
t.own_tmp = True
s = t.wait_stable("draft was kept as")
flat = " ".join(l.strip() for l in s.split("\n"))
kept = glob.glob(os.path.join(folder, "draft-20240501-140307*.json"))
check(len(kept) == 1, "no dated copy of the earlier draft: %r" % os.listdir(folder), t)
check(os.path.basename(kept[0]) in flat, "the status does not name the kept draft", t)
check("A draft from an earlier session was found" not in s,
      "a draft was offered although a form was given", t)
# this session's change is autosaved as the draft; the kept one stays as it was
t.keys("End")
t.type("2")
end = time.monotonic() + 10
name = None
while time.monotonic() < end:
    try:
        with open(draft) as f:
            name = json.load(f).get("agentRuntimeName")
    except (OSError, ValueError):
        name = None
    if name == "team_agent2":
        break
    time.sleep(0.05)
check(name == "team_agent2", "the autosaved draft holds %r" % name, t)
with open(kept[0]) as f:
    check(json.load(f) == OLD, "the earlier draft's content changed", t)
t.close()
print("ok")
