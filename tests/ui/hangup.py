"""The terminal goes away without a SIGHUP reaching the wizard (started under
nohup, so the hangup is ignored): it must notice, keep a draft of what was
typed and exit, not spin on a dead terminal. A raw pseudo-terminal, not tmux:
the test itself closes the terminal."""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import program  # noqa: E402


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


tmp = tempfile.mkdtemp(prefix="acw-ui-hangup-")
env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
       "HOME": tmp, "XDG_STATE_HOME": os.path.join(tmp, "state"), "TERM": "xterm-256color",
       "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": os.path.join(tmp, "no-config"),
       "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "no-credentials")}
for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "AGENTCORE_WIZARD_FORMS"):
    if k in os.environ:
        env[k] = os.environ[k]
draft = os.path.join(tmp, "state", "agentcore-wizard", "draft.json")

pid, fd = pty.fork()
if pid == 0:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup does
    os.execve(program(), [program()], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

seen = b""


def drain(until, deadline):
    global seen
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                return False
        if until(seen):
            return True
    return False


# no FORM: the start screen first; Enter takes its first entry, a new form
if not drain(lambda b: b"Create a new runtime" in b, time.monotonic() + 15):
    fail("the start screen did not appear")
os.write(fd, b"\r")
if not drain(lambda b: b"Runtime name" in b and b"F10" in b, time.monotonic() + 15):
    fail("the first screen did not appear")
os.write(fd, b"nohup_agent")


def typed():
    try:
        with open(draft) as f:
            return '"nohup_agent"' in f.read()
    except OSError:
        return False


# the autosave comes shortly after typing stops; keep the terminal drained
drain(lambda b: typed(), time.monotonic() + 10)
if not typed():
    fail("no autosaved draft with the name typed")
os.write(fd, b"2")
drain(lambda b: False, time.monotonic() + 0.1)
os.close(fd)  # the terminal goes away; SIGHUP is ignored

deadline = time.monotonic() + 10
while True:
    wpid, status, ru = os.wait4(pid, os.WNOHANG)
    if wpid:
        break
    if time.monotonic() > deadline:
        os.kill(pid, signal.SIGKILL)
        os.wait4(pid, 0)
        fail("still running 10 s after its terminal went away")
    time.sleep(0.02)
cpu = ru.ru_utime + ru.ru_stime
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 6:
    fail("exit status %r, expected exit code 6 (as after a hangup)" % status)
with open(draft) as f:
    # (a new form starts with the network mode PUBLIC)
    if json.load(f) != {"agentRuntimeName": "nohup_agent2",
                        "networkConfiguration": {"networkMode": "PUBLIC"}}:
        fail("the draft lost the last key typed")
print("ok: terminal gone without SIGHUP: draft kept, exit 6, %.2f s of CPU in all" % cpu)
