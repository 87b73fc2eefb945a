"""template_fill.py: fill in, in the wizard, only the fields a template
leaves yours (tests/ui/template.py, template-moto.py). Each is found by the
team's hint on the hint line when the cursor is on it (or, when a problem
holds the status line, by its label on the cursor's line), and gets the
template's example. The sections are walked with PageDown; in a section
that holds a yours field not yet filled, the cursor goes down its rows
first (an environment variable is not the section's first row)."""
import glob
import json
import os

from tmuxterm import check

FORMS = os.environ.get("AGENTCORE_WIZARD_FORMS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "forms")
TITLES = {"filesystems": "Filesystems", "capacity": "Capacity provider"}


def flat(s):
    return " ".join(" ".join(l.strip("│ ").split()) for l in s.split("\n"))


def labels():
    """Each member name of the form definitions with its label and kind, and
    each top-level member with the title of its section."""
    out, sections = {}, {}

    def walk(fields):
        for f in fields:
            if f.get("name") and f.get("label"):
                out.setdefault(f["name"], (f["label"], f.get("kind")))
            walk(f.get("fields", []))
            for k in ("item", "value"):
                if isinstance(f.get(k), dict):
                    walk([f[k]])
    for file in glob.glob(os.path.join(FORMS, "*.json")):
        with open(file) as f:
            sec = json.load(f)
        walk(sec.get("fields", []))
        for top in sec.get("fields", []):
            sections[top.get("name")] = sec.get("title")
    return out, sections


LABELS, SECTIONS = labels()


def section_of(path):
    return SECTIONS.get(path.split(".")[0].split("[")[0])


def yours_here(t, yours):
    """The yours entry under the cursor: its hint on the hint line, or its
    label on the cursor's line (when a problem holds the status line)."""
    hint = flat("\n".join(t.rows()[-3:-1]))
    row = t.rows()[t.cursor()[1]]
    for path, f in yours.items():
        if f.get("note") and f["note"][:40] in hint:
            return path
    for path, f in yours.items():
        name = path.replace("[]", "").split(".")[-1]
        label, kind = LABELS.get(name, (None, None))
        if label and ("fix before going on: %s:" % label) in flat(t.screen()):
            if kind == "list" and "[ Add" in row:
                return path
            if label in row:
                return "down" if kind == "list" else path
    return None


def fill(t, tpl):
    """Fill every yours field of template tpl (its JSON) with its example and
    go on to the review; the paths filled. No hidden section may show."""
    yours = {p: f for p, f in tpl["fields"].items() if f["mode"] == "yours"}
    done = set()
    downs, title = 0, None
    for _ in range(200):
        s = t.wait_stable(lambda s: True)
        for sec in tpl.get("hiddenSections", []):
            check(TITLES.get(sec, "@@") not in s, "the hidden section %s shows" % sec, t)
        if " Review " in t.title() + " ":
            return done
        if t.title() != title:
            downs, title = 0, t.title()
        path = yours_here(t, yours)
        if path == "down":
            t.keys("Down")  # to the list's Add row, which shows the hint
            continue
        if path and path not in done:
            row = t.rows()[t.cursor()[1]]
            key = path.split(".")[-1]
            if LABELS.get(path.split(".")[0], (0, 0))[1] == "map" and key in row:
                t.keys("Down")  # from the entry's name to its value
                t.wait(lambda s: key not in t.rows()[t.cursor()[1]], "the entry's value")
            if "[ Add" in row:
                t.keys("Enter")
                t.wait_stable(lambda s: True)
            t.type(yours[path]["example"])
            done.add(path)
            t.wait_stable(lambda s: True)
            continue
        left = [p for p in yours if p not in done and (section_of(p) or "@@") in title]
        if downs < 12 and (left or "fix before going on" in flat(s)):
            # a yours field further down, or a group's problem above it
            t.keys("Down")
            downs += 1
            continue
        t.keys("PageDown")
    t.fail("did not reach the review", t.screen())


def value_at(form, path):
    """The value at a template path of a form (a list: its first item)."""
    node = form
    for step in path.split("."):
        if not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node[0] if isinstance(node, list) and node else node


def check_filled(t, tpl, form):
    """Every yours field of tpl holds its example in form."""
    for path, e in tpl["fields"].items():
        if e["mode"] == "yours":
            check(value_at(form, path) == e["example"],
                  "%s holds %r, expected %r" % (path, value_at(form, path), e["example"]), t)
