"""--plain submits after the review, to moto through the signature-checking
proxy, with the same core path as the wizard's F10 (runtime_submit): progress
as lines (a throttled attempt retried), followed to READY (exit 0); a
ValidationException with its field (exit 4); a failed runtime with its
failureReason (exit 5)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "servers"))
from tmuxterm import program  # noqa: E402
import harness  # noqa: E402

harness.require_python_aws()


def answers(name):
    return "\n".join([
        name, "",                                                   # Basics
        "containerConfiguration", "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b",
        "arn:aws:iam::123456789012:role/R",                         # Permissions
        "PUBLIC",                                                   # Network
        "", "", "", "", "", "n", "n", "", "n",                      # the rest unset
        "-",                                                        # not saved
        "y",                                                        # submit
    ]) + "\n"


def run(world, name):
    p = subprocess.run([program(), "--plain"], input=answers(name), capture_output=True,
                       text=True, env=world.keys_env(), timeout=120)
    return p.returncode, p.stdout + p.stderr


def check(cond, msg, out):
    if not cond:
        print("FAIL: " + msg)
        print(out)
        sys.exit(1)


with harness.World() as world:
    world.moto.ready_after(1)
    world.proxy.inject("throttle")
    rc, out = run(world, "plain_sent")
    check(rc == 0, "exit %d, expected 0" % rc, out)
    check("Submit it now (CreateAgentRuntime)" in out, "no question to submit", out)
    check("AWS settings: Region us-east-1 (AWS_REGION)" in out, "the settings are not shown", out)
    check("attempt 1 of 3 failed (ThrottlingException); retrying" in out,
          "the retry is not shown", out)
    check("  Created arn:aws:bedrock-agentcore:" in out, "no line for the created runtime", out)
    check("  Status: READY" in out and out.rstrip().endswith("is READY."),
          "not followed to READY", out)
    check(world.SECRET not in out, "the secret key was printed", out)
    names = [r.get("agent_runtime_name") for r in world.moto.runtimes()]
    check("plain_sent" in names, "moto has no runtime plain_sent: %r" % names, out)
    tokens = {r["clientToken"] for r in world.proxy.log
              if r["method"] == "PUT" and r["clientToken"]}
    check(len(tokens) == 1, "the retry used another clientToken: %r" % tokens, out)

    world.proxy.inject("validation")
    rc, out = run(world, "plain_refused")
    check(rc == 4, "a refused submit gave exit %d, expected 4" % rc, out)
    check("Not created: 1 validation error detected" in out, "no summary of the error", out)
    check("roleArn: role cannot be assumed" in out, "the field list is not shown", out)

    world.proxy.inject("failed")
    rc, out = run(world, "plain_failed")
    check(rc == 5, "a failed runtime gave exit %d, expected 5" % rc, out)
    check("Failure reason: " in out and "CREATE_FAILED" in out, "no failure reason", out)
print("ok: --plain submits to moto and follows to READY")
