"""After submitting from the review (to moto, through the signature-checking
proxy): a service error names roleArn: the end screen says where the next key
goes, the Permissions screen shows the service's message under Execution role
ARN and marks the section until the value changes; "Esc cancels" is gone
once the call has ended. A runtime that reached READY: the review says what
was created and F10 asks before a second runtime. Esc while following a
created runtime: it says the runtime exists, that only following stopped,
and how to check it."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

FORM = {
    "agentRuntimeName": "ui_flow",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}


def pane(screen):
    """The text right of the section list, its lines joined by blanks (a
    sentence the pane wraps is found whole)."""
    return " ".join(l.split("\u2502", 1)[-1].strip() for l in screen.split("\n"))


def checks_ended(t):
    """The review's account checks (issue 10) have ended: their requests are
    done, and a fault injected now reaches CreateAgentRuntime."""
    return t.wait_stable(lambda s: "Account checks:" in s and "running" not in s,
                         "the account checks ended", timeout=30)


def submit(t, question="The account checks found 2 errors: submit anyway?"):
    """F10 on the review (its checks ended: the role and the image are not
    in moto), y to the question; the end screen."""
    checks_ended(t)
    t.keys("F10")
    t.wait_text(question)
    t.keys("y")
    return t.wait_stable("Any key continues", timeout=30)


with harness.World() as world:
    world.moto.ready_after(1)
    env = world.ui_env()
    t = form_term(FORM, "acw-ui-flow-", env=env)
    t.wait_text("ui_flow")

    # 1. a ValidationException naming roleArn
    t.keys("F10")
    t.wait_text("The form is complete")
    checks_ended(t)
    world.proxy.inject("validation")
    s = submit(t)
    check("ValidationException" in s and "role cannot be assumed" in s,
          "the service's error is not shown", t)
    check("Press any key to go to Execution role ARN (Permissions)" in s,
          "the end screen does not say where the key leads", t)
    check("return to the review" not in s, "it still claims to return to the review", t)
    check("Esc cancels" not in s, "'Esc cancels' stays after the call ended", t)
    t.keys("Enter")
    s = t.wait(lambda s: "The IAM role the runtime works as" in s and
               "The service says: role cannot be assumed" in s, "the message under the field")
    rows = s.split("\n")
    i = next(k for k, l in enumerate(rows) if "Execution role ARN" in l)
    check("role cannot be assumed" in rows[i + 1], "the message is not under the field", t)
    check("!! Permissions" in s, "the Permissions section is not marked", t)
    check(world.moto.runtimes() == [], "a runtime was created despite the error", t)
    # the review says the service refused a value, and which
    t.keys("F10")
    s = t.wait_stable("The service refused a value")
    check("! Execution role ARN: The service says: role cannot be assumed" in pane(s),
          "the review does not list the service's complaint", t)
    check("The form is complete" not in s, "the review calls the refused form complete", t)
    t.keys("Escape")
    t.wait_text("The IAM role the runtime works as")
    # still marked after leaving and coming back
    t.keys("PageUp")
    s = t.wait_text("Artifact")
    t.wait_text("!! Permissions")
    t.keys("PageDown")
    t.wait_text("The service says: role cannot be assumed")
    # changing the value clears the mark
    t.keys("End")
    t.type("2")
    s = t.wait_stable("AgentRole2")
    check("The service says" not in s, "the service's message outlives a change", t)
    check("!! Permissions" not in s, "the section stays marked after a change", t)

    # 4e. READY: the review says what was created; F10 asks before a second one
    t.keys("F10")
    t.wait_text("The form is complete")
    s = submit(t)
    check("Status: READY" in s, "the runtime did not reach READY", t)
    check("Esc cancels" not in s, "'Esc cancels' stays after READY", t)
    t.keys("Enter")
    s = t.wait(lambda s: "was created from this form (READY)" in pane(s), "the created runtime")
    made = [r for r in world.moto.runtimes() if r.get("agent_runtime_name") == "ui_flow"]
    check(len(made) == 1, "moto does not hold exactly one runtime ui_flow: %r" % made, t)
    check("F10 submits it" not in s, "the review still offers F10 as if nothing was sent", t)
    check("F10 again would create a second runtime" in pane(s),
          "the review does not say what F10 would do now", t)
    t.keys("F10")
    s = t.wait_stable(lambda s: "Create a second runtime?" in pane(s),
                      "the question before a second runtime")
    check("new clientToken" in pane(s),
          "F10 after success does not ask about a second runtime", t)
    t.keys("n")
    t.wait_text("Not submitted.")
    check(len(world.moto.runtimes()) == 1, "a second runtime was made after 'n'", t)

    # 5. Esc while following a created runtime (another name: a new runtime)
    world.moto.ready_after(600)
    for n in range(12):  # one at a time: each PageUp shows another section
        title = t.screen().split("\n")[0]
        if "1/12 Basics" in title:
            break
        t.keys("PageUp")
        t.wait(lambda s: s.split("\n")[0] != title, "the previous section")
    t.keys("End")
    t.type("_b")
    t.wait_text("ui_flow_b")
    t.keys("F10")
    t.wait(lambda s: "was created from this form" in pane(s), "the created runtime")
    t.keys("F10")
    t.wait_text("Submit again?")
    t.keys("y")
    t.wait_text("Status: CREATING", timeout=30)
    t.keys("Escape")
    s = t.wait_stable("Any key continues", timeout=30)
    ids = [r.get("agent_runtime_id") for r in world.moto.runtimes()
           if r.get("agent_runtime_name") == "ui_flow_b"]
    check(len(ids) == 1 and ids[0], "moto does not hold runtime ui_flow_b: %r" % ids, t)
    flat = pane(s)
    check("Failed" not in s and "cancelled" not in s,
          "stopping to follow is shown as a failure", t)
    check("only following it stopped" in flat, "it does not say only following stopped", t)
    check(("agentcore-wizard status %s" % ids[0]) in flat,
          "no hint to check it with the status command", t)
    check("Esc cancels" not in s, "'Esc cancels' stays after following stopped", t)
    t.keys("Enter")
    s = t.wait(lambda s: "was created from this form (CREATING)" in pane(s),
               "the created runtime")
    check(ids[0] in s, "the review does not name the runtime created", t)
    t.keys("F12")
    t.wait_text("Save your changes")
    t.keys("n")
    check(t.exit_code() == 0, "quit failed", t)
    t.close()
print("ok: service error, READY and stopped following from the review")
