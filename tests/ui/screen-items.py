"""What a newcomer trips on, on the screens (issue 13, item 21): a loaded
complete form marks every section ok before it is visited; an untouched
optional section (Capacity provider, whose ARN is only required once it is
used) is ok, not '..'; in a text field typed into, the key bar says that Esc
gives the value back; on a choice the cursor sits on the field, not in a corner; the
review never breaks a URL over two lines (it scrolls sideways instead); a
hint cut short names F1, which shows it whole."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402

URL = "https://example.com/a/very/long/path/that/does/not/fit/on/one/line/of/the/pane"
form = dict(MINIMAL)
form["description"] = "see " + URL
tmp = tempfile.mkdtemp(prefix="acw-ui-items21-")
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(form, f)
t = Term(args=["form.json"], tmp=tmp)
t.own_tmp = True
s = t.wait_text("minimal_agent")
for section in ("Artifact", "Network", "Capacity provider", "Tags"):
    check("ok " + section in s, "%s is not marked ok before it is visited" % section, t)
check("Esc Undo" not in t.rows()[-1], "Esc Undo before anything was typed", t)
t.keys("End")
t.type("2")
t.wait_text("minimal_agent2")
check("Esc Undo" in t.rows()[-1], "the key bar does not say Esc undoes in a text field", t)
t.keys("Escape")
t.wait_gone("minimal_agent2")
t.go_to("Network")
s = t.wait_text("Network mode")
x, y = t.cursor()
check("PUBLIC" in t.rows()[y], "the cursor is not on the choice: row %d" % y, t)
check("Esc Undo" not in t.rows()[-1], "Esc Undo on a choice", t)
t.go_to("Capacity provider")
s = t.wait_text("Capacity provider ARN")
check("ok Capacity provider" in s, "an untouched optional section is not ok", t)
# its hint is longer than its lines: cut, it names the key that shows it whole
check(t.rows()[-2].endswith("\u2026 (F1)"), "a cut hint does not say F1 shows it whole", t)
t.keys("F10")
s = t.wait_text("Every value")
rows = t.rows()
i = next((k for k, r in enumerate(rows) if "https://example.com/a/very" in r), None)
check(i is not None, "the description is not on the review", t)
check("line/of/the/pane" not in rows[i + 1], "the review broke the URL over two lines", t)
t.quit(changed=False)
t.close()
print("ok: the screen items of issue 13, item 21")
