"""Pick lists and the role made from the wizard (issue 10), against moto
behind the signature-checking proxy, the account seeded with boto3: the
first screen names the account and the caller (STS, in the background);
Ctrl-O on the role field lists the roles, those that trust
bedrock-agentcore first and the others marked, filtered as you type, and
Enter fills the field; on the image field a repository, then its tags (push date, size, the
platforms of an index);
on the subnets a VPC, then its subnets (zone ID and "supported" said,
whole at 80x24: the box takes the screen's width;
several marked), then its security groups; Esc leaves a field as it was.
Ctrl-R on the role field shows the trust and permissions documents, asks
for the name (BedrockAgentCore in the default) and a yes, creates the role
in moto (CreateRole, PutRolePolicy) and fills the field with its ARN."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

ACCOUNT = "123456789012"
REGION = "us-east-1"
TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "bedrock-agentcore.amazonaws.com"},
    "Action": "sts:AssumeRole"}]}
LAMBDA = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
    "Action": "sts:AssumeRole"}]}
INDEX = json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
    "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
                   "digest": "sha256:" + "b" * 64, "size": 500,
                   "platform": {"os": "linux", "architecture": "arm64"}}]})


def seed(world):
    import boto3
    kw = dict(endpoint_url=world.moto.url, region_name=REGION,
              aws_access_key_id=world.AKID, aws_secret_access_key=world.SECRET)
    iam, ecr, ec2 = (boto3.client(n, **kw) for n in ("iam", "ecr", "ec2"))
    # the one that does not trust the service first in the account's order
    iam.create_role(RoleName="AaaLambdaRole", AssumeRolePolicyDocument=json.dumps(LAMBDA))
    iam.create_role(RoleName="PickedAgentRole", AssumeRolePolicyDocument=json.dumps(TRUST))
    ecr.create_repository(repositoryName="pickrepo")
    ecr.put_image(repositoryName="pickrepo", imageTag="v7", imageManifest=INDEX)
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=c, AvailabilityZoneId=z)["Subnet"]
               ["SubnetId"] for c, z in (("10.9.1.0/24", "use1-az1"),
                                        ("10.9.2.0/24", "use1-az2"))]
    sg = ec2.create_security_group(GroupName="pick-sg", Description="t", VpcId=vpc)["GroupId"]
    return iam, vpc, subnets, sg


FORM = {
    "agentRuntimeName": "picked",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/old:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/OldRole",
    "networkConfiguration": {"networkMode": "VPC", "networkModeConfig": {
        "subnets": ["subnet-0123456789abcdef0"],
        "securityGroups": ["sg-0123456789abcdef0"]}},
}


def tab_to(t, text, most=12):
    """Tab until text shows (the hint of the field wanted)."""
    for _ in range(most):
        if text in t.screen():
            return
        s = t.screen()
        t.keys("Tab")
        t.wait(lambda s2, s=s: s2 != s, "the next field")
    check(text in t.screen(), "no field with %r" % text, t)


with harness.World() as world:
    iam, vpc, subnets, sg = seed(world)
    env = world.ui_env()
    t = form_term(FORM, "acw-ui-pick-", env=env, x=120, y=36)
    # the first screen: who the credentials are
    t.wait_text("Account: " + ACCOUNT, timeout=20)
    check("arn:aws:sts::" + ACCOUNT in t.screen(), "no caller ARN on the first screen", t)

    # the role
    t.go_to("Permissions")
    t.wait_text("^O Pick")
    t.keys("C-o")
    s = t.wait_stable(lambda s: "PickedAgentRole" in s and "AaaLambdaRole" in s
                      and "Loading" not in s, "the roles listed", timeout=20)
    check(s.index("PickedAgentRole") < s.index("AaaLambdaRole"),
          "the role that trusts the service is not first", t)
    check("trusts bedrock-agentcore" in s, "the trusting role is not marked", t)
    check("(does not trust bedrock-agentcore)" in s, "the other role is not marked", t)
    # Esc leaves the field as it was
    t.keys("Escape")
    t.wait(lambda s: "Roles (" not in s, "the list closed")
    check("role/OldRole" in t.screen(), "Esc changed the field", t)
    t.keys("C-o")
    t.wait_text("PickedAgentRole", timeout=20)
    t.type("Picked")
    t.wait(lambda s: "AaaLambdaRole" not in s, "the filter")
    t.keys("Enter")
    t.wait_text("role/PickedAgentRole")
    check("role/OldRole" not in t.screen(), "the field was not filled", t)

    # the image: a repository, then its tags
    t.next_section("PageUp")
    tab_to(t, "^O Pick")
    t.keys("C-o")
    t.wait_text("pickrepo", timeout=20)
    t.keys("Enter")
    s = t.wait_stable(lambda s: "pickrepo:v7" in s and "pushed" in s, "the repository's tags",
                      timeout=20)
    check("linux/arm64" in s, "the image's architecture is not shown", t)
    t.keys("Enter")
    t.wait_text(ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/pickrepo:v7")

    # the network: a VPC, its subnets (several), its security groups
    t.go_to("Network")
    tab_to(t, "The ID of a subnet")
    t.keys("C-o")
    t.wait_text(vpc, timeout=20)
    t.type(vpc[-6:])
    t.keys("Enter")
    s = t.wait_stable(lambda s: subnets[0] in s and subnets[1] in s and "Loading" not in s,
                      "the VPC's subnets", timeout=20)
    check("use1-az1" in s and "supported zone" in s, "zone ID or mark missing", t)
    # at 80x24 the box takes the screen's width: the title and each
    # subnet's line are whole, not cut with an ellipsis
    t.resize(80, 24)
    s80 = t.wait_stable(lambda s: len(s.split("\n")[0]) <= 80 and subnets[0] in s,
                        "the list at 80 columns")
    check("Subnets of the VPC (a supported zone is said; two zones or more)" in s80,
          "the subnet box's title is cut at 80 columns", t)
    rows = [r for r in s80.split("\n") if subnets[0] in r or subnets[1] in r]
    check(rows and all("supported zone" in r for r in rows),
          "a subnet's line is cut at 80 columns: %r" % rows, t)
    t.resize(120, 36)
    t.keys("Space", "Down", "Space")
    t.keys("Enter")
    t.wait_text(sg, timeout=20)
    t.type("pick-sg")
    t.wait_text("Filter: pick-sg")
    t.keys("Space", "Enter")
    s = t.wait_stable(lambda s: "Filled from VPC" in s, "the network filled")
    doc_shown = t.screen()
    check(subnets[0] in doc_shown and subnets[1] in doc_shown and sg in doc_shown,
          "the subnets or groups were not filled", t)
    check("subnet-0123456789abcdef0" not in doc_shown, "the old subnet is still there", t)

    # the role made here
    t.go_to("Permissions", key="PageUp")
    t.keys("C-r")
    s = t.wait_stable(lambda s: "Trust policy" in s, "the documents")
    check("bedrock-agentcore.amazonaws.com" in s and "sts:AssumeRole" in s,
          "the trust policy is not shown", t)
    t.keys("Escape")
    s = t.wait_stable(lambda s: "Role name:" in s, "the name asked")
    check("BedrockAgentCore" in s, "the default name lacks BedrockAgentCore", t)
    t.keys("Enter")
    t.wait_text("with the documents shown? (y/n)")
    t.keys("y")
    s = t.wait_stable(lambda s: "Made role" in s, "the role made", timeout=30)
    roles = [r["RoleName"] for r in iam.list_roles()["Roles"]]
    made = [r for r in roles if "BedrockAgentCore" in r]
    check(len(made) == 1, "no role made in moto: %r" % roles, t)
    pol = iam.list_role_policies(RoleName=made[0])["PolicyNames"]
    check(len(pol) == 1, "the permissions policy was not put: %r" % pol, t)
    check(("role/" + made[0]) in t.screen(), "the field does not hold the new ARN", t)
    check(all(r["signed"] for r in world.proxy.log), "a request was not signed right", t)
    check(t.quit() == 0, "quit failed", t)
    t.close()
print("ok: pick lists of roles, images and subnets, and the role made, fill the fields")
