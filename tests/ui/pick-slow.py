"""Typing stays fast while an account check is pending (issue 10): the
checks start in the background when the role field is left changed; IAM
is a loopback server that holds its answer for 30 s (STS and the rest are
moto behind the checking proxy). While GetRole waits there, 30 characters
typed into another field all show within a few seconds: nothing on the key
path waits for the check. Leaving an unchanged field starts nothing."""
import http.server
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tmuxterm import check, form_term, need_moto  # noqa: E402

harness = need_moto()

seen = []


class Slow(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        seen.append(self.rfile.read(n).decode(errors="replace"))
        time.sleep(30)
        try:
            self.send_response(500)
            self.end_headers()
        except OSError:
            pass

    def log_message(self, *a):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()

FORM = {
    "agentRuntimeName": "slow",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/SlowRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
}

with harness.World() as world:
    env = world.ui_env()
    env["AWS_ENDPOINT_URL_IAM"] = "http://127.0.0.1:%d" % server.server_address[1]
    t = form_term(FORM, "acw-ui-slow-", env=env)
    t.wait_text("Account: 123456789012", timeout=20)
    t.go_to("Permissions")
    # left unchanged: nothing starts
    t.next_section("PageUp")
    time.sleep(1)
    check(not seen, "a check started for a field left unchanged", t)
    t.go_to("Permissions")
    t.keys("End")
    t.type("2")
    t.wait_text("SlowRole2")
    t.next_section("PageUp")  # the role field left, changed: the checks start
    harness.wait_until(lambda: any("GetRole" in b for b in seen), 15, "GetRole at the slow IAM")
    t.go_to("Basics", key="PageUp")
    text = "abcdefghij" * 3
    t0 = time.monotonic()
    t.type(text)
    t.wait_text("slow" + text, timeout=10)
    took = time.monotonic() - t0
    print("30 keys shown in %.2f s while GetRole was pending" % took)
    check(took < 5, "typing waited for the check: %.1f s" % took, t)
    t0 = time.monotonic()
    check(t.quit() == 0, "quit failed", t)
    check(time.monotonic() - t0 < 10, "quitting waited for the slow check", t)
    t.close()
server.shutdown()
print("ok: typing stays fast while a check is pending")
