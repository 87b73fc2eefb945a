"""tmuxterm.py: drive agentcore-wizard in a private tmux server.

Each Term has its own tmux server (-L), its own temporary HOME and
XDG_STATE_HOME, and a fixed environment, so screens are the same on every
machine. Waiting is done by polling the screen with a deadline, never by
fixed sleeps. Exit 77 (SKIP) when tmux is missing.
"""
import atexit
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77

# A minimal valid form: every section up to the review passes with it.
MINIMAL = {
    "agentRuntimeName": "minimal_agent",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b"}},
    "roleArn": "arn:aws:iam::123456789012:role/R",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}


def need_tmux():
    if not shutil.which("tmux"):
        print("SKIP: tmux is not installed")
        sys.exit(SKIP)


def need_moto():
    """The test harness (tests/servers/harness.py), once tmux and the
    Python AWS parts (moto, boto3) are known to be here; exit 77 if not."""
    need_tmux()
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "servers"))
    import harness
    harness.require_python_aws()
    return harness


def program():
    acw = os.environ.get("ACW")
    if not acw:
        top = os.environ.get("top_builddir", os.path.join(os.path.dirname(__file__), "..", ".."))
        acw = os.path.join(top, "src", "agentcore-wizard")
    return os.path.abspath(acw)


START_TITLE = "agentcore-wizard  Start"
# global options that take a value: their value is no FORM
VALUED = ("--region", "--profile", "--endpoint-url", "--ca-bundle", "--cli-connect-timeout",
          "--cli-read-timeout")


def shows_start(args):
    """Whether the wizard started with args opens on its start screen: no
    command, no FORM, not --plain."""
    args = list(args)
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--plain" or not a.startswith("-"):
            return False
        i += 2 if a in VALUED else 1
    return True


class Term:
    def __init__(self, args=(), x=80, y=24, term="xterm-256color", env=None, tmp=None,
                 cwd=None, start="new"):
        """start: with no FORM the wizard opens on its start screen; "new"
        (the default) takes its first entry, an empty form, as the wizard
        did before it had one; None leaves the start screen (or a wizard
        that never shows it) to the test."""
        need_tmux()
        self.own_tmp = tmp is None
        self.tmp = tmp or tempfile.mkdtemp(prefix="acw-ui-")
        self.name = "acw-%d-%d" % (os.getpid(), int(time.time() * 1000) % 100000)
        self.home = os.path.join(self.tmp, "home")
        self.state = os.path.join(self.tmp, "state")
        os.makedirs(self.home, exist_ok=True)
        os.makedirs(self.state, exist_ok=True)
        self.rcfile = os.path.join(self.tmp, "rc")
        if os.path.exists(self.rcfile):
            os.unlink(self.rcfile)
        e = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "HOME": self.home,
            "XDG_STATE_HOME": self.state,
            "TERM": term,
            "TMUX_TMPDIR": self.tmp,
            "AWS_CONFIG_FILE": os.path.join(self.home, "no-config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(self.home, "no-credentials"),
        }
        # Under a sanitizer build, every report goes to a file of this Term's
        # (the screen would lose it), and close() fails the test when one was
        # written: each screen test is then a session checked for errors and
        # leaks.
        self.sanlog = os.path.join(self.tmp, "sanitizer")
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k] + ":log_path=" + self.sanlog
        self.closed = False
        LIVE.append(self)
        forms = os.environ.get("AGENTCORE_WIZARD_FORMS")
        if forms:
            e["AGENTCORE_WIZARD_FORMS"] = forms
        if env:
            e.update(env)
        self.env = e
        quoted = " ".join("'%s'" % a.replace("'", "'\\''") for a in [program()] + list(args))
        cmd = "%s; echo $? > '%s'; sleep 600" % (quoted, self.rcfile)
        inner = ["env"] + ["%s=%s" % kv for kv in e.items()] + ["sh", "-c", cmd]
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(x), "-y", str(y),
                  "-c", cwd or self.tmp, *inner)
        if start == "new" and shows_start(args):
            self.skip_start()

    def skip_start(self, timeout=15.0):
        """Take the start screen's first entry (an empty form) once it shows."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if START_TITLE in self.screen():
                self.keys("Enter")
                self.wait(lambda s: START_TITLE not in s, "the start screen to go")
                return
            if os.path.exists(self.rcfile) and os.path.getsize(self.rcfile):
                return
            time.sleep(0.05)

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.name, "-f", "/dev/null"] + list(args),
                              env=self.env, check=check, capture_output=True, text=True)

    def keys(self, *keys):
        self.tmux("send-keys", "-t", self.name + ":", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", self.name + ":", "-l", "--", text)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", self.name + ":").stdout

    def rows(self):
        """The screen's lines (one per terminal line), trailing blanks off."""
        return [l.rstrip() for l in self.screen().rstrip("\n").split("\n")]

    def wait(self, pred, what, timeout=10.0):
        """Poll until pred(screen) is true on a screen that has settled (the
        same on two captures in a row, so that a screen caught while it is
        drawn is not taken); fail with the screen at the deadline."""
        if isinstance(pred, str):
            text = pred
            pred = lambda s: text in s
        end = time.monotonic() + timeout
        last = None
        while True:
            s = self.screen()
            if pred(s) and s == last:
                return s
            if time.monotonic() > end:
                self.fail("timed out waiting for %s" % what, s)
            last = s if pred(s) else None
            time.sleep(0.05)

    def wait_text(self, text, timeout=10.0):
        return self.wait(text, repr(text), timeout)

    def wait_stable(self, pred, what=None, timeout=10.0):
        """As wait, then until two captures in a row are the same: a screen
        whose first lines are out is not yet all there."""
        s = self.wait(pred, what or repr(pred), timeout)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            time.sleep(0.05)
            s2 = self.screen()
            if s2 == s:
                return s
            s = s2
        self.fail("the screen did not settle", s)

    def wait_gone(self, text, timeout=10.0):
        return self.wait(lambda s: text not in s, "%r to go" % text, timeout)

    def save_as(self, path):
        """F2, the file name, Enter: wait until it is saved."""
        self.keys("F2")
        self.wait_text("Save to file:")
        self.keys("C-u")
        self.type(path)
        self.keys("Enter")
        self.wait_text("Saved to")

    def quit(self, changed=True):
        """F12, answering no to saving when there are changes; the exit code."""
        self.keys("F12")
        if changed:
            self.wait_text("Save your changes")
            self.keys("n")
        return self.exit_code()

    def title(self):
        """The title bar (the first line): names the section on screen."""
        return self.rows()[0]

    def next_section(self, key="PageDown"):
        """Press key and wait until the title bar names another section."""
        before = self.title()
        self.keys(key)
        self.wait(lambda s: s.split("\n")[0].rstrip() != before,
                  "the section after %r" % before.strip())

    def go_to(self, section, key="PageDown", most=14):
        """Press key (PageDown) until the title bar names section, at most
        `most` times, waiting for each section to change."""
        for _ in range(most):
            if (" %s" % section) in self.title():
                return
            self.next_section(key)
        if (" %s" % section) not in self.title():
            self.fail("did not reach %s" % section, self.screen())

    def cursor(self):
        """The cursor's (column, line) on screen."""
        out = self.tmux("display-message", "-p", "-t", self.name + ":",
                        "#{cursor_x} #{cursor_y}").stdout.split()
        return int(out[0]), int(out[1])

    def resize(self, x, y):
        self.tmux("resize-window", "-t", self.name + ":", "-x", str(x), "-y", str(y))

    def pid(self):
        """The wizard's pid (the child of the pane's shell)."""
        shell = self.tmux("display-message", "-p", "-t", self.name + ":",
                          "#{pane_pid}").stdout.strip()
        end = time.monotonic() + 5
        while time.monotonic() < end:
            out = subprocess.run(["ps", "-o", "pid=", "--ppid", shell],
                                 capture_output=True, text=True).stdout.split()
            for p in out:
                try:
                    exe = os.readlink("/proc/%s/exe" % p)
                except OSError:
                    continue
                if exe.endswith("agentcore-wizard"):
                    return int(p)
            time.sleep(0.05)
        self.fail("the wizard's process was not found", self.screen())

    def signal(self, sig):
        os.kill(self.pid(), sig)

    def exit_code(self, timeout=10.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                with open(self.rcfile) as f:
                    t = f.read().strip()
                if t:
                    return int(t)
            except OSError:
                pass
            time.sleep(0.05)
        self.fail("the wizard did not exit", self.screen())

    def fail(self, msg, s=None):
        print("FAIL: " + msg)
        if s is not None:
            print("---- screen ----")
            print(s)
            print("----------------")
        self.close()
        sys.exit(1)

    def close(self):
        if self.closed:
            return
        self.closed = True
        self.tmux("kill-server", check=False)
        reports = sorted(glob.glob(self.sanlog + ".*"))
        for r in reports:
            print("FAIL: a sanitizer report (%s):" % os.path.basename(r))
            with open(r, errors="replace") as f:
                print(f.read())
        if self.own_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
        if self in LIVE:
            LIVE.remove(self)
        if reports:
            close_all()
            os._exit(1)


LIVE = []  # Terms not closed yet


def close_all():
    """Stop every Term still running (at exit too: a test that raised an
    exception leaves no tmux server or wizard behind)."""
    for t in list(LIVE):
        t.close()


atexit.register(close_all)


def form_term(form, prefix="acw-ui-", **kw):
    """A Term started on `form`, written to form.json in a new folder that
    goes with the Term."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    with open(os.path.join(tmp, "form.json"), "w") as f:
        json.dump(form, f)
    t = Term(args=["form.json"], tmp=tmp, **kw)
    t.own_tmp = True
    return t


def check(cond, msg, term=None):
    if not cond:
        if term:
            term.fail(msg, term.screen())
        print("FAIL: " + msg)
        sys.exit(1)
