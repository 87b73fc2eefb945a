"""Nothing typed is lost by a switch or a slip: Left/Right on the artifact
one-of keeps the other branch's values for the session (switching back
restores them, and so does Esc); a second environment variable with the
same name as the first is refused with a message and both entries stay, in
the document and in the autosaved draft."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term  # noqa: E402

URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/keep:1"
FORM = dict(MINIMAL, agentRuntimeArtifact={"containerConfiguration": {"containerUri": URI}},
            environmentVariables={"API_KEY": "secret1"})
t = form_term(FORM, "acw-ui-keep-")
draft = os.path.join(t.state, "agentcore-wizard", "draft.json")
t.wait_text("minimal_agent")

t.go_to("Artifact")
t.wait_text("< Container image >")
t.keys("Right")
s = t.wait_text("< Code from S3 >")
check(URI not in s, "the container branch still shows", t)
t.keys("Left")
s = t.wait_text("< Container image >")
t.wait_text(URI[:30])  # back, with the image URI
# Esc undoes a switch too, with the values
t.keys("Right")
t.wait_text("< Code from S3 >")
t.keys("Escape")
t.wait_text("< Container image >")
t.wait_text(URI[:30])
t.wait_gone("(changed)")

# a duplicate variable name: refused, both entries kept
t.go_to("Environment variables")
t.wait_text("[ Add a variable ]")
t.keys("Down", "Down", "Enter")
t.wait_text("Name 2")
t.type("API_KEY")
t.wait_text("is used by Name 1 already")
t.keys("Tab")
t.wait_text('this entry keeps the name "API_KE"')
t.type("second")
end = time.monotonic() + 10
d = None
while time.monotonic() < end:  # the autosave comes a second after the last change
    try:
        with open(draft) as f:
            d = json.load(f)
        if "second" in d.get("environmentVariables", {}).values():
            break
    except (OSError, ValueError):
        pass
    time.sleep(0.1)
env = (d or {}).get("environmentVariables", {})
check(env.get("API_KEY") == "secret1" and "second" in env.values() and len(env) == 2,
      "the draft lost an entry: %r" % env, t)
check(t.quit() == 0, "quit failed", t)
t.close()
print("ok: a switched one-of branch comes back; a duplicate name loses nothing")
