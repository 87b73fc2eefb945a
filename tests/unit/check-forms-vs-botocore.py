#!/usr/bin/env python3
"""Compare forms/ with the AWS model of CreateAgentRuntime.

1. Without any model: every field has a label and help, every example is
   valid for its own pattern, lengths, range and values, and a field the
   botocore model lacks (source N or D) says in its help that the AWS CLI
   refuses it.
2. With the model files of ../shared/reference (when present): every member of
   the newest model the form follows is in the form, at the same path, with
   the same kind and the same constraints. Any difference FAILS.
3. With the installed botocore (when importable): every member botocore knows
   must be in the form (FAILS otherwise); constraint differences are PRINTED,
   since the installed botocore can be older than the model the form follows.
Exit 77 (skip) only when neither model is available and part 1 passed."""
import glob
import json
import os
import re
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


def load_form():
    """Flatten forms/ into {path: field} with the schema paths formdef.c uses."""
    fields = {}

    def walk(node, path):
        fields[path] = node
        for role, suffix in (("item", "[]"), ("key", "{key}"), ("value", "{}")):
            if isinstance(node.get(role), dict):
                walk(node[role], path + suffix)
        for child in node.get("fields", []) or []:
            walk(child, (path + "." if path else "") + child["name"])

    for fn in sorted(glob.glob(os.path.join(forms_dir, "*.json"))):
        with open(fn, encoding="utf-8") as fp:
            sec = json.load(fp)
        for f in sec.get("fields", []):
            walk(f, f["name"])
    return fields


def java_pattern(p):
    # Python's re reads these patterns the same way; \x21 style escapes included.
    return re.compile(p)


def check_examples(fields):
    for path, f in fields.items():
        if not f.get("label") or not f.get("help"):
            fail(f"{path}: needs a label and a help text")
        # not in the botocore model: the AWS CLI refuses a form that sets it
        # ("Unknown parameter in input"), and its help must say so, since
        # saved forms are meant for the AWS CLI too
        if f.get("source") in ("N", "D") and "AWS CLI refuses" not in f.get("help", ""):
            fail(f"{path}: source {f['source']}: its help must say that the AWS CLI "
                 f"refuses a form that sets it")
        # the example, and the value a new form starts with, must be valid
        for what in ("example", "initial"):
            ex = f.get(what)
            if ex is None or f["kind"] not in ("text", "integer", "choice"):
                continue
            if f["kind"] == "choice" and ex not in f["values"]:
                fail(f"{path}: {what} {ex!r} is not one of {f['values']}")
            if f["kind"] == "integer":
                v = int(ex)
                if ("min" in f and v < f["min"]) or ("max" in f and v > f["max"]):
                    fail(f"{path}: {what} {ex} out of range")
            if f["kind"] == "text":
                if "pattern" in f and not java_pattern(f["pattern"]).fullmatch(ex):
                    fail(f"{path}: {what} {ex!r} does not match {f['pattern']}")
                if len(ex) < f.get("minLength", 0) or len(ex) > f.get("maxLength", 10**9):
                    fail(f"{path}: {what} {ex!r} has a bad length")


def kind_of(model, shape_name):
    s = model["shapes"][shape_name]
    t = s["type"]
    if t == "structure":
        return "oneof" if s.get("union") else "group"
    if t == "string":
        return "choice" if "enum" in s else "text"
    if t == "list":
        return "sublist" if model["shapes"][s["member"]["shape"]]["type"] == "structure" else "list"
    return {"integer": "integer", "long": "integer", "boolean": "boolean", "map": "map"}[t]


def walk_model(model, shape_name, path, required, out):
    s = model["shapes"][shape_name]
    out[path] = (shape_name, s, required)
    if s["type"] == "structure":
        for k, m in s["members"].items():
            walk_model(model, m["shape"], (path + "." if path else "") + k,
                       k in s.get("required", []), out)
    elif s["type"] == "list":
        walk_model(model, s["member"]["shape"], path + "[]", False, out)
    elif s["type"] == "map":
        walk_model(model, s["key"]["shape"], path + "{key}", False, out)
        walk_model(model, s["value"]["shape"], path + "{}", False, out)


def constraints(model, shape_name, s, required):
    c = {"kind": kind_of(model, shape_name)}
    if s["type"] == "string":
        c.update({k2: s[k1] for k1, k2 in (("min", "minLength"), ("max", "maxLength"),
                                            ("pattern", "pattern"), ("enum", "values"))
                  if k1 in s})
    elif s["type"] in ("integer", "long"):
        c.update({k: s[k] for k in ("min", "max") if k in s})
    elif s["type"] in ("list", "map"):
        c.update({k2: s[k1] for k1, k2 in (("min", "minItems"), ("max", "maxItems")) if k1 in s})
    if required:
        c["required"] = True
    return c


def form_constraints(f):
    keys = ("kind", "minLength", "maxLength", "pattern", "values", "min", "max", "minItems",
            "maxItems", "required")
    return {k: f[k] for k in keys if k in f}


# Where the form knowingly differs from the model, and why (agentcore-api.md).
ALLOWED = {
    # optional in the botocore model, required by the newest SDK and the docs (§3.10)
    ("capacityProviderConfiguration.capacityProviderArn", "required"),
}


def compare(model, label, strict, fields):
    op = model["operations"]["CreateAgentRuntime"]["input"]["shape"]
    members = {}
    walk_model(model, op, "", False, members)
    del members[""]
    diffs = 0
    for path, (shape_name, s, required) in sorted(members.items()):
        f = fields.get(path)
        if f is None:
            fail(f"{label}: member {path} is missing from forms/")
            continue
        want = constraints(model, shape_name, s, required)
        have = form_constraints(f)
        for k in sorted(set(want) | set(have)):
            if want.get(k) != have.get(k) and (path, k) not in ALLOWED:
                diffs += 1
                msg = f"{label}: {path}: {k}: model {want.get(k)!r}, form {have.get(k)!r}"
                if strict:
                    fail(msg)
                else:
                    print("DIFFERS:", msg)
    extra = sorted(p for p in fields if p not in members and "." not in p.replace("[]", ""))
    print(f"{label}: {len(members)} members compared, {diffs} constraint differences; "
          f"top-level members only in the form: {extra}")


def main():
    fields = load_form()
    check_examples(fields)
    compared = False
    if os.path.exists(model_file):
        with open(model_file, encoding="utf-8") as fp:
            compare(json.load(fp), "reference model", True, fields)
        compared = True
    else:
        print(f"no reference model at {model_file}: skipping the strict comparison")
    try:
        import botocore.session
    except ImportError:
        print("botocore is not importable: skipping the comparison with it")
    else:
        sm = botocore.session.get_session().get_service_model("bedrock-agentcore-control")
        model = {"operations": {"CreateAgentRuntime":
                                {"input": {"shape": sm.operation_model(
                                    "CreateAgentRuntime").input_shape.name}}},
                 "shapes": sm._shape_resolver._shape_map}
        compare(model, f"installed botocore {botocore.__version__}", False, fields)
        compared = True
    print(f"{len(fields)} form fields checked, {len(failures)} failed")
    if failures:
        return 1
    return 0 if compared else 77


sys.exit(main())
