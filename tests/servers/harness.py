"""Test servers for agentcore-wizard: a throwaway CA, moto_server on loopback
over HTTPS, and a proxy that checks every SigV4 signature with botocore's
own signer, injects faults and records what it saw.

Used by tests/integration/*.py and tests/ui/*.py. Everything binds to
127.0.0.1 on free ports and is stopped when the `with` block ends."""
import http.client
import http.server
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SKIP = 77


def require_python_aws():
    """Exit with 77 (skip) when moto's server or botocore is missing."""
    try:
        import botocore  # noqa: F401
        import moto  # noqa: F401
    except ImportError as e:
        print(f"SKIP: {e}")
        sys.exit(SKIP)
    if not shutil.which("moto_server"):
        print("SKIP: moto_server is not on PATH")
        sys.exit(SKIP)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(pred, timeout=20.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if pred():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"timed out waiting for {what}")


class CA:
    """A throwaway certificate authority and a server certificate for
    localhost and 127.0.0.1, made with openssl."""

    def __init__(self, folder):
        self.dir = folder
        self.cert = os.path.join(folder, "ca.pem")
        self.key = os.path.join(folder, "ca.key")
        self.server_cert = os.path.join(folder, "server.pem")
        self.server_key = os.path.join(folder, "server.key")
        run = lambda *a: subprocess.run(a, check=True, capture_output=True)  # noqa: E731
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=agentcore-wizard test CA", "-keyout", self.key, "-out", self.cert)
        ext = os.path.join(folder, "ext.cnf")
        with open(ext, "w") as f:
            f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                    "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                    "extendedKeyUsage=serverAuth\n")
        csr = os.path.join(folder, "server.csr")
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
            "-keyout", self.server_key, "-out", csr)
        run("openssl", "x509", "-req", "-in", csr, "-CA", self.cert, "-CAkey", self.key,
            "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", self.server_cert)


class Moto:
    """moto_server on a free loopback port (plain HTTP: only the proxy talks to it)."""

    def __init__(self, folder):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(folder, "moto.log"), "w")
        env = dict(os.environ)
        env.pop("INITIAL_NO_AUTH_ACTION_COUNT", None)
        self.proc = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)
        wait_until(lambda: self._get("/moto-api/") is not None, what="moto_server")

    def _get(self, path):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            c.request("GET", path)
            r = c.getresponse()
            return r.read() if r.status == 200 else None
        finally:
            c.close()

    def _post(self, path, body=b""):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            c.request("POST", path, body=body, headers={"Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            return r.status
        finally:
            c.close()

    def reset(self):
        self._post("/moto-api/reset")

    def runtimes(self):
        """Every agent runtime moto holds, as dicts of its stored fields
        (agent_runtime_name, agent_runtime_artifact, network_configuration, ...)."""
        data = json.loads(self._get("/moto-api/data.json"))
        return list(data.get("bedrockagentcorecontrol", {}).get("AgentRuntime", []))

    def ready_after(self, seconds):
        """Runtimes go from CREATING to READY after `seconds`."""
        body = json.dumps({"model_name": "bedrock-agentcore-control::agent_runtime",
                           "transition": {"progression": "time", "seconds": seconds}})
        return self._post("/moto-api/state-manager/set-transition", body.encode())

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


class Proxy:
    """HTTPS in front of moto. Every request must carry a SigV4 signature that
    botocore's SigV4Auth computes the same from what was received; otherwise 403.
    Also: fault injection, a request log, and the service's clientToken
    idempotency (moto does not implement it): a create whose token was already
    answered gets the recorded answer again instead of a second runtime."""

    def __init__(self, moto, ca, credentials):
        self.moto = moto
        self.credentials = dict(credentials)  # access key id -> (secret, token or None)
        self.log = []
        self.faults = []  # list of "throttle", "unavailable", "drop", "html"
        self.answered = {}  # clientToken -> (status, headers, body)
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                proxy.handle(self)

            do_PUT = do_POST = do_DELETE = do_GET

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(ca.server_cert, ca.server_key)
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def inject(self, *faults):
        with self.lock:
            self.faults.extend(faults)

    def clear(self):
        with self.lock:
            self.log.clear()
            self.faults.clear()
            self.answered.clear()

    def check_signature(self, method, path, headers, body):
        """None when the signature is right, else why not."""
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        headers = {k.lower(): v for k, v in headers.items()}
        auth = headers.get("authorization", "")
        if not auth.startswith("AWS4-HMAC-SHA256 "):
            return "no SigV4 Authorization header"
        parts = dict(p.strip().split("=", 1) for p in auth[len("AWS4-HMAC-SHA256 "):].split(","))
        akid, date, region, service, _ = parts["Credential"].split("/")
        if akid not in self.credentials:
            return f"unknown access key {akid}"
        secret, token = self.credentials[akid]
        if token and headers.get("x-amz-security-token") != token:
            return "missing or wrong security token"
        signed = parts["SignedHeaders"].split(";")
        req_headers = {h: headers[h] for h in signed if headers.get(h) is not None}
        url = f"https://{headers['host']}{path}"
        req = AWSRequest(method=method, url=url, data=body, headers=req_headers)
        req.context["timestamp"] = headers.get("x-amz-date", "")
        signer = SigV4Auth(Credentials(akid, secret, token), service, region)
        # botocore drops some headers from signing; sign exactly what the client named
        signer.headers_to_sign = lambda r: _only(r, signed)
        canonical = signer.canonical_request(req)
        sts = signer.string_to_sign(req, canonical)
        want = signer.signature(sts, req)
        if parts["Signature"] != want:
            return "signature does not match"
        return None

    def handle(self, h):
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        headers = {k: v for k, v in h.headers.items()}
        path = h.path
        token = None
        if body:
            try:
                token = json.loads(body).get("clientToken")
            except (ValueError, AttributeError):
                pass
        why = self.check_signature(h.command, path, headers, body)
        with self.lock:
            self.log.append({"method": h.command, "path": path, "clientToken": token,
                             "signed": why is None, "why": why,
                             "date": headers.get("X-Amz-Date")})
            fault = self.faults.pop(0) if (self.faults and why is None) else None
        if why is not None:
            return self.reply(h, 403, {"x-amzn-ErrorType": "InvalidSignatureException"},
                              json.dumps({"message": "The request signature we calculated "
                                          f"does not match the signature you provided ({why})"}))
        if fault == "throttle":
            return self.reply(h, 429, {"x-amzn-ErrorType": "ThrottlingException"},
                              json.dumps({"message": "Rate exceeded"}))
        if fault == "unavailable":
            return self.reply(h, 503, {"Content-Type": "text/html"},
                              "<html><body><h1>503 Service Unavailable</h1></body></html>")
        if fault == "validation":
            return self.reply(h, 400, {"x-amzn-ErrorType":
                                       "ValidationException:http://internal"},
                              json.dumps({"message": "1 validation error detected",
                                          "reason": "FieldValidationFailed",
                                          "fieldList": [{"name": "roleArn",
                                                         "message": "role cannot be assumed"}]}))
        if h.command == "PUT" and path == "/runtimes/" and token in self.answered:
            status, rh, rb = self.answered[token]
            return self.reply(h, status, rh, rb)
        status, rh, rb = self.forward(h.command, path, headers, body)
        if h.command == "PUT" and path == "/runtimes/" and token and 200 <= status < 300:
            self.answered[token] = (status, rh, rb)
        self.learn_credentials(rb)
        if fault == "drop":
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_RDWR)
            return
        return self.reply(h, status, rh, rb)

    def learn_credentials(self, body):
        """Temporary credentials moto's STS hands out may sign later requests."""
        if isinstance(body, bytes) and b"<SecretAccessKey>" in body:
            text = body.decode("utf-8", "replace")
            get = lambda t: text.split(f"<{t}>", 1)[1].split(f"</{t}>", 1)[0]  # noqa: E731
            self.credentials[get("AccessKeyId")] = (get("SecretAccessKey"), get("SessionToken"))

    def forward(self, method, path, headers, body):
        c = http.client.HTTPConnection("127.0.0.1", self.moto.port, timeout=30)
        try:
            fwd = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection")}
            c.request(method, path, body=body, headers=fwd)
            r = c.getresponse()
            data = r.read()
            keep = {k: v for k, v in r.getheaders()
                    if k.lower() not in ("content-length", "connection", "transfer-encoding",
                                         "server", "date")}
            return r.status, keep, data
        finally:
            c.close()

    def reply(self, h, status, headers, body):
        if isinstance(body, str):
            body = body.encode()
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        if "x-amzn-RequestId" not in headers:
            h.send_header("x-amzn-RequestId", "req-%d" % len(self.log))
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)


def _only(request, names):
    from botocore.awsrequest import HTTPHeaders
    out = HTTPHeaders()
    for n in names:
        for k, v in request.headers.items():
            if k.lower() == n:
                out[n] = v
    return out


class World:
    """CA + moto + proxy + a clean environment for the program under test."""

    AKID = "AKIDEXAMPLE"
    SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="acw-it-")
        self.ca = CA(self.dir)
        self.moto = Moto(self.dir)
        self.proxy = Proxy(self.moto, self.ca, {self.AKID: (self.SECRET, None)})
        self.home = os.path.join(self.dir, "home")
        os.makedirs(os.path.join(self.home, ".aws"))
        return self

    def __exit__(self, *exc):
        self.proxy.stop()
        self.moto.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def env(self, **extra):
        """A clean environment: no AWS_* of the caller, a temporary HOME."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("AWS_") and k not in ("HOME", "XDG_STATE_HOME")}
        env.update(HOME=self.home, XDG_STATE_HOME=os.path.join(self.home, ".state"),
                   LANG="C.UTF-8", LC_ALL="C.UTF-8", AWS_REGION="us-east-1",
                   AWS_DEFAULT_REGION="us-east-1",
                   AWS_CA_BUNDLE=self.ca.cert, AWS_ENDPOINT_URL=self.proxy.url)
        env.update({k: v for k, v in extra.items() if v is not None})
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
        return env

    def keys_env(self, **extra):
        return self.env(AWS_ACCESS_KEY_ID=self.AKID, AWS_SECRET_ACCESS_KEY=self.SECRET, **extra)
