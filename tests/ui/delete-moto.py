"""Deleting a runtime from the start screen's list (issue 11), against moto
behind the signature-checking proxy (harness.DayTwoService: DEFAULT is
listed and cannot be deleted alone; the runtime cannot be deleted while a
named endpoint is left, as the service refuses it, which moto does not).
F8 says what goes and asks for the runtime's name: a wrong name deletes
nothing; the name typed back deletes the named endpoint first, then the
runtime (never DEFAULT alone), follows it until it is gone, and the list
no longer shows it. While ListAgentRuntimes is held at the proxy, the list
says "Loading", takes typed keys (the filter shows them: nothing waits for
the network), and Esc cancels the loading. And `open RUNTIME_ID` with an id the Region does not
have says so plainly and exits 4 before any screen."""
import os
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, Term, check, need_moto, program  # noqa: E402

harness = need_moto()


def flat(s):
    return " ".join(s.split())


with harness.World() as world:
    harness.DayTwoService(world.proxy)
    rid = harness.create_runtime(world, program(), dict(MINIMAL, agentRuntimeName="doomed_agent"))
    harness.control_client(world).create_agent_runtime_endpoint(
        agentRuntimeId=rid, name="prod", agentRuntimeVersion="1")
    env = world.ui_env(config=True)
    tmp = tempfile.mkdtemp(prefix="acw-ui-delete-")

    # open with an id that does not exist: a clear error, exit 4, no screen
    p = subprocess.run(["script", "-qec", "%s open nothere-0123456789" % program(), "/dev/null"],
                       env=dict(world.keys_env(), TERM="xterm"), capture_output=True,
                       text=True, timeout=60)
    out = flat(p.stdout + p.stderr)
    check(p.returncode == 4 and "there is no runtime nothere-0123456789" in out and
          "list' shows the runtimes" in out,
          "open of an unknown id: exit %d, %r" % (p.returncode, out))

    # ListAgentRuntimes held at the proxy until released
    hold = threading.Event()
    forward = world.proxy.forward

    def held(method, path, headers, body):
        if method == "POST" and path.split("?")[0] == "/runtimes/":
            hold.wait(30)
        return forward(method, path, headers, body)

    world.proxy.forward = held
    t = Term(env=env, tmp=tmp, start=None)
    t.own_tmp = True
    s = t.wait_text("Open a runtime of the Region")
    check("F8 Delete" not in s.splitlines()[-1],
          "the start menu's key bar offers F8 Delete, which does nothing there", t)
    for _ in range(4):
        t.keys("Down")
    t.keys("Enter")
    s = t.wait_text("Loading the runtimes... (Esc cancels)")
    check("F8 Delete" in s.splitlines()[-1], "the runtimes' key bar lacks F8 Delete", t)
    t.type("doo")
    s = t.wait_text("Filter: doo")
    check("Loading the runtimes" in s, "the typed key waited for the list", t)
    t.keys("Escape")
    t.wait(lambda s: "Loading the runtimes was cancelled." in s and "Create a new runtime" in s,
           "the loading cancelled")
    hold.set()
    world.proxy.forward = forward
    for _ in range(4):
        t.keys("Down")
    t.keys("Enter")
    t.wait_text("doomed_agent", timeout=20)
    world.proxy.clear()
    t.keys("F8")
    s = t.wait_text("Type the runtime's name to delete it")
    check("prod" in s and "DEFAULT" in s and "left alone" in flat(s),
          "the question does not say what goes", t)
    t.type("wrong_name")
    t.keys("Enter")
    t.wait(lambda s: "Not deleted: the name typed is not doomed_agent" in flat(s),
           "the refusal of a wrong name")
    check(not [r for r in world.proxy.log if r["method"] == "DELETE"],
          "a wrong name deleted something", t)
    t.keys("F8")
    t.wait_text("Type the runtime's name to delete it")
    t.type("doomed_agent")
    t.keys("Enter")
    s = t.wait_stable("Any key continues", timeout=60)
    check("doomed_agent" in s or rid in s, "the progress does not name the runtime", t)
    check("is deleted" in flat(s), "the runtime was not followed until gone", t)
    dels = [r["path"].split("?")[0] for r in world.proxy.log if r["method"] == "DELETE"]
    check(dels == ["/runtimes/%s/runtime-endpoints/prod/" % rid, "/runtimes/%s/" % rid],
          "expected prod, then the runtime, never DEFAULT: %r" % dels, t)
    t.keys("Enter")
    t.wait(lambda s: "(no runtime matches)" in s, "the list without the runtime", timeout=20)
    t.keys("F12")
    check(t.exit_code() == 0, "quit failed", t)
    t.close()
print("ok: delete from the list asks for the name and deletes; open of an unknown id exits 4")
