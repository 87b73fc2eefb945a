"""A credential_process that waits (audit item 3): every wait for
credentials can be left, and the process group it runs in is stopped.
The wizard with no FORM says what it waits for while the process runs
(never a blank screen) and Esc goes on to the start screen; there, the
list of the Region's runtimes, loading in a thread while the process
waits, is left with Esc or F12 at once, and SIGTERM ends the wizard at once
(before, the thread's join waited out the process's 60 s); `open
RUNTIME_ID` says so too and Ctrl-C or SIGTERM end it with exit 6; on the
command line (`list`, `status`, `config`, `check`, `submit`), SIGINT and
SIGTERM end the command with exit 6, and `open RUNTIME_ID --plain` is
refused before any wait (open has no --plain). Each time the
credential_process (its pid written to a file) is gone afterwards."""
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import Term, check, program  # noqa: E402

RID = "waiting_agent-0123456789"


def setup(tmp):
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    pidfile = os.path.join(tmp, "cred.pid")
    script = os.path.join(tmp, "cred.sh")
    with open(script, "w") as f:
        f.write("#!/bin/sh\necho $$ > '%s'\nexec sleep 300\n" % pidfile)
    os.chmod(script, 0o755)
    with open(os.path.join(home, "no-config"), "w") as f:
        f.write("[profile hang]\nregion = us-east-1\ncredential_process = %s\n" % script)
    return pidfile


def started(pidfile, what, t=None):
    end = time.monotonic() + 10
    while time.monotonic() < end:
        if os.path.exists(pidfile) and open(pidfile).read().strip():
            return int(open(pidfile).read())
        time.sleep(0.1)
    check(False, "%s: the credential_process did not start" % what, t)


def gone(pid):
    end = time.monotonic() + 3
    while time.monotonic() < end:
        try:
            with open("/proc/%d/stat" % pid) as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except (OSError, IndexError):
            return True
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)  # not left behind by the test
    except OSError:
        pass
    return False


def fresh(tmp):
    p = os.path.join(tmp, "cred.pid")
    if os.path.exists(p):
        os.unlink(p)


tmp = tempfile.mkdtemp(prefix="acw-ui-credwait-")
pidfile = setup(tmp)
env = {"AWS_PROFILE": "hang", "AWS_ENDPOINT_URL": "https://127.0.0.1:9"}

def open_list(t, what):
    """From the start screen's menu: the list of runtimes, loading; the
    pid of the credential_process it waits for."""
    fresh(tmp)
    t.wait_text("Open a runtime of the Region")
    for _ in range(4):
        t.keys("Down")
    t.keys("Enter")
    t.wait_text("Loading the runtimes", timeout=10)
    return started(pidfile, what, t)


# the wizard with no FORM: a message, then Esc goes on
t = Term(tmp=tmp, env=env, start=None)
s = t.wait_text("Finding the AWS credentials", timeout=10)
check("Esc" in s, "the wait does not say that Esc cancels it", t)
pid = started(pidfile, "start", t)
t.keys("Escape")
t.wait(lambda s: "Finding the AWS credentials" not in s, "the wizard after Esc", timeout=10)
check(gone(pid), "Esc left the credential_process running", t)
# the start screen's list, loading: Esc and F12 leave it at once
for key in ("Escape", "F12"):
    pid = open_list(t, key)
    time.sleep(0.3)
    t.keys(key)
    t.wait(lambda s: "Loading the runtimes was cancelled" in s and
           "Open a runtime of the Region" in s, "%s to leave the loading list" % key,
           timeout=3)
    check(gone(pid), "%s: the list's credential_process is left running" % key, t)
t.keys("F12")
t.exit_code(timeout=10)
t.close()

# quitting while the list loads: SIGTERM ends the wizard without the wait
fresh(tmp)
t = Term(tmp=tmp, env=env, start=None)
t.wait_text("Finding the AWS credentials", timeout=10)
started(pidfile, "start", t)
t.keys("Escape")  # the start-up's wait, as above
pid = open_list(t, "SIGTERM")
time.sleep(0.3)
t.signal(signal.SIGTERM)
t.exit_code(timeout=3)
check(gone(pid), "SIGTERM: the list's credential_process is left running", t)
t.close()

# open RUNTIME_ID: a message; Ctrl-C and SIGTERM end it with 6
for how in ("C-c", signal.SIGTERM):
    fresh(tmp)
    t = Term(args=["open", RID], tmp=tmp, env=env, start=None)
    pid = started(pidfile, "open", t)
    s = t.wait(lambda s: "Loading runtime " + RID in " ".join(s.split()), "the wait's message",
               timeout=10)
    check("Esc or Ctrl-C cancels" in " ".join(s.split()), "the wait does not say how to leave", t)
    if how == "C-c":
        t.keys("C-c")
    else:
        t.signal(how)
    rc = t.exit_code(timeout=10)
    check(rc == 6, "open, %s during the wait: exit %r, not 6" % (how, rc), t)
    check(gone(pid), "open, %s: the credential_process is left running" % how, t)
    t.close()
t.own_tmp = True

# the command line: SIGINT and SIGTERM end the wait with 6
cenv = dict(os.environ, HOME=os.path.join(tmp, "home"),
            AWS_CONFIG_FILE=os.path.join(tmp, "home", "no-config"),
            AWS_SHARED_CREDENTIALS_FILE=os.path.join(tmp, "home", "no-credentials"), **env)
for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION"):
    cenv.pop(k, None)
SRC = os.environ.get("top_srcdir") or os.path.join(os.path.dirname(__file__), "..", "..")
FORM = os.path.abspath(os.path.join(SRC, "tests", "data", "valid", "minimal-container.json"))
for args in (["list"], ["status", RID], ["config"], ["check", FORM], ["submit", FORM],
             ["submit", "--no-check", FORM], ["submit", "--dry-run", FORM]):
    for sig in (signal.SIGINT, signal.SIGTERM):
        fresh(tmp)
        p = subprocess.Popen([program()] + args, env=cenv, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, start_new_session=True)
        pid = started(pidfile, " ".join(args))
        time.sleep(0.3)
        p.send_signal(sig)
        try:
            rc = p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            rc = "hung"
        left = not gone(pid)  # (stopped here when left: no process outlives the test)
        check(rc == 6, "%s, %s during the wait: exit %r, not 6" % (" ".join(args), sig.name, rc))
        check(not left, "%s, %s: the credential_process is left running" % (" ".join(args),
                                                                             sig.name))
# open --plain: refused at once, nothing waited for
fresh(tmp)
p = subprocess.run([program(), "open", RID, "--plain"], env=cenv, stdin=subprocess.DEVNULL,
                   capture_output=True, text=True, timeout=20)
check(p.returncode == 2 and "--plain" in p.stderr,
      "open --plain: exit %d, %r (expected a usage error, 2)" % (p.returncode, p.stderr))
check(not os.path.exists(pidfile), "open --plain ran the credential_process")
print("ok: every wait for a credential_process can be left, and the process is stopped")
