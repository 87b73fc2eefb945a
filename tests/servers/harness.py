"""Test servers for agentcore-wizard: a throwaway CA, moto_server on loopback
over HTTPS, and a proxy that checks every SigV4 signature with botocore's
own signer, injects faults and records what it saw.

Used by tests/integration/*.py and tests/ui/*.py. Everything binds to
127.0.0.1 on free ports and is stopped when the `with` block ends."""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sigv4_proxy import Proxy  # noqa: E402,F401  (harness.Proxy, as before)

SKIP = 77


def skip(reason):
    """End a test that cannot run here: exit 77 (automake's SKIP), or with
    CI=true exit 1, a failure, saying why (docs/testing.md: in CI only the
    tests listed there as optional may skip, and none of those needs moto,
    botocore or the AWS CLI)."""
    if os.environ.get("CI") == "true":
        print(f"FAIL: {reason} (CI=true: a skip is a failure)")
        sys.exit(1)
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


def require_python_aws():
    """Exit with 77 (skip) when moto's server or botocore is missing; with
    CI=true that is a failure (skip())."""
    try:
        import botocore  # noqa: F401
        import moto  # noqa: F401
    except ImportError as e:
        skip(str(e))
    if not shutil.which("moto_server"):
        skip("moto_server is not on PATH")


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
        try:
            wait_until(lambda: self._get("/moto-api/") is not None and
                       self.proc.poll() is None, what="moto_server")
        except BaseException:
            self.stop()  # never leave a half-started server behind
            raise

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


class World:
    """CA + moto + proxy + a clean environment for the program under test."""

    AKID = "AKIDEXAMPLE"
    SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    def __enter__(self):
        self.moto = self.proxy = None
        # SIGTERM (make check's timeout, CI cancelling) unwinds through __exit__ too
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *a: sys.exit(128 + signal.SIGTERM))
        self.dir = tempfile.mkdtemp(prefix="acw-it-")
        try:
            self.ca = CA(self.dir)
            self.moto = Moto(self.dir)
            self.proxy = Proxy(self.moto, self.ca, {self.AKID: (self.SECRET, None)})
            self.home = os.path.join(self.dir, "home")
            os.makedirs(os.path.join(self.home, ".aws"))
        except BaseException:
            self.__exit__(None, None, None)  # a failed start stops what did start
            raise
        return self

    def __exit__(self, *exc):
        if self.proxy:
            self.proxy.stop()
        if self.moto:
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

    def run_tty(self, exe, args, typed, timeout=120):
        """exe with args and the keys' environment, a terminal on standard
        input with typed written to it: (exit status, standard error)."""
        import pty
        master, slave = pty.openpty()
        proc = subprocess.Popen([exe] + args, env=self.keys_env(), stdin=slave,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        os.close(slave)
        os.write(master, typed.encode())
        _, err = proc.communicate(timeout=timeout)
        os.close(master)
        return proc.returncode, err

    def ui_env(self, config=False, **extra):
        """The AWS_* settings a wizard in tmux (tests/ui/tmuxterm.py's Term,
        which makes the rest of its environment) needs to reach moto; with
        config, the harness's AWS config file too; extra settings added."""
        env = {k: v for k, v in self.keys_env().items() if k.startswith("AWS_")}
        if not config:
            env.pop("AWS_CONFIG_FILE", None)
        env.update(extra)
        return env

    def aws_cli(self, *args):
        """The AWS CLI (the `aws` on PATH) run against moto through the
        checking proxy; a CompletedProcess, or None when there is no aws."""
        if not shutil.which("aws"):
            return None
        return subprocess.run(["aws", *args, "--endpoint-url", self.proxy.url],
                              env=self.keys_env(AWS_CONFIG_FILE=os.devnull),
                              capture_output=True, text=True, timeout=120)


class DayTwoService:
    """The proxy's answers made the service's where moto 5.2.1 differs for
    runtimes that exist (tests/integration/daytwo.py says how): pages of one
    runtime, UPDATING read once then READY, a DEFAULT endpoint listed that
    follows the latest version and cannot be deleted alone, and
    DeleteAgentRuntime refused while a named endpoint is left. Installed on
    proxy by making one: DayTwoService(world.proxy)."""

    def __init__(self, proxy):
        self.proxy = proxy
        self.moto_forward = proxy.forward
        self.updated = {}  # runtime updated -> reads of UPDATING still to answer
        self.throttle_updates = 0  # answer this many UpdateAgentRuntime calls with 429
        self.updating_reads = 1  # GetAgentRuntime reads UPDATING this often after an update
        self.delay_updates = 0  # seconds an UpdateAgentRuntime waits before reaching moto
        proxy.forward = self.forward

    def runtime_of(self, path):
        parts = path.split("?")[0].strip("/").split("/")
        return parts[1] if len(parts) > 1 and parts[0] == "runtimes" else None

    def endpoints(self, rid, headers):
        st, h, b = self.moto_forward("POST", f"/runtimes/{rid}/runtime-endpoints/", headers, b"")
        return json.loads(b).get("runtimeEndpoints", []) if st == 200 else []

    def forward(self, method, path, headers, body):
        base, _, query = path.partition("?")
        rid = self.runtime_of(path)
        if method == "POST" and base == "/runtimes/":
            return self.page(method, base, query, headers, body)
        if method == "PUT" and rid and base == f"/runtimes/{rid}/" and self.throttle_updates:
            self.throttle_updates -= 1
            return 429, {"x-amzn-ErrorType": "ThrottlingException"}, b'{"message": "Rate"}'
        if method == "DELETE" and base.endswith("/runtime-endpoints/DEFAULT/"):
            return 400, {"x-amzn-ErrorType": "ValidationException"}, json.dumps(
                {"message": "The DEFAULT endpoint cannot be deleted on its own"}).encode()
        if method == "DELETE" and rid and base == f"/runtimes/{rid}/":
            if self.endpoints(rid, headers):
                return 409, {"x-amzn-ErrorType": "ConflictException"}, json.dumps(
                    {"message": "This agent has endpoints that must be deleted first"}).encode()
        if method == "PUT" and rid and base == f"/runtimes/{rid}/" and self.delay_updates:
            time.sleep(self.delay_updates)
        status, h, b = self.moto_forward(method, path, headers, body)
        if method == "PUT" and rid and base == f"/runtimes/{rid}/" and status == 202:
            self.updated[rid] = self.updating_reads
        elif method == "GET" and rid and base == f"/runtimes/{rid}/" and status == 200:
            doc = json.loads(b)
            if doc.get("status") == "UPDATING":
                if self.updated.get(rid):
                    self.updated[rid] -= 1  # read once UPDATING (updating_reads), then READY
                else:
                    doc["status"] = "READY"
                    b = json.dumps(doc).encode()
        elif (method == "POST" and rid and base == f"/runtimes/{rid}/runtime-endpoints/"
              and status == 200):
            doc = json.loads(b)
            st, _, vb = self.moto_forward("POST", f"/runtimes/{rid}/versions/", headers, b"")
            latest = max(int(v["agentRuntimeVersion"]) for v in json.loads(vb)["agentRuntimes"])
            doc["runtimeEndpoints"].append({"name": "DEFAULT", "status": "READY",
                                            "liveVersion": str(latest)})
            b = json.dumps(doc).encode()
        return status, h, b

    def page(self, method, base, query, headers, body):
        """ListAgentRuntimes one runtime a page; the token needs encoding."""
        status, h, b = self.moto_forward(method, base, headers, body)
        if status != 200:
            return status, h, b
        items = json.loads(b)["agentRuntimes"]
        params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
        tok = params.get("nextToken", "")
        from urllib.parse import unquote
        start = int(unquote(tok).split("/")[1]) if tok else 0
        doc = {"agentRuntimes": items[start:start + 1]}
        if start + 1 < len(items):
            doc["nextToken"] = f"pg+/{start + 1}/=="
        return 200, h, json.dumps(doc).encode()


def control_client(world):
    """A boto3 client of bedrock-agentcore-control straight to moto (not
    through the proxy): for a test's own set-up and look-ups."""
    import boto3
    return boto3.client("bedrock-agentcore-control", region_name="us-east-1",
                        endpoint_url=world.moto.url, aws_access_key_id="testing",
                        aws_secret_access_key="testing")


def create_runtime(world, program, doc):
    """Create a runtime from form doc with `program submit --no-check` through
    the proxy; its id."""
    path = os.path.join(world.dir, "create-%d.json" % time.monotonic_ns())
    with open(path, "w") as f:
        json.dump(doc, f)
    p = subprocess.run([program, "submit", "--no-check", path], env=world.keys_env(),
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"submit: {p.returncode} {p.stderr}")
    return json.loads(p.stdout)["agentRuntimeId"]
