"""An update that ends without READY leaves no stale baseline (audit item 1),
against moto behind the signature-checking proxy (harness.DayTwoService).
Esc while the runtime is UPDATING: the deployed configuration is read again,
so the title says version 2 and F10 on the same form sends nothing (it sent
a second, identical version). Esc before UpdateAgentRuntime's answer: F10 on
the same form sends the same clientToken again, as a create does (it made a
new one). Counts are plural forms ("with 1 change?"). The account check name.unique
does not take the runtime being updated for a conflict (audit item 2). The
progress screen's summary wraps: "Check it with: ... status ID" keeps the
id (audit item 4)."""
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, Term, check, need_moto, program  # noqa: E402

harness = need_moto()


def flat(s):
    return " ".join(s.split())


def puts(world):
    return [r for r in world.proxy.log if r["method"] == "PUT"]


with harness.World() as world:
    service = harness.DayTwoService(world.proxy)
    rid = harness.create_runtime(world, program(), dict(MINIMAL, agentRuntimeName="stale_agent"))
    env = world.ui_env(config=True)
    tmp = tempfile.mkdtemp(prefix="acw-ui-stale-")
    t = Term(args=["open", rid], env=env, tmp=tmp)
    t.wait_text("Updating stale_agent (version 1)", timeout=20)
    t.keys("Down")
    t.type("two")
    t.wait_text("two")
    t.keys("F10")
    t.wait_stable(lambda s: "Changes to stale_agent" in flat(s), "the review's diff")
    deadline = time.time() + 30
    while True:  # the review's account checks, a page at a time, until they ended
        t.keys("Home")
        for _ in range(4):
            s = t.screen()
            if "Account checks" in s:
                break
            t.keys("Space")
            time.sleep(0.3)
        if "Account checks:" in s and "running" not in s:
            break
        check(time.time() < deadline, "the account checks did not end", t)
        time.sleep(1)
    s = t.wait_stable(lambda s: "Account checks:" in s, "the account checks")
    check("already exists" not in flat(s) and "error: agentRuntimeName" not in s,
          "the account check takes the runtime being updated for a conflict", t)
    # Esc while it is UPDATING
    service.updating_reads = 1000
    t.keys("F10")
    s = t.wait_text("Send UpdateAgentRuntime?")
    check("with 1 change?" in flat(s), "the count is not a plural form", t)
    t.keys("y")
    t.wait(lambda s: "Updating to version 2" in flat(s), "the update's answer", timeout=30)
    t.keys("Escape")
    s = t.wait_stable("Any key continues", timeout=30)
    check("status " + rid in flat(s),
          "the summary is cut before the runtime id (audit item 4)", t)
    t.keys("Enter")
    s = t.wait_stable(lambda s: "Any key continues" not in s, "the review again")
    check("Updating stale_agent (version 2)" in s, "the title still shows the old version", t)
    world.proxy.clear()
    t.keys("F10")
    s = t.wait(lambda s: "Nothing to update" in flat(s) or "Send UpdateAgentRuntime?" in s,
               "F10's answer")
    check("Nothing to update" in flat(s),
          "F10 on the form just sent offers to send it again (a stale baseline)", t)
    check(not puts(world), "an identical update was sent again", t)
    # Esc before the answer: the same clientToken next time
    service.updating_reads = 1
    service.delay_updates = 4
    t.keys("Escape")
    t.wait_gone("Changes to stale_agent")
    t.keys("Down", "End")
    t.type("three")
    t.wait_text("twothree")
    t.keys("F10")
    t.wait_stable(lambda s: "Changes to stale_agent" in flat(s), "the review's diff")
    t.keys("F10")
    t.wait_text("Send UpdateAgentRuntime?")
    t.keys("y")
    t.wait_text("Sending UpdateAgentRuntime", timeout=20)
    t.keys("Escape")
    s = t.wait_stable("Any key continues", timeout=30)
    check("cancelled before an answer came" in flat(s), "the cancel is not said", t)
    t.keys("Enter")
    t.wait(lambda s: len(puts(world)) == 1 and "Any key continues" not in s,
           "the first update", timeout=30)
    service.delay_updates = 0
    t.keys("F10")
    t.wait_text("Send UpdateAgentRuntime?", timeout=20)
    t.keys("y")
    t.wait_stable("Any key continues", timeout=60)
    sent = puts(world)
    check(len(sent) == 2 and sent[0]["clientToken"] and
          sent[0]["clientToken"] == sent[1]["clientToken"],
          "an unanswered update's clientToken was not sent again: %r" % sent, t)
    t.keys("Enter")
    check(t.quit(changed=False) == 0, "quit failed", t)
    t.own_tmp = True
    t.close()
print("ok: an update ended early is read again; an unanswered one keeps its clientToken")
