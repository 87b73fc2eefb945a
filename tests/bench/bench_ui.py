#!/usr/bin/env python3
"""bench_ui: the wizard's speed as a person feels it, through a pseudo-terminal
of 80x24: start-up until the first screen of an empty form (a new file's) is
drawn and waiting for keys, and
keystroke to screen update (typing into a text field, and moving to the next
section), on an empty form, on a form filled to every maximum size (made
by `tests/bench/bench_validate --save`) and on a form of 60,000 tags at the
1 MiB cap (Down and typing on its Tags screen, F10, F12), and the peak memory (maximum
resident set) of a whole session that visits every section and the review,
and of one that also submits to moto and follows the runtime to READY.
Side by side: the start-up of `aws --version` (the AWS CLI's least work) and
of `curl --version`. Never fails.

Run: make bench, or python3 tests/bench/bench_ui.py [RUNS]   (after make)"""
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

top = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", top), "src",
                                            "agentcore-wizard")
BENCH_VALIDATE = os.environ.get("BENCH_VALIDATE") or os.path.join(
    os.environ.get("top_builddir", top), "tests", "bench", "bench_validate")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
READY = b"F10"  # the key bar is drawn last: the screen is complete


def spawn(argv, env):
    """Start argv on a new 80x24 pseudo-terminal. posix_spawn (vfork and exec),
    as a shell or subprocess.run starts a program: pty.fork would copy this
    whole Python process first, which alone costs more than the wizard's
    start-up (about 14 ms here, against 4 ms for posix_spawn)."""
    fd, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    pid = os.posix_spawn(argv[0], argv, env, setsid=True,
                         file_actions=[(os.POSIX_SPAWN_DUP2, slave, 0),
                                       (os.POSIX_SPAWN_DUP2, slave, 1),
                                       (os.POSIX_SPAWN_DUP2, slave, 2)])
    os.close(slave)
    return pid, fd


def read_until(fd, marker, deadline):
    buf = b""
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            if marker in buf:
                return buf
    return None


def settle(fd, quiet=0.03):
    """Read until the program has been silent for `quiet` seconds; time of last byte."""
    last = time.perf_counter()
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return last
        try:
            if not os.read(fd, 65536):
                return last
        except OSError:
            return last
        last = time.perf_counter()


def peak_kib(pid):
    """The peak resident set (VmHWM) of a running program in KiB, 0 if unknown.
    Not wait4's ru_maxrss: for a program started by vfork or fork that counts
    the parent's (this Python's) pages from before the exec."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_split_kib(pid):
    """(RssAnon, RssFile) of a running program in KiB: its own memory, and the
    pages of the files it maps (its libraries: shared with every other
    process that maps them). VmHWM is the peak of their sum."""
    vals = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                key = line.split(":")[0]
                if key in ("RssAnon", "RssFile"):
                    vals[key] = int(line.split()[1])
    except OSError:
        pass
    return vals.get("RssAnon", 0), vals.get("RssFile", 0)


def stop(pid, fd, sig=signal.SIGKILL):
    """End the program and reap it."""
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass
    deadline = time.perf_counter() + 5
    while True:  # keep the pty drained so that a clean exit cannot block
        wpid, _ = os.waitpid(pid, os.WNOHANG)
        if wpid:
            break
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        r, _, _ = select.select([fd], [], [], 0.02)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    os.close(fd)


def type_keys(fd, keys, out):
    """Send each key, time until the first byte of the redraw, let it settle."""
    for k in keys:
        t1 = time.perf_counter()
        os.write(fd, k)
        r, _, _ = select.select([fd], [], [], 2)
        if r:
            os.read(fd, 65536)
            out.append(time.perf_counter() - t1)
        settle(fd, 0.02)


def tags_form(path, n=60000):
    """A form at the 1 MiB cap: a minimal runtime with n tags (issue 13, item 3:
    one Down on its Tags screen took 67 s). Returns its size in bytes."""
    import json
    form = {"agentRuntimeName": "tags_agent",
            "agentRuntimeArtifact": {"containerConfiguration": {
                "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:b"}},
            "roleArn": "arn:aws:iam::123456789012:role/R",
            "networkConfiguration": {"networkMode": "PUBLIC"},
            "tags": {"t%05d" % i: "v" for i in range(n)}}
    text = json.dumps(form, indent=1)
    with open(path, "w") as f:
        f.write(text)
    return len(text)


def timed_keys(fd, keys, out, limit=120):
    """Send each key, time until the redraw is complete (its last byte)."""
    for k in keys:
        t1 = time.perf_counter()
        os.write(fd, k)
        r, _, _ = select.select([fd], [], [], limit)
        if not r:
            out.append(limit)
            continue
        os.read(fd, 65536)
        out.append(settle(fd, 0.02) - t1)


def tags_session(env, form):
    """The form with 60,000 tags: start-up, Page Down to its Tags screen (the
    last, "onto tags", builds its rows), then Down, typing into a tag, a
    tag changed and Down, Esc that puts a change back, F8 that deletes a
    tag and F6, F5 that move one (these three build the rows again), F10
    (the review of it all), Down and End there (the request body's entries
    are made as they are drawn) and F12.
    A dict of lists of seconds, or None when it did not start."""
    got = {"start": [], "to tags": [], "onto tags": [], "down": [], "type": [],
           "edit, down": [], "esc undo": [], "f8 delete": [], "f5/f6 move": [], "f10": [],
           "review down": [], "review end": [], "f12": []}
    t0 = time.perf_counter()
    pid, fd = spawn([ACW, form], env)
    if read_until(fd, READY, t0 + 120) is None:
        stop(pid, fd)
        return None
    got["start"].append(settle(fd, 0.02) - t0)
    timed_keys(fd, [b"\x1b[6~"] * 11, got["to tags"])
    got["onto tags"].append(got["to tags"][-1])  # the last: the Tags screen's 120,000 rows
    timed_keys(fd, [b"\x1bOB"] * 6, got["down"])
    timed_keys(fd, [b"x", b"\x7f"] * 3, got["type"])
    for _ in range(3):  # a tag changed (stored as typed), then Down
        timed_keys(fd, [b"x"], [])
        timed_keys(fd, [b"\x1bOB"], got["edit, down"])
    for _ in range(3):  # a tag changed, then Esc: put back (ncurses waits ESCDELAY, 25 ms)
        timed_keys(fd, [b"x"], [])
        timed_keys(fd, [b"\x1b"], got["esc undo"])
        time.sleep(0.05)
    timed_keys(fd, [b"\x1b[19~"], got["f8 delete"])  # a tag deleted, the rows again
    timed_keys(fd, [b"\x1b[17~", b"\x1b[15~"], got["f5/f6 move"])  # moved down and back
    timed_keys(fd, [b"\x1b[21~"], got["f10"])
    timed_keys(fd, [b"\x1bOB"] * 6, got["review down"])
    timed_keys(fd, [b"\x1bOF"], got["review end"])  # End: the body's last tags drawn
    timed_keys(fd, [b"\x1b[24~"], got["f12"])
    stop(pid, fd)
    return got


def submit_session(env, form):
    """As full_session, then submit from the review to moto (HTTPS, through
    the tests' signature-checking proxy) and follow the runtime to READY.
    (peak KiB, seconds from the confirmation to the final status, (RssAnon,
    RssFile) KiB at the end, peak KiB before submitting), or None when moto
    is not there."""
    sys.path.insert(0, os.path.join(top, "tests", "servers"))
    try:
        import harness
        harness.require_python_aws()
    except (ImportError, SystemExit):
        return None
    with harness.World() as world:
        world.moto.ready_after(0)
        env = dict(env)
        env.update({k: v for k, v in world.keys_env().items()
                    if k.startswith("AWS_") and k != "AWS_CONFIG_FILE"})
        pid, fd = spawn([ACW, form], env)
        if read_until(fd, READY, time.perf_counter() + 10) is None:
            stop(pid, fd)
            return None
        settle(fd, 0.02)
        type_keys(fd, [b"\x1b[6~"] * 14 + [b"\x1b[21~"], [])
        before = peak_kib(pid)  # every section and the review, before libcurl
        os.write(fd, b"\x1b[21~")  # F10 on the review: submit, after a question
        read_until(fd, b"now?", time.perf_counter() + 5)
        settle(fd, 0.02)
        t0 = time.perf_counter()
        os.write(fd, b"y")
        done = read_until(fd, b"Press any key", t0 + 60)
        took = time.perf_counter() - t0
        peak = peak_kib(pid)
        split = rss_split_kib(pid)
        stop(pid, fd, signal.SIGTERM)
        return (peak, took, split, before) if done else None


def full_session(env, form):
    """Open the maximal form, walk every section to the review and scroll it,
    then end with SIGTERM (which autosaves): the peak memory in KiB."""
    pid, fd = spawn([ACW, form], env)
    if read_until(fd, READY, time.perf_counter() + 10) is None:
        stop(pid, fd)
        return 0
    settle(fd, 0.02)
    type_keys(fd, [b"\x1b[6~"] * 14, [])  # Page Down through every section
    type_keys(fd, [b"\x1b[21~"], [])      # F10: the review with the whole JSON
    type_keys(fd, [b"\x1b[6~"] * 5, [])   # scroll it
    peak = peak_kib(pid)
    stop(pid, fd, signal.SIGTERM)
    return peak


def main():
    if not os.path.exists(ACW):
        print("bench_ui: build the program first")
        return 0
    home = tempfile.mkdtemp(prefix="acw-benchui-")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "TERM": "xterm-256color",
           "LANG": "C.UTF-8", "XDG_STATE_HOME": os.path.join(home, "state"),
           "AGENTCORE_WIZARD_FORMS": os.path.join(top, "forms"), "AWS_REGION": "us-east-1",
           "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"}
    startup, key, section = [], [], []
    try:
        for _ in range(RUNS):
            shutil.rmtree(os.path.join(home, "state"), ignore_errors=True)
            t0 = time.perf_counter()
            # an empty form under a new file's name: without a FORM the
            # start screen comes first
            pid, fd = spawn([ACW, os.path.join(home, "new.json")], env)
            if read_until(fd, READY, t0 + 10) is None:
                print("bench_ui: the first screen did not appear")
                stop(pid, fd)
                return 0
            startup.append(settle(fd, 0.02) - t0)
            type_keys(fd, [bytes([ch]) for ch in b"my_agent"], key)
            t2 = time.perf_counter()
            os.write(fd, b"\x1b[6~")  # Page Down: next section, with the section's checks
            r, _, _ = select.select([fd], [], [], 2)
            if r:
                os.read(fd, 65536)
                last = settle(fd, 0.03)
                section.append(last - t2)
            stop(pid, fd)
        # a typical form (a container in a VPC) walked, reviewed and submitted
        shutil.rmtree(os.path.join(home, "state"), ignore_errors=True)
        typical = submit_session(env, os.path.join(top, "tests", "data", "valid", "vpc.json"))
        form = os.path.join(home, "maximal.json")
        full_start, full_key, review_key, peak, submitted = [], [], [], [], None
        if os.access(BENCH_VALIDATE, os.X_OK) and subprocess.run(
                [BENCH_VALIDATE, "--save", form], env=env).returncode == 0:
            for _ in range(max(3, RUNS // 3)):
                shutil.rmtree(os.path.join(home, "state"), ignore_errors=True)
                t0 = time.perf_counter()
                pid, fd = spawn([ACW, form], env)
                if read_until(fd, READY, t0 + 10) is None:
                    stop(pid, fd)
                    break
                full_start.append(settle(fd, 0.02) - t0)
                # the name field is full (45 of 48): type one more and take it back
                type_keys(fd, [b"x", b"\x7f"] * 4, full_key)
                type_keys(fd, [b"\x1b[21~"], [])  # F10: the review of it all
                type_keys(fd, [b"\x1bOB"] * 8, review_key)  # Down (keypad mode)
                stop(pid, fd)
            for _ in range(3):
                shutil.rmtree(os.path.join(home, "state"), ignore_errors=True)
                peak.append(full_session(env, form))
            shutil.rmtree(os.path.join(home, "state"), ignore_errors=True)
            submitted = submit_session(env, form)
        tags = None
        tags_size = tags_form(os.path.join(home, "tags.json"))
        shutil.rmtree(os.path.join(home, "state"), ignore_errors=True)
        tags = tags_session(env, os.path.join(home, "tags.json"))
        ref = {}
        for name, argv in (("aws --version", ["aws", "--version"]),
                           ("curl --version", ["curl", "--version"])):
            if shutil.which(argv[0]):
                ts = []
                for _ in range(max(3, RUNS // 3)):
                    t0 = time.perf_counter()
                    subprocess.run(argv, capture_output=True, env=env)
                    ts.append(time.perf_counter() - t0)
                ref[name] = statistics.median(ts)
        ms = lambda v: statistics.median(v) * 1000  # noqa: E731
        print(f"agentcore-wizard in an 80x24 pseudo-terminal, medians of {RUNS} runs:")
        print(f"  start-up to first screen ready     {ms(startup):7.1f} ms")
        if key:
            print(f"  keystroke to screen update (text)  {ms(key):7.2f} ms "
                  f"(p95 {sorted(key)[int(len(key) * 0.95)] * 1000:.2f} ms)")
        if section:
            print(f"  Page Down to next section drawn    {ms(section):7.1f} ms "
                  "(to the last byte drawn)")
        if full_start:
            print(f"  maximal form: start-up             {ms(full_start):7.1f} ms")
        if full_key:
            print(f"  maximal form: keystroke            {ms(full_key):7.2f} ms "
                  f"(p95 {sorted(full_key)[int(len(full_key) * 0.95)] * 1000:.2f} ms)")
        if review_key:
            print(f"  maximal form: Down on the review   {ms(review_key):7.2f} ms "
                  f"(p95 {sorted(review_key)[int(len(review_key) * 0.95)] * 1000:.2f} ms)")
        if peak and max(peak):
            print(f"  peak memory, whole session on the maximal form (every section, "
                  f"review): {max(peak) / 1024:.1f} MiB")
        mib = lambda kib: kib / 1024  # noqa: E731
        for what, got in (("a typical form (vpc.json)", typical),
                          ("the maximal form", submitted)):
            if got:
                print(f"  peak memory, {what} walked and reviewed: {mib(got[3]):.1f} MiB")
                print(f"  peak memory, {what} walked, reviewed, submitted to moto over "
                      f"HTTPS and followed to READY: {mib(got[0]):.1f} MiB; at the end "
                      f"{mib(got[2][0]):.1f} MiB its own, {mib(got[2][1]):.1f} MiB pages of "
                      f"the files it maps (libcurl, its libraries and libcrypto's TLS: "
                      f"shared) (submission to READY shown: {got[1] * 1000:.0f} ms)")
        if tags:
            print(f"  a form with 60,000 tags ({tags_size // 1024} KiB), to the last byte drawn:")
            for what in ("start", "to tags", "onto tags", "down", "type", "edit, down",
                         "esc undo", "f8 delete", "f5/f6 move", "f10", "review down",
                         "review end", "f12"):
                if tags[what]:
                    print(f"    {what:12s} {ms(tags[what]):9.2f} ms "
                          f"(max {max(tags[what]) * 1000:.2f} ms)")
        if not full_start:
            print(f"  (no maximal form: build {BENCH_VALIDATE} with make bench)")
        for name, v in ref.items():
            print(f"  for comparison: {name:15s}    {v * 1000:7.1f} ms")
        if "aws --version" in ref:
            print(f"  aws --version / wizard start-up   = "
                  f"{ref['aws --version'] / statistics.median(startup):.1f}x")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


sys.exit(main())
