"""Updating a runtime from the wizard (issue 11, "In the wizard"), against
moto behind the signature-checking proxy (harness.DayTwoService answers as
the service does where moto 5.2.1 differs: UPDATING is read once, then
READY; a DEFAULT endpoint is listed). From the start screen's list of the
Region's runtimes (filtered as typed), a runtime is opened: the title says
"Updating NAME (version 1)", the name refuses changes with the reason, one
value changed shows as the review's diff, F10 says what an update does
(named endpoints stay, session storage wiped), sends UpdateAgentRuntime with
a clientToken, follows it to READY at version 2, and offers to move the
named endpoint prod, which runtimes_move_endpoint then points at version 2
(moto has UpdateAgentRuntimeEndpoint). F10 again with no change sends
nothing and says so. Every other member is as it was."""
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, Term, check, need_moto, program  # noqa: E402

harness = need_moto()


def flat(s):
    return " ".join(s.split())


FORM = dict(MINIMAL, agentRuntimeName="opened_agent",
            environmentVariables={"LOG_LEVEL": "info", "API_TOKEN": "s3cr3t"},
            lifecycleConfiguration={"idleRuntimeSessionTimeout": 600})

with harness.World() as world:
    service = harness.DayTwoService(world.proxy)
    other = harness.create_runtime(world, program(), dict(MINIMAL, agentRuntimeName="other_one"))
    rid = harness.create_runtime(world, program(), FORM)
    ctl = harness.control_client(world)
    ctl.create_agent_runtime_endpoint(agentRuntimeId=rid, name="prod", agentRuntimeVersion="1")
    env = world.ui_env(config=True)
    tmp = tempfile.mkdtemp(prefix="acw-ui-open-")
    t = Term(env=env, tmp=tmp, start=None)
    t.wait_text("Open a runtime of the Region")
    for _ in range(4):
        t.keys("Down")
    t.keys("Enter")
    t.wait_text("other_one", timeout=20)
    t.type("opened")  # filtered as typed
    s = t.wait(lambda s: "other_one" not in s and "opened_agent" in s, "the filtered list")
    t.keys("Enter")
    s = t.wait_text("Updating opened_agent (version 1)", timeout=20)
    check("Runtime name opened_agent" in flat(s), "the name is not shown", t)
    # the name cannot change: typing on it is refused with the reason
    t.type("x")
    s = t.wait(lambda s: "cannot change after the runtime is created" in flat(s),
               "the name's reason")
    check("opened_agentx" not in s, "the name took a key", t)
    t.keys("Down")
    t.type("version two")
    t.wait_text("version two")
    t.keys("F10")
    s = t.wait_stable(lambda s: "Changes to opened_agent" in flat(s), "the review's diff")
    check("+ description: \"version two\"" in s, "the diff does not show the change", t)
    check("unchanged (folded)" in s, "the unchanged members are not folded", t)
    check("s3cr3t" not in s, "a secret shows on the review", t)
    # the request ends with the AWS CLI command that sends the same update
    # (an update's review puts the request above the sections: a page or two)
    for _ in range(4):
        s = t.screen()
        if "The same with the AWS CLI" in flat(s):
            break
        t.keys("Space")
        t.wait_stable(lambda s: True)
    s = t.wait_stable(lambda s: "The same with the AWS CLI" in flat(s), "the AWS CLI command")
    check("aws bedrock-agentcore-control update-agent-runtime" in s,
          "the review's AWS CLI command is not the update's", t)
    check("create-agent-runtime" not in s, "an update's review offers create-agent-runtime", t)
    t.keys("Home")
    # a refused update says why and keeps the form as edited
    service.throttle_updates = 100
    t.keys("F10")
    t.wait_text("Send UpdateAgentRuntime?")
    t.keys("y")
    s = t.wait_stable("Any key continues", timeout=90)
    check("Not updated: ThrottlingException" in flat(s), "the refusal's reason is not shown", t)
    t.keys("Enter")
    s = t.wait(lambda s: "Not updated" in flat(s) and "+ description" in s,
               "the review with the form kept")
    service.throttle_updates = 0
    world.proxy.clear()
    t.keys("F10")
    s = t.wait_text("Send UpdateAgentRuntime?")
    check("DEFAULT endpoint moves" in flat(s) and "prod (version 1)" in flat(s) and
          "session storage is wiped" in flat(s), "the question does not say what an update does", t)
    t.keys("y")
    s = t.wait_stable("Any key continues", timeout=60)
    check("READY at version 2" in flat(s), "the update did not end READY at version 2", t)
    puts = [r for r in world.proxy.log if r["method"] == "PUT"]
    check(len(puts) == 1 and puts[0].get("clientToken"),
          "expected one UpdateAgentRuntime with a clientToken: %r" % puts, t)
    t.keys("Enter")
    s = t.wait_text("Move an endpoint?")
    check("Endpoint prod stays on version 1" in flat(s), "the endpoint offer is wrong", t)
    t.keys("y")
    s = t.wait(lambda s: "Endpoint prod moved to version 2" in flat(s), "the endpoint moved")
    check("Updating opened_agent (version 2)" in s, "the title does not show version 2", t)
    ep = ctl.get_agent_runtime_endpoint(agentRuntimeId=rid, endpointName="prod")
    check("2" in (ep.get("targetVersion"), ep.get("liveVersion")),
          "moto's endpoint prod was not moved: %r" % ep, t)
    # no change now: F10 sends nothing and says so
    world.proxy.clear()
    t.keys("F10")
    t.wait(lambda s: "Nothing to update" in flat(s) and "nothing was sent" in flat(s),
           "the no-change refusal")
    check(not [r for r in world.proxy.log if r["method"] == "PUT"], "a no-change update was sent", t)
    got = ctl.get_agent_runtime(agentRuntimeId=rid)
    check(got.get("description") == "version two", "the description was not updated: %r" % got, t)
    check(got.get("environmentVariables") == FORM["environmentVariables"] and
          got.get("lifecycleConfiguration", {}).get("idleRuntimeSessionTimeout") == 600 and
          got.get("roleArn") == FORM["roleArn"],
          "a member not changed was changed: %r" % got, t)
    # F2 saves an update form ('update FILE' takes it)
    t.save_as("up.json")
    with open(os.path.join(tmp, "up.json")) as f:
        up = json.load(f)
    check(up.get("agentRuntimeId") == rid and "agentRuntimeName" not in up and
          up.get("description") == "version two", "F2 did not save an update form: %r" % up, t)
    # updated and saved: nothing unsaved, quitting asks nothing
    check(t.quit(changed=False) == 0, "quit failed", t)
    t.close()
    # open RUNTIME_ID: the same, straight away
    t = Term(args=["open", rid], env=env, tmp=tmp)
    s = t.wait_text("Updating opened_agent (version 2)", timeout=20)
    check("version two" in s, "open did not load the deployed configuration", t)
    t.keys("F3")  # another form would update the runtime unasked
    t.wait(lambda s: "Not loaded: this session updates runtime" in flat(s), "F3 refused")
    check(t.quit(changed=False) == 0, "quit failed", t)
    t.own_tmp = True
    t.close()
print("ok: a runtime opened from the list is updated to READY at version 2")
