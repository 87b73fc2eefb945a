#!/usr/bin/env python3
"""Integration tests of submit, status, cli and config against moto on
loopback over HTTPS, every request's signature checked by botocore's signer
(tests/servers/harness.py). Exit 0 pass, 1 fail, 77 skip."""
import json
import os
import shlex
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "servers"))
import harness  # noqa: E402

harness.require_python_aws()
ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", "."), "src",
                                            "agentcore-wizard")
TOP = os.environ.get("top_srcdir", ".")
FORMS = os.path.join(TOP, "tests", "data", "valid")
results = {"passed": 0, "failed": 0, "skipped": []}


def run(args, env, timeout=60):
    # These tests count and inspect the control plane's requests: the account
    # checks submit runs first (tests/integration/checks.py) are skipped here.
    if args[:1] == ["submit"]:
        args = ["submit", "--no-check"] + args[1:]
    t0 = time.monotonic()
    p = subprocess.run([ACW] + args, env=env, capture_output=True, text=True, timeout=timeout)
    p.elapsed = time.monotonic() - t0
    return p


def check(name, cond, detail=""):
    if cond:
        results["passed"] += 1
        print(f"ok   {name}")
    else:
        results["failed"] += 1
        print(f"FAIL {name}\n     {detail}")


def part_skipped(reason, optional=False):
    """A part of this test that cannot run here says so; with CI=true it is a
    failure unless it is optional (docs/testing.md lists which are)."""
    print(f"SKIP (part of aws.py): {reason}")
    results["skipped"].append(reason)
    if os.environ.get("CI") == "true" and not optional:
        check(f"CI=true: every part runs ({reason})", False)


def form(name):
    return os.path.join(FORMS, name + ".json")


def stored(w):
    return w.moto.runtimes()


def same_request_fields(rt, f):
    want = json.load(open(f))
    return (rt["agent_runtime_name"] == want["agentRuntimeName"] and
            rt["agent_runtime_artifact"] == want["agentRuntimeArtifact"] and
            rt["role_arn"] == want["roleArn"] and
            rt["network_configuration"] == want["networkConfiguration"])


def fresh(w):
    w.moto.reset()
    w.proxy.clear()


def test_env_credentials(w):
    fresh(w)
    p = run(["submit", form("vpc")], w.keys_env())
    out = json.loads(p.stdout or "{}")
    rts = stored(w)
    check("env credentials: submit exits 0", p.returncode == 0, p.stderr)
    check("env credentials: response printed", "agentRuntimeId" in out, p.stdout)
    check("env credentials: runtime in moto with the form's values",
          len(rts) == 1 and same_request_fields(rts[0], form("vpc")), rts)
    check("env credentials: every request signed correctly (botocore)",
          w.proxy.log and all(r["signed"] for r in w.proxy.log), w.proxy.log)
    return out.get("agentRuntimeId")


def test_profile(w):
    fresh(w)
    cred = os.path.join(w.home, ".aws", "credentials")
    with open(cred, "w") as f:
        f.write(f"[dev]\naws_access_key_id = {w.AKID}\naws_secret_access_key = {w.SECRET}\n")
    p = run(["submit", form("code-s3")], w.env(AWS_PROFILE="dev"))
    check("profile credentials: submit exits 0", p.returncode == 0, p.stderr)
    check("profile credentials: runtime created", len(stored(w)) == 1)
    # --profile wins over the environment's keys (which are wrong here)
    p = run(["--profile", "dev", "config"], w.env(AWS_ACCESS_KEY_ID="AKIAWRONGWRONG00",
                                                   AWS_SECRET_ACCESS_KEY="nope"))
    check("--profile ignores credential variables", "profile dev in ~/.aws/credentials"
          in p.stdout and "AKID***MPLE" in p.stdout, p.stdout + p.stderr)
    check("config never prints the secret", w.SECRET not in p.stdout + p.stderr)
    os.unlink(cred)


def sts_credentials(w):
    import boto3
    sts = boto3.client("sts", endpoint_url=w.moto.url, region_name="us-east-1",
                       aws_access_key_id=w.AKID, aws_secret_access_key=w.SECRET)
    c = sts.get_session_token()["Credentials"]
    w.proxy.credentials[c["AccessKeyId"]] = (c["SecretAccessKey"], c["SessionToken"])
    return c


def test_session_token(w):
    fresh(w)
    c = sts_credentials(w)
    env = w.env(AWS_ACCESS_KEY_ID=c["AccessKeyId"], AWS_SECRET_ACCESS_KEY=c["SecretAccessKey"],
                AWS_SESSION_TOKEN=c["SessionToken"])
    p = run(["submit", form("minimal-container")], env)
    check("session token: submit exits 0 (token signed and checked)", p.returncode == 0,
          p.stderr + str(w.proxy.log))
    check("session token: the runtime is in moto", len(stored(w)) == 1, stored(w))
    w.proxy.clear()
    p = run(["submit", "--dry-run", form("minimal-container")], env)
    check("dry-run: exits 0", p.returncode == 0, p.stderr)
    check("dry-run: prints the signed request", "PUT " in p.stdout and "Authorization:" in
          p.stdout and "X-Amz-Security-Token: (redacted)" in p.stdout, p.stdout)
    check("dry-run: token and secret never printed", c["SessionToken"] not in p.stdout + p.stderr
          and c["SecretAccessKey"] not in p.stdout + p.stderr)
    check("dry-run: sends nothing (proxy log empty, moto holds only the earlier runtime)",
          w.proxy.log == [] and len(stored(w)) == 1, w.proxy.log)
    p = run(["submit", "--dry-run", "--debug", form("minimal-container")], env)
    check("dry-run --debug: canonical request and string to sign", "canonical request" in
          p.stderr and "AWS4-HMAC-SHA256" in p.stderr and c["SecretAccessKey"] not in p.stderr
          and c["SessionToken"] not in p.stdout + p.stderr,
          p.stderr)


def test_credential_process(w):
    fresh(w)
    script = os.path.join(w.dir, "creds.sh")
    exp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
    with open(script, "w") as f:
        f.write("#!/bin/sh\ncat <<EOF\n" + json.dumps({
            "Version": 1, "AccessKeyId": w.AKID, "SecretAccessKey": w.SECRET,
            "Expiration": exp}) + "\nEOF\n")
    os.chmod(script, 0o755)
    with open(os.path.join(w.home, ".aws", "config"), "w") as f:
        f.write(f"[profile proc]\ncredential_process = {script}\nregion = us-east-1\n"
                "[profile broken]\ncredential_process = sh -c 'echo boom >&2; exit 3'\n")
    p = run(["submit", form("minimal-container")], w.env(AWS_PROFILE="proc"))
    check("credential_process: submit exits 0", p.returncode == 0, p.stderr)
    p = run(["config"], w.env(AWS_PROFILE="proc"))
    check("credential_process: config names the source", "credential_process of profile proc"
          in p.stdout, p.stdout)
    p = run(["submit", form("minimal-container")], w.env(AWS_PROFILE="broken"))
    check("credential_process failing: exit 3 with its message", p.returncode == 3 and "boom"
          in p.stderr and "exit 3" in p.stderr, p.stderr)


def test_credential_refresh(w):
    """Temporary credentials are found again before they expire while --wait
    polls: a credential_process whose keys expire in two minutes is run again
    before each request (botocore's 10-minute window), one whose keys last an
    hour only once."""
    script = os.path.join(w.dir, "short-creds.py")
    count = os.path.join(w.dir, "short-creds.count")
    with open(script, "w") as f:
        f.write("import json, sys, time\n"
                f"p = {count!r}\n"
                "try:\n    n = int(open(p).read())\nexcept OSError:\n    n = 0\n"
                "open(p, 'w').write(str(n + 1))\n"
                "exp = time.strftime('%Y-%m-%dT%H:%M:%SZ', "
                "time.gmtime(time.time() + int(sys.argv[1])))\n"
                "print(json.dumps({'Version': 1, 'AccessKeyId': 'AKIDREFRESH%03d' % n, "
                f"'SecretAccessKey': {w.SECRET!r}, 'Expiration': exp}}))\n")
    for n in range(100):
        w.proxy.credentials["AKIDREFRESH%03d" % n] = (w.SECRET, None)
    with open(os.path.join(w.home, ".aws", "config"), "w") as f:
        f.write(f"[profile short]\ncredential_process = {sys.executable} {script} 120\n"
                f"[profile long]\ncredential_process = {sys.executable} {script} 3600\n")
    try:
        for profile, renewed in (("short", True), ("long", False)):
            fresh(w)
            if os.path.exists(count):
                os.unlink(count)
            w.moto.ready_after(3)
            p = run(["submit", "--wait", form("minimal-container")],
                    w.env(AWS_PROFILE=profile))
            runs = int(open(count).read()) if os.path.exists(count) else 0
            keys = [r["akid"] for r in w.proxy.log]
            gets = [r for r in w.proxy.log if r["method"] == "GET"]
            if renewed:
                check("credentials expiring in 2 min: found again before every request "
                      "of submit --wait, each signed with the new keys",
                      p.returncode == 0 and len(gets) >= 2 and runs == 1 + len(w.proxy.log)
                      and len(set(keys)) == len(keys) and all(r["signed"] for r in w.proxy.log),
                      f"exit {p.returncode}, {runs} runs, {keys} {p.stderr}")
            else:
                check("credentials lasting an hour: credential_process run once for the "
                      "whole submit --wait", p.returncode == 0 and len(gets) >= 2 and
                      runs == 1 and set(keys) == {"AKIDREFRESH000"},
                      f"exit {p.returncode}, {runs} runs, {keys} {p.stderr}")
    finally:
        os.unlink(os.path.join(w.home, ".aws", "config"))


def test_container_credentials(w):
    """ECS/CodeBuild/EKS: credentials from the container endpoint, with its
    authorization token, when nothing else is configured."""
    import http.server
    import threading
    fresh(w)
    c = sts_credentials(w)
    exp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
    seen = []

    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            seen.append((self.path, self.headers.get("Authorization")))
            if self.headers.get("Authorization") != "container-token-123":
                self.send_response(401)
                self.end_headers()
                return
            body = json.dumps({"AccessKeyId": c["AccessKeyId"],
                               "SecretAccessKey": c["SecretAccessKey"],
                               "Token": c["SessionToken"], "Expiration": exp}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with open(os.path.join(w.home, ".aws", "config"), "w") as f:
            f.write("[default]\nregion = us-east-1\n")
        token_file = os.path.join(w.dir, "container-token")
        with open(token_file, "w") as f:
            f.write("container-token-123\n")
        uri = "http://127.0.0.1:%d/v2/credentials/abc" % srv.server_address[1]
        env = w.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=uri,
                    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=token_file)
        p = run(["submit", form("minimal-container")], env)
        check("container credentials: submit exits 0 (signed with them, token checked)",
              p.returncode == 0 and len(stored(w)) == 1 and
              seen[-1] == ("/v2/credentials/abc", "container-token-123"),
              p.stderr + repr(seen))
        p = run(["config"], env)
        check("container credentials: config names the source, no secret shown",
              "container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)" in p.stdout and
              c["SecretAccessKey"] not in p.stdout + p.stderr and
              c["SessionToken"] not in p.stdout + p.stderr, p.stdout + p.stderr)
        p = run(["submit", form("minimal-container")],
                w.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=uri,
                      AWS_CONTAINER_AUTHORIZATION_TOKEN="wrong"))
        check("container credentials refused (401): exit 3, says where it asked",
              p.returncode == 3 and "answered HTTP 401" in p.stderr and uri in p.stderr,
              p.stderr)
        p = run(["submit", form("minimal-container")],
                w.env(AWS_CONTAINER_CREDENTIALS_FULL_URI="http://192.0.2.1/creds"))
        check("container credentials over plain HTTP to another host: refused, exit 3",
              p.returncode == 3 and "must be an HTTPS URL" in p.stderr, p.stderr)
        p = run(["submit", form("minimal-container")],
                w.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=uri, AWS_ACCESS_KEY_ID=w.AKID,
                      AWS_SECRET_ACCESS_KEY=w.SECRET))
        check("environment keys come before the container provider (not asked)",
              p.returncode == 0 and len(seen) == 3, repr(seen))
    finally:
        srv.shutdown()
        os.unlink(os.path.join(w.home, ".aws", "config"))


def test_assume_role(w):
    fresh(w)
    with open(os.path.join(w.home, ".aws", "config"), "w") as f:
        f.write(f"[profile base]\naws_access_key_id = {w.AKID}\n"
                f"aws_secret_access_key = {w.SECRET}\n"
                "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/Deployer\n"
                "source_profile = base\nrole_session_name = ci\nexternal_id = ext-1\n"
                "duration_seconds = 1800\n"
                f"[profile keysandrole]\naws_access_key_id = {w.AKID}\n"
                f"aws_secret_access_key = {w.SECRET}\n"
                "role_arn = arn:aws:iam::123456789012:role/NotThisOne\nsource_profile = base\n"
                "[profile outer]\nrole_arn = arn:aws:iam::123456789012:role/Outer\n"
                "source_profile = keysandrole\n")
    p = run(["submit", form("minimal-container")], w.env(AWS_PROFILE="deploy"))
    check("AssumeRole: submit exits 0", p.returncode == 0, p.stderr + str(w.proxy.log))
    check("AssumeRole: STS call then the create, both signed", len(w.proxy.log) == 2 and
          all(r["signed"] for r in w.proxy.log), w.proxy.log)
    sts = w.proxy.log[0].get("params") or {}
    check("AssumeRole: RoleArn, RoleSessionName, ExternalId and DurationSeconds reach STS",
          sts.get("Action") == "AssumeRole" and
          sts.get("RoleArn") == "arn:aws:iam::123456789012:role/Deployer" and
          sts.get("RoleSessionName") == "ci" and sts.get("ExternalId") == "ext-1" and
          sts.get("DurationSeconds") == "1800", sts)
    # a source profile with keys and a role of its own lends its keys (botocore)
    fresh(w)
    p = run(["submit", form("minimal-container")], w.env(AWS_PROFILE="outer"))
    roles = [(r.get("params") or {}).get("RoleArn") for r in w.proxy.log if r["path"] == "/"]
    check("AssumeRole from a source profile with keys and a role: one AssumeRole, of Outer",
          p.returncode == 0 and roles == ["arn:aws:iam::123456789012:role/Outer"] and
          len(stored(w)) == 1, p.stderr + str(w.proxy.log))
    fresh(w)
    # the service-specific endpoint variables, as the AWS CLI reads them
    fresh(w)
    p = run(["submit", form("minimal-container")],
            w.env(AWS_PROFILE="deploy", AWS_ENDPOINT_URL="https://127.0.0.1:9",
                  AWS_ENDPOINT_URL_STS=w.proxy.url,
                  AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=w.proxy.url))
    check("AssumeRole via AWS_ENDPOINT_URL_STS and _BEDROCK_AGENTCORE_CONTROL: exit 0, "
          "STS then create, both signed, one runtime",
          p.returncode == 0 and [(r["method"], r["signed"]) for r in w.proxy.log] ==
          [("POST", True), ("PUT", True)] and len(stored(w)) == 1,
          p.stderr + str(w.proxy.log))
    p = run(["config"], w.env(AWS_PROFILE="deploy"))
    check("AssumeRole: config names the role", "role arn:aws:iam::123456789012:role/Deployer"
          in p.stdout, p.stdout)


def build_wipecheck(w):
    """tests/integration/wipecheck.c as a preloadable library, or None."""
    import shutil
    src = os.path.join(TOP, "tests", "integration", "wipecheck.c")
    cc = next((c for c in (os.environ.get("CC"), "cc", "gcc", "clang")
               if c and shutil.which(c.split()[0])), None)
    so = os.path.join(w.dir, "wipecheck.so")
    if not cc or not os.path.exists(src) or subprocess.run(
            cc.split() + ["-shared", "-fPIC", "-O1", "-o", so, src],
            capture_output=True).returncode != 0:
        return None
    return so


def run_wipecheck(so, w, args, env, markers):
    """Run with the wipe check preloaded: (process, findings, frees seen)."""
    out = os.path.join(w.dir, "wipecheck.out")
    if os.path.exists(out):
        os.unlink(out)
    env = dict(env, LD_PRELOAD=so, ACW_WIPECHECK_MARKERS=",".join(markers),
               ACW_WIPECHECK_OUT=out)
    p = run(args, env)
    lines = open(out).read().splitlines() if os.path.exists(out) else []
    frees = sum(int(ln.split()[1]) for ln in lines if ln.startswith("frees "))
    return p, [ln for ln in lines if not ln.startswith("frees ")], frees


def test_secrets_wiped(w):
    """No secret is left in memory the program frees or outgrows: header
    lists, the lines handed to libcurl, the canonical request, credential_process
    output, STS answers, the web identity token (tests/integration/wipecheck.c)."""
    so = build_wipecheck(w)
    if not so:
        part_skipped("no C compiler for tests/integration/wipecheck.c: secrets in freed "
                     "memory are not looked for")
        return
    fresh(w)
    c = sts_credentials(w)
    env = w.env(AWS_ACCESS_KEY_ID=c["AccessKeyId"], AWS_SECRET_ACCESS_KEY=c["SecretAccessKey"],
                AWS_SESSION_TOKEN=c["SessionToken"])
    w.moto.ready_after(1)
    p, found, frees = run_wipecheck(so, w, ["submit", "--wait", form("minimal-container")],
                                    env, [c["SessionToken"], c["SecretAccessKey"]])
    if "does not come first" in p.stderr or frees == 0:
        part_skipped("the program brings its own allocator (a sanitizer build): secrets in "
                     "freed memory are looked for in the plain build only", optional=True)
        return
    check("session token: submit --wait leaves no copy of the token or the secret",
          p.returncode == 0 and found == [], f"{found} exit {p.returncode} {p.stderr}")
    p, found, _ = run_wipecheck(so, w, ["submit", "--dry-run", "--debug",
                                        form("minimal-container")],
                                env, [c["SessionToken"], c["SecretAccessKey"]])
    check("--dry-run --debug (the trace holds the token): no copy left",
          p.returncode == 0 and found == [], f"{found} {p.stderr}")
    # credential_process output read in many pieces, so that its buffer grows
    script = os.path.join(w.dir, "chunky-creds.py")
    token = "IQoJb3JpZ2luX2VjEWIPEPROCESSTOKEN" + "x" * 900
    w.proxy.credentials["ASIAWIPEPROCESS00001"] = ("wipe/process/secret/0123456789", token)
    with open(script, "w") as f:
        f.write("import json, sys, time\n"
                "doc = json.dumps({'Version': 1, 'AccessKeyId': 'ASIAWIPEPROCESS00001', "
                "'SecretAccessKey': 'wipe/process/secret/0123456789', "
                f"'SessionToken': {token!r}}}, indent=64 * 8)\n"
                "for i in range(0, len(doc), 700):\n"
                "    sys.stdout.write(doc[i:i + 700]); sys.stdout.flush(); time.sleep(0.002)\n")
    base = f"[profile base]\naws_access_key_id = {w.AKID}\naws_secret_access_key = {w.SECRET}\n"
    with open(os.path.join(w.home, ".aws", "config"), "w") as f:
        f.write(f"[profile chunky]\ncredential_process = {sys.executable} {script}\n" + base +
                "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/Deployer\n"
                "source_profile = base\n")
    try:
        fresh(w)
        p, found, _ = run_wipecheck(so, w, ["submit", form("minimal-container")],
                                    w.env(AWS_PROFILE="chunky"),
                                    [token, "wipe/process/secret/0123456789"])
        check("credential_process output in pieces: no copy of its token or secret left",
              p.returncode == 0 and found == [], f"{found} {p.stderr}")
        # moto's STS tokens all begin so
        fresh(w)
        p, found, _ = run_wipecheck(so, w, ["submit", form("minimal-container")],
                                    w.env(AWS_PROFILE="role"), ["FQoGZXIvYXdzEBYaD"])
        check("AssumeRole: no copy of the token STS answered left",
              p.returncode == 0 and found == [] and len(w.proxy.log) == 2,
              f"{found} {p.stderr}")
        fresh(w)
        tokfile = os.path.join(w.dir, "web-token")
        webtoken = "eyJhbGciOiJSUzI1NiJ9.WEBIDENTITYTOKEN" + "y" * 1500
        with open(tokfile, "w") as f:
            f.write(webtoken + "\n")
        p, found, _ = run_wipecheck(
            so, w, ["submit", form("minimal-container")],
            w.env(AWS_WEB_IDENTITY_TOKEN_FILE=tokfile,
                  AWS_ROLE_ARN="arn:aws:iam::123456789012:role/WebDeployer"),
            [webtoken[:200], "FQoGZXIvYXdzEBYaD"])
        check("AssumeRoleWithWebIdentity (unsigned, as STS takes it): runtime created, no "
              "copy of the web identity token or of STS's token left",
              p.returncode == 0 and found == [] and
              [(r["path"], r["signed"]) for r in w.proxy.log] == [("/", None),
                                                                 ("/runtimes/", True)] and
              w.proxy.log[0]["params"].get("WebIdentityToken") == "(not logged)",
              f"{found} {p.stderr} {w.proxy.log}")
    finally:
        os.unlink(os.path.join(w.home, ".aws", "config"))


def test_wrong_secret(w):
    fresh(w)
    p = run(["submit", form("minimal-container")],
            w.env(AWS_ACCESS_KEY_ID=w.AKID, AWS_SECRET_ACCESS_KEY="not-the-secret"))
    check("wrong secret: exit 4", p.returncode == 4, p.stderr)
    check("wrong secret: the service's error code and request id shown",
          "InvalidSignatureException" in p.stderr and "request id" in p.stderr, p.stderr)
    check("wrong secret: nothing created", stored(w) == [])
    check("wrong secret: not retried", len(w.proxy.log) == 1, w.proxy.log)


def test_retries(w):
    fresh(w)
    w.proxy.inject("throttle", "unavailable")
    p = run(["submit", form("minimal-container")], w.keys_env())
    tokens = {r["clientToken"] for r in w.proxy.log}
    check("throttling then 503: exit 0", p.returncode == 0, p.stderr)
    check("throttling then 503: three attempts, one clientToken",
          len(w.proxy.log) == 3 and len(tokens) == 1 and None not in tokens, w.proxy.log)
    check("throttling then 503: exactly one runtime", len(stored(w)) == 1)
    check("throttling then 503: retries reported", "ThrottlingException" in p.stderr, p.stderr)
    fresh(w)
    w.proxy.inject("drop")
    p = run(["submit", form("minimal-container")], w.keys_env())
    tokens = {r["clientToken"] for r in w.proxy.log}
    check("lost answer: exit 0 after a retry", p.returncode == 0, p.stderr)
    check("lost answer: the retry carried the same clientToken",
          len(w.proxy.log) == 2 and len(tokens) == 1, w.proxy.log)
    check("lost answer: exactly one runtime", len(stored(w)) == 1, stored(w))
    fresh(w)
    w.proxy.inject("drop", "drop")
    p = run(["submit", form("minimal-container")], w.keys_env())
    tokens = {r["clientToken"] for r in w.proxy.log}
    check("two lost answers: exit 0 at the third attempt, one clientToken, one runtime",
          p.returncode == 0 and len(w.proxy.log) == 3 and len(tokens) == 1 and
          None not in tokens and len(stored(w)) == 1, f"{p.stderr} {w.proxy.log} {stored(w)}")
    check("two lost answers: the same runtime printed as the first attempt created",
          p.returncode == 0 and
          json.loads(p.stdout)["agentRuntimeId"] == stored(w)[0]["agent_runtime_id"],
          p.stdout)
    fresh(w)
    w.proxy.inject("throttle", "throttle", "throttle")
    p = run(["submit", form("minimal-container")], w.keys_env(AWS_MAX_ATTEMPTS="2"))
    check("AWS_MAX_ATTEMPTS=2: gives up after two, exit 4",
          p.returncode == 4 and len(w.proxy.log) == 2 and stored(w) == [], p.stderr)
    fresh(w)
    w.proxy.inject("xmlerror")
    p = run(["submit", form("minimal-container")], w.keys_env())
    check("an XML error body: its Code and Message (entities decoded), exit 4, not retried",
          p.returncode == 4 and "AccessDenied (HTTP 403): User is not authorized & was denied"
          in p.stderr and len(w.proxy.log) == 1, p.stderr)
    fresh(w)
    w.proxy.inject("garbled")
    p = run(["submit", form("minimal-container")], w.keys_env())
    check("a success answer that is not JSON: exit 4, nothing of it on stdout, no "
          "terminal escape printed, and how to look for the runtime",
          p.returncode == 4 and p.stdout == "" and "\x1b" not in p.stderr and
          "not JSON" in p.stderr and "list-agent-runtimes" in p.stderr, repr(p.stderr))
    fresh(w)
    w.proxy.inject("validation")
    p = run(["submit", form("minimal-container")], w.keys_env())
    check("ValidationException: code, field list and request id shown, exit 4",
          p.returncode == 4 and "ValidationException (HTTP 400)" in p.stderr and
          "roleArn: role cannot be assumed" in p.stderr and "request id: req-" in p.stderr,
          p.stderr)


def test_wait_and_status(w):
    fresh(w)
    w.moto.ready_after(2)
    p = run(["submit", "--wait", form("minimal-container")], w.keys_env())
    check("submit --wait: exit 0 at READY", p.returncode == 0 and "is READY" in p.stderr,
          p.stderr)
    rid = json.loads(p.stdout)["agentRuntimeId"]
    check("submit --wait: polled with signed GETs", any(r["method"] == "GET" and r["signed"]
                                                        for r in w.proxy.log), w.proxy.log)
    check("submit --wait: the create and every poll over one kept connection (one TLS "
          "handshake, one CA bundle read)",
          len(w.proxy.log) >= 2 and len({r["peer"] for r in w.proxy.log}) == 1, w.proxy.log)
    p = run(["status", rid], w.keys_env())
    check("status: prints the runtime", p.returncode == 0 and
          json.loads(p.stdout)["status"] == "READY", p.stdout + p.stderr)
    p = run(["status", "--wait", rid], w.keys_env())
    check("status --wait on a READY runtime: exit 0", p.returncode == 0, p.stderr)
    fresh(w)
    w.moto.ready_after(2)
    p = run(["submit", form("vpc")], w.keys_env())
    rid = json.loads(p.stdout or "{}").get("agentRuntimeId", "")
    p = run(["status", rid], w.keys_env())
    check("status right after submit: CREATING", p.returncode == 0 and
          json.loads(p.stdout or "{}").get("status") == "CREATING", p.stdout + p.stderr)
    w.proxy.clear()
    p = run(["status", "--wait", rid], w.keys_env())
    gets = [r for r in w.proxy.log if r["method"] == "GET"]
    check("status --wait from CREATING: exit 0 at READY after several signed GETs",
          p.returncode == 0 and json.loads(p.stdout or "{}").get("status") == "READY" and
          len(gets) >= 2 and all(r["signed"] for r in gets) and p.elapsed < 30,
          f"{p.elapsed:.1f}s {p.stdout} {p.stderr} {w.proxy.log}")
    p = run(["status", "no_such_runtime-0123456789"], w.keys_env())
    check("status of an unknown runtime: exit 4 with the service's error",
          p.returncode == 4 and "ResourceNotFound" in p.stderr, p.stderr)
    p = run(["status", "../../etc"], w.keys_env())
    check("status with a malformed id: usage error", p.returncode == 2, p.stderr)


def test_failed_runtime(w):
    """A runtime that ends in a failed status: exit 5 and its failureReason.
    moto's never fail, so the proxy rewrites GetAgentRuntime's answers."""
    fresh(w)
    w.proxy.inject("failed")
    p = run(["submit", "--wait", form("minimal-container")], w.keys_env())
    check("submit --wait on a runtime that fails: exit 5 with its failureReason",
          p.returncode == 5 and w.proxy.FAILURE_REASON in p.stderr and
          "CREATE_FAILED" in p.stderr, f"exit {p.returncode}: {p.stderr}")
    rid = json.loads(p.stdout or "{}").get("agentRuntimeId", "")
    p = run(["status", "--wait", rid], w.keys_env())
    check("status --wait on a failed runtime: exit 5 with its failureReason",
          p.returncode == 5 and w.proxy.FAILURE_REASON in p.stderr, p.stderr)
    p = run(["status", rid], w.keys_env())
    check("status (no --wait) of a failed runtime: the answer printed, exit 5 (README)",
          p.returncode == 5 and json.loads(p.stdout or "{}").get("status") == "CREATE_FAILED"
          and w.proxy.FAILURE_REASON in p.stderr, p.stdout + p.stderr)
    w.proxy.clear()
    # a runtime being deleted will never be READY: the wait ends at once
    w.proxy.inject("deleting")
    p = run(["status", "--wait", rid], w.keys_env())
    check("status --wait on a runtime being deleted: exit 5 at once, saying why",
          p.returncode == 5 and "DELETING" in p.stderr and "deleted" in p.stderr and
          p.elapsed < 10, f"{p.elapsed:.1f}s exit {p.returncode}: {p.stderr}")
    p = run(["status", rid], w.keys_env())
    check("status (no --wait) of a runtime being deleted: printed, exit 0",
          p.returncode == 0 and json.loads(p.stdout or "{}").get("status") == "DELETING",
          p.stdout + p.stderr)
    w.proxy.clear()


def test_tls_and_network(w):
    other = harness.CA(os.path.join(w.dir, "other") if os.makedirs(
        os.path.join(w.dir, "other")) is None else None)
    p = run(["submit", form("minimal-container")], w.keys_env(AWS_CA_BUNDLE=other.cert))
    check("CA that does not match: exit 4 with a TLS error", p.returncode == 4 and
          ("TLS" in p.stderr or "certificate" in p.stderr), p.stderr)
    port = harness.free_port()
    p = run(["submit", "--cli-connect-timeout", "2", form("minimal-container")],
            w.keys_env(AWS_ENDPOINT_URL=f"https://127.0.0.1:{port}"))
    check("unreachable endpoint: exit 4, clear message, within the timeout",
          p.returncode == 4 and "could not connect" in p.stderr and p.elapsed < 10,
          f"{p.elapsed:.1f}s {p.stderr}")
    # A black hole: a listening socket whose backlog is full drops the SYN, so
    # connect() neither succeeds nor fails (192.0.2.1 fails at once here: no
    # route). Each attempt waits --cli-connect-timeout, then gives up clearly.
    import socket
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(0)
    filler = []
    try:
        for _ in range(3):
            c = socket.socket()
            c.setblocking(False)
            c.connect_ex(hole.getsockname())
            filler.append(c)
        url = "https://127.0.0.1:%d" % hole.getsockname()[1]
        p = run(["submit", "--cli-connect-timeout", "1", form("minimal-container")],
                w.keys_env(AWS_ENDPOINT_URL=url, AWS_MAX_ATTEMPTS="2"))
        check("black-hole endpoint: exit 4 after 2 attempts of 1 s each, saying it could "
              "not connect within the --cli-connect-timeout",
              p.returncode == 4 and 1.9 < p.elapsed < 4.5 and
              p.stderr.count("attempt 1 of 2 failed") == 1 and
              f"could not connect to {url}/runtimes/ within 1 s (--cli-connect-timeout)"
              in p.stderr, f"{p.elapsed:.1f}s {p.stderr}")
    finally:
        for c in filler:
            c.close()
        hole.close()


def test_configuration_errors(w):
    """What cannot work is said at once, exit 3, before anything is sent."""
    fresh(w)
    p = run(["config"], w.keys_env(AWS_USE_DUALSTACK_ENDPOINT="true", AWS_ENDPOINT_URL=None,
                                   AWS_REGION="us-isof-south-1"))
    check("config without an endpoint (dual-stack in us-isof-south-1): exit 3 with why",
          p.returncode == 3 and "dual-stack" in p.stdout, p.stdout + p.stderr)
    missing = os.path.join(w.dir, "no-such-ca.pem")
    for cmd in (["submit", form("minimal-container")], ["config"], ["status", "r-0123456789"]):
        p = run(cmd, w.keys_env(AWS_CA_BUNDLE=missing))
        check(f"{cmd[0]} with a missing CA bundle: exit 3 naming the file and AWS_CA_BUNDLE",
              p.returncode == 3 and missing in p.stderr and "AWS_CA_BUNDLE" in p.stderr and
              "TLS" not in p.stderr, p.stderr)
    p = run(["--ca-bundle", missing, "submit", form("minimal-container")], w.keys_env())
    check("--ca-bundle naming a missing file: exit 3 naming --ca-bundle",
          p.returncode == 3 and "--ca-bundle" in p.stderr, p.stderr)
    check("nothing was sent", w.proxy.log == [], w.proxy.log)


def test_proxy_refuses_connect(w):
    """An HTTPS proxy that answers CONNECT with 501: its answer is reported and
    the request is not retried (asking again gets the same answer)."""
    import socket
    import threading
    seen = []
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)

    def serve():
        while True:
            try:
                c, _ = srv.accept()
            except OSError:
                return
            seen.append(c.recv(4096).split(b"\r\n", 1)[0])
            c.sendall(b"HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n")
            c.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        p = run(["submit", form("minimal-container")],
                w.keys_env(https_proxy="http://127.0.0.1:%d" % srv.getsockname()[1],
                           AWS_ENDPOINT_URL="https://bedrock.example.com"))
        check("proxy refusing CONNECT: exit 4, its status reported, one attempt",
              p.returncode == 4 and "answered CONNECT with HTTP 501" in p.stderr and
              "closed before" not in p.stderr and "retrying" not in p.stderr and
              seen == [b"CONNECT bedrock.example.com:443 HTTP/1.1"], p.stderr + repr(seen))
    finally:
        srv.close()


def test_invalid_form(w):
    fresh(w)
    bad = os.path.join(TOP, "tests", "data", "invalid", "subnet-short.json")
    p = run(["submit", bad], w.keys_env())
    check("invalid form: exit 1, validate's messages, nothing sent",
          p.returncode == 1 and "subnets[1]" in p.stderr and w.proxy.log == [], p.stderr)
    p = run(["submit", form("minimal-container")], w.keys_env(AWS_REGION=None, AWS_DEFAULT_REGION=None))
    check("no region: exit 3 saying how to set one", p.returncode == 3 and "--region" in
          p.stderr, p.stderr)
    p = run(["submit", form("minimal-container")], w.env())
    check("no credentials: exit 3 saying how to set them", p.returncode == 3 and
          "AWS_ACCESS_KEY_ID" in p.stderr, p.stderr)


def test_stdout_full(w):
    """Issue 13, item 8: standard output that fails after the runtime was made
    must not lose it: its id and ARN go to standard error, exit 70."""
    if not os.access("/dev/full", os.W_OK):
        part_skipped("no /dev/full here: the lost standard output of submit is not checked")
        return
    for args in (["submit"], ["submit", "--wait"]):
        fresh(w)
        with open("/dev/full", "w") as full:
            p = subprocess.run([ACW] + args + [form("minimal-container")], env=w.keys_env(),
                               stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
        rts = stored(w)
        check(f"{' '.join(args)} >/dev/full: one runtime, exit 70, its id and ARN on stderr",
              p.returncode == 70 and len(rts) == 1 and
              rts[0]["agent_runtime_id"] in p.stderr and
              rts[0]["agent_runtime_arn"] in p.stderr and "write error" in p.stderr,
              f"exit {p.returncode}: {p.stderr}")


def test_cleartext_warning(w):
    """Issue 13, item 10: an http:// endpoint that is not loopback sends the
    session token in clear: the commands warn once on stderr, however many
    calls they make. 0.0.0.0 is not loopback by name, but connecting to it
    reaches moto's own plain HTTP port on this machine."""
    fresh(w)
    w.moto.ready_after(2)
    url = f"http://0.0.0.0:{w.moto.port}"
    env = w.keys_env(AWS_SESSION_TOKEN="FwoGZXIvYXdzECLEARTEXT", AWS_ENDPOINT_URL=url)
    p = run(["submit", "--wait", form("minimal-container")], env)
    check("http:// endpoint not on loopback: submit --wait (several calls) warns once on "
          "stderr, naming the endpoint",
          p.returncode == 0 and p.stderr.count("is not HTTPS") == 1 and url in p.stderr and
          "is not HTTPS" not in p.stdout, f"exit {p.returncode}: {p.stderr}")
    rid = json.loads(p.stdout or "{}").get("agentRuntimeId", "")
    p = run(["status", rid], env)
    check("http:// endpoint not on loopback: status warns once",
          p.returncode == 0 and p.stderr.count("is not HTTPS") == 1, p.stderr)
    p = run(["submit", form("minimal-container")],
            w.keys_env(AWS_ENDPOINT_URL=f"http://127.0.0.1:{w.moto.port}"))
    check("http:// endpoint on loopback: no warning",
          p.returncode == 0 and "is not HTTPS" not in p.stderr, p.stderr)


def test_same_as_aws_cli(w):
    import shutil
    if not shutil.which("aws"):
        part_skipped("no AWS CLI (aws): agentcore-wizard is not compared with it")
        return
    env = w.keys_env()
    keep = lambda r: {k: v for k, v in r.items() if k not in (  # noqa: E731
        "agent_runtime_arn", "agent_runtime_id", "created_at", "last_updated_at",
        "workload_identity_details", "status", "client_token")}
    for name in ("jwt-claims", "minimal-container", "vpc", "code-s3"):
        fresh(w)
        f = form(name)
        p = run(["submit", f], env)
        check(f"{name} form via agentcore-wizard", p.returncode == 0, p.stderr)
        a = subprocess.run(["aws", "bedrock-agentcore-control", "create-agent-runtime",
                            "--cli-input-json", "file://" + f, "--endpoint-url", w.proxy.url,
                            "--ca-bundle", w.ca.cert], env=env, capture_output=True, text=True)
        check(f"{name} form via the AWS CLI", a.returncode == 0, a.stderr)
        rts = stored(w)
        check(f"{name}: the AWS CLI and agentcore-wizard make the same runtime",
              len(rts) == 2 and keep(rts[0]) == keep(rts[1]) and
              same_request_fields(rts[0], f),
              json.dumps([keep(r) for r in rts], default=str)[:2000])
    fresh(w)
    p = run(["cli", form("vpc")], env)
    check("cli: prints an aws command with the region, endpoint and CA bundle in use",
          p.returncode == 0 and p.stdout.startswith(
              "aws bedrock-agentcore-control create-agent-runtime --cli-input-json '") and
          p.stdout.rstrip().endswith(f" --region 'us-east-1' --endpoint-url '{w.proxy.url}'"
                                     f" --ca-bundle '{w.ca.cert}'"), p.stdout)
    # pasted where none of the settings are in the environment, it reaches the same place
    bare = {k: v for k, v in env.items() if k not in ("AWS_ENDPOINT_URL", "AWS_CA_BUNDLE",
                                                       "AWS_REGION", "AWS_DEFAULT_REGION")}
    s = subprocess.run(["sh", "-c", p.stdout.strip()], env=bare, capture_output=True,
                       text=True)
    rts = stored(w)
    check("cli: the printed command, pasted alone, creates the same runtime",
          s.returncode == 0 and len(rts) == 1 and same_request_fields(rts[0], form("vpc")),
          s.stderr)
    fresh(w)
    big = os.path.join(FORMS, "maximal.json")
    p = run(["cli", big], env)
    word = "'file://" + os.path.realpath(big) + "'"
    check("cli of a form over 100 KiB: names the file as one word, says so on stderr",
          p.returncode == 0 and " --cli-input-json " + word + " " in p.stdout and
          "too long for one argument" in p.stderr and len(p.stdout) < 4096,
          p.stdout[:300] + p.stderr)
    s = subprocess.run(["sh", "-c", p.stdout.strip()], env=bare, capture_output=True,
                       text=True)
    check("cli of a form over 100 KiB: the pasted command runs (no 'Argument list too "
          "long') and creates the runtime", s.returncode == 0 and len(stored(w)) == 1,
          s.stderr[-500:])
    cred = os.path.join(w.home, ".aws", "credentials")
    with open(cred, "w") as f:
        f.write(f"[dev]\naws_access_key_id = {w.AKID}\naws_secret_access_key = {w.SECRET}\n")
    p = run(["--profile", "dev", "cli", form("vpc")], bare)
    check("cli with --profile: the command names the profile",
          p.returncode == 0 and " --profile 'dev'" in p.stdout and "--region" not in p.stdout,
          p.stdout + p.stderr)
    os.unlink(cred)


def main():
    with harness.World() as w:
        for t in (test_env_credentials, test_profile, test_session_token,
                  test_credential_process, test_credential_refresh, test_container_credentials,
                  test_assume_role, test_secrets_wiped,
                  test_wrong_secret, test_retries,
                  test_wait_and_status, test_failed_runtime, test_tls_and_network,
                  test_configuration_errors, test_proxy_refuses_connect, test_invalid_form,
                  test_stdout_full, test_cleartext_warning, test_same_as_aws_cli):
            try:
                t(w)
            except Exception as e:  # a crash in one test is a failure, not the end
                import traceback
                traceback.print_exc()
                check(t.__name__, False, repr(e))
    print(f"{results['passed']} passed, {results['failed']} failed" +
          (f", {len(results['skipped'])} parts skipped: " + "; ".join(results["skipped"])
           if results["skipped"] else ""))
    return 1 if results["failed"] else 0


sys.exit(main())
