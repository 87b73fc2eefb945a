#!/usr/bin/env python3
"""How the out-of-order SigV4 vector in test_sigv4.c (test_unsorted_headers) was
computed, with botocore's SigV4Auth (1.43.11), independently of our signer:
run it to see the canonical request, string to sign and Authorization the
test expects. Not run by make check (the result is committed as data)."""
import datetime
from unittest import mock
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

body = b'{"agentRuntimeName":"a1","clientToken":"5b0c7d3e-8f41-4a2b-9c6d-7e8f9a0b1c2d"}'
headers = [
    ("X-Zeta", "last"),
    ("Host", "bedrock-agentcore-control.us-west-2.amazonaws.com"),
    ("x-amz-meta-Beta", "  two   spaces  "),
    ("Content-Type", "application/json"),
    ("X-Alpha", "first"),
    ("accept", "application/json"),
]
req = AWSRequest(method="PUT", url="https://bedrock-agentcore-control.us-west-2.amazonaws.com/runtimes/",
                 data=body, headers=dict(headers))
creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session/token+x=")
fixed = datetime.datetime(2026, 12, 5, 8, 9, 10)
seen = {}
auth = SigV4Auth(creds, "bedrock-agentcore", "us-west-2")
orig_sts = auth.string_to_sign
def spy(request, canonical):
    seen["cr"] = canonical
    seen["sts"] = orig_sts(request, canonical)
    return seen["sts"]
auth.string_to_sign = spy
with mock.patch("botocore.auth.get_current_datetime", return_value=fixed):
    auth.add_auth(req)
cr, sts = seen["cr"], seen["sts"]
print(repr(cr))
print(repr(sts))
print(req.headers["Authorization"])
print(req.headers["X-Amz-Date"])
