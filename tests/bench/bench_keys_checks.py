#!/usr/bin/env python3
"""bench_keys_checks: the wizard's keystroke time while account checks are
in flight (issue 10: "a keystroke stays under 1 ms at p95"). The wizard
runs on an 80x24 pseudo-terminal against moto behind the checking proxy,
with IAM and the control plane at a loopback server that holds every
answer: leaving the runtime's name (changed) starts the checks, whose
GetRole and ListAgentRuntimes then wait there. Each cycle types a letter
into the name, Tab (the checks start), three letters into the description
(the first of them drops the run: cancelled, freed once its threads end,
never waited for) and Shift-Tab. Every key is timed from writing it to the
first byte of the redraw; p50 and p95 are printed, with how many check
runs reached the slow server. Never fails.

Run: python3 tests/bench/bench_keys_checks.py [CYCLES]   (after make; needs
moto_server)"""
import fcntl
import http.server
import json
import os
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import threading
import time

top = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(top, "tests", "servers"))
import harness  # noqa: E402

ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", top), "src",
                                            "agentcore-wizard")
CYCLES = int(sys.argv[1]) if len(sys.argv) > 1 else 40
held = []


class Slow(http.server.BaseHTTPRequestHandler):
    def answer(self):
        held.append(self.path)
        time.sleep(60)

    do_GET = do_POST = answer

    def log_message(self, *a):
        pass


def drain(fd, quiet):
    """Read until the program is silent for `quiet` seconds."""
    while select.select([fd], [], [], quiet)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def timed(fd, key, out, kind):
    t = time.perf_counter()
    os.write(fd, key)
    if select.select([fd], [], [], 2)[0]:
        os.read(fd, 65536)
        out.append(time.perf_counter() - t)
        by_kind.setdefault(kind, []).append(out[-1])
    drain(fd, 0.02)


by_kind = {}


def main():
    if not os.path.exists(ACW):
        print("bench_keys_checks: build the program first")
        return 0
    try:
        harness.require_python_aws()
    except SystemExit:
        print("bench_keys_checks: no moto_server here")
        return 0
    slow = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    slow.daemon_threads = True
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d" % slow.server_address[1]
    keys = []
    with harness.World() as world:
        tmp = tempfile.mkdtemp(prefix="acw-benchkc-")
        form = os.path.join(tmp, "form.json")
        with open(form, "w") as f:
            json.dump({"agentRuntimeName": "bench",
                       "agentRuntimeArtifact": {"containerConfiguration": {
                           "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1"}},
                       "roleArn": "arn:aws:iam::123456789012:role/BenchRole",
                       "networkConfiguration": {"networkMode": "PUBLIC"}}, f)
        env = world.keys_env(AWS_ENDPOINT_URL_IAM=url,
                             AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=url,
                             TERM="xterm-256color", XDG_STATE_HOME=os.path.join(tmp, "state"),
                             AGENTCORE_WIZARD_FORMS=os.path.join(top, "forms"))
        fd, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        pid = os.posix_spawn(ACW, [ACW, form], env, setsid=True,
                             file_actions=[(os.POSIX_SPAWN_DUP2, slave, n) for n in (0, 1, 2)])
        os.close(slave)
        drain(fd, 2.0)  # the first screen, and who the credentials are
        for i in range(CYCLES):
            timed(fd, b"abcdefghijklmnopqrstuvwxyz"[i % 26:i % 26 + 1], keys, "letter")
            timed(fd, b"\t", keys, "Tab (checks start)")
            time.sleep(0.05)  # their requests reach the slow server
            for n, ch in enumerate(b"xyz"):
                timed(fd, bytes([ch]), keys, "first letter after (run dropped)" if n == 0
                      else "letter")
            timed(fd, b"\x1b[Z", keys, "Shift-Tab")
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    slow.shutdown()
    if not keys:
        print("bench_keys_checks: no key was answered")
        return 0
    keys.sort()
    print("wizard keystrokes with account checks in flight: %d keys, p50 %.2f ms, p95 %.2f ms "
          "(goal: p95 under 1 ms); %d requests held at the slow IAM/control plane" %
          (len(keys), statistics.median(keys) * 1000, keys[int(len(keys) * 0.95)] * 1000,
           len(held)))
    for kind, v in sorted(by_kind.items()):
        v.sort()
        print("  %-34s %3d keys, p50 %.2f ms, p95 %.2f ms" %
              (kind, len(v), statistics.median(v) * 1000, v[int(len(v) * 0.95)] * 1000))
    return 0


sys.exit(main())
