"""--plain prints nothing from a form file raw (issue 13, item 1): a form whose
description, tag, environment variable and file name hold an OSC title
(ESC ] 0 ; ... BEL), a clear screen (ESC [ 2 J), an OSC 52 clipboard write
and a C1 CSI (U+009B, \\xc2\\x9b) gives output without ESC, BEL or C1 bytes,
on standard output and on standard error; the values still show, made
visible by the printable filter."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, program  # noqa: E402

TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CSI = "\u009b"
form = dict(MINIMAL)
form["description"] = "desc" + TITLE + CLEAR + OSC52 + CSI + "\u202e" + "end"
form["environmentVariables"] = {"EV" + CLEAR: "v" + TITLE, "OK": "x" + CSI}
form["tags"] = {"tag" + OSC52: "val" + CSI, "team": "a" + CLEAR}
tmp = tempfile.mkdtemp(prefix="acw-ui-escapes-")
name = os.path.join(tmp, "f" + CLEAR + ".json")
with open(name, "w") as f:
    json.dump(form, f)
env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tmp, "LANG": "C.UTF-8",
       "XDG_STATE_HOME": os.path.join(tmp, "state"),
       "AWS_CONFIG_FILE": os.path.join(tmp, "none"),
       "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "none")}
if "AGENTCORE_WIZARD_FORMS" in os.environ:
    env["AGENTCORE_WIZARD_FORMS"] = os.environ["AGENTCORE_WIZARD_FORMS"]
p = subprocess.run([program(), "--plain", name], input=b"\n" * 300, env=env,
                   capture_output=True, cwd=tmp, timeout=60)
failed = False
for what, out in (("standard output", p.stdout), ("standard error", p.stderr)):
    for bad, label in ((b"\x1b", "ESC"), (b"\x07", "BEL"), (b"\xc2\x9b", "C1 CSI"),
                       (b"\x9b", "a raw 0x9b")):
        if bad in out:
            print("FAIL: %s holds %s" % (what, label))
            failed = True
text = p.stdout.decode("utf-8", "replace")
if "desc" not in text or "end]" not in text or "Name 1 [tag" not in text:
    print("FAIL: the values are not shown")
    failed = True
if failed:
    print(text)
    print(p.stderr.decode("utf-8", "replace"))
    sys.exit(1)
print("ok: --plain prints no escape from a form file")

# the screens: the same form in the wizard, its values on the first screen
# and every value on the review; an escape that reached the terminal would
# set the pane's title
from tmuxterm import Term, check  # noqa: E402

t = Term(args=[name], tmp=tmp)
t.own_tmp = True
t.wait_text("desc")
t.keys("Tab")  # the description in the line editor, drawn a character at a time
s = t.wait(lambda s: t.cursor()[1] == [i for i, l in enumerate(s.split("\n"))
                                       if "Description" in l][0], "the cursor on Description")
check("\u202e" not in s and "\x1b" not in s, "the editor drew a control from the form", t)
t.keys("F10")
s = t.wait_text("Every value")
title = t.tmux("display-message", "-p", "-t", t.name + ":", "#{pane_title}").stdout
check("pwned" not in title, "an escape from the form set the terminal's title", t)
check("\x1b" not in s and "\u009b" not in s, "an escape is on the screen", t)
t.quit(changed=False)
t.close()
print("ok: the screens show no escape from a form file")
