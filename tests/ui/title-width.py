"""At 80 columns the title keeps a template's count whole (audit item 4):
with a long file name and "(changed)", the file name goes first, then the
program's name; it was cut to "4 of 7 fields yours to fi". The file name
shows again when there is room."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check  # noqa: E402

NAME = "a-rather-long-name-for-the-runtime-form.json"
t = Term(args=["new", "--template", "container-public", NAME])
t.wait_text("yours to fill")
t.type("titled")
t.wait_text("titled")
title = t.title()
check(re.search(r"\d+ of \d+ fields? yours to fill\s*$", title),
      "the template's count is cut: %r" % title, t)
check("(changed)" in title, "the title lost (changed): %r" % title, t)
check(NAME not in title, "the file name did not make room: %r" % title, t)
t.resize(160, 24)
t.wait(lambda s: NAME in t.title(), "the file name with room for it")
check(t.quit() == 0, "quit failed", t)
t.close()
print("ok: the title keeps the template's count whole")
