#!/usr/bin/env python3
"""Compare forms/requests/runtime-requests.json with the AWS model: the
members UpdateAgentRuntime takes (source M) are exactly those of the model's
UpdateAgentRuntimeRequest but its URI label (with an installed botocore,
which may be older: at least those); the members the service sets
are members of GetAgentRuntimeResponse that no request takes; every member
UpdateAgentRuntime takes is defined by forms/ or named outsideForms, and no
member outside forms/ is a member of CreateAgentRuntime. The model is
../shared/reference's service-2.json when present, else the installed
botocore's; exit 77 (skip) when neither is there."""
import glob
import json
import os
import sys

top = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
forms_dir = os.environ.get("AGENTCORE_WIZARD_FORMS", os.path.join(top, "forms"))
shared = os.environ.get("ACW_SHARED", os.path.join(top, "..", "shared"))
model_file = os.path.join(shared, "reference", "bedrock-agentcore-control-2023-06-05",
                          "service-2.json")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def load_model():
    if os.path.exists(model_file):
        return json.load(open(model_file)), model_file
    try:
        import botocore.session
    except ImportError:
        return None, None
    loader = botocore.session.get_session().get_component("data_loader")
    return loader.load_service_model("bedrock-agentcore-control", "service-2"), "botocore"


def members(model, op, io):
    shape = model["operations"][op][io]["shape"]
    return model["shapes"][shape]["members"]


def main():
    data = json.load(open(os.path.join(forms_dir, "requests", "runtime-requests.json")))
    model, where = load_model()
    if not model:
        print("SKIP: no model (shared/reference or botocore)")
        return 77
    print(f"model: {where}")
    create_form = set()
    for fn in glob.glob(os.path.join(forms_dir, "*.json")):
        for f in json.load(open(fn)).get("fields", []):
            create_form.add(f["name"])
    upd = members(model, "UpdateAgentRuntime", "input")
    uri = {n for n, m in upd.items() if m.get("location") == "uri"}
    takes = data["update"]["takes"]
    m_takes = {t["name"] for t in takes if t["source"] == "M"}
    body = set(upd) - uri
    if where == "botocore" and m_takes >= body:
        # the installed botocore may be older than the model the data follows
        if m_takes != body:
            print(f"note: botocore lacks {sorted(m_takes - body)} (older than the model)")
    elif m_takes != body:
        fail(f"update.takes (source M) {sorted(m_takes)} != the model's "
             f"UpdateAgentRuntimeRequest {sorted(body)}")
    if uri != {data["update"]["id"]["name"]}:
        fail(f"update.id {data['update']['id']['name']} is not the model's URI label {uri}")
    for t in takes:
        outside = "outsideForms" in t
        if outside == (t["name"] in create_form):
            fail(f"{t['name']}: outsideForms must be given exactly when forms/ lacks it")
        if outside:
            if t["name"] not in upd:
                continue
            shape = model["shapes"][upd[t["name"]]["shape"]]
            want = sorted(shape.get("members", {}))
            if sorted(t["outsideForms"]) != want:
                fail(f"{t['name']}: outsideForms {sorted(t['outsideForms'])} != model {want}")
    get = members(model, "GetAgentRuntime", "output")
    create = members(model, "CreateAgentRuntime", "input")
    for n in data["get"]["serviceSet"]:
        if n not in get:
            fail(f"get.serviceSet: {n} is not a member of GetAgentRuntimeResponse")
        if n in create or n in body:
            fail(f"get.serviceSet: {n} is a member a request takes")
    # every member of the answer is accounted for: set by the service,
    # taken by a request, or named (the name, taken by create only)
    for n in get:
        if n not in data["get"]["serviceSet"] and n not in create and n not in body:
            fail(f"GetAgentRuntimeResponse.{n}: neither set by the service nor taken")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


sys.exit(main())
