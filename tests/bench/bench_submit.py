#!/usr/bin/env python3
"""bench_submit: time `agentcore-wizard submit` of a typical form against moto
on loopback (plain HTTP, no proxy), side by side with the floor, a bare signed
request made by `curl --aws-sigv4`, and with the AWS CLI. Runs alternate
between the three; medians and ratios are printed. Never fails.

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


def main():
    if not shutil.which("moto_server"):
        print("bench_submit: moto_server not found; nothing measured")
        return 0
    tmp = tempfile.mkdtemp(prefix="acw-bench-")
    moto = harness.Moto(tmp)
    try:
        form = os.path.join(top, "tests", "data", "valid", "vpc.json")
        with open(form) as f:
            body = json.load(f)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="secret",
                   AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1",
                   HOME=tmp, AWS_CONFIG_FILE="/dev/null",
                   AWS_SHARED_CREDENTIALS_FILE="/dev/null")
        # curl sends exactly the body the wizard would (with a token), prepared once
        curl_body = os.path.join(tmp, "body.json")
        body["clientToken"] = "bench-0123456789abcdef0123456789abcdef"
        with open(curl_body, "w") as f:
            json.dump(body, f, separators=(",", ":"))
        sides = {
            "agentcore-wizard": [ACW, "submit", "--endpoint-url", moto.url, form],
            "curl --aws-sigv4": ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                                 "--aws-sigv4", "aws:amz:us-east-1:bedrock-agentcore",
                                 "--user", "AKIDEXAMPLE:secret", "-X", "PUT",
                                 "-H", "content-type: application/json",
                                 "--data-binary", "@" + curl_body, moto.url + "/runtimes/"],
            "aws cli": ["aws", "bedrock-agentcore-control", "create-agent-runtime",
                        "--cli-input-json", "file://" + form, "--endpoint-url", moto.url],
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
                    return 0
                times[name].append(dt)
            moto.reset()
        med = {k: statistics.median(v) * 1000 for k, v in times.items() if v}
        print(f"submit of {os.path.basename(form)} to moto on loopback, medians of "
              f"{', '.join(f'{len(v)} {k}' for k, v in times.items())} runs:")
        for k, v in med.items():
            print(f"  {k:18s} {v:8.1f} ms")
        w = med["agentcore-wizard"]
        print(f"  agentcore-wizard / curl   = {w / med['curl --aws-sigv4']:.2f}x (goal <= 1.1x)")
        if "aws cli" in med:
            print(f"  aws cli / agentcore-wizard = {med['aws cli'] / w:.1f}x (goal >= 30x)")
    finally:
        moto.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


sys.exit(main())
