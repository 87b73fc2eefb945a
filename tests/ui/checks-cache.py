"""The account checks' findings are kept per value (issue 10), against moto
behind the signature-checking proxy (which logs every request): once the
review has run them, a changed description (no check reads it) asks
nothing again, on leaving the field or on the review; a changed role asks
only the role's check again (GetRole, of the new name), its old finding
leaves the field at once, and the review then lists the new finding with
the others' kept ones, asking nothing more."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

FORM = {
    "agentRuntimeName": "ui_cached",
    "description": "first",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/MissingRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}


def actions(world, since=0):
    """The requests the proxy saw from since on: their Action, or their path."""
    return [(e.get("params") or {}).get("Action") or e["path"]
            for e in world.proxy.log[since:]]


def review_done(t, what):
    return t.wait_stable(lambda s: "Account checks:" in s and "running" not in s and
                         "Every value" in s, what, timeout=30)


with harness.World() as world:
    t = form_term(FORM, "acw-ui-cache-", env=world.ui_env())
    t.wait_text("Account: 123456789012", timeout=20)
    t.keys("F10")
    s = review_done(t, "the account checks ended")
    check("MissingRole" in s, "the review does not list the missing role", t)
    asked = actions(world)
    check(asked.count("GetRole") == 1, "GetRole asked %d times: %r" %
          (asked.count("GetRole"), asked), t)
    # the description: changed, left, and the review again: nothing asked
    n = len(world.proxy.log)
    t.go_to("Basics", key="PageUp")
    t.wait_text("Description")
    for _ in range(3):
        if "Description" in t.rows()[t.cursor()[1]]:
            break
        t.keys("Down")
    t.keys("End")
    t.type("2")
    t.wait_text("first2")
    t.next_section("PageDown")
    t.keys("F10")
    s = review_done(t, "the review after the description changed")
    check(actions(world, n) == [], "the checks ran again for the description: %r" %
          actions(world, n), t)
    check("MissingRole" in s, "the role's finding was dropped for the description", t)
    # the role: its finding leaves the field at once; leaving it asks GetRole only
    t.go_to("Permissions", key="PageUp")
    s = t.wait_stable(lambda s: "Account check:" in s, "the role's finding under the field")
    t.keys("End")
    t.type("2")
    s = t.wait_stable(lambda s: "MissingRole2" in s, "the new role")
    check("Account check:" not in s, "the old role's finding outlives the change", t)
    t.next_section("PageDown")  # left, changed: the role's check starts
    harness.wait_until(lambda: "GetRole" in actions(world, n), 15, "GetRole of the new role")
    t.keys("F10")
    s = review_done(t, "the review after the role changed")
    new = actions(world, n)
    check(new == ["GetRole"], "more than the role's check ran again: %r" % new, t)
    check("MissingRole2" in s.split("Account checks:", 1)[1],
          "the review does not list the new role's finding", t)
    check(t.quit() == 0, "quit failed", t)
    t.close()
print("ok: the account checks run again only for the values that changed")
