"""A ConflictException (the runtime's name is taken, issue 13 item 17) leads to
the name field as a ValidationException leads to its field: the end screen
says where the next key goes, the message is under Runtime name, Basics is
marked, and the review lists it (to moto, through the signature-checking
proxy, which answers the create with the service's 409)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, check, form_term, need_moto  # noqa: E402

harness = need_moto()

with harness.World() as world:
    env = world.ui_env()
    t = form_term(MINIMAL, "acw-ui-conflict-", env=env)
    t.wait_text("minimal_agent")
    t.keys("F10")
    t.wait_text("The form is complete")
    # the review's account checks (issue 10) end first: the fault is for
    # CreateAgentRuntime, and they find the role and the image missing
    t.wait_stable(lambda s: "Account checks:" in s and "running" not in s,
                  "the account checks ended", timeout=30)
    world.proxy.inject("conflict")
    t.keys("F10")
    t.wait_text("submit anyway?")
    t.keys("y")
    s = t.wait_stable("Any key continues", timeout=30)
    check("ConflictException" in s, "the service's error is not shown", t)
    check("Press any key to go to Runtime name (Basics)" in s,
          "the end screen does not lead to the name", t)
    t.keys("Enter")
    s = t.wait(lambda s: "The service says: An agent runtime with the" in s,
               "the message under the name")
    rows = s.split("\n")
    i = next(k for k, l in enumerate(rows) if "Runtime name" in l and "minimal_agent" in l)
    check("The service says" in rows[i + 1], "the message is not under the name", t)
    check("!! Basics" in s, "Basics is not marked", t)
    check(world.moto.runtimes() == [], "a runtime was created despite the conflict", t)
    t.keys("F10")
    s = t.wait_stable("The service refused a value")
    check("! Runtime name: The service says" in " ".join(s.split()),
          "the review does not list the conflict", t)
    t.keys("F12")
    t.exit_code()
    t.close()
print("ok: a taken name leads to the name field")
