"""A form at the 1 MiB cap with 60,000 tags (issue 13, item 3: one Down on
its Tags screen took 67 s, F10 and F12 as long): start-up, Page Down to the
Tags screen, Down, typing into a tag, F10 (the review) and F12 each come
back within a generous bound (bench_ui.py measures them: well under 50 ms
for a key on the Tags screen). The review lists the first 100 tags and says
how many more the request body holds."""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402

BOUND = 20.0  # seconds: the quadratic code took minutes
form = dict(MINIMAL)
form["tags"] = {"t%05d" % i: "v" for i in range(60000)}
tmp = tempfile.mkdtemp(prefix="acw-ui-tags-")
with open(os.path.join(tmp, "tags.json"), "w") as f:
    json.dump(form, f, indent=1)
check(os.path.getsize(os.path.join(tmp, "tags.json")) < 1024 * 1024, "the form is over 1 MiB")
t0 = time.monotonic()
t = Term(args=["tags.json"], tmp=tmp)
t.own_tmp = True
t.wait_text("minimal_agent", timeout=BOUND)
for _ in range(11):
    t.next_section()
check(" Tags " in t.title(), "not on the Tags screen", t)
t.wait_text("t00000", timeout=BOUND)
for key in ("Down", "Down", "Down"):
    before = t.cursor()
    start = time.monotonic()
    t.keys(key)
    t.wait(lambda s: t.cursor() != before, "the cursor to move", timeout=BOUND)
    check(time.monotonic() - start < BOUND, "Down took too long", t)
t.keys("End")
t.type("x")
t.wait_text("vx", timeout=BOUND)
start = time.monotonic()
t.keys("F10")
s = t.wait_text("Every value", timeout=BOUND)
check(time.monotonic() - start < BOUND, "F10 took too long", t)
found = False
for _ in range(30):  # a page at a time, until the line after the 100th tag
    s = t.screen()
    if "and 59900 more" in " ".join(s.split()):
        found = True
        break
    t.keys("Space")
    t.wait(lambda n: n != s, "the next page", timeout=BOUND)
check(found, "the review does not say how many more tags", t)
# the request body's entries are made as they are drawn: the last of them
# as the whole body would show them (a comma after each but the last)
t.keys("End")
s = t.wait_text('"t59999": "v"', timeout=BOUND)
ends = [line.rstrip() for line in s.splitlines()]
check(any(e.endswith('        "t59999": "v"') for e in ends) and
      any(e.endswith('        "t59998": "v",') for e in ends),
      "the body's entries are not as written", t)
start = time.monotonic()
t.keys("F12")
t.wait_text("Save your changes", timeout=BOUND)
t.keys("n")
check(t.exit_code(timeout=BOUND) == 0, "quit failed", t)
check(time.monotonic() - start < BOUND, "F12 took too long", t)
t.close()
print("ok: 60,000 tags in %.1f s" % (time.monotonic() - t0))
