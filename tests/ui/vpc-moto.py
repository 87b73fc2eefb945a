"""A VPC runtime with two security groups and two subnets, typed on the
Network screen, saved with F2 and submitted from the review to moto (through
the signature-checking proxy); the saved file is then submitted by the AWS CLI
and both runtimes in moto must be the same."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

START = {
    "agentRuntimeName": "vpc_ui",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
}
SGS = ["sg-0123456789abcdef0", "sg-0fedcba9876543210"]
SUBNETS = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]

with harness.World() as world:
    env = world.ui_env()
    t = form_term(START, "acw-ui-vpc-", env=env)
    t.wait_text("vpc_ui")
    t.keys("PageDown")
    t.wait_text("Image URI")
    t.keys("PageDown")
    t.wait_text("Execution role")
    t.keys("PageDown")
    t.wait_text("Network mode")
    t.keys("Right")
    t.wait_text("< PUBLIC >")
    t.keys("Right")
    t.wait_text("[ Add a security group ]")
    t.keys("Tab", "Enter")
    t.wait_text("Security group 1")
    t.type(SGS[0])
    t.keys("Tab", "Enter")
    t.wait_text("Security group 2")
    t.type(SGS[1])
    t.keys("Tab", "Tab", "Enter")
    t.wait_text("Subnet 1")
    t.type(SUBNETS[0])
    t.keys("Tab", "Enter")
    t.wait_text("Subnet 2")
    t.type(SUBNETS[1])
    s = t.wait_text(SUBNETS[1])
    check("!" not in s.split("Subnet 2")[1].split("\n")[0], "subnet 2 marked invalid", t)
    savedir = tempfile.mkdtemp(prefix="acw-ui-vpc-saved-")
    saved = os.path.join(savedir, "vpc.json")
    t.keys("F2")
    t.wait_text("Save to file:")
    t.keys("C-u")
    t.type(saved)
    t.keys("Enter")
    t.wait_text("Saved to")
    t.keys("F10")
    t.wait_text("The form is complete")
    t.keys("F10")
    t.wait_text("Create runtime 'vpc_ui' now?")
    t.keys("y")
    s = t.wait_text("Press any key to return", timeout=30)
    check("Created" in s or "Status:" in s, "no runtime created: " + s, t)
    t.keys("Enter")
    t.keys("F12")
    t.close()
    rts = world.moto.runtimes()
    check(len(rts) == 1, "moto holds %d runtimes" % len(rts), None)
    net = rts[0]["network_configuration"]
    check(net == {"networkMode": "VPC", "networkModeConfig": {
        "securityGroups": SGS, "subnets": SUBNETS}}, "stored network: %r" % net, None)
    with open(saved) as f:
        doc = json.load(f)
    check(doc["networkConfiguration"]["networkModeConfig"]["subnets"] == SUBNETS,
          "saved file: %r" % doc, None)
    check(oct(os.stat(saved).st_mode & 0o777) == "0o600", "saved file is not mode 0600", None)
    if shutil.which("aws"):
        a = subprocess.run(["aws", "bedrock-agentcore-control", "create-agent-runtime",
                            "--cli-input-json", "file://" + saved, "--endpoint-url",
                            world.proxy.url, "--ca-bundle", world.ca.cert],
                           env=world.keys_env(), capture_output=True, text=True)
        check(a.returncode == 0, "the AWS CLI refused the saved form: " + a.stderr, None)
        rts = world.moto.runtimes()
        keep = lambda r: {k: v for k, v in r.items() if k not in (  # noqa: E731
            "agent_runtime_arn", "agent_runtime_id", "created_at", "last_updated_at",
            "workload_identity_details", "status", "client_token")}
        check(len(rts) == 2 and keep(rts[0]) == keep(rts[1]),
              "the AWS CLI made a different runtime", None)
    else:
        print("note: no AWS CLI here; the saved form was not given to it")
    shutil.rmtree(savedir, ignore_errors=True)
print("ok: VPC runtime typed, saved, submitted; the AWS CLI accepts the saved form")
