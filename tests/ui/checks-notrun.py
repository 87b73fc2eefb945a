"""The account checks when the settings are found unusable only after the
wizard started (issue 10): the first screen's settings resolve (the
credential_process answers once), but the session's credentials, resolved
again in the background for the account line and the checks, fail; or STS
has no endpoint that can be made. The review's checks line then says the
checks did not run and why, once, instead of nothing. No request reaches
the network (the endpoint is a closed port on loopback)."""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, Term, check  # noqa: E402


def review(env, setup=None):
    tmp = tempfile.mkdtemp(prefix="acw-ui-notrun-")
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    if setup:
        setup(tmp, home)
    with open(os.path.join(tmp, "form.json"), "w") as f:
        json.dump(MINIMAL, f)
    t = Term(args=["form.json"], tmp=tmp, env=dict(env, AWS_ENDPOINT_URL="http://127.0.0.1:9"))
    t.own_tmp = True
    t.wait_text("minimal_agent")
    t.keys("F10")
    t.wait_text("Every value", timeout=20)
    # the review wraps the line: joined, its words are whole again
    s = t.wait(lambda s: "did not run" in s, "the checks line to say why", timeout=20)
    return t, " ".join(" ".join(r.split("\u2502", 1)[-1].split()) for r in s.splitlines())


def flaky(tmp, home):
    """A credential_process that answers once, with keys that expire within
    the 10 minutes credentials are found again before (so the process is run
    again for the account line and the checks), and fails after."""
    runs = os.path.join(tmp, "runs")
    script = os.path.join(tmp, "cred.sh")
    soon = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 300))
    with open(script, "w") as f:
        f.write("#!/bin/sh\necho run >> '%s'\n"
                "[ \"$(wc -l < '%s')\" -gt 1 ] && { echo 'the token broker is down' >&2; "
                "exit 3; }\n"
                "printf '%%s' '{\"Version\": 1, \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", "
                "\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\", "
                "\"SessionToken\": \"token\", \"Expiration\": \"%s\"}'\n"
                % (runs, runs, soon))
    os.chmod(script, 0o755)
    with open(os.path.join(home, "no-config"), "w") as f:
        f.write("[profile flaky]\nregion = us-east-1\ncredential_process = %s\n" % script)


t, text = review({"AWS_PROFILE": "flaky"}, flaky)
check("the account checks did not run: the credential_process of profile flaky failed "
      "(exit 3): the token broker is down" in text,
      "a credential_process failing in the background: the review does not say why the "
      "checks did not run: " + text, t)
check(text.count("did not run") == 1, "said more than once: " + text, t)
t.close()

t, text = review({"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_REGION": "us-east-1",
                  "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                  "AWS_ENDPOINT_URL_STS": "notaurl"})
check('the account checks did not run: GetCallerIdentity: the endpoint URL "notaurl" is '
      'not valid' in text,
      "no STS endpoint: the review does not say why the checks did not run: " + text, t)
t.close()
print("ok: the review says why the account checks did not run")
