#!/usr/bin/env python3
"""Checks the test harness itself (tests/servers/harness.py) with clients that
are not ours: the real AWS CLI and curl --aws-sigv4. If the signature-checking
proxy accepted bad signatures, refused good ones, or its fault injection did
not behave like a real service, the program's integration tests (aws.py)
would prove nothing. Exit 0 pass, 1 fail, 77 skip."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "servers"))
import harness  # noqa: E402

harness.require_python_aws()
if not shutil.which("aws"):
    harness.skip("the AWS CLI (aws) is not on PATH")
TOP = os.environ.get("top_srcdir", ".")
FORM = os.path.join(TOP, "tests", "data", "valid", "minimal-container.json")
results = {"passed": 0, "failed": 0}


def check(name, cond, detail=""):
    results["passed" if cond else "failed"] += 1
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f"\n     {detail}"))


def aws(w, env, *args):
    cmd = ["aws", "bedrock-agentcore-control", *args, "--endpoint-url", w.proxy.url,
           "--ca-bundle", w.ca.cert, "--output", "json"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)


def fresh(w):
    w.moto.reset()
    w.proxy.clear()


def test_cli_accepted(w):
    fresh(w)
    env = w.keys_env(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    p = aws(w, env, "create-agent-runtime", "--cli-input-json", "file://" + FORM)
    check("aws create through the proxy: exit 0", p.returncode == 0, p.stderr)
    rid = json.loads(p.stdout or "{}").get("agentRuntimeId", "")
    rts = w.moto.runtimes()
    check("aws create: exactly one runtime in moto with the form's name",
          len(rts) == 1 and rts[0]["agent_runtime_name"] ==
          json.load(open(FORM))["agentRuntimeName"], rts)
    p = aws(w, env, "get-agent-runtime", "--agent-runtime-id", rid)
    check("aws get (no body: moto's own check refuses it) passes the proxy",
          p.returncode == 0 and json.loads(p.stdout)["agentRuntimeId"] == rid, p.stderr)
    p = aws(w, env, "list-agent-runtimes")
    check("aws list passes the proxy", p.returncode == 0 and
          len(json.loads(p.stdout)["agentRuntimes"]) == 1, p.stderr)
    check("proxy: all three requests recorded as correctly signed",
          [(r["method"], r["signed"]) for r in w.proxy.log] ==
          [("PUT", True), ("GET", True), ("POST", True)], w.proxy.log)
    check("proxy: the create's clientToken (botocore's UUID) recorded",
          w.proxy.log and len(w.proxy.log[0]["clientToken"] or "") == 36, w.proxy.log)


def test_cli_rejected(w):
    fresh(w)
    env = w.env(AWS_ACCESS_KEY_ID=w.AKID, AWS_SECRET_ACCESS_KEY="a-deliberately-wrong-secret",
                AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                AWS_MAX_ATTEMPTS="1")
    p = aws(w, env, "create-agent-runtime", "--cli-input-json", "file://" + FORM)
    check("wrong secret: the AWS CLI fails with the proxy's 403",
          p.returncode != 0 and "InvalidSignatureException" in p.stderr and
          "signature does not match" in p.stderr, p.stderr)
    check("wrong secret: nothing reached moto", w.moto.runtimes() == [])
    check("wrong secret: recorded as unsigned", len(w.proxy.log) == 1 and
          not w.proxy.log[0]["signed"], w.proxy.log)
    fresh(w)
    p = aws(w, w.env(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null"),
            "list-agent-runtimes", "--no-sign-request")
    check("no Authorization at all: 403", p.returncode != 0 and
          "no SigV4 Authorization header" in p.stderr, p.stderr)
    fresh(w)
    env = w.env(AWS_ACCESS_KEY_ID="AKIAUNKNOWN000000000", AWS_SECRET_ACCESS_KEY=w.SECRET,
                AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    p = aws(w, env, "list-agent-runtimes")
    check("unknown access key: 403", p.returncode != 0 and "unknown access key" in p.stderr,
          p.stderr)


def test_session_token(w):
    import boto3
    fresh(w)
    sts = boto3.client("sts", endpoint_url=w.moto.url, region_name="us-east-1",
                       aws_access_key_id=w.AKID, aws_secret_access_key=w.SECRET)
    c = sts.get_session_token()["Credentials"]
    w.proxy.credentials[c["AccessKeyId"]] = (c["SecretAccessKey"], c["SessionToken"])
    base = dict(AWS_ACCESS_KEY_ID=c["AccessKeyId"], AWS_SECRET_ACCESS_KEY=c["SecretAccessKey"],
                AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    p = aws(w, w.env(AWS_SESSION_TOKEN=c["SessionToken"], **base), "list-agent-runtimes")
    check("session token from moto STS: accepted", p.returncode == 0, p.stderr)
    p = aws(w, w.env(AWS_SESSION_TOKEN="wrong" + c["SessionToken"], **base),
            "list-agent-runtimes")
    check("wrong session token (signature itself valid): 403", p.returncode != 0 and
          "security token" in p.stderr, p.stderr)
    p = aws(w, w.env(**base), "list-agent-runtimes")
    check("temporary key without its token: 403", p.returncode != 0, p.stderr)


def test_curl_tampered(w):
    fresh(w)
    body = os.path.join(w.dir, "body.json")
    with open(FORM) as f:
        doc = json.load(f)
    doc["clientToken"] = "selfcheck-0123456789abcdef0123456789"
    with open(body, "w") as f:
        json.dump(doc, f)
    base = ["curl", "-sS", "--cacert", w.ca.cert, "-o", "-", "-w", "\n%{http_code}",
            "--aws-sigv4", "aws:amz:us-east-1:bedrock-agentcore",
            "--user", f"{w.AKID}:{w.SECRET}", "-X", "PUT",
            "-H", "content-type: application/json", w.proxy.url + "/runtimes/"]
    p = subprocess.run(base + ["--data-binary", "@" + body], capture_output=True, text=True)
    check("curl --aws-sigv4 (a third signer): 202", p.stdout.endswith("\n202"), p.stdout)
    check("curl's signature recorded as valid", len(w.proxy.log) == 1 and
          w.proxy.log[0]["signed"], w.proxy.log)
    # Same headers and signature, another body: the payload hash must catch it.
    p = subprocess.run(base + ["--data-binary", "@" + body, "-v"], capture_output=True,
                       text=True)
    auth = [ln[2:] for ln in p.stderr.splitlines() if ln.lower().startswith("> authorization:")]
    date = [ln[2:] for ln in p.stderr.splitlines() if ln.lower().startswith("> x-amz-date:")]
    doc["agentRuntimeName"] = "tampered"
    w.moto.reset()
    w.proxy.clear()
    t = subprocess.run(["curl", "-sS", "--cacert", w.ca.cert, "-o", "-", "-w", "\n%{http_code}",
                        "-X", "PUT", "-H", "content-type: application/json",
                        "-H", auth[0] if auth else "Authorization: none",
                        "-H", date[0] if date else "X-Amz-Date: none",
                        "--data-binary", json.dumps(doc), w.proxy.url + "/runtimes/"],
                       capture_output=True, text=True)
    check("replayed signature with a changed body: 403, nothing created",
          t.stdout.endswith("\n403") and w.moto.runtimes() == [] and
          "signature does not match" in t.stdout, t.stdout + t.stderr)


def test_scope_checked(w):
    """A signature that is right but made for another service or region must
    be refused, or a client signing with the wrong name would pass."""
    body = os.path.join(w.dir, "scope.json")
    with open(body, "w") as f:
        doc = json.load(open(FORM))
        doc["clientToken"] = "selfcheck-scope-0123456789abcdef01234"
        json.dump(doc, f)

    def curl(scope, path, data, ctype):
        return subprocess.run(
            ["curl", "-sS", "--cacert", w.ca.cert, "-o", "-", "-w", "\n%{http_code}",
             "--aws-sigv4", scope, "--user", f"{w.AKID}:{w.SECRET}",
             "-X", "PUT" if path != "/" else "POST", "-H", "content-type: " + ctype,
             "--data-binary", data, w.proxy.url + path], capture_output=True, text=True)

    for scope, what in (("aws:amz:eu-north-9:not-the-service", "another region and service"),
                        ("aws:amz:us-east-1:not-the-service", "another service"),
                        ("aws:amz:eu-north-1:bedrock-agentcore", "another region"),
                        ("aws:amz:us-east-1:sts", "STS's name on the control plane")):
        fresh(w)
        p = curl(scope, "/runtimes/", "@" + body, "application/json")
        check(f"curl signing for {what}: 403 naming the expected scope, nothing created",
              p.stdout.endswith("\n403") and "us-east-1/bedrock-agentcore/aws4_request"
              in p.stdout and w.moto.runtimes() == [] and len(w.proxy.log) == 1 and
              not w.proxy.log[0]["signed"], p.stdout + p.stderr + str(w.proxy.log))
    form = "Action=GetCallerIdentity&Version=2011-06-15"
    fresh(w)
    p = curl("aws:amz:us-east-1:bedrock-agentcore", "/", form,
             "application/x-www-form-urlencoded")
    check("curl signing an STS call for the control plane's name: 403",
          p.stdout.endswith("\n403") and "us-east-1/sts/aws4_request" in p.stdout,
          p.stdout + p.stderr)
    fresh(w)
    p = curl("aws:amz:us-east-1:sts", "/", form, "application/x-www-form-urlencoded")
    check("curl signing an STS call for sts: accepted, its parameters logged",
          p.stdout.endswith("\n200") and w.proxy.log[0]["signed"] and
          w.proxy.log[0]["params"].get("Action") == "GetCallerIdentity",
          p.stdout + p.stderr + str(w.proxy.log))
    fresh(w)
    env = w.keys_env(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    a = subprocess.run(["aws", "sts", "get-caller-identity", "--endpoint-url", w.proxy.url,
                        "--ca-bundle", w.ca.cert, "--output", "json"], env=env,
                       capture_output=True, text=True, timeout=60)
    check("the AWS CLI's STS call (signed for sts in us-east-1) passes the proxy",
          a.returncode == 0 and [r["signed"] for r in w.proxy.log] == [True],
          a.stderr + str(w.proxy.log))
    a = aws(w, w.keys_env(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                          AWS_REGION="eu-west-1", AWS_DEFAULT_REGION="eu-west-1",
                          AWS_MAX_ATTEMPTS="1"), "list-agent-runtimes")
    check("the AWS CLI signing for another region: refused",
          a.returncode != 0 and "Credential should be scoped" in a.stderr, a.stderr)


def test_faults_with_cli(w):
    env = w.keys_env(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                     AWS_RETRY_MODE="standard", AWS_MAX_ATTEMPTS="3")
    fresh(w)
    w.proxy.inject("throttle", "unavailable")
    p = aws(w, env, "create-agent-runtime", "--cli-input-json", "file://" + FORM)
    tokens = {r["clientToken"] for r in w.proxy.log}
    check("429 then 503: the AWS CLI retries them (they look real to botocore) and succeeds",
          p.returncode == 0 and len(w.proxy.log) == 3 and len(tokens) == 1 and
          len(w.moto.runtimes()) == 1, p.stderr + str(w.proxy.log))
    fresh(w)
    w.proxy.inject("drop")
    p = aws(w, env, "create-agent-runtime", "--cli-input-json", "file://" + FORM)
    tokens = {r["clientToken"] for r in w.proxy.log}
    check("lost answer: the AWS CLI retries with the same clientToken; one runtime",
          p.returncode == 0 and len(w.proxy.log) == 2 and len(tokens) == 1 and
          len(w.moto.runtimes()) == 1, p.stderr + str(w.proxy.log))
    fresh(w)
    w.proxy.inject("throttle", "throttle", "throttle")
    p = aws(w, env, "create-agent-runtime", "--cli-input-json", "file://" + FORM)
    check("three 429s: the AWS CLI gives up with ThrottlingException, nothing created",
          p.returncode != 0 and "ThrottlingException" in p.stderr and
          w.moto.runtimes() == [], p.stderr)


def test_control_endpoint(w):
    fresh(w)
    ctl = ["curl", "-sS", "--cacert", w.ca.cert, "-o", "-", "-w", "\n%{http_code}"]
    p = subprocess.run(ctl + ["-d", '{"faults": ["throttle"]}', w.proxy.url + "/__proxy/inject"],
                       capture_output=True, text=True)
    check("control endpoint: inject answers 200", p.stdout.endswith("\n200"), p.stdout + p.stderr)
    env = w.keys_env(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                     AWS_MAX_ATTEMPTS="1")
    a = aws(w, env, "list-agent-runtimes")
    check("control endpoint: the injected 429 reaches the AWS CLI as ThrottlingException",
          a.returncode != 0 and "ThrottlingException" in a.stderr, a.stderr)
    p = subprocess.run(ctl[:-2] + [w.proxy.url + "/__proxy/log"], capture_output=True, text=True)
    log = json.loads(p.stdout or "[]")
    check("control endpoint: the log lists the signed request (control calls not logged)",
          [(r["method"], r["path"], r["signed"]) for r in log] == [("POST", "/runtimes/", True)],
          p.stdout)


def main():
    with harness.World() as w:
        for t in (test_cli_accepted, test_cli_rejected, test_session_token, test_curl_tampered,
                  test_scope_checked, test_faults_with_cli, test_control_endpoint):
            try:
                t(w)
            except Exception as e:
                import traceback
                traceback.print_exc()
                check(t.__name__, False, repr(e))
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


sys.exit(main())
