"""A code artifact from S3 and a JWT authorizer with a custom claim, filled
from an empty form; the saved form passes `validate` and botocore's own
parameter validation (as the AWS CLI would check it), and, submitted from the
review to moto (through the signature-checking proxy), is stored as typed."""
import atexit
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import Term, check, need_moto, program  # noqa: E402

harness = need_moto()
world = harness.World().__enter__()
atexit.register(world.__exit__, None, None, None)  # also when a check fails
env = world.ui_env()
t = Term(env=env)
t.wait_text("Runtime name")
t.type("code_agent")
t.keys("PageDown")
t.wait_text("< (not set) >")
t.keys("Enter", "Down", "Enter")  # the artifact list: the second kind
t.wait_text("< Code from S3 >")
t.keys("Tab", "Enter", "Enter")
t.wait_text("< Amazon S3 >")
t.keys("Tab")
t.type("my-bucket")
t.keys("Tab")
t.type("agent/code.zip")
t.keys("Tab", "Enter", "Enter", "Tab", "Enter")
t.wait_text("Entry point part 1")
t.type("main.py")
t.keys("PageDown")
t.wait_text("Execution role")
t.type("arn:aws:iam::123456789012:role/R")
t.keys("PageDown")
t.wait_text("Network mode")
t.keys("Enter", "Enter")
t.wait_text("< PUBLIC >")
t.keys("PageDown")
t.wait_text("Inbound authorizer")
t.keys("Enter", "Enter")
t.wait_text("< Custom JWT >")
t.keys("Tab")
t.type("https://idp.example.com/.well-known/openid-configuration")
t.keys("Tab", "Enter")
t.wait_text("Audience 1")
t.type("my-api")
t.keys("Tab", "Tab", "Tab", "Tab", "Enter")
t.wait_text("Custom claim 1 (Esc")
t.type("department")
t.keys("Tab", "Enter", "Enter", "Tab", "Enter", "Enter", "Tab")
t.type("eng")
t.keys("Tab", "Enter", "Enter")
t.keys("Escape")
t.wait_text("Custom claim 1: department")
t.keys("PageDown")
t.wait_text("Headers of the caller")
out = os.path.join(t.tmp, "code.json")
t.keys("F2")
t.wait_text("Save to file:")
t.keys("C-u")
t.type(out)
t.keys("Enter")
t.wait_text("Saved to")
with open(out) as f:
    d = json.load(f)
code = d["agentRuntimeArtifact"]["codeConfiguration"]
check(code["code"] == {"s3": {"bucket": "my-bucket", "prefix": "agent/code.zip"}}, repr(d), t)
check(code["entryPoint"] == ["main.py"] and code.get("runtime"), repr(d), t)
jwt = d["authorizerConfiguration"]["customJWTAuthorizer"]
check(jwt["allowedAudience"] == ["my-api"], repr(d), t)
claim = jwt["customClaims"][0]
check(claim["inboundTokenClaimName"] == "department" and
      claim["authorizingClaimMatchValue"]["claimMatchValue"] == {"matchValueString": "eng"},
      repr(d), t)
r = subprocess.run([program(), "validate", out], capture_output=True, text=True)
check(r.returncode == 0, "validate refused the saved form: " + r.stdout + r.stderr, t)
try:
    import botocore.session
    from botocore.validate import ParamValidator
except ImportError:
    botocore = None
if botocore:
    model = botocore.session.get_session().get_service_model("bedrock-agentcore-control")
    shape = model.operation_model("CreateAgentRuntime").input_shape
    report = ParamValidator().validate(d, shape)
    check(not report.has_errors(), "botocore: " + report.generate_report(), t)
t.keys("F10")
t.wait_text("The form is complete")
t.keys("F10")
# the role R and the bucket are not in moto: the account checks of the fields
# left may have found it by now (their findings are kept per value), or not
t.wait(lambda s: "Create runtime 'code_agent' now?" in s or
       "The account checks found" in s, "the question before submitting")
t.keys("y")
s = t.wait_text("Press any key to return", timeout=30)
t.keys("Enter")
rts = world.moto.runtimes()
check(len(rts) == 1, "moto holds %d runtimes: %s" % (len(rts), s), t)
check(rts[0]["agent_runtime_artifact"] == d["agentRuntimeArtifact"], repr(rts[0]), t)
check(rts[0]["authorizer_configuration"] == d["authorizerConfiguration"], repr(rts[0]), t)
check(all(r["signed"] for r in world.proxy.log), "a request was not signed right", t)
t.keys("F12")
t.exit_code()
t.close()
print("ok: code artifact and JWT authorizer with a custom claim, submitted to moto")
