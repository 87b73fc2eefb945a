#!/usr/bin/env python3
"""bench_check: time `agentcore-wizard check` of a maximal form (a role with
an inline and an attached policy, an ECR image index, a VPC of three subnets
and two security groups, a JWT authorizer with a discovery URL, the runtime
name) against moto behind the signature-checking proxy over HTTPS, side by
side with a shell script that makes the same calls with the AWS CLI (sts
get-caller-identity, iam get-role, list-role-policies, get-role-policy,
list-attached-role-policies, get-policy, get-policy-version, ecr
describe-images, batch-get-image, ec2 describe-subnets,
describe-security-groups, describe-route-tables, describe-vpc-endpoints,
bedrock-agentcore-control list-agent-runtimes, and curl for the discovery
URL); neither judges anything the other does not ask. Runs alternate;
medians and the ratio are printed. Never fails.

Run: python3 tests/bench/bench_check.py [RUNS]   (after make; needs moto_server
and the AWS CLI)"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

top = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(top, "tests", "servers"))
sys.path.insert(0, os.path.join(top, "tests", "integration"))
import harness  # noqa: E402

ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", top), "src",
                                            "agentcore-wizard")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5

SCRIPT = r"""#!/bin/sh
# The same calls as `agentcore-wizard check` of the maximal form, with the AWS CLI.
set -e
aws sts get-caller-identity >/dev/null
aws iam get-role --role-name "$ROLE" >/dev/null
for p in $(aws iam list-role-policies --role-name "$ROLE" --query 'PolicyNames[]' --output text); do
  aws iam get-role-policy --role-name "$ROLE" --policy-name "$p" >/dev/null
done
for a in $(aws iam list-attached-role-policies --role-name "$ROLE" \
    --query 'AttachedPolicies[].PolicyArn' --output text); do
  v=$(aws iam get-policy --policy-arn "$a" --query Policy.DefaultVersionId --output text)
  aws iam get-policy-version --policy-arn "$a" --version-id "$v" >/dev/null
done
aws ecr describe-images --repository-name agent --image-ids imageTag=v1 >/dev/null
aws ecr batch-get-image --repository-name agent --image-ids imageTag=v1 >/dev/null
aws ec2 describe-subnets --filters "Name=subnet-id,Values=$SUBNETS" >/dev/null
aws ec2 describe-security-groups --filters "Name=group-id,Values=$GROUPS" >/dev/null
aws ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" >/dev/null
aws ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$VPC" >/dev/null
aws bedrock-agentcore-control list-agent-runtimes >/dev/null
curl -fsS --cacert "$AWS_CA_BUNDLE" "$DISCOVERY" >/dev/null
"""


def timed(cmd, env):
    t0 = time.monotonic()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return time.monotonic() - t0, p


def main():
    try:
        harness.require_python_aws()
    except SystemExit:
        print("bench_check: skipped (moto or botocore missing)")
        return 0
    if not shutil.which("aws"):
        print("bench_check: skipped (no AWS CLI)")
        return 0
    import checks as it  # tests/integration/checks.py: the seeding and the forms
    with harness.World() as w, tempfile.TemporaryDirectory() as tmp:
        s = it.seed(w)
        o = it.OpenID(w.ca)
        try:
            n = s["net"]
            import boto3
            boto3.client("iam", endpoint_url=w.moto.url, region_name=it.REGION,
                         aws_access_key_id=w.AKID, aws_secret_access_key=w.SECRET
                         ).attach_role_policy(
                RoleName="GoodBedrockAgentCoreRole",
                PolicyArn=f"arn:aws:iam::{it.ACCOUNT}:policy/pull")
            disc = o.url + "/pool/.well-known/openid-configuration"
            f = it.form(tmp, "maximal", net={"subnets": [n["a1"], n["a2"], n["a3"]],
                                             "securityGroups": [n["a-sg"], n["b-sg"]]},
                        jwt={"discoveryUrl": disc, "allowedClients": ["abc"]})
            script = os.path.join(tmp, "check.sh")
            with open(script, "w") as fp:
                fp.write(SCRIPT)
            env = w.keys_env()
            cli_env = dict(env, ROLE="GoodBedrockAgentCoreRole", VPC=n["a"], DISCOVERY=disc,
                           SUBNETS=",".join([n["a1"], n["a2"], n["a3"]]),
                           GROUPS=",".join([n["a-sg"], n["b-sg"]]))
            ours, theirs = [], []
            for _ in range(RUNS):
                w.proxy.clear()
                t, p = timed([ACW, "check", "--json", f], env)
                calls = len(w.proxy.log)
                ours.append(t)
                t, q = timed(["sh", script], cli_env)
                theirs.append(t)
            findings = json.loads(p.stdout or "[]")
            a, b = statistics.median(ours), statistics.median(theirs)
            print(f"check of the maximal form: {len(findings)} findings from {calls} signed "
                  f"requests (exit {p.returncode})")
            print(f"  agentcore-wizard check  median {a * 1000:8.1f} ms over {RUNS} runs")
            print(f"  AWS CLI script          median {b * 1000:8.1f} ms "
                  f"(exit {q.returncode}{': ' + q.stderr.strip()[:200] if q.returncode else ''})")
            print(f"  ratio                   {b / a:8.1f}x")
        finally:
            o.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
