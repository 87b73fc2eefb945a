#!/usr/bin/env python3
"""bench_submit: time `agentcore-wizard submit` of a typical form side by side
with the floor, a bare signed request made by `curl --aws-sigv4`, and with the
AWS CLI, against two local endpoints on loopback (plain HTTP):
  1. moto, which really creates the runtime (and takes most of the time itself);
  2. a canned responder that answers every request at once with a fixed 202
     CreateAgentRuntime answer, which shows the clients' own cost.
Runs alternate between the three clients; medians and ratios are printed.
Then the pieces of a submit that send nothing, alternating too: `--version`
(start-up alone), `validate` (plus loading the form definitions and
validating) and `submit --dry-run` (plus settings, credentials and signing).
Last, the peak memory of one submit over HTTPS for the three clients.
Never fails.

Run: python3 tests/bench/bench_submit.py [RUNS]   (after make; needs moto_server)"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

top = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(top, "tests", "servers"))
import harness  # noqa: E402

ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", top), "src",
                                            "agentcore-wizard")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 20


class Canned:
    """A loopback HTTP server answering every request with the same 202."""

    def __init__(self):
        import http.server
        import threading
        answer = json.dumps({"agentRuntimeArn": "arn:aws:bedrock-agentcore:us-east-1:"
                             "123456789012:runtime/bench_agent-0123456789",
                             "agentRuntimeId": "bench_agent-0123456789",
                             "agentRuntimeVersion": "1", "createdAt": "2026-11-25T00:00:00Z",
                             "status": "CREATING"}).encode()

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_PUT(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(202)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self):
        pass

    def stop(self):
        self.server.shutdown()


def measure(endpoint, label, form, env, tmp):
    with open(form) as f:
        body = json.load(f)
    # curl sends exactly the body the wizard would (with a token), prepared once
    curl_body = os.path.join(tmp, "body.json")
    body["clientToken"] = "bench-0123456789abcdef0123456789abcdef"
    with open(curl_body, "w") as f:
        json.dump(body, f, separators=(",", ":"))
    sides = {
        "agentcore-wizard": [ACW, "submit", "--no-check", "--endpoint-url", endpoint.url, form],
        "curl --aws-sigv4": ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                             "--aws-sigv4", "aws:amz:us-east-1:bedrock-agentcore",
                             "--user", "AKIDEXAMPLE:secret", "-X", "PUT",
                             "-H", "content-type: application/json",
                             "--data-binary", "@" + curl_body, endpoint.url + "/runtimes/"],
        "aws cli": ["aws", "bedrock-agentcore-control", "create-agent-runtime",
                    "--cli-input-json", "file://" + form, "--endpoint-url", endpoint.url],
    }
    if not shutil.which("aws"):
        del sides["aws cli"]
    times = {k: [] for k in sides}
    for i in range(RUNS):
        for name, cmd in sides.items():
            if name == "aws cli" and i >= max(5, RUNS // 4):
                continue  # the AWS CLI is slow: fewer runs suffice for its median
            t0 = time.perf_counter()
            p = subprocess.run(cmd, env=env, capture_output=True, text=True)
            dt = time.perf_counter() - t0
            if p.returncode != 0:
                print(f"{name} failed: {p.stderr.strip()[:300]}")
                return
            times[name].append(dt)
        endpoint.reset()
    med = {k: statistics.median(v) * 1000 for k, v in times.items() if v}
    print(f"submit of {os.path.basename(form)} to {label}, medians of "
          f"{', '.join(f'{len(v)} {k}' for k, v in times.items())} runs:")
    for k, v in med.items():
        print(f"  {k:18s} {v:8.1f} ms")
    w = med["agentcore-wizard"]
    print(f"  agentcore-wizard / curl    = {w / med['curl --aws-sigv4']:.2f}x (goal <= 1.1x)")
    if "aws cli" in med:
        print(f"  aws cli / agentcore-wizard = {med['aws cli'] / w:.1f}x (goal >= 30x)")


def pieces(form, env):
    """Medians of the steps before a request: start-up, forms and validation,
    signing."""
    sides = {"--version": [ACW, "--version"], "validate": [ACW, "validate", form],
             "submit --dry-run": [ACW, "submit", "--dry-run", form]}
    times = {k: [] for k in sides}
    for _ in range(RUNS * 2):
        for name, cmd in sides.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True)
            times[name].append(time.perf_counter() - t0)
    print(f"the steps before a request, medians of {RUNS * 2} runs each:")
    for k, v in times.items():
        print(f"  {k:18s} {statistics.median(v) * 1000:8.2f} ms")


def memory(form):
    """Peak resident memory of one submit over HTTPS (moto behind the tests'
    signature-checking proxy, with its throwaway CA), for the three clients,
    each measured the same way: GNU time's %M (the child's ru_maxrss; time
    itself is small, so this is within a few hundred KiB). Medians of 5."""
    gnu_time = "/usr/bin/time"
    if not os.access(gnu_time, os.X_OK):
        print("peak memory: /usr/bin/time (Debian: time) not found; not measured")
        return
    with harness.World() as world:
        env = world.keys_env()
        with open(form) as f:
            body = json.load(f)
        body["clientToken"] = "bench-0123456789abcdef0123456789abcdef"
        curl_body = os.path.join(world.dir, "body.json")
        with open(curl_body, "w") as f:
            json.dump(body, f, separators=(",", ":"))
        sides = {
            "agentcore-wizard": [ACW, "submit", "--no-check", form],
            "curl --aws-sigv4": ["curl", "-sS", "-o", "/dev/null", "--cacert", world.ca.cert,
                                 "--aws-sigv4", "aws:amz:us-east-1:bedrock-agentcore",
                                 "--user", "%s:%s" % (world.AKID, world.SECRET), "-X", "PUT",
                                 "-H", "content-type: application/json",
                                 "--data-binary", "@" + curl_body,
                                 world.proxy.url + "/runtimes/"],
            "aws cli": ["aws", "bedrock-agentcore-control", "create-agent-runtime",
                        "--cli-input-json", "file://" + form],
        }
        if not shutil.which("aws"):
            del sides["aws cli"]
        peaks = {k: [] for k in sides}
        for _ in range(5):
            for name, cmd in sides.items():
                p = subprocess.run([gnu_time, "-f", "%M"] + cmd, env=env,
                                   capture_output=True, text=True)
                last = p.stderr.strip().split("\n")[-1]
                if p.returncode != 0 or not last.isdigit():
                    print(f"peak memory: {name} failed: {p.stderr.strip()[:300]}")
                    return
                peaks[name].append(int(last))
    print("peak memory of one submit over HTTPS (TLS verified with the test CA), "
          "medians of 5 runs:")
    for k, v in peaks.items():
        print(f"  {k:18s} {statistics.median(v) / 1024:8.1f} MiB")


def main():
    if not shutil.which("moto_server"):
        print("bench_submit: moto_server not found; nothing measured")
        return 0
    tmp = tempfile.mkdtemp(prefix="acw-bench-")
    form = os.path.join(top, "tests", "data", "valid", "vpc.json")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="secret",
               AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1",
               HOME=tmp, AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    moto = harness.Moto(tmp)
    try:
        measure(moto, "moto on loopback", form, env, tmp)
    finally:
        moto.stop()
    canned = Canned()
    try:
        measure(canned, "a canned 202 responder on loopback", form, env, tmp)
        pieces(form, env)
    finally:
        canned.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    memory(form)
    return 0


sys.exit(main())
