"""The draft folder is not trusted blindly (issue 13, item 6): the wizard makes
it 0700; a folder others may write to, or that another user owns, is
refused with a message and no draft is read or saved; a draft that is a
symbolic link is neither offered (read through the link) nor written."""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402


def folder(tmp):
    return os.path.join(tmp, "state", "agentcore-wizard")


def typed_and_waited(t):
    t.type("folder_agent")
    t.wait_text("folder_agent")
    time.sleep(2)  # past the autosave delay


# made 0700 by the wizard
tmp = tempfile.mkdtemp(prefix="acw-ui-dfolder-")
t = Term(tmp=tmp)
t.wait_text("Runtime name")
typed_and_waited(t)
check(os.path.exists(os.path.join(folder(tmp), "draft.json")), "no draft saved", t)
mode = os.stat(folder(tmp)).st_mode & 0o777
check(mode == 0o700, "the draft folder is %o, not 700" % mode, t)
t.quit()
t.close()

# others may write to it: refused, nothing saved
os.chmod(folder(tmp), 0o777)
t = Term(tmp=tmp)
s = t.wait_text("No draft is read or saved")
check("others may write to the draft folder" in " ".join(s.split()), "no reason given", t)
typed_and_waited(t)
check(not os.path.exists(os.path.join(folder(tmp), "draft.json")), "a draft was saved", t)
t.quit()
t.close()
os.chmod(folder(tmp), 0o700)

# the draft a symbolic link to a form elsewhere: not offered, not written
elsewhere = os.path.join(tmp, "elsewhere.json")
with open(elsewhere, "w") as f:
    json.dump(MINIMAL, f)
os.symlink(elsewhere, os.path.join(folder(tmp), "draft.json"))
t = Term(tmp=tmp)
s = t.wait_text("No draft is read or saved")
check("A draft from an earlier session" not in s, "a draft behind a link is offered", t)
check("is a symbolic link" in " ".join(s.split()), "no reason given", t)
typed_and_waited(t)
with open(elsewhere) as f:
    check(json.load(f) == MINIMAL, "the link's target was written", t)
t.quit()
t.close()
os.unlink(os.path.join(folder(tmp), "draft.json"))

# another user's folder (root can make one)
if os.geteuid() == 0:
    os.chown(folder(tmp), 65534, 65534)
    t = Term(tmp=tmp)
    s = t.wait_text("No draft is read or saved")
    check("belongs to another user" in " ".join(s.split()), "no reason given", t)
    t.quit(changed=False)
    t.close()
    os.chown(folder(tmp), 0, 0)
t = Term(tmp=tmp)
t.own_tmp = True
t.wait_text("Runtime name")
t.quit(changed=False)
t.close()
print("ok: the draft folder is checked")
