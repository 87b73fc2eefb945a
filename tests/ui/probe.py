"""F7 on the JWT authorizer's discovery URL fetches it (over HTTPS, with the
CA bundle of the AWS settings) and says what it found: nothing is fetched
before the user asks; a good OpenID configuration is a note, one without
signing keys or an unreachable URL is a warning that blocks nothing."""
import http.server
import json
import os
import ssl
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "servers"))
from tmuxterm import Term, check, need_tmux  # noqa: E402

need_tmux()
import harness  # noqa: E402

tmp = tempfile.mkdtemp(prefix="acw-ui-probe-")
ca = harness.CA(tmp)
hits = []


class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        hits.append(self.path)
        base = "https://127.0.0.1:%d" % self.server.server_address[1]
        docs = {"/good/.well-known/openid-configuration":
                {"issuer": base + "/good", "jwks_uri": base + "/good/keys"},
                "/nokeys/.well-known/openid-configuration": {"issuer": base + "/nokeys"}}
        if self.path not in docs:
            self.send_error(404)
            return
        body = json.dumps(docs[self.path]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(ca.server_cert, ca.server_key)
server.socket = ctx.wrap_socket(server.socket, server_side=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "https://127.0.0.1:%d" % server.server_address[1]

FORM = {
    "agentRuntimeName": "probe_agent",
    "agentRuntimeArtifact": {"containerConfiguration": {
        "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1"}},
    "roleArn": "arn:aws:iam::123456789012:role/AgentRole",
    "networkConfiguration": {"networkMode": "PUBLIC"},
    "authorizerConfiguration": {"customJWTAuthorizer": {
        "discoveryUrl": base + "/good/.well-known/openid-configuration",
        "allowedAudience": ["my-api"]}},
}
with open(os.path.join(tmp, "form.json"), "w") as f:
    json.dump(FORM, f)
t = Term(args=["form.json"], tmp=tmp, env={"AWS_CA_BUNDLE": ca.cert, "AWS_REGION": "us-east-1"})
t.own_tmp = False  # the --plain run below uses the same folder
t.wait_text("probe_agent")
t.keys("PageDown", "PageDown", "PageDown", "PageDown")
t.wait_text("Discovery URL")
t.keys("Tab")
t.wait_text("F7 fetches it")
check(hits == [], "fetched before the user asked: %r" % hits, t)
t.keys("F7")
s = t.wait_text("Checked: an OpenID configuration")
check(hits == ["/good/.well-known/openid-configuration"], "requests: %r" % hits, t)
# a configuration without signing keys: a warning, and the section still passes
t.keys("C-u")
t.type(base + "/nokeys/.well-known/openid-configuration")
t.keys("F7")
s = t.wait_text("Warning (the form can still be sent)")
check("jwks_uri" in s, "the warning does not name jwks_uri", t)
# nothing answers there: a warning too, within the probe's timeouts
t.keys("C-u")
t.type("https://127.0.0.1:1/x/.well-known/openid-configuration")
t.keys("F7")
s = t.wait_text("could not fetch it", timeout=30)
t.keys("PageDown")
t.wait_text("Headers of the caller")
t.keys("F12", "n")
t.exit_code()
t.close()

# --plain offers the same check after the question, when a person answers
hits.clear()
p = Term(args=["--plain", "form.json"], tmp=tmp,
         env={"AWS_CA_BUNDLE": ca.cert, "AWS_REGION": "us-east-1"})
p.own_tmp = True
for _ in range(60):  # Enter keeps each value, up to the discovery URL
    s = p.wait(lambda s: s.rstrip().endswith(":"), "a question")
    if "Fetch it now" in s:
        break
    p.keys("Enter")
    p.wait(lambda x: x != s, "the next question")
check("Fetch it now" in p.screen(), "--plain did not offer the check", p)
check(hits == [], "--plain fetched before the user asked: %r" % hits, p)
p.type("y")
p.keys("Enter")
p.wait_text("Checked: an OpenID configuration")
check(hits == ["/good/.well-known/openid-configuration"], "requests: %r" % hits, p)
p.close()
server.shutdown()
print("ok: F7 fetches the discovery URL only when asked and warns without blocking")
