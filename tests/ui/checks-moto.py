"""The account checks in the wizard (issue 10), against moto behind the
signature-checking proxy: a form whose execution role does not exist. The
review lists the role's finding once the checks (started in the background
when the review opens) end; the Permissions section shows it under the role
field; F10 asks before sending a form with error findings."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

FORM = {
    "agentRuntimeName": "ui_checked",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/MissingRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}



def to_permissions(t):
    """PageUp, one screen at a time, to the Permissions section."""
    for _ in range(12):
        s = t.screen()
        if "The IAM role the runtime works as" in s:
            return
        t.keys("PageUp")
        t.wait(lambda s2, s=s: s2 != s, "another screen")


with harness.World() as world:
    env = world.ui_env()
    t = form_term(FORM, "acw-ui-checks-", env=env)
    t.wait_text("ui_checked")
    # only who the credentials are (the first screen's account line) is asked
    check(all((e.get("params") or {}).get("Action") == "GetCallerIdentity"
              for e in world.proxy.log), "checks ran before the review opened", t)
    t.keys("F10")
    t.wait_text("The form is complete")
    s = t.wait_stable(lambda s: "Account checks:" in s and "running" not in s,
                      "the account checks ended", timeout=30)
    check("error: roleArn:" in s and "MissingRole" in s,
          "the review does not list the missing role", t)
    asked = [e["params"].get("Action") for e in world.proxy.log if e.get("params")]
    check("GetRole" in asked, "no GetRole sent: %r" % asked, t)
    # the Permissions section: the finding under the role field
    to_permissions(t)
    s = t.wait_stable(lambda s: "The IAM role the runtime works as" in s,
                      "the Permissions screen")
    check("Account check:" in s and "MissingRole" in s,
          "the role's finding is not under the field", t)
    # cached per form: back on the review, nothing is asked again
    n = len(world.proxy.log)
    t.keys("F10")
    s = t.wait_stable(lambda s: "Account checks:" in s and "running" not in s,
                      "the review again")
    check(len(world.proxy.log) == n, "the checks ran again on an unchanged form", t)
    t.keys("F10")
    t.wait_text("The account checks found")
    t.keys("n")
    t.wait_text("Not submitted.")
    check(world.moto.runtimes() == [], "a runtime was created after 'n'", t)
    # a changed form: the checks run again on the review, of the new value
    to_permissions(t)
    t.keys("End")
    t.type("2")
    s = t.wait_stable("MissingRole2")
    check("Account check:" not in s, "the old finding outlives the change", t)
    t.keys("F10")
    s = t.wait_stable(lambda s: "Account checks:" in s and "running" not in s and
                      "MissingRole2" in s.split("Account checks:", 1)[1], "the new findings",
                      timeout=30)
    check(t.quit() == 0, "quit failed", t)
    t.close()
print("ok: the account checks on the review and under the field")
