"""The SigV4-checking, fault-injecting HTTPS proxy between a client and moto.

For every request it recomputes the signature with botocore's own SigV4Auth,
fed exactly what arrived (method, URL, the headers named in SignedHeaders,
body, X-Amz-Date), looks the secret up by access key id in a table the test
gives it (temporary keys carry their X-Amz-Security-Token), and answers 403
InvalidSignatureException (JSON, x-amzn-ErrorType) on any difference or
missing auth. The credential scope must name the signing name the service
expects (bedrock-agentcore for the control plane, sts for STS calls, which
are the ones to "/") and the region the test runs in: a signature that is
right for another service or region is refused (403, "Credential should be
scoped to ...", in the words AWS uses). STS's AssumeRoleWithWebIdentity and
AssumeRoleWithSAML, which STS takes unsigned, pass without a signature
(logged with "signed": None). Otherwise it forwards to moto and relays
status, headers, body.

Every service the account checks call is checked for its own signing name:
the service is told by the request itself (X-Amz-Target
AmazonEC2ContainerRegistry_V20150921.* is ecr; a form body to "/" is sts,
iam or ec2 by its Version; a GET of "/" without a body is S3's ListBuckets;
a path under the control plane's prefixes is bedrock-agentcore; any other
path is S3, path-style, checked with botocore's
S3SigV4Auth: x-amz-content-sha256 signed, the path never normalised). ECR's
GetDownloadUrlForLayer, which moto lacks, is answered here for the blobs a
test put in Proxy.blobs (digest -> bytes), with a URL on this proxy
(/__proxy/blobs/DIGEST, unsigned, as a presigned S3 URL is to the client).

Fault injection and the request log are reachable two ways: in process
(Proxy.inject / .log / .clear, used by tests/integration/*.py) and over HTTP,
unsigned, under /__proxy/ (for manual runs and other languages):
  POST /__proxy/inject   {"faults": ["throttle", "unavailable", "drop", "validation"]}
                         ("conflict": a 409 ConflictException, the name taken;
                         "xmlerror": a 403 whose body is an AWS XML error,
                         without x-amzn-ErrorType; "garbled": forwarded, then
                         the success answer's body replaced by an HTML page
                         holding a terminal escape.
                         "failed" is not queued: from then on every answer to
                         GET /runtimes/ID/ says CREATE_FAILED with a
                         failureReason, as the service does when an image
                         cannot be pulled; moto's runtimes never fail.
                         "deleting", likewise: they say DELETING)
  GET  /__proxy/log      the recorded requests as JSON (STS calls with their
                         form parameters, the web identity token left out)
  POST /__proxy/clear    forget log, faults and answered tokens
  POST /__proxy/credentials {"AKID": ["secret", "token or null"]}

Run alone (a throwaway CA, moto and this proxy until Ctrl-C):
  python3 tests/servers/sigv4_proxy.py
"""
import http.client
import http.server
import json
import os
import socket
import ssl
import sys
import threading


class Proxy:
    """HTTPS in front of moto. Every request must carry a SigV4 signature that
    botocore's SigV4Auth computes the same from what was received; otherwise 403.
    Also: fault injection, a request log, and the service's clientToken
    idempotency (moto does not implement it): a create whose token was already
    answered gets the recorded answer again instead of a second runtime."""

    CONTROL_SIGNING_NAME = "bedrock-agentcore"
    STS_SIGNING_NAME = "sts"
    CONTROL_PREFIXES = ("/runtimes", "/runtime-endpoints", "/tags/", "/identities",
                        "/workload-identities", "/gateways", "/memories", "/oauth2",
                        "/api-keys", "/code-interpreters", "/browsers", "/token-vault")
    QUERY_VERSIONS = {"2011-06-15": "sts", "2010-05-08": "iam", "2016-11-15": "ec2"}
    UNSIGNED_STS_ACTIONS = ("AssumeRoleWithWebIdentity", "AssumeRoleWithSAML")

    def __init__(self, moto, ca, credentials, region="us-east-1"):
        self.moto = moto
        self.region = region  # the only region a credential scope may name
        self.credentials = dict(credentials)  # access key id -> (secret, token or None)
        self.log = []
        self.faults = []  # list of "throttle", "unavailable", "drop", "html"
        self.fail_runtimes = False  # "failed": GET /runtimes/ID/ answers CREATE_FAILED
        self.delete_runtimes = False  # "deleting": GET /runtimes/ID/ answers DELETING
        self.answered = {}  # clientToken -> (status, headers, body)
        self.blobs = {}  # ECR layer digest -> bytes (GetDownloadUrlForLayer, moto lacks it)
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

    FAILURE_REASON = "Image pull failed: manifest unknown for agent:1 (checked 3 times)"

    def inject(self, *faults):
        with self.lock:
            self.fail_runtimes |= "failed" in faults
            self.delete_runtimes |= "deleting" in faults
            self.faults.extend(f for f in faults if f not in ("failed", "deleting"))

    def clear(self):
        with self.lock:
            self.log.clear()
            self.faults.clear()
            self.answered.clear()
            self.fail_runtimes = False
            self.delete_runtimes = False

    def expected_service(self, path, headers, body, method="POST"):
        """The signing name the request must carry, told by the request."""
        target = {k.lower(): v for k, v in headers.items()}.get("x-amz-target", "")
        if target.startswith("AmazonEC2ContainerRegistry_V20150921."):
            return "ecr"
        bare = path.split("?", 1)[0]
        if bare == "/" and method == "GET" and not body:
            return "s3"  # ListBuckets: the query services are POSTs with a form
        if bare == "/":
            params = _sts_params(path, body) or {}
            return self.QUERY_VERSIONS.get(params.get("Version"), self.STS_SIGNING_NAME)
        if bare.startswith(self.CONTROL_PREFIXES):
            return self.CONTROL_SIGNING_NAME
        return "s3"

    def check_signature(self, method, path, headers, body):
        """None when the signature is right, else why not."""
        from botocore.auth import S3SigV4Auth, SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        headers = {k.lower(): v for k, v in headers.items()}
        auth = headers.get("authorization", "")
        if not auth.startswith("AWS4-HMAC-SHA256 "):
            return "no SigV4 Authorization header"
        try:
            parts = dict(p.strip().split("=", 1)
                         for p in auth[len("AWS4-HMAC-SHA256 "):].split(","))
            akid, date, region, service, terminator = parts["Credential"].split("/")
            parts["SignedHeaders"], parts["Signature"]
        except (KeyError, ValueError):
            return "malformed Authorization header"
        want_service = self.expected_service(path, headers, body, method)
        if (region, service, terminator) != (self.region, want_service, "aws4_request"):
            return (f"Credential should be scoped to a valid region and service: "
                    f"{date}/{self.region}/{want_service}/aws4_request, not "
                    f"{date}/{region}/{service}/{terminator}")
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
        if service == "s3":
            import hashlib
            if headers.get("x-amz-content-sha256") != hashlib.sha256(body or b"").hexdigest():
                return "x-amz-content-sha256 is missing or not the body's hash"
        auth_class = S3SigV4Auth if service == "s3" else SigV4Auth
        signer = auth_class(Credentials(akid, secret, token), service, region)
        # botocore drops some headers from signing; sign exactly what the client named
        signer.headers_to_sign = lambda r: _only(r, signed)
        canonical = signer.canonical_request(req)
        sts = signer.string_to_sign(req, canonical)
        want = signer.signature(sts, req)
        if parts["Signature"] != want:
            return "signature does not match"
        return None

    def control(self, h, body):
        """The unsigned /__proxy/ endpoints (see the module's docstring)."""
        what = h.path[len("/__proxy/"):]
        args = json.loads(body or b"{}")
        if what == "inject" and h.command == "POST":
            self.inject(*args.get("faults", []))
        elif what == "clear" and h.command == "POST":
            self.clear()
        elif what == "credentials" and h.command == "POST":
            with self.lock:
                for k, (secret, token) in args.items():
                    self.credentials[k] = (secret, token)
        elif what == "log" and h.command == "GET":
            with self.lock:
                return self.reply(h, 200, {"Content-Type": "application/json"},
                                  json.dumps(self.log))
        else:
            return self.reply(h, 404, {}, json.dumps({"message": "no such control"}))
        return self.reply(h, 200, {"Content-Type": "application/json"}, "{}")

    def handle(self, h):
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        if h.path.startswith("/__proxy/blobs/"):
            blob = self.blobs.get(h.path[len("/__proxy/blobs/"):])
            return self.reply(h, 200 if blob is not None else 404,
                              {"Content-Type": "application/octet-stream"}, blob or b"")
        if h.path.startswith("/__proxy/"):
            return self.control(h, body)
        headers = {k: v for k, v in h.headers.items()}
        path = h.path
        token = None
        if body:
            try:
                token = json.loads(body).get("clientToken")
            except (ValueError, AttributeError):
                pass
        why = self.check_signature(h.command, path, headers, body)
        signed = why is None
        params = _sts_params(path, body)
        if (why == "no SigV4 Authorization header" and params and
                params.get("Action") in self.UNSIGNED_STS_ACTIONS):
            why = None  # STS takes these unsigned: the token is the proof
            signed = None
        with self.lock:
            self.log.append({"method": h.command, "path": path, "clientToken": token,
                             "signed": signed, "why": why,
                             "date": headers.get("X-Amz-Date"),
                             "akid": _access_key_id(headers),
                             "peer": h.client_address[1],  # the client's port: its connection
                             "params": params})
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
        if fault == "conflict":
            # the service's answer when the name is taken (no fieldList)
            return self.reply(h, 409, {"x-amzn-ErrorType": "ConflictException:http://internal"},
                              json.dumps({"message": "An agent runtime with the specified "
                                          "name already exists"}))
        if fault == "xmlerror":
            return self.reply(h, 403, {"Content-Type": "text/xml"},
                              "<ErrorResponse><Error><Type>Sender</Type>"
                              "<Code>AccessDenied</Code><Message>User is not authorized "
                              "&amp; was denied</Message></Error>"
                              "<RequestId>xml-1</RequestId></ErrorResponse>")
        target = headers.get("X-Amz-Target", "")
        if target.endswith(".GetDownloadUrlForLayer"):
            digest = json.loads(body or b"{}").get("layerDigest", "")
            if digest in self.blobs:
                return self.reply(h, 200, {"Content-Type": "application/x-amz-json-1.1"},
                                  json.dumps({"downloadUrl": f"{self.url}/__proxy/blobs/{digest}",
                                              "layerDigest": digest}))
            return self.reply(h, 404, {"x-amzn-ErrorType": "LayersNotFoundException"},
                              json.dumps({"message": f"no layer {digest}"}))
        if h.command == "PUT" and path == "/runtimes/" and token in self.answered:
            # the service's idempotency: the recorded answer, which a "drop"
            # loses again (so two drops in a row are two lost answers)
            status, rh, rb = self.answered[token]
        else:
            status, rh, rb = self.forward(h.command, path, headers, body)
        if h.command == "PUT" and path == "/runtimes/" and token and 200 <= status < 300:
            self.answered[token] = (status, rh, rb)
        self.learn_credentials(rb)
        if (self.fail_runtimes and h.command == "GET" and path.startswith("/runtimes/")
                and status == 200):
            doc = json.loads(rb)
            doc.update(status="CREATE_FAILED", failureReason=self.FAILURE_REASON)
            rb = json.dumps(doc).encode()
        if (self.delete_runtimes and h.command == "GET" and path.startswith("/runtimes/")
                and status == 200):
            doc = json.loads(rb)
            doc.update(status="DELETING")
            rb = json.dumps(doc).encode()
        if fault == "garbled" and 200 <= status < 300:
            rh = {k: v for k, v in rh.items() if k.lower() != "content-type"}
            rh["Content-Type"] = "text/html"
            rb = b"<html><body>Accepted \x1b[31mby the gateway</body></html>"
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


def _access_key_id(headers):
    """The access key id a request was signed with, or None."""
    auth = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
    cred = auth.split("Credential=", 1)[1] if "Credential=" in auth else ""
    return cred.split("/", 1)[0] or None


def _sts_params(path, body):
    """The parameters of an STS call (a form body to "/"), for tests to check
    what reached STS; the web identity token is a credential: not kept."""
    if path.split("?", 1)[0] != "/":
        return None
    from urllib.parse import parse_qsl
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body or ""
    params = dict(parse_qsl(text, keep_blank_values=True))
    if "WebIdentityToken" in params:
        params["WebIdentityToken"] = "(not logged)"
    return params


def _only(request, names):
    from botocore.awsrequest import HTTPHeaders
    out = HTTPHeaders()
    for n in names:
        for k, v in request.headers.items():
            if k.lower() == n:
                out[n] = v
    return out


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import harness
    harness.require_python_aws()
    with harness.World() as w:
        print(f"proxy    {w.proxy.url}  (moto behind it: {w.moto.url})")
        print(f"CA       {w.ca.cert}")
        print(f"keys     AWS_ACCESS_KEY_ID={w.AKID} AWS_SECRET_ACCESS_KEY={w.SECRET}")
        print(f"try      aws bedrock-agentcore-control list-agent-runtimes --region us-east-1 "
              f"--endpoint-url {w.proxy.url} --ca-bundle {w.ca.cert}")
        print(f"faults   curl --cacert {w.ca.cert} -d '{{\"faults\":[\"throttle\"]}}' "
              f"{w.proxy.url}/__proxy/inject")
        print("Ctrl-C stops everything.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
