#!/usr/bin/env python3
"""Integration tests of the commands for runtimes that exist (list, get,
diff, update, delete, versions, endpoints) against moto on loopback over
HTTPS, every request's signature checked by botocore's signer
(tests/servers/harness.py). Exit 0 pass, 1 fail, 77 skip.

moto 5.2.1 differs from the service (shared/reference/account-checks.md,
section 4), and where it does the proxy is made to answer as the service
does (harness.DayTwoService, shared with the screen tests):
- it pages nothing: ListAgentRuntimes is cut into pages of one here, with a
  nextToken that needs encoding, so that "every page" is tested;
- a runtime stays UPDATING after an update: here GetAgentRuntime answers
  READY once an update was sent and read once (the service's end of it);
- it creates no DEFAULT endpoint: here ListAgentRuntimeEndpoints lists one
  following the latest version, and deleting it alone is refused, as the
  service refuses it;
- it deletes a runtime with its named endpoints: here DeleteAgentRuntime is
  refused (ConflictException) while one is left, as the service does;
- it keeps no filesystemConfigurations, capacityProviderConfiguration or
  platformVersion (a round trip cannot show them: they are left out of the
  comparison), and keys tags by the ARN of version 1, so after an update
  ListTagsForResource of the runtime's ARN answers none (the tags are
  compared before the update only)."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ.get("top_srcdir", "."), "tests", "servers"))
import harness  # noqa: E402

harness.require_python_aws()
ACW = os.environ.get("ACW") or os.path.join(os.environ.get("top_builddir", "."), "src",
                                            "agentcore-wizard")
TOP = os.environ.get("top_srcdir", ".")
VALID = os.path.join(TOP, "tests", "data", "valid")
NOT_KEPT_BY_MOTO = ("filesystemConfigurations", "capacityProviderConfiguration",
                    "platformVersion")
results = {"passed": 0, "failed": 0}


def run(w, args, stdin=None, timeout=120):
    # the account checks submit runs first are tested in checks.py; these
    # forms name roles moto does not have, and the tests count requests
    if args[:1] == ["submit"]:
        args = ["submit", "--no-check"] + args[1:]
    return subprocess.run([ACW] + args, env=w.keys_env(), capture_output=True, text=True,
                          input=stdin, timeout=timeout)


def check(name, cond, detail=""):
    if cond:
        results["passed"] += 1
        print(f"ok   {name}")
    else:
        results["failed"] += 1
        print(f"FAIL {name}\n     {str(detail)[:3000]}")


Service = harness.DayTwoService  # the proxy answering as the service does (above)


def fresh(w):
    w.moto.reset()
    w.proxy.clear()


def submit(w, form):
    p = run(w, ["submit", form])
    if p.returncode != 0:
        raise RuntimeError(f"submit {form}: {p.returncode} {p.stderr}")
    return json.loads(p.stdout)["agentRuntimeId"]


def write(w, name, doc):
    f = os.path.join(w.dir, name)
    with open(f, "w") as fp:
        json.dump(doc, fp, indent=2)
    return f


def full_form():
    """Every part the issue names: environment, authorizer, network, lifecycle, tags."""
    return {
        "agentRuntimeName": "dayTwo",
        "description": "day two",
        "agentRuntimeArtifact": {"containerConfiguration": {
            "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:v1"}},
        "roleArn": "arn:aws:iam::123456789012:role/AgentRuntimeRole",
        "networkConfiguration": {"networkMode": "VPC", "networkModeConfig": {
            "securityGroups": ["sg-0123456789abcdef0"],
            "subnets": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]}},
        "authorizerConfiguration": {"customJWTAuthorizer": {
            "discoveryUrl": "https://idp.example.com/.well-known/openid-configuration",
            "allowedClients": ["client1"]}},
        "protocolConfiguration": {"serverProtocol": "HTTP"},
        "lifecycleConfiguration": {"idleRuntimeSessionTimeout": 600, "maxLifetime": 3600},
        "environmentVariables": {"LOG_LEVEL": "info", "MODE": "prod", "API_TOKEN": "s3cr3t-1"},
        "tags": {"team": "agents", "cost": "42"},
    }


def put_requests(w, rid):
    return [r for r in w.proxy.log if r["method"] == "PUT" and r["path"] == f"/runtimes/{rid}/"]


def test_list_every_page(w):
    fresh(w)
    ids = [submit(w, os.path.join(VALID, f)) for f in ("vpc.json", "code-s3.json",
                                                        "minimal-container.json")]
    p = run(w, ["list"])
    check("list: exit 0", p.returncode == 0, p.stderr)
    check("list: every runtime of every page, one line each",
          all(i in p.stdout for i in ids) and len(p.stdout.splitlines()) == 4, p.stdout)
    pages = [r for r in w.proxy.log if r["path"].startswith("/runtimes/?")]
    check("list: three pages asked for, the token encoded",
          len(pages) == 3 and "nextToken=pg%2B%2F1%2F%3D%3D" in pages[1]["path"], pages)
    check("list: every request signed correctly (botocore)",
          all(r["signed"] for r in w.proxy.log), w.proxy.log)
    comp = os.path.join(TOP, "contrib", "completion", "agentcore-wizard")
    env = w.keys_env(XDG_CACHE_HOME=os.path.join(w.dir, "cache"))
    p = subprocess.run(["bash", "-c", f'. "{comp}"; COMP_WORDS=("{ACW}" get ""); COMP_CWORD=2; '
                        '_agentcore_wizard; printf "%s\\n" "${COMPREPLY[@]}"'],
                       env=env, capture_output=True, text=True, timeout=60)
    check("completion: the runtime ids of this program's list, in bash",
          sorted(p.stdout.split()) == sorted(ids), p.stdout + p.stderr)
    p = run(w, ["list", "--json"])
    out = json.loads(p.stdout)
    check("list --json: one answer as the AWS CLI prints a paginated list",
          p.returncode == 0 and sorted(r["agentRuntimeId"] for r in out["agentRuntimes"]) ==
          sorted(ids) and p.stdout.startswith('{\n    "agentRuntimes": [\n'), p.stdout)


def expected_create_form(form):
    want = dict(form)
    want.pop("clientToken", None)
    for k in NOT_KEPT_BY_MOTO:
        want.pop(k, None)
    return want


def test_round_trips(w):
    """create -> get -> form equals what was sent; get -> update form -> update
    sends nothing (no change) and diff says so, on every valid fixture."""
    for name in sorted(os.listdir(VALID)):
        if not name.endswith(".json"):
            continue
        fresh(w)
        form = json.load(open(os.path.join(VALID, name)))
        rid = submit(w, os.path.join(VALID, name))
        p = run(w, ["get", rid])
        got = json.loads(p.stdout or "{}")
        check(f"round trip {name}: get gives the form that was sent (moto keeps no "
              f"{', '.join(NOT_KEPT_BY_MOTO)})",
              p.returncode == 0 and got == expected_create_form(form),
              f"{p.stderr}\nwant {expected_create_form(form)}\ngot  {got}")
        f = os.path.join(w.dir, "update.json")
        p = run(w, ["get", "--update", "-o", f, "--force", rid])
        check(f"round trip {name}: get --update -o writes the file 0600",
              p.returncode == 0 and os.stat(f).st_mode & 0o777 == 0o600, p.stderr)
        if name != "empty-values.json":
            # empty-values.json's empty environment is left out by moto itself
            check(f"round trip {name}: the name and the tags are named on stderr",
                  "agentRuntimeName: UpdateAgentRuntime takes no name" in p.stderr and
                  ("tags" not in form or "tags: UpdateAgentRuntime takes no tags" in p.stderr),
                  p.stderr)
        up = json.load(open(f))
        want = {k: v for k, v in expected_create_form(form).items()
                if k not in ("agentRuntimeName", "tags")}
        want["agentRuntimeId"] = rid
        check(f"round trip {name}: the update form is the id and every member Update takes",
              up == want and list(up)[0] == "agentRuntimeId", f"want {want}\ngot  {up}")
        for cmd in (["validate", f], ["check", "--offline", f]):
            p = run(w, cmd)
            check(f"round trip {name}: {cmd[0]} takes the update form get --update wrote",
                  p.returncode == 0 and p.stderr == "", p.stderr)
        p = run(w, ["diff", f])
        check(f"round trip {name}: diff of the untouched form: exit 0, nothing printed",
              p.returncode == 0 and p.stdout == "", p.stdout + p.stderr)
        w.proxy.clear()
        p = run(w, ["update", "--wait", f])
        check(f"round trip {name}: update with no change is not sent, and says so",
              p.returncode == 0 and "nothing to update" in p.stderr and
              not put_requests(w, rid), p.stderr)


def test_change_one_variable(w):
    fresh(w)
    form = full_form()
    rid = submit(w, write(w, "full.json", form))
    p = run(w, ["get", rid])
    before = json.loads(p.stdout)
    check("change: the deployed form holds the tags (ListTagsForResource)",
          before.get("tags") == form["tags"], before)
    f = os.path.join(w.dir, "up.json")
    p = run(w, ["get", "--update", "-o", f, "--force", rid])
    check("get -o says that the form written holds a secret (issue 12), never its value",
          "holds the secret value of environmentVariables.API_TOKEN" in p.stderr and
          "s3cr3t-1" not in p.stderr, p.stderr)
    up = json.load(open(f))
    up["environmentVariables"]["LOG_LEVEL"] = "debug"
    json.dump(up, open(f, "w"), indent=2)
    p = run(w, ["diff", f])
    check("change: diff shows exactly the one change, old -> new, exit 1",
          p.returncode == 1 and
          p.stdout == 'changed  environmentVariables.LOG_LEVEL: "info" -> "debug"\n',
          repr(p.stdout) + p.stderr)
    check("change: one change is said in the singular",
          ": 1 change to runtime " in p.stderr, p.stderr)
    secret = dict(up, environmentVariables=dict(up["environmentVariables"],
                                                API_TOKEN="s3cr3t-2", NEW_PASSWORD="pw"))
    p = run(w, ["diff", write(w, "secret.json", secret)])
    check("change: secrets are masked in the diff (changed and added)",
          p.returncode == 1 and "s3cr3t" not in p.stdout and "pw" not in p.stdout.replace(
              "PASSWORD", "") and "environmentVariables.API_TOKEN: ******** -> ********" in
          p.stdout and "environmentVariables.NEW_PASSWORD: ********" in p.stdout, p.stdout)
    w.proxy.clear()
    w.service.throttle_updates = 1
    p = run(w, ["update", "--wait", f])
    puts = put_requests(w, rid)
    check("change: update --wait exits 0 and prints the answer",
          p.returncode == 0 and json.loads(p.stdout)["agentRuntimeVersion"] == "2",
          p.stdout + p.stderr)
    check("change: the diff is shown before it is sent",
          'environmentVariables.LOG_LEVEL: "info" -> "debug"' in p.stderr, p.stderr)
    check("change: retried after throttling with one clientToken",
          len(puts) == 2 and puts[0]["clientToken"] and
          puts[0]["clientToken"] == puts[1]["clientToken"], puts)
    check("change: followed to READY, the new version said",
          "is READY at version 2" in p.stderr, p.stderr)
    rt = w.moto.runtimes()
    check("change: one runtime, version 2 (one update, not two)",
          len(rt) == 1 and rt[0]["agent_runtime_version"] == "2", rt)
    p = run(w, ["get", rid])
    after = json.loads(p.stdout)
    want = dict(before)
    want["environmentVariables"] = dict(before["environmentVariables"], LOG_LEVEL="debug")
    want.pop("tags")  # moto keys tags by version 1's ARN (see above)
    check("change: get shows every other member unchanged (environment, authorizer, "
          "network, lifecycle, protocol, description)", after == want,
          f"want {want}\ngot  {after}")
    p = run(w, ["versions", rid])
    check("versions: both, newest first, with dates",
          p.returncode == 0 and p.stdout.splitlines()[1].split()[0] == "2" and
          p.stdout.splitlines()[2].split()[0] == "1" and "T" in p.stdout.splitlines()[2],
          p.stdout + p.stderr)
    return rid


def botocore_client(w):
    return harness.control_client(w)


def test_endpoints_and_delete(w):
    fresh(w)
    rid = submit(w, os.path.join(VALID, "vpc.json"))
    botocore_client(w).create_agent_runtime_endpoint(agentRuntimeId=rid, name="prod",
                                                     agentRuntimeVersion="1")
    f = os.path.join(w.dir, "up.json")
    run(w, ["get", "--update", "-o", f, "--force", rid])
    up = json.load(open(f))
    up["description"] = "version two"
    json.dump(up, open(f, "w"))
    run(w, ["update", f])
    p = run(w, ["endpoints", rid])
    lines = p.stdout.splitlines()
    check("endpoints: DEFAULT follows the latest, prod stays on 1",
          p.returncode == 0 and
          any(ln.startswith("prod") and "stays on version 1 (the latest is 2)" in ln
              for ln in lines) and
          any(ln.startswith("DEFAULT") and "follows the latest version (2)" in ln
              for ln in lines), p.stdout + p.stderr)
    w.proxy.clear()
    p = run(w, ["delete", rid], stdin="")
    check("delete: no terminal and no --yes: refused, nothing deleted",
          p.returncode == 2 and "--yes" in p.stderr and len(w.moto.runtimes()) == 1 and
          not [r for r in w.proxy.log if r["method"] == "DELETE"], p.stderr)
    check("delete: says what goes (versions, endpoints by name)",
          "versions: 2 1" in p.stderr and "prod" in p.stderr and "DEFAULT" in p.stderr,
          p.stderr)
    w.proxy.clear()
    p = run(w, ["delete", "--yes", "--wait", rid])
    dels = [r["path"].split("?")[0] for r in w.proxy.log if r["method"] == "DELETE"]
    check("delete: named endpoint first, then the runtime, never DEFAULT",
          p.returncode == 0 and dels == [f"/runtimes/{rid}/runtime-endpoints/prod/",
                                         f"/runtimes/{rid}/"], f"{dels}\n{p.stderr}")
    check("delete --wait: followed until the runtime is gone",
          "deleted" in p.stderr.lower() or "gone" in p.stderr.lower(), p.stderr)
    check("delete: each DELETE carries a clientToken",
          all("clientToken=" in r["path"] for r in w.proxy.log if r["method"] == "DELETE"),
          w.proxy.log)
    # (moto's data.json lists deleted runtimes too: ask the service)
    g = run(w, ["get", rid])
    check("delete: the runtime is gone", g.returncode == 4, g.stderr)
    check("delete: says the role and the artifact are left alone",
          "left alone" in p.stderr and "AgentRuntimeRole" in p.stderr and
          "containerUri" in p.stderr, p.stderr)


def run_tty(w, args, typed):
    return w.run_tty(ACW, args, typed)


def test_delete_typed_back(w):
    fresh(w)
    rid = submit(w, os.path.join(VALID, "minimal-container.json"))
    name = json.load(open(os.path.join(VALID, "minimal-container.json")))["agentRuntimeName"]
    w.proxy.clear()
    rc, err = run_tty(w, ["delete", rid], "not_the_name\n")
    check("delete: a name typed back wrong deletes nothing, exit 6",
          rc == 6 and f"({name})" in err and "not deleted" in err and
          not [r for r in w.proxy.log if r["method"] == "DELETE"], f"{rc} {err}")
    rc, err = run_tty(w, ["delete", rid], name + "\n")
    g = run(w, ["get", rid])
    check("delete: the name typed back deletes it",
          rc == 0 and g.returncode == 4 and
          [r["path"].split("?")[0] for r in w.proxy.log if r["method"] == "DELETE"] ==
          [f"/runtimes/{rid}/"], f"{rc} {err}")


def test_nul_printed_as_sent(w):
    """A \\u0000 in a string of an answer is printed as the AWS CLI prints
    it, not cut there (cJSON ends strings at a NUL): list --json and status."""
    fresh(w)
    rid = submit(w, os.path.join(VALID, "description-nul.json"))
    for args in (["list", "--json"], ["status", rid]):
        p = run(w, args)
        check(f"NUL: {args[0]} prints the description whole, as the AWS CLI does",
              p.returncode == 0 and '"description": "a\\u0000b"' in p.stdout,
              p.stdout + p.stderr)
    cli = w.aws_cli("bedrock-agentcore-control", "list-agent-runtimes")
    if cli is not None:
        p = run(w, ["list", "--json"])
        check("NUL: list --json prints what aws list-agent-runtimes prints",
              cli.returncode == 0 and p.stdout == cli.stdout, p.stdout + cli.stdout)


def test_not_found(w):
    fresh(w)
    missing = "nope_agent-0123456789"
    f = write(w, "missing.json", {
        "agentRuntimeId": missing,
        "agentRuntimeArtifact": {"containerConfiguration": {
            "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:v1"}},
        "roleArn": "arn:aws:iam::123456789012:role/R",
        "networkConfiguration": {"networkMode": "PUBLIC"}})
    for args in (["get", missing], ["get", "--update", missing], ["versions", missing],
                 ["endpoints", missing], ["delete", "--yes", missing], ["diff", f],
                 ["update", f], ["status", missing], ["status", "--wait", missing]):
        p = run(w, args)
        check(f"not found: {' '.join(args[:-1])}: exit 4, a clear message",
              p.returncode == 4 and f"there is no runtime {missing}" in p.stderr,
              f"{p.returncode} {p.stderr}")


def test_invalid_and_dry_run(w):
    fresh(w)
    rid = submit(w, os.path.join(VALID, "vpc.json"))
    f = os.path.join(w.dir, "up.json")
    run(w, ["get", "--update", "-o", f, "--force", rid])
    up = json.load(open(f))
    bad = write(w, "bad.json", dict(up, roleArn="not-an-arn", agentRuntimeName="other"))
    w.proxy.clear()
    p = run(w, ["update", bad])
    check("invalid: update refuses a name and a bad role, exit 1, nothing sent",
          p.returncode == 1 and "agentRuntimeName: UpdateAgentRuntime takes no name" in p.stderr
          and not put_requests(w, rid), p.stderr)
    bad = write(w, "bad2.json", dict(up, roleArn="not-an-arn"))
    p = run(w, ["update", bad])
    check("invalid: update names the bad member as validate does, exit 1",
          p.returncode == 1 and f"{bad}: roleArn:" in p.stderr and not put_requests(w, rid),
          p.stderr)
    p = run(w, ["update", write(w, "noid.json", {k: v for k, v in up.items()
                                                 if k != "agentRuntimeId"})])
    check("invalid: a form without agentRuntimeId is no update form: said, exit 2",
          p.returncode == 2 and "is a create form (it has no agentRuntimeId)" in p.stderr and
          not put_requests(w, rid), p.stderr)
    up["description"] = "dry"
    json.dump(up, open(f, "w"))
    w.proxy.clear()
    p = run(w, ["update", "--dry-run", f])
    check("dry run: the signed request printed, nothing sent",
          p.returncode == 0 and p.stdout.startswith(f"PUT https://") and
          f"/runtimes/{rid}/" in p.stdout and '"clientToken":' in p.stdout and
          "Signature=(redacted)" in p.stdout and not put_requests(w, rid), p.stdout + p.stderr)
    p = run(w, ["get", "bad/id"])
    check("usage: a runtime id with a slash is refused before anything is sent",
          p.returncode == 2, p.stderr)


def test_form_kinds(w):
    """Each command tells a create form from an update form (issue 11): cli
    prints update-agent-runtime for an update form, and that command, pasted
    where none of the settings are in the environment, updates the runtime
    through the AWS CLI; submit refuses an update form and update and diff a
    create form, sending nothing."""
    import shutil
    fresh(w)
    rid = submit(w, os.path.join(VALID, "vpc.json"))
    f = os.path.join(w.dir, "up.json")
    run(w, ["get", "--update", "-o", f, "--force", rid])
    up = json.load(open(f))
    up["description"] = "sent by the AWS CLI"
    json.dump(up, open(f, "w"), indent=2)
    w.proxy.clear()
    for args in (["submit", f], ["submit", "--dry-run", f]):
        p = run(w, args)
        check(f"kinds: {' '.join(args[:-1])} of an update form: refused, pointing to "
              "update, exit 2, nothing sent",
              p.returncode == 2 and "is an update form (it has agentRuntimeId" in p.stderr and
              f"'agentcore-wizard update {f}'" in p.stderr and not w.proxy.log and
              not p.stdout, f"{p.returncode} {p.stderr} {w.proxy.log}")
    create = os.path.join(VALID, "minimal-container.json")
    for args in (["update", create], ["update", "--dry-run", create], ["diff", create]):
        p = run(w, args)
        check(f"kinds: {' '.join(args[:-1])} of a create form: refused, pointing to "
              "submit, exit 2, nothing sent",
              p.returncode == 2 and "is a create form (it has no agentRuntimeId)" in p.stderr
              and f"'agentcore-wizard submit {create}'" in p.stderr and not w.proxy.log,
              f"{p.returncode} {p.stderr} {w.proxy.log}")
    p = run(w, ["cli", f])
    check("kinds: cli of an update form prints update-agent-runtime with the region, "
          "endpoint and CA bundle in use",
          p.returncode == 0 and p.stdout.startswith(
              "aws bedrock-agentcore-control update-agent-runtime --cli-input-json '{"
              f'"agentRuntimeId":"{rid}",') and
          p.stdout.rstrip().endswith(f" --region 'us-east-1' --endpoint-url '{w.proxy.url}'"
                                     f" --ca-bundle '{w.ca.cert}'") and not w.proxy.log,
          p.stdout + p.stderr)
    if not shutil.which("aws"):
        print("skip kinds: no AWS CLI (aws): the printed update command is not run")
        return
    bare = {k: v for k, v in w.keys_env().items()
            if k not in ("AWS_ENDPOINT_URL", "AWS_CA_BUNDLE", "AWS_REGION",
                         "AWS_DEFAULT_REGION")}
    s = subprocess.run(["sh", "-c", p.stdout.strip()], env=bare, capture_output=True,
                       text=True)
    p = run(w, ["get", rid])
    got = json.loads(p.stdout or "{}")
    check("kinds: the printed update command, pasted alone, updates the runtime",
          s.returncode == 0 and len(put_requests(w, rid)) == 1 and
          got.get("description") == "sent by the AWS CLI", s.stderr + p.stderr)


def main():
    with harness.World() as w:
        w.service = Service(w.proxy)
        for t in (test_list_every_page, test_round_trips, test_change_one_variable,
                  test_endpoints_and_delete, test_delete_typed_back, test_nul_printed_as_sent,
                  test_not_found,
                  test_invalid_and_dry_run, test_form_kinds):
            try:
                t(w)
            except Exception as e:  # a crash in one test is a failure, not the end
                import traceback
                traceback.print_exc()
                check(t.__name__, False, repr(e))
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
