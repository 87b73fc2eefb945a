"""Issue 12, item 4: the bundled templates' words are translated. Their
title, description and notes are in po/forms-strings.c (made by
po/forms-strings.py, so xgettext puts them into the template); with a
catalog that translates a bundled template's title and one of its notes
(made here with msgfmt, as tests/cmd/l10n.sh makes the German one), under
de_DE.UTF-8 `templates` lists the translated title and the wizard's hint
line shows the translated note; a team's own template with the same words
is shown as written (it is in the team's language), and its example is a
value, never translated. SKIP without the de_DE.UTF-8 locale or msgfmt."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "servers"))
from tmuxterm import Term, check, program  # noqa: E402
from template_fill import FORMS, flat  # noqa: E402
import harness  # noqa: E402

TITLE = "Container image on the public network"
NOTE = "The image your build pushed to Amazon ECR, with its tag."
TITLE_DE = "Container-Image im öffentlichen Netz"
NOTE_DE = "Das Image, das Ihr Build nach Amazon ECR geschoben hat, mit Tag."

locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
if "de_de.utf8" not in locales.replace("-", ""):
    harness.skip("the locale de_DE.UTF-8 is not installed (locale -a)")
if not shutil.which("msgfmt"):
    harness.skip("msgfmt not found")

top = os.environ.get("top_srcdir", os.path.join(HERE, "..", ".."))
with open(os.path.join(top, "po", "forms-strings.c"), encoding="utf-8") as f:
    strings = f.read()
for text in (TITLE, NOTE):
    check('N_("%s")' % text in strings, "po/forms-strings.c lacks %r" % text)

tmp = tempfile.mkdtemp(prefix="acw-ui-tl10n-")
os.makedirs(os.path.join(tmp, "locale", "de", "LC_MESSAGES"))
with open(os.path.join(tmp, "de.po"), "w", encoding="utf-8") as f:
    f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "%s"\nmsgstr "%s"\n\nmsgid "%s"\nmsgstr "%s"\n'
            % (TITLE, TITLE_DE, NOTE, NOTE_DE))
subprocess.run(["msgfmt", "-o", os.path.join(tmp, "locale", "de", "LC_MESSAGES",
                                             "agentcore-wizard.mo"),
                os.path.join(tmp, "de.po")], check=True)
# a team's own template, with the same title and note
team = os.path.join(tmp, "teams")
os.makedirs(team)
with open(os.path.join(FORMS, "templates", "container-public.json"), encoding="utf-8") as f:
    text = f.read()
with open(os.path.join(team, "ours.json"), "w", encoding="utf-8") as f:
    f.write(text)
env = {"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "LANGUAGE": "de",
       "AGENTCORE_WIZARD_LOCALEDIR": os.path.join(tmp, "locale"),
       "AGENTCORE_WIZARD_TEMPLATES": team, "HOME": tmp, "XDG_CONFIG_HOME": tmp,
       "XDG_DATA_DIRS": tmp, "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
if os.environ.get("AGENTCORE_WIZARD_FORMS"):
    env["AGENTCORE_WIZARD_FORMS"] = os.environ["AGENTCORE_WIZARD_FORMS"]
out = subprocess.run([program(), "templates"], capture_output=True, text=True, env=env)
lines = {l.split()[0]: l for l in out.stdout.splitlines() if l.strip()}
check(out.returncode == 0, "templates failed: %s%s" % (out.stdout, out.stderr))
check(TITLE_DE in lines.get("container-public", ""),
      "templates does not show the bundled title translated:\n" + out.stdout)
check(TITLE in lines.get("ours", "") and TITLE_DE not in lines.get("ours", ""),
      "a team's own template was translated:\n" + out.stdout)

t = Term(args=["new", "--template", "container-public", "mine.json"], env=env)
t.own_tmp = True
t.wait_text("fields yours to fill")
t.type("my_agent")
t.next_section()
t.keys("Down")  # to the image, yours: valid, so that the hint line shows
t.type("123456789012.dkr.ecr.us-east-1.amazonaws.com/x:v1")
s = t.wait(lambda s: NOTE_DE[:40] in flat(s), "the translated note on the hint line")
check("123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:v1" in flat(s),
      "the example (a value) is not shown as written", t)
t.quit()
t.close()
shutil.rmtree(tmp, ignore_errors=True)
print("ok: a bundled template's title and notes are translated; a team's own is not")
