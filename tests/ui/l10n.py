"""The German translation shows on the curses screens.

The catalog is built from po/de.po into a temporary locale tree found
through AGENTCORE_WIZARD_LOCALEDIR (as tests/cmd/l10n.sh does), and the
wizard runs under LC_ALL=de_DE.UTF-8. Exit 77 (SKIP) without tmux, msgfmt
or the de_DE.UTF-8 locale.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import SKIP, Term, check, need_tmux  # noqa: E402

need_tmux()
locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
if not re.search(r"^de_DE\.utf-?8$", locales, re.I | re.M):
    print("SKIP: the locale de_DE.UTF-8 is not installed (locale -a)")
    sys.exit(SKIP)
if not shutil.which("msgfmt"):
    print("SKIP: msgfmt not found")
    sys.exit(SKIP)

top = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
tmp = tempfile.mkdtemp(prefix="acw-l10n-")
try:
    mo = os.path.join(tmp, "locale", "de", "LC_MESSAGES")
    os.makedirs(mo)
    r = subprocess.run(["msgfmt", "-c", "-o", os.path.join(mo, "agentcore-wizard.mo"),
                        os.path.join(top, "po", "de.po")], capture_output=True, text=True)
    if r.returncode != 0:
        print("ERROR: msgfmt failed:\n" + r.stderr)
        sys.exit(99)

    t = Term(tmp=tmp, env={
        "LANG": "de_DE.UTF-8",
        "LC_ALL": "de_DE.UTF-8",
        "LANGUAGE": "de",
        "AGENTCORE_WIZARD_LOCALEDIR": os.path.join(tmp, "locale"),
    })
    # The first screen is drawn once the key bar is there.
    s = t.wait_text("F1 Hilfe")
    for text, what in (("F2 Sich.", "key bar"), ("F4 Mehr", "key bar"), ("F9 AWS", "key bar"), ("F3 Laden", "key bar"),
                       ("Grundlagen", "section title for Basics"),
                       ("Runtime-Name", "field label"),
                       ("Prüfen", "review section in the list"),
                       ("Verwendete AWS-Einstellungen", "AWS settings heading")):
        check(text in s, "%s: %r not on the German screen" % (what, text), t)
    check("Runtime name" not in s, "the English field label is still shown", t)

    t.type("9-not-a-name")
    # "9" alone is invalid already: wait for the whole text and its message
    s = t.wait(lambda s: "9-not-a-name" in s and "ist ungültig" in s, "the typed name")
    rows = [l.rstrip() for l in s.rstrip("\n").split("\n")]
    label = next((i for i, l in enumerate(rows) if "Runtime-Name" in l), None)
    check(label is not None, "the field label is gone", t)
    check("9-not-a-name" in rows[label], "the typed value is not on the field's row", t)
    check("ist ungültig" in rows[label + 1],
          "the German validation message is not under the field", t)
    check("!! Grundlagen" in s, "the section list does not mark Grundlagen as having errors", t)

    # Page Down stays and says why (a message being translated anew: its
    # reason, "ist ungültig", is German already)
    t.keys("PageDown")
    t.wait(lambda s: "ungültig" in " ".join(s.rstrip("\n").split("\n")[-5:-1])
           and "Runtime-Name:" in s, "the refusal's reason on the status line")
    check("Grundlagen" in t.title(), "Page Down left the section", t)
    t.keys("F12")
    t.wait_text("Änderungen vor dem Beenden speichern?")
    t.keys("n")
    rc = t.exit_code()
    check(rc == 0, "exit code %d" % rc, t)
    t.close()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
print("ok: the German translation shows on the wizard's screens")
