"""Submit a minimal container runtime to moto (through the signature-checking
proxy, over HTTPS) from the review screen, follow it to READY, find it in moto."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

FORM = {
    "agentRuntimeName": "ui_submitted",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}

with harness.World() as world:
    world.moto.ready_after(1)
    env = world.ui_env()
    t = form_term(FORM, "acw-ui-submit-", env=env)
    t.wait_text("ui_submitted")
    # the review runs the account checks (issue 10): their requests done
    # first, so that the fault below reaches CreateAgentRuntime
    t.keys("F10")
    t.wait_text("The form is complete")
    s = t.wait_stable(lambda s: "Account checks:" in s and "running" not in s,
                      "the account checks ended", timeout=30)
    check("error: roleArn:" in s, "the missing role is not listed on the review", t)
    # a service error takes the user back to the field it names
    world.proxy.inject("validation")
    t.keys("F10")
    t.wait_text("The account checks found 2 errors: submit anyway?")
    t.keys("y")
    s = t.wait_text("Press any key to go to", timeout=30)
    check("ValidationException" in s and "roleArn" in s, "no service error shown", t)
    t.keys("Enter")
    s = t.wait_stable(lambda s: "Press any key" not in s and "Execution role ARN" in s,
                      "the Permissions screen")
    check("The IAM role the runtime works as" in s, "not back on the Permissions screen", t)
    check("Not created" in s, "no error on the status line", t)
    check(world.moto.runtimes() == [], "a runtime was created despite the error", t)
    # a throttled first attempt is retried and shown
    world.proxy.inject("throttle")
    t.keys("F10")
    s = t.wait_text("The service refused a value")
    check("AKID***MPLE" in s and world.SECRET not in s, "review does not show the masked key id", t)
    t.keys("F10")
    t.wait_text("submit anyway?")
    t.keys("y")
    s = t.wait_text("Press any key to return", timeout=30)
    check("Status: READY" in s, "the runtime did not reach READY", t)
    check("retrying" in s, "the throttled attempt is not shown", t)
    t.keys("Enter")
    t.wait_text("is READY.")
    names = [r.get("agent_runtime_name") for r in world.moto.runtimes()]
    check("ui_submitted" in names, "moto has no runtime ui_submitted: %r" % names, t)
    # a runtime that ends in a failed status: the screen shows its failureReason
    world.proxy.inject("failed")
    t.keys("F10")
    t.wait_text("Submit again?")
    t.keys("y")
    s = t.wait_text("Press any key to return", timeout=30)
    check("CREATE_FAILED" in s and "manifest unknown" in s,
          "the failed status or its failureReason is not shown", t)
    t.keys("Enter")
    t.wait_text("Every value")
    t.keys("F12")
    check(t.exit_code() == 0, "quit failed", t)
    t.close()
print("ok: submitted from the review and followed to READY")
