"""A submission that got no answer (issue 13, item 4): the answer to the
create is lost (the proxy drops it after moto made the runtime; one attempt
only, AWS_MAX_ATTEMPTS=1). The status line says that the runtime may exist
and how to check, and F10 on the same unchanged form sends the same
clientToken: the service answers with the runtime it made, and moto still
holds one runtime, not two. Through the signature-checking proxy, which
answers a token it has seen with its recorded answer."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, check, form_term, need_moto  # noqa: E402

harness = need_moto()


def flat(s):
    return " ".join(s.split())


with harness.World() as world:
    world.moto.ready_after(0)
    env = world.ui_env()
    env["AWS_MAX_ATTEMPTS"] = "1"
    t = form_term(MINIMAL, "acw-ui-token-", env=env)
    t.wait_text("minimal_agent")
    t.keys("F10")
    t.wait_text("The form is complete")
    # the review's account checks (issue 10) end first: the fault is for
    # CreateAgentRuntime, and they find the role and the image missing
    t.wait_stable(lambda s: "Account checks:" in s and "running" not in s,
                  "the account checks ended", timeout=30)
    # the checks left a connection open and the PUT reuses it: libcurl sends
    # a request again (same bytes, same clientToken) on a new connection when
    # a reused one dies before any answer, so two drops lose the answer
    world.proxy.inject("drop", "drop")
    t.keys("F10")
    t.wait_text("submit anyway?")
    t.keys("y")
    t.wait_stable("Any key continues", timeout=30)
    t.keys("Enter")
    s = t.wait(lambda s: "may exist" in flat(s), "the word that the runtime may exist")
    check("list-agent-runtimes" in flat(s), "it does not say how to check", t)
    check("same clientToken" in flat(s), "it does not say that F10 sends the same token", t)
    check(len(world.moto.runtimes()) == 1, "moto did not make the runtime whose answer was lost")
    t.keys("F10")
    t.wait_text("submit anyway?")
    t.keys("y")
    s = t.wait_stable("Any key continues", timeout=30)
    tokens = [r.get("clientToken") for r in world.proxy.log
              if r.get("clientToken") is not None]
    check(len(tokens) >= 2 and len(set(tokens)) == 1,
          "the second submission sent another clientToken: %r" % tokens, t)
    check(len(world.moto.runtimes()) == 1,
          "a second runtime was made: %d" % len(world.moto.runtimes()), t)
    t.keys("Enter")
    t.wait_text("was created from this", timeout=10)
    t.quit(changed=False)
    t.close()
print("ok: a submission without an answer is sent again with its clientToken")
