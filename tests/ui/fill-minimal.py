"""Fill a minimal container runtime from an empty form with the keys a user
would press, save it and check the JSON; then submit it from the review (F10,
confirm) to moto, through the signature-checking proxy, wait for READY on
screen, and find it in moto with exactly the values typed. Without moto the
save is still checked, and the test says SKIP for the rest."""
import atexit
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "servers"))
from tmuxterm import SKIP, Term, check, need_tmux  # noqa: E402

need_tmux()
try:
    import botocore  # noqa: F401
    import moto  # noqa: F401
    have_moto = bool(shutil.which("moto_server"))
except ImportError:
    have_moto = False
env = {}
if have_moto:
    import harness  # noqa: E402

    world = harness.World().__enter__()
    atexit.register(world.__exit__, None, None, None)  # also when a check fails
    world.moto.ready_after(1)
    env = world.ui_env()

URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest"
ROLE = "arn:aws:iam::123456789012:role/AgentRole"
t = Term(env=env)
t.wait_text("Runtime name")
t.type("my_agent")
t.keys("PageDown")
t.wait_text("< (not set) >")
t.keys("Enter")  # the list of the artifact's kinds, on the first
s = t.wait_text("Code from S3")
check("Container image" in s, "the choice list lacks Container image", t)
t.keys("Enter")
t.wait_text("Image URI")
t.keys("Tab")
t.type(URI)
t.keys("PageDown")
t.wait_text("Execution role")
t.type(ROLE)
t.keys("PageDown")
t.wait_text("Network mode")
t.wait_text("< PUBLIC >")  # a new form starts with it: nothing to press
out = os.path.join(t.tmp, "runtime.json")
t.save_as(out)
with open(out) as f:
    doc = json.load(f)
want = {
    "agentRuntimeName": "my_agent",
    "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": URI}},
    "roleArn": ROLE,
    "networkConfiguration": {"networkMode": "PUBLIC"},
}
check(doc == want, "saved form differs: %r" % doc, t)
check(oct(os.stat(out).st_mode & 0o777) == "0o600", "saved file is not mode 0600", t)
if not have_moto:
    t.keys("F12")
    check(t.exit_code() == 0, "quit failed", t)
    t.close()
    print("SKIP: filled and saved; no moto to submit to (botocore, moto or moto_server missing)")
    sys.exit(SKIP)

# submit from the review, as a user does
t.keys("F10")
t.wait_text("The form is complete. F10 submits it; F2 saves it.")
t.keys("F10")
# the account checks (which may have finished by now: they start when a
# field is left) find that AgentRole and the image are not in moto: then
# the question is whether to submit anyway; either way y sends it
s = t.wait_stable(lambda s: "Create runtime 'my_agent' now? (y/n)" in s or
                  "errors: submit anyway? (y/n)" in s or "1 error: submit anyway? (y/n)" in s,
                  "the question before submitting")
t.keys("y")
s = t.wait_text("Press any key to return", timeout=30)
check("Status: READY" in s, "the runtime did not reach READY", t)
t.keys("Enter")
t.wait_text("is READY.")
rts = world.moto.runtimes()
check(len(rts) == 1, "moto holds %d runtimes" % len(rts), t)
rt = rts[0]
got = {
    "agentRuntimeName": rt["agent_runtime_name"],
    "agentRuntimeArtifact": rt["agent_runtime_artifact"],
    "roleArn": rt["role_arn"],
    "networkConfiguration": rt["network_configuration"],
}
check(got == want, "moto stored %r, typed %r" % (got, want), t)
# and nothing else was sent
for k in ("authorizer_configuration", "environment_variables", "protocol_configuration",
          "request_header_configuration", "description", "lifecycle_configuration"):
    check(not rt.get(k), "moto stored %s = %r, which was not typed" % (k, rt.get(k)), t)
check(all(r["signed"] for r in world.proxy.log), "a request was not signed right", t)
check(rt["status"] == "READY", "moto has it %s" % rt["status"], t)
t.keys("F12")
check(t.exit_code() == 0, "quit failed", t)
t.close()
print("ok: a minimal container runtime filled from empty, saved, submitted and found in moto")
