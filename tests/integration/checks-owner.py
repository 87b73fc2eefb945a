#!/usr/bin/env python3
"""The code bucket's owner (issue 10): S3 names a bucket's owner to no one but
the owner, but ListBuckets lists the caller's own buckets only, so `check`
names a bucket that answers and is not among them as another account's (a
warning: its bucket policy must let the caller and the runtime's role read
the object), and says ok for one of this account. moto keeps buckets per
account (the x-moto-account-id header picks one) and lets other accounts
read them, as a bucket policy would; behind the signature-checking proxy.
Exit 0 pass, 1 fail, 77 skip."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "servers"))
sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "integration"))
import harness  # noqa: E402

harness.require_python_aws()
import checks as c  # noqa: E402


def main():
    import boto3
    with harness.World() as w, tempfile.TemporaryDirectory() as tmp:
        kw = dict(endpoint_url=w.moto.url, region_name=c.REGION, aws_access_key_id=w.AKID,
                  aws_secret_access_key=w.SECRET)
        theirs = boto3.client("s3", **kw)
        theirs.meta.events.register(
            "before-send.s3.*",
            lambda request, **k: request.headers.__setitem__("x-moto-account-id",
                                                             "111111111111"))
        theirs.create_bucket(Bucket="their-code-bkt")
        theirs.put_object(Bucket="their-code-bkt", Key="agent/code.zip", Body=b"PK theirs")
        mine = boto3.client("s3", **kw)
        mine.create_bucket(Bucket="my-code-bkt")
        mine.put_object(Bucket="my-code-bkt", Key="agent/code.zip", Body=b"PK mine")
        bucket = "agentRuntimeArtifact.codeConfiguration.code.s3.bucket"
        p = c.findings(w, c.form(tmp, "theirs", code={"bucket": "their-code-bkt",
                                                       "prefix": "agent/code.zip"}))
        c.check("another account's bucket is named as such",
                c.has(p, bucket, "code.owner", "warning", "another account"), p.findings)
        c.check("its object is still found",
                c.has(p, "agentRuntimeArtifact.codeConfiguration.code.s3.prefix",
                      "code.exists", "ok"), p.findings)
        p = c.findings(w, c.form(tmp, "mine", code={"bucket": "my-code-bkt",
                                                     "prefix": "agent/code.zip"}))
        c.check("this account's bucket is ok",
                c.has(p, bucket, "code.owner", "ok", c.ACCOUNT), p.findings)
        asked = [e for e in w.proxy.log if e.get("method") == "GET" and e.get("path") == "/"]
        c.check("ListBuckets was asked, signed right", asked and all(e["signed"] for e in asked),
                w.proxy.log[-3:])
    print(f"{c.results['passed']} passed, {c.results['failed']} failed")
    return 1 if c.results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
