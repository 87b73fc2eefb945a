"""F8 deletes a list item or map entry, F5/F6 move it, as the hint on an
item says (with the keys this terminal has): the field under the cursor then
shows, and typing changes, what is there now (not the text of the item
deleted or moved away, which the next key would write over the next item)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import check, form_term  # noqa: E402

FORM = {
    "agentRuntimeName": "items_agent",
    "agentRuntimeArtifact": {"codeConfiguration": {
        "code": {"s3": {"bucket": "my-agent-code", "prefix": "agent.zip"}},
        "runtime": "PYTHON_3_12", "entryPoint": ["one", "two", "three"]}},
    "roleArn": "arn:aws:iam::123456789012:role/R",
    "networkConfiguration": {"networkMode": "PUBLIC"},
    "environmentVariables": {"A": "1", "B": "2"},
}


def at_cursor(t):
    """The screen line the cursor is on."""
    return t.rows()[t.cursor()[1]]


def wait_cursor_on(t, text):
    t.wait(lambda s: text in s.split("\n")[t.cursor()[1]], "the cursor on %r" % text)


t = form_term(FORM, "acw-ui-items-")
t.wait_text("items_agent")
t.next_section()
t.keys("Tab", "Tab", "Tab", "Tab", "Tab")
wait_cursor_on(t, "Entry point part 1 one")
t.wait_text("F8 deletes this item, F5/F6 move it. One part of the start command.")
t.keys("F8")
t.wait_gone("Entry point part 3")
wait_cursor_on(t, "Entry point part 1 two")
check(" one" not in t.screen(), "the deleted item's text is still shown", t)
t.type("X")
t.wait_text("Entry point part 1 twoX")
check("Entry point part 2 three" in t.screen(), "the next item changed", t)
t.keys("F6")  # down: the cursor goes with the item
wait_cursor_on(t, "Entry point part 2 twoX")
check("Entry point part 1 three" in t.screen(), "F6 did not move the item", t)
t.type("Y")
t.wait_text("Entry point part 2 twoXY")
t.keys("F5")
wait_cursor_on(t, "Entry point part 1 twoXY")
t.type("Z")
t.wait_text("Entry point part 1 twoXYZ")
check("Entry point part 2 three" in t.screen(), "F5 changed the other item", t)

t.go_to("Environment variables")
t.wait_text("Name 2")
t.keys("Tab")
wait_cursor_on(t, "Value 1 1")
t.wait_text("F8 deletes this entry, F5/F6 move it. The variable's value")
t.keys("F8")
t.wait_gone("Name 2")
wait_cursor_on(t, "Value 1 2")
t.wait_text("F8 deletes this entry. The variable's value")  # the last: no moving
t.type("X")
t.wait_text("Value 1 2X")
check("Name 1  B" in t.screen(), "the remaining entry's name changed", t)

out = os.path.join(t.tmp, "items.json")
t.save_as(out)
with open(out) as f:
    d = json.load(f)
check(d["agentRuntimeArtifact"]["codeConfiguration"]["entryPoint"] == ["twoXYZ", "three"],
      "entry point: %r" % d, t)
check(d["environmentVariables"] == {"B": "2X"}, "variables: %r" % d, t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()

# a vt100 has no F5, F6 or F8: the hint names the keys it has
FORM["agentRuntimeArtifact"]["codeConfiguration"]["entryPoint"] = ["main.py"]  # (at most 2)
t = form_term(FORM, "acw-ui-items-", term="vt100")
t.wait_text("items_agent")
t.go_to("Environment variables", key="C-n")
t.keys("Tab")
t.wait_text("Esc 8 deletes this entry, Esc 5/Esc 6 move it.")
t.keys("C-c")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: after F8, F5 and F6 the field shows and changes what is there now")
