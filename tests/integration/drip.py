#!/usr/bin/env python3
"""A server that drips its answer a byte at a time (issue 13, item 11): the
read timeout alone never fires (a byte keeps coming), so the whole answer is
bounded by a low-speed limit. A loopback server in Python, no moto: the real
program's `status` against it must end within a few read timeouts, exit 4,
and say that the answer came too slowly. Exit 0 pass, 1 fail."""
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", "."), "src",
                                            "agentcore-wizard")


def drip(conn):
    try:
        conn.settimeout(60)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 4000\r\n\r\n")
        for _ in range(4000):
            conn.sendall(b" ")
            time.sleep(0.5)
    except OSError:
        pass
    finally:
        conn.close()


def serve(sock):
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        threading.Thread(target=drip, args=(conn,), daemon=True).start()


def main():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    port = sock.getsockname()[1]
    threading.Thread(target=serve, args=(sock,), daemon=True).start()
    home = tempfile.mkdtemp()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LC_ALL": "C",
           "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
           "AWS_MAX_ATTEMPTS": "1"}
    t0 = time.monotonic()
    try:
        p = subprocess.run([ACW, "status", "rt-0123456789", "--region", "us-east-1",
                            "--endpoint-url", f"http://127.0.0.1:{port}",
                            "--cli-read-timeout", "2"],
                           env=env, capture_output=True, text=True, timeout=40)
    except subprocess.TimeoutExpired:
        print("FAIL: a dripping server held the client for 40 s")
        return 1
    elapsed = time.monotonic() - t0
    sock.close()
    os.rmdir(home)
    print(f"exit {p.returncode} after {elapsed:.1f} s: {p.stderr.strip()}")
    ok = True
    if p.returncode != 4:
        print(f"FAIL: exit {p.returncode}, want 4")
        ok = False
    if elapsed > 15:
        print(f"FAIL: took {elapsed:.1f} s for a read timeout of 2 s")
        ok = False
    if "too slowly" not in p.stderr or "--cli-read-timeout" not in p.stderr:
        print("FAIL: the message does not say the answer came too slowly")
        ok = False
    print("ok   a dripping answer ends at the low-speed limit" if ok else "")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
