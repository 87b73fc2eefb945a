"""One run of a credential_process serves a whole session (issue 13's
follow-ups): the wizard's first screen (its settings lines) and the
background job that asks who the credentials are (the account line) used
to find the credentials each on their own, so the process ran twice at
every start; the start screen's list of runtimes did too. Now the first
resolution is kept and shared (src/aws/credcache.c). Against moto behind
the signature-checking proxy, with a profile whose credential_process
appends a line to a file each time it runs and prints the test's keys:
after the start-up and the account line, one run; the start screen, its
list of the Region's runtimes, one run; and each command (check, submit,
submit --dry-run, config, list, status) runs it once."""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import MINIMAL, Term, check, need_moto, program  # noqa: E402

harness = need_moto()


def runs(path):
    if not os.path.exists(path):
        return 0
    with open(path) as f:
        return len(f.read().split())


def settled(path, what, t=None):
    """The runs once none came for a second (a second run, when there is
    one, follows the first within moments)."""
    n, last = runs(path), time.monotonic()
    while time.monotonic() - last < 1.0:
        time.sleep(0.1)
        if runs(path) != n:
            n, last = runs(path), time.monotonic()
    return n


with harness.World() as world:
    tmp = tempfile.mkdtemp(prefix="acw-ui-credonce-")
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    counter = os.path.join(tmp, "runs")
    script = os.path.join(tmp, "cred.sh")
    with open(script, "w") as f:
        f.write("#!/bin/sh\necho run >> '%s'\nprintf '%%s' '{\"Version\": 1, "
                "\"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"%s\"}'\n"
                % (counter, world.AKID, world.SECRET))
    os.chmod(script, 0o755)
    config = os.path.join(home, "no-config")  # the file Term names
    with open(config, "w") as f:
        f.write("[profile counted]\nregion = us-east-1\ncredential_process = %s\n" % script)
    with open(os.path.join(tmp, "form.json"), "w") as f:
        json.dump(MINIMAL, f)
    env = world.ui_env(AWS_PROFILE="counted")
    for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        del env[k]  # the profile's credential_process gives them

    # a form: the first screen's settings lines, then the account line
    t = Term(args=["form.json"], env=env, tmp=tmp)
    s = t.wait_text("Account: 123456789012", timeout=20)
    check("from credential_process" in s and "of profile counted" in s,
          "the first screen does not name the credential_process", t)
    n = settled(counter, "start-up", t)
    check(n == 1, "the start-up ran the credential_process %d times, not once" % n, t)
    t.close()

    # the start screen, then its list of the Region's runtimes
    os.unlink(counter)
    t = Term(env=env, tmp=tmp, start=None)
    t.wait_text("Open a runtime of the Region", timeout=20)
    for _ in range(4):
        t.keys("Down")
    t.keys("Enter")
    s = t.wait(lambda s: "(no runtime matches)" in s or "could not be listed" in s,
               "the list of runtimes", timeout=20)
    check("could not be listed" not in s, "the runtimes could not be listed", t)
    n = settled(counter, "start screen", t)
    check(n == 1, "the start screen and its list ran the credential_process %d times, "
          "not once" % n, t)
    t.keys("Escape")
    t.close()
    t.own_tmp = True

    # each command: once
    SRC = os.environ.get("top_srcdir") or os.path.join(HERE, "..", "..")
    form = os.path.abspath(os.path.join(SRC, "tests", "data", "valid", "minimal-container.json"))
    cenv = world.env(AWS_PROFILE="counted", AWS_CONFIG_FILE=config,
                     AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "no-credentials"))
    rid = None
    for args in (["check", form], ["submit", form], ["submit", "--dry-run", form],
                 ["config"], ["list"], ["status", None]):
        if args[-1] is None:
            args = args[:-1] + [rid]
        before = runs(counter)
        p = subprocess.run([program()] + args, env=cenv, capture_output=True, text=True,
                           timeout=120)
        if args[0] == "submit" and len(args) == 2:
            check(p.returncode == 0, "submit: exit %d: %s" % (p.returncode, p.stderr))
            rid = json.loads(p.stdout)["agentRuntimeId"]
        else:
            check(p.returncode in (0, 1), "%s: exit %d: %s" % (" ".join(args), p.returncode,
                                                               p.stderr))
        n = runs(counter) - before
        check(n == 1, "%s ran the credential_process %d times, not once" % (args[0] if
              len(args) < 3 else " ".join(args[:2]), n))
print("ok: one credential_process run a session, and one a command")
