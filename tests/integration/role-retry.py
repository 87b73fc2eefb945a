#!/usr/bin/env python3
"""`submit` after `create-role` (issue 10): the role create-role made (in moto,
behind the checking proxy) is noted, and a submit of a form naming it waits
out the service's role validation error: the create is sent again with the
same clientToken after the wait, said on standard error. A role not made
lately is refused at once. moto never validates a role, so it cannot refuse
one: the control plane here is a loopback server that refuses the first
create with the message the starter toolkit retries on ("Role validation
failed"). Exit 0 pass, 1 fail, 77 skip."""
import http.server
import json
import os
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "servers"))
sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "integration"))
import harness  # noqa: E402

harness.require_python_aws()
import checks as c  # noqa: E402

puts = []
REFUSAL = ("Role validation failed for role %s. Please verify that the role exists and its "
           "trust policy allows assumption from the service principal.")


class ControlPlane(http.server.BaseHTTPRequestHandler):
    def do_PUT(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        puts.append(body)
        if len(puts) == 1:
            out, status = json.dumps({"message": REFUSAL % body.get("roleArn")}).encode(), 400
        else:
            out, status = json.dumps({
                "agentRuntimeArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/"
                                   "rt-1", "agentRuntimeId": "rt-1", "agentRuntimeVersion": "1",
                "status": "CREATING"}).encode(), 201
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if status == 400:
            self.send_header("x-amzn-ErrorType", "ValidationException")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *a):
        pass


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ControlPlane)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d" % server.server_address[1]
    with harness.World() as w, tempfile.TemporaryDirectory() as tmp:
        p = c.run(["create-role", "--yes", c.form(tmp, "made", runtime="made_agent")],
                  w.keys_env())
        arn = p.stdout.strip()
        c.check("create-role made a role", p.returncode == 0 and ":role/" in arn, p.stderr)
        env = w.keys_env(AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=url)
        p = c.run(["submit", "--no-check", c.form(tmp, "new", role=arn)], env)
        c.check("submit of the new role waits and is created", p.returncode == 0 and
                len(puts) == 2 and "cannot use the new role yet" in p.stderr,
                (p.returncode, len(puts), p.stderr))
        c.check("the same clientToken both times",
                len(puts) == 2 and puts[0]["clientToken"] == puts[1]["clientToken"], puts)
        c.check("it waited about 5 s", p.elapsed >= 4.5, p.elapsed)
        puts.clear()
        p = c.run(["submit", "--no-check", c.form(tmp, "old", role="SomeOldRole")], env)
        c.check("a role not made lately is refused at once",
                p.returncode == 4 and len(puts) == 1 and "Role validation failed" in p.stderr,
                (p.returncode, len(puts), p.stderr))
    server.shutdown()
    print(f"{c.results['passed']} passed, {c.results['failed']} failed")
    return 1 if c.results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
