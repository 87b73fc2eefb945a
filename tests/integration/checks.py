#!/usr/bin/env python3
"""Integration tests of `check` and `create-role` against moto on loopback
over HTTPS, every request's signature checked by botocore for its own
service (S3's rules included; tests/servers/sigv4_proxy.py). The account is
seeded with boto3: a good role, a role trusting another service, a role
without ECR rights, an ECR repository with an arm64 index, an amd64-only
image and a missing tag, subnets in two VPCs and in an unsupported zone,
security groups, an S3 object with versions. What moto lacks is served by
the proxy: ECR's GetDownloadUrlForLayer and the config blob behind it (a
single-manifest image's architecture), and a local HTTPS server gives the
OpenID configuration of a Cognito-style discovery URL (moto serves none).
Exit 0 pass, 1 fail, 77 skip."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "servers"))
import harness  # noqa: E402

harness.require_python_aws()
ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", "."), "src",
                                            "agentcore-wizard")
ACCOUNT = "123456789012"
REGION = "us-east-1"
REGISTRY = f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com"
SVC = "bedrock-agentcore.amazonaws.com"
results = {"passed": 0, "failed": 0}


def check(name, cond, detail=""):
    if cond:
        results["passed"] += 1
        print(f"ok   {name}")
    else:
        results["failed"] += 1
        print(f"FAIL {name}\n     {detail}")


def run(args, env, timeout=60, stdin=None):
    t0 = time.monotonic()
    p = subprocess.run([ACW] + args, env=env, capture_output=True, text=True, timeout=timeout,
                       input=stdin)
    p.elapsed = time.monotonic() - t0
    return p


def trust(service=SVC, account=ACCOUNT, region=REGION):
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": account},
                      "ArnLike": {"aws:SourceArn":
                                  f"arn:aws:bedrock-agentcore:{region}:{account}:*"}}}]})


def permissions(ecr=True):
    st = [{"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream",
                                         "logs:PutLogEvents", "logs:DescribeLogStreams"],
           "Resource": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/bedrock-agentcore/"
                       "runtimes/*"},
          {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
           "Resource": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/bedrock-agentcore/"
                       "runtimes/*:log-stream:*"},
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::code-bkt/*"}]
    if ecr:
        st += [{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                "Resource": f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/*"},
               {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]
    return json.dumps({"Version": "2012-10-17", "Statement": st})


def index(platforms):
    return json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "digest": "sha256:" + hashlib.sha256(p.encode()).hexdigest(),
                       "size": 500, "platform": {"os": p.split("/")[0],
                                                 "architecture": p.split("/")[1]}}
                      for p in platforms] + [{
                          "mediaType": "application/vnd.oci.image.manifest.v1+json",
                          "digest": "sha256:" + "a" * 64, "size": 500,
                          "platform": {"os": "unknown", "architecture": "unknown"},
                          "annotations": {"vnd.docker.reference.type": "attestation-manifest"}}]})


CONFIG_AMD64 = json.dumps({"architecture": "amd64", "os": "linux"}).encode()
CONFIG_ARM64 = json.dumps({"architecture": "arm64", "os": "linux"}).encode()


def single(config):
    return json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                   "size": len(config), "digest": "sha256:" + hashlib.sha256(config).hexdigest()},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                    "size": 100, "digest": "sha256:" + hashlib.sha256(config + b"l").hexdigest()}]})


def seed(w):
    """The account as the tests expect it; returns what the forms need."""
    import boto3
    kw = dict(endpoint_url=w.moto.url, region_name=REGION, aws_access_key_id=w.AKID,
              aws_secret_access_key=w.SECRET)
    iam, ecr, ec2, s3 = (boto3.client(n, **kw) for n in ("iam", "ecr", "ec2", "s3"))
    iam.create_role(RoleName="GoodBedrockAgentCoreRole", AssumeRolePolicyDocument=trust())
    iam.put_role_policy(RoleName="GoodBedrockAgentCoreRole", PolicyName="run",
                        PolicyDocument=permissions())
    iam.create_role(RoleName="LambdaRole", AssumeRolePolicyDocument=trust("lambda.amazonaws.com"))
    iam.put_role_policy(RoleName="LambdaRole", PolicyName="run", PolicyDocument=permissions())
    iam.create_role(RoleName="NoEcrRole", AssumeRolePolicyDocument=trust())
    iam.put_role_policy(RoleName="NoEcrRole", PolicyName="logs",
                        PolicyDocument=permissions(ecr=False))
    # a Deny that covers the pull: never a guess, "could not check"
    deny = json.loads(permissions())
    deny["Statement"].append({"Effect": "Deny", "Action": "ecr:*", "Resource": "*"})
    iam.create_role(RoleName="DenyEcrRole", AssumeRolePolicyDocument=trust())
    iam.put_role_policy(RoleName="DenyEcrRole", PolicyName="run", PolicyDocument=json.dumps(deny))
    # a trust policy with the service in a list, conditions by pattern
    listed = json.loads(trust())
    listed["Statement"][0]["Principal"]["Service"] = ["lambda.amazonaws.com", SVC]
    listed["Statement"][0]["Condition"] = {"StringLike": {"aws:SourceAccount": "1234*"}}
    iam.create_role(RoleName="ListedTrustRole", AssumeRolePolicyDocument=json.dumps(listed))
    iam.put_role_policy(RoleName="ListedTrustRole", PolicyName="run",
                        PolicyDocument=permissions())
    # attached, not inline: read through GetPolicy and GetPolicyVersion
    arn = iam.create_policy(PolicyName="pull", PolicyDocument=permissions())["Policy"]["Arn"]
    iam.create_role(RoleName="AttachedRole", AssumeRolePolicyDocument=trust())
    iam.attach_role_policy(RoleName="AttachedRole", PolicyArn=arn)
    ecr.create_repository(repositoryName="agent")
    ecr.put_image(repositoryName="agent", imageTag="v1", imageManifest=index(["linux/arm64",
                                                                                "linux/amd64"]))
    ecr.put_image(repositoryName="agent", imageTag="x86", imageManifest=index(["linux/amd64"]))
    ecr.put_image(repositoryName="agent", imageTag="amd64", imageManifest=single(CONFIG_AMD64))
    ecr.put_image(repositoryName="agent", imageTag="arm", imageManifest=single(CONFIG_ARM64))
    ecr.put_image(repositoryName="agent", imageTag="latest",
                  imageManifest=index(["linux/arm64"]) + " ")
    for cfg in (CONFIG_AMD64, CONFIG_ARM64):
        w.proxy.blobs["sha256:" + hashlib.sha256(cfg).hexdigest()] = cfg
    digest = ecr.describe_images(repositoryName="agent", imageIds=[{"imageTag": "v1"}])[
        "imageDetails"][0]["imageDigest"]
    net = {}
    for name, cidr in (("a", "10.1.0.0/16"), ("b", "10.2.0.0/16")):
        vpc = ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
        net[name] = vpc
        net[name + "-sg"] = ec2.create_security_group(GroupName="sg-" + name, Description="t",
                                                      VpcId=vpc)["GroupId"]
    for key, vpc, cidr, zone in (("a1", "a", "10.1.1.0/24", "use1-az1"),
                                 ("a2", "a", "10.1.2.0/24", "use1-az2"),
                                 ("a3", "a", "10.1.3.0/24", "use1-az3"),
                                 ("b4", "b", "10.2.4.0/24", "use1-az4")):
        net[key] = ec2.create_subnet(VpcId=net[vpc], CidrBlock=cidr,
                                     AvailabilityZoneId=zone)["Subnet"]["SubnetId"]
    s3.create_bucket(Bucket="code-bkt")
    s3.put_bucket_versioning(Bucket="code-bkt", VersioningConfiguration={"Status": "Enabled"})
    v1 = s3.put_object(Bucket="code-bkt", Key="agent/code.zip", Body=b"PK v1")["VersionId"]
    s3.put_object(Bucket="code-bkt", Key="agent/code.zip", Body=b"PK version 2")
    return {"digest": digest, "net": net, "version": v1}


def form(tmp, name, role="GoodBedrockAgentCoreRole", image="agent:v1", code=None, net=None,
         jwt=None, runtime="good_agent"):
    doc = {"agentRuntimeName": runtime,
           "roleArn": f"arn:aws:iam::{ACCOUNT}:role/{role}" if ":" not in role else role,
           "networkConfiguration": {"networkMode": "PUBLIC"}}
    if code:
        doc["agentRuntimeArtifact"] = {"codeConfiguration": {
            "code": {"s3": code}, "runtime": "PYTHON_3_12", "entryPoint": ["main.py"]}}
    else:
        doc["agentRuntimeArtifact"] = {"containerConfiguration": {
            "containerUri": image if image.count(".") > 3 else f"{REGISTRY}/{image}"}}
    if net:
        doc["networkConfiguration"] = {"networkMode": "VPC", "networkModeConfig": net}
    if jwt:
        doc["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
    path = os.path.join(tmp, name + ".json")
    with open(path, "w") as f:
        json.dump(doc, f)
    return path


def findings(w, path, *extra):
    p = run(["check", "--json", *extra, path], w.keys_env())
    try:
        out = json.loads(p.stdout)
    except ValueError:
        out = []
    p.findings = out
    return p


def has(p, path, check_name, severity, words=""):
    return any(f["path"] == path and f["check"] == check_name and f["severity"] == severity
               and words in f["message"] for f in p.findings)


P_ROLE = "roleArn"


def test_role(w, tmp, s):
    w.proxy.clear()
    p = findings(w, form(tmp, "good"))
    check("good form: exit 0", p.returncode == 0, p.stdout + p.stderr)
    check("good form: identity first (account and caller ARN)",
          has(p, "", "identity", "ok", ACCOUNT) and has(p, "", "identity", "ok", "arn:aws:"),
          p.findings)
    check("good form: the role exists and trusts the service",
          has(p, P_ROLE, "role.trust", "ok", SVC), p.findings)
    check("good form: the role may pull from ECR", has(p, P_ROLE, "role.ecr", "ok"), p.findings)
    check("good form: no error", not any(f["severity"] == "error" for f in p.findings),
          p.findings)
    check("every request signed right for its own service (botocore, S3 rules too)",
          w.proxy.log and all(r["signed"] for r in w.proxy.log),
          [r for r in w.proxy.log if not r["signed"]])
    # one after the other, the requests would share one kept-alive connection
    check("the checks ran at once (requests on several connections)",
          len({r["peer"] for r in w.proxy.log}) > 1, w.proxy.log)
    p = findings(w, form(tmp, "lambda", role="LambdaRole"))
    check("role trusting another service: error on roleArn, exit 1",
          has(p, P_ROLE, "role.trust", "error", SVC) and p.returncode == 1, p.findings)
    p = findings(w, form(tmp, "noecr", role="NoEcrRole"))
    check("role without ECR rights: error naming the actions",
          has(p, P_ROLE, "role.ecr", "error", "ecr:BatchGetImage"), p.findings)
    check("role without ECR rights: logs still ok", has(p, P_ROLE, "role.logs", "ok"),
          p.findings)
    p = findings(w, form(tmp, "deny", role="DenyEcrRole"))
    check("a Deny on the pull: could not check, naming the statement, not an error",
          has(p, P_ROLE, "role.ecr", "could-not-check",
              "could not check whether the role's policies allow pulling the image from ECR: "
              "statement number") and p.returncode == 0, p.findings)
    p = findings(w, form(tmp, "listed", role="ListedTrustRole"))
    check("the service in a list of principals, StringLike on the account: trusted",
          has(p, P_ROLE, "role.trust", "ok", SVC) and p.returncode == 0, p.findings)
    p = findings(w, form(tmp, "attached", role="AttachedRole"))
    check("attached managed policy is read", has(p, P_ROLE, "role.ecr", "ok"), p.findings)
    p = findings(w, form(tmp, "missing", role="NoSuchRole"))
    check("missing role: error", has(p, P_ROLE, "role.exists", "error", "NoSuchRole"),
          p.findings)
    p = findings(w, form(tmp, "other", role="arn:aws:iam::999999999999:role/X"))
    check("role in another account: named as such",
          has(p, P_ROLE, "role.account", "warning", "999999999999"), p.findings)


P_IMAGE = "agentRuntimeArtifact.containerConfiguration.containerUri"
P_SUBNETS = "networkConfiguration.networkModeConfig.subnets"
P_GROUPS = "networkConfiguration.networkModeConfig.securityGroups"


def test_image(w, tmp, s):
    p = findings(w, form(tmp, "img-good"))
    check("image: arm64 index passes", has(p, P_IMAGE, "image.architecture", "ok",
                                           "linux/arm64"), p.findings)
    check("image: the tag exists", has(p, P_IMAGE, "image.exists", "ok", "v1"), p.findings)
    p = findings(w, form(tmp, "img-x86", image="agent:x86"))
    check("image: amd64-only index is an error", has(p, P_IMAGE, "image.architecture",
                                                      "error", "linux/amd64"), p.findings)
    p = findings(w, form(tmp, "img-single", image="agent:amd64"))
    check("image: amd64 single manifest, read from the config blob (served by the proxy: "
          "moto lacks GetDownloadUrlForLayer)",
          has(p, P_IMAGE, "image.architecture", "error", "linux/amd64"), p.findings)
    p = findings(w, form(tmp, "img-single-arm", image="agent:arm"))
    check("image: arm64 single manifest passes through its config blob",
          has(p, P_IMAGE, "image.architecture", "ok", "linux/arm64"), p.findings)
    p = findings(w, form(tmp, "img-missing", image="agent:nope"))
    check("image: a missing tag is an error", has(p, P_IMAGE, "image.exists", "error", "nope"),
          p.findings)
    p = findings(w, form(tmp, "img-repo", image="nothere:v1"))
    check("image: a missing repository is an error",
          has(p, P_IMAGE, "image.exists", "error", "nothere"), p.findings)
    p = findings(w, form(tmp, "img-latest", image="agent"))
    pin = [f for f in p.findings if f["check"] == "image.pin"]
    check("image: no tag (latest) is a warning offering the digest",
          pin and pin[0]["severity"] == "warning" and
          pin[0].get("suggestion", "").startswith(f"{REGISTRY}/agent@sha256:"), p.findings)
    check("image: a warning alone exits 0", p.returncode == 0, p.stdout + p.stderr)
    p = findings(w, form(tmp, "img-region",
                         image=f"{ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/agent:v1"))
    check("image: another Region is an error", has(p, P_IMAGE, "image.region", "error",
                                                    "eu-west-1"), p.findings)
    check("every request signed right (ECR included)",
          w.proxy.log and all(r["signed"] for r in w.proxy.log),
          [r for r in w.proxy.log if not r["signed"]])


def test_network(w, tmp, s):
    n = s["net"]
    p = findings(w, form(tmp, "net-good", net={"subnets": [n["a1"], n["a2"]],
                                               "securityGroups": [n["a-sg"]]}))
    check("network: good VPC has no error",
          not any(f["severity"] == "error" for f in p.findings) and p.returncode == 0,
          p.findings)
    check("network: subnets ok with supported zones",
          has(p, P_SUBNETS + "[0]", "network.subnet", "ok", "use1-az1"), p.findings)
    check("network: no NAT route nor endpoints is a warning naming what is missing",
          has(p, P_SUBNETS, "network.reach", "warning", "com.amazonaws.us-east-1.ecr.dkr"),
          p.findings)
    p = findings(w, form(tmp, "net-two", net={"subnets": [n["a1"], n["b4"]],
                                              "securityGroups": [n["a-sg"]]}))
    check("network: subnets in two VPCs is an error on the second",
          has(p, P_SUBNETS + "[1]", "network.vpc", "error", n["b"]), p.findings)
    p = findings(w, form(tmp, "net-zone", net={"subnets": [n["a1"], n["a3"]],
                                               "securityGroups": [n["a-sg"]]}))
    check("network: a subnet in an unsupported zone is an error",
          has(p, P_SUBNETS + "[1]", "network.zone", "error", "use1-az3"), p.findings)
    p = findings(w, form(tmp, "net-one", net={"subnets": [n["a1"]],
                                              "securityGroups": [n["b-sg"]]}))
    check("network: one zone is a warning", has(p, P_SUBNETS, "network.zones", "warning"),
          p.findings)
    check("network: a security group of another VPC is an error",
          has(p, P_GROUPS + "[0]", "network.vpc", "error"), p.findings)
    p = findings(w, form(tmp, "net-missing", net={"subnets": [n["a1"], "subnet-0000000000000000a"],
                                                  "securityGroups": ["sg-0000000000000000a"]}))
    check("network: a missing subnet and group are errors",
          has(p, P_SUBNETS + "[1]", "network.subnet", "error") and
          has(p, P_GROUPS + "[0]", "network.group", "error"), p.findings)


P_S3 = "agentRuntimeArtifact.codeConfiguration.code.s3"


def test_code(w, tmp, s):
    p = findings(w, form(tmp, "code-good", code={"bucket": "code-bkt", "prefix": "agent/code.zip",
                                                 "versionId": s["version"]}))
    check("code: the object version exists, 5 bytes",
          has(p, P_S3 + ".versionId", "code.exists", "ok", "5 bytes"), p.findings)
    check("code: the role may read it", has(p, P_ROLE, "role.s3", "ok"), p.findings)
    check("code: no error, exit 0", p.returncode == 0, p.findings)
    p = findings(w, form(tmp, "code-latest", code={"bucket": "code-bkt",
                                                   "prefix": "agent/code.zip"}))
    pin = [f for f in p.findings if f["check"] == "code.pin"]
    check("code: no versionId on a versioned bucket offers the current version",
          pin and pin[0]["severity"] == "warning" and pin[0].get("suggestion"), p.findings)
    p = findings(w, form(tmp, "code-missing", code={"bucket": "code-bkt",
                                                    "prefix": "agent/none.zip"}))
    check("code: a missing object is an error", has(p, P_S3 + ".prefix", "code.exists",
                                                    "error"), p.findings)
    p = findings(w, form(tmp, "code-nobucket", code={"bucket": "no-such-bkt",
                                                     "prefix": "agent/code.zip"}))
    check("code: a missing bucket is an error", has(p, P_S3 + ".bucket", "code.exists",
                                                    "error"), p.findings)
    check("every request signed right (S3's rules)",
          w.proxy.log and all(r["signed"] for r in w.proxy.log),
          [r for r in w.proxy.log if not r["signed"]])


def test_name(w, tmp):
    import boto3
    c = boto3.client("bedrock-agentcore-control", endpoint_url=w.moto.url, region_name=REGION,
                     aws_access_key_id=w.AKID, aws_secret_access_key=w.SECRET)
    c.create_agent_runtime(agentRuntimeName="taken_agent", roleArn=f"arn:aws:iam::{ACCOUNT}:role/x",
                           agentRuntimeArtifact={"containerConfiguration": {
                               "containerUri": f"{REGISTRY}/agent:v1"}},
                           networkConfiguration={"networkMode": "PUBLIC"})
    p = findings(w, form(tmp, "name-taken", runtime="taken_agent"))
    check("name: a runtime of that name is an error", has(p, "agentRuntimeName", "name.unique",
                                                          "error", "taken_agent"), p.findings)
    p = findings(w, form(tmp, "name-free", runtime="free_agent"))
    check("name: a free name is ok", has(p, "agentRuntimeName", "name.unique", "ok"), p.findings)


class OpenID:
    """A loopback HTTPS server with an OpenID configuration (moto serves none)."""

    def __init__(self, ca):
        import http.server
        import ssl
        import threading
        me = self

        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                doc = json.dumps({"issuer": me.url + "/pool",
                                  "jwks_uri": me.url + "/pool/jwks.json"}).encode()
                ok = self.path == "/pool/.well-known/openid-configuration"
                self.send_response(200 if ok else 404)
                self.send_header("Content-Length", str(len(doc) if ok else 0))
                self.end_headers()
                if ok:
                    self.wfile.write(doc)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(ca.server_cert, ca.server_key)
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


P_JWT = "authorizerConfiguration.customJWTAuthorizer"


def test_authorizer(w, tmp):
    o = OpenID(w.ca)
    try:
        good = o.url + "/pool/.well-known/openid-configuration"
        p = findings(w, form(tmp, "jwt-good", jwt={"discoveryUrl": good,
                                                   "allowedClients": ["abc"]}))
        check("authorizer: the discovery URL answers an OpenID configuration",
              has(p, P_JWT + ".discoveryUrl", "authorizer.discovery", "ok", "issuer"), p.findings)
        p = findings(w, form(tmp, "jwt-bad", jwt={"discoveryUrl": o.url + "/other/.well-known/"
                                                  "openid-configuration",
                                                  "allowedClients": ["abc"]}))
        check("authorizer: a URL that answers 404 is a warning",
              has(p, P_JWT + ".discoveryUrl", "authorizer.discovery", "warning", "404"),
              p.findings)
    finally:
        o.stop()
    cog = ("https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_Abc123/.well-known/"
           "openid-configuration")
    p = findings(w, form(tmp, "jwt-cognito", jwt={"discoveryUrl": cog, "allowedAudience": ["x"]}),
                 "--cli-connect-timeout", "2")
    check("authorizer: Cognito URL Region differs from the pool's: error",
          has(p, P_JWT + ".discoveryUrl", "authorizer.region", "error", "eu-west-1"), p.findings)
    check("authorizer: a discovery URL that does not answer: could not check, not a warning",
          has(p, P_JWT + ".discoveryUrl", "authorizer.discovery", "could-not-check",
              "could not fetch"), p.findings)
    check("authorizer: only allowedAudience with Cognito: warning",
          has(p, P_JWT + ".allowedAudience", "authorizer.audience", "warning", "client_id"),
          p.findings)
    p = findings(w, form(tmp, "jwt-cognito-upper", jwt={"discoveryUrl": cog.replace(
        "cognito-idp.us-east-1.amazonaws.com", "COGNITO-IDP.US-EAST-1.AmazonAWS.com"),
        "allowedClients": ["x"]}), "--cli-connect-timeout", "2")
    check("authorizer: a Cognito host in capitals is judged too (Region differs: error)",
          has(p, P_JWT + ".discoveryUrl", "authorizer.region", "error", "eu-west-1"), p.findings)


def test_create_role(w, tmp):
    import boto3
    iam = boto3.client("iam", endpoint_url=w.moto.url, region_name=REGION,
                       aws_access_key_id=w.AKID, aws_secret_access_key=w.SECRET)
    f = form(tmp, "for-role", role="Placeholder", runtime="made_agent")
    p = run(["create-role", "--dry-run", f], w.keys_env())
    check("create-role --dry-run: exit 0, prints both documents",
          p.returncode == 0 and "Trust policy" in p.stdout and
          f'"aws:SourceAccount": "{ACCOUNT}"' in p.stdout and
          f"arn:aws:bedrock-agentcore:{REGION}:{ACCOUNT}:*" in p.stdout and
          f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/agent" in p.stdout and
          "runtimes/made_agent*" in p.stdout, p.stdout + p.stderr)
    check("create-role --dry-run: the name contains BedrockAgentCore",
          "AmazonBedrockAgentCoreRuntime-made_agent" in p.stdout, p.stdout)
    check("create-role --dry-run: nothing created",
          not any(r["RoleName"].startswith("AmazonBedrockAgentCore")
                  for r in iam.list_roles()["Roles"]))
    p = run(["create-role", f], w.keys_env(), stdin="")
    check("create-role without a terminal nor --yes: refused (2)", p.returncode == 2,
          p.stdout + p.stderr)
    p = run(["create-role", "--name", "PlainRole", "--dry-run", f], w.keys_env())
    check("create-role --name without BedrockAgentCore: refused (2)", p.returncode == 2,
          p.stderr)
    p = run(["create-role", "--yes", f], w.keys_env())
    arn = p.stdout.strip()
    check("create-role --yes: prints the new ARN",
          p.returncode == 0 and arn == f"arn:aws:iam::{ACCOUNT}:role/"
          "AmazonBedrockAgentCoreRuntime-made_agent", p.stdout + p.stderr)
    names = iam.list_role_policies(RoleName="AmazonBedrockAgentCoreRuntime-made_agent")
    check("create-role: CreateRole and PutRolePolicy reached IAM",
          names["PolicyNames"] == ["BedrockAgentCoreRuntimeExecutionPolicy-made_agent"], names)
    p = findings(w, form(tmp, "with-made", role=arn, runtime="made_agent"))
    check("the created role passes check (trust, ECR, logs)",
          has(p, P_ROLE, "role.trust", "ok") and has(p, P_ROLE, "role.ecr", "ok") and
          has(p, P_ROLE, "role.logs", "ok"), p.findings)
    p = run(["create-role", "--yes", f], w.keys_env())
    check("create-role again: EntityAlreadyExists said, exit 4",
          p.returncode == 4 and "exists already" in p.stderr, p.stderr)
    # Ctrl-C while IAM does not answer: a listening socket that never replies
    # (no server could be slower); the command stops at once, exit 6.
    import signal
    import socket
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    url = "http://127.0.0.1:%d" % silent.getsockname()[1]
    pr = subprocess.Popen([ACW, "create-role", "--yes", "--name", "SlowBedrockAgentCoreRole", f],
                          env=w.keys_env(AWS_ENDPOINT_URL_IAM=url), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    t0 = time.monotonic()
    pr.send_signal(signal.SIGINT)
    try:
        out, err = pr.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        pr.kill()
        out, err = pr.communicate()
    took = time.monotonic() - t0
    silent.close()
    check("create-role: Ctrl-C while IAM is silent stops it within a second, exit 6",
          pr.returncode == 6 and took < 1.0, f"rc={pr.returncode} {took:.2f}s {err}")


def test_pick(w, tmp, s):
    """The pick lists' data (src/aws/pick.h) through tests/integration/picklist.c."""
    exe = os.path.join(os.environ.get("top_builddir", "."), "tests", "integration", "picklist")
    if not os.path.exists(exe):
        check("picklist driver built", False, exe)
        return

    def load(*args):
        p = subprocess.run([exe, *args], env=w.keys_env(), capture_output=True, text=True,
                           timeout=60)
        return p, [json.loads(line) for line in p.stdout.splitlines() if line.strip()]

    p, roles = load("roles")
    byname = {r["label"]: r for r in roles}
    check("pick roles: every role, the trusting ones marked",
          p.returncode == 0 and byname.get("GoodBedrockAgentCoreRole", {}).get("marked") and
          not byname.get("LambdaRole", {"marked": True})["marked"], p.stderr + str(roles))
    p, repos = load("repositories")
    check("pick repositories", any(r["label"] == "agent" for r in repos), p.stderr + str(repos))
    p, images = load("images", "agent")
    byvalue = {i["value"]: i for i in images}
    check("pick images: a single-platform image says its architecture, read from its config "
          "blob (served by the proxy: moto lacks GetDownloadUrlForLayer)",
          "linux/amd64" in byvalue.get(f"{REGISTRY}/agent:amd64", {}).get("note", "") and
          not byvalue[f"{REGISTRY}/agent:amd64"]["marked"], p.stderr + str(images))
    check("pick images: a single arm64 image is marked as one AgentCore runs",
          byvalue.get(f"{REGISTRY}/agent:arm", {}).get("marked") and
          "linux/arm64" in byvalue[f"{REGISTRY}/agent:arm"]["note"], p.stderr + str(images))
    check("pick images: URI:tag with push date and size",
          any(i["value"] == f"{REGISTRY}/agent:v1" and i["note"].startswith("pushed ")
              for i in images), p.stderr + str(images))
    p, vpcs = load("vpcs")
    check("pick VPCs", any(v["value"] == s["net"]["a"] for v in vpcs), p.stderr + str(vpcs))
    p, subnets = load("subnets", s["net"]["a"])
    marks = {x["value"]: x["marked"] for x in subnets}
    check("pick subnets of a VPC: zone IDs, supported ones marked",
          marks.get(s["net"]["a1"]) is True and marks.get(s["net"]["a3"]) is False and
          s["net"]["b4"] not in marks, p.stderr + str(subnets))
    p, groups = load("groups", s["net"]["a"])
    check("pick security groups of a VPC", [g["value"] for g in groups if g["label"] == "sg-a"]
          == [s["net"]["a-sg"]], p.stderr + str(groups))
    p, buckets = load("buckets")
    check("pick buckets", [b["value"] for b in buckets] == ["code-bkt"], p.stderr + str(buckets))
    p, keys = load("keys", "code-bkt/agent/")
    check("pick keys under a prefix, with size", [(k["value"], k["note"]) for k in keys] ==
          [("agent/code.zip", "12 bytes")], p.stderr + str(keys))
    check("pick: every request signed right", all(r["signed"] for r in w.proxy.log),
          [r for r in w.proxy.log if not r["signed"]])


def test_text_and_offline(w, tmp):
    good = form(tmp, "good")
    p = run(["check", good], w.keys_env())
    first = p.stdout.splitlines()[0] if p.stdout else ""
    check("text: who you are is printed first", ACCOUNT in first and "arn:aws:" in first,
          p.stdout)
    w.proxy.clear()
    p = run(["check", "--offline", good], w.keys_env())
    check("--offline: exit 0, nothing sent", p.returncode == 0 and not w.proxy.log,
          p.stdout + p.stderr)
    p = run(["check", good], w.env())
    check("no credentials: exit 3", p.returncode == 3, p.stdout + p.stderr)
    p = run(["check", good], w.keys_env(AWS_ENDPOINT_URL="https://127.0.0.1:9"))
    check("no network: exit 4", p.returncode == 4, p.stdout + p.stderr)
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        json.dump({"agentRuntimeName": "x y"}, f)
    p = run(["check", "--offline", bad], w.keys_env())
    check("invalid form: exit 1", p.returncode == 1, p.stdout + p.stderr)


def run_tty(w, args, typed):
    return w.run_tty(ACW, args, typed)


def test_submit(w, tmp):
    """submit runs the checks first: listed on stderr, never blocking without a terminal."""
    bad = form(tmp, "submit-norole", role="MissingRole", runtime="submit_norole")
    p = run(["submit", bad], w.keys_env())
    line = [x for x in p.stderr.splitlines() if ": roleArn: " in x]
    check("submit: the missing role is listed on stderr as check prints it",
          line and "MissingRole" in line[0] and bad in line[0], p.stderr)
    check("submit: without a terminal it still submits (exit 0, the answer printed)",
          p.returncode == 0 and "agentRuntimeArn" in p.stdout, p.stdout + p.stderr)
    check("submit: ok findings are not listed", "GetCallerIdentity" not in p.stderr
          and ": ok: " not in p.stderr, p.stderr)
    w.proxy.clear()
    p = run(["submit", "--no-check", form(tmp, "submit-nocheck", role="MissingRole",
                                          runtime="submit_nocheck")], w.keys_env())
    check("submit --no-check: no finding listed, only the control plane called",
          p.returncode == 0 and ": roleArn: " not in p.stderr and
          [e["method"] for e in w.proxy.log] == ["PUT"], p.stderr + str(w.proxy.log))
    for typed, code, sent in (("n\n", 6, False), ("y\n", 0, True)):
        w.proxy.clear()
        rc, err = run_tty(w, ["submit", form(tmp, "submit-ask-" + typed[0], role="MissingRole",
                                             runtime="submit_ask_" + typed[0])], typed)
        check(f"submit at a terminal: an error asks, {typed[0]!r} exits {code}",
              rc == code and "Submit anyway? (y/N)" in err and
              ("PUT" in [e["method"] for e in w.proxy.log]) == sent, err)
    good = form(tmp, "submit-good", runtime="submit_good")
    p = run(["submit", good], w.keys_env())
    check("submit: a good form lists nothing", p.returncode == 0 and not p.stderr.strip(),
          p.stderr)


def main():
    with harness.World() as w, tempfile.TemporaryDirectory() as tmp:
        s = seed(w)
        for t in (lambda: test_role(w, tmp, s), lambda: test_image(w, tmp, s),
                  lambda: test_network(w, tmp, s), lambda: test_code(w, tmp, s),
                  lambda: test_name(w, tmp), lambda: test_authorizer(w, tmp),
                  lambda: test_create_role(w, tmp), lambda: test_pick(w, tmp, s),
                  lambda: test_text_and_offline(w, tmp), lambda: test_submit(w, tmp)):
            try:
                t()
            except Exception as e:  # a crash in one test is a failure, not the end
                import traceback
                traceback.print_exc()
                check("no crash", False, repr(e))
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
