"""A one-of whose branch is a list can be filled: the request headers'
allowlist (requestHeaderConfiguration is a union whose only branch is a
list) and a custom claim's "List of values" with CONTAINS_ANY. The items
typed reach the saved file, and the file passes validate."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmuxterm import MINIMAL, check, form_term, program  # noqa: E402

URL = "https://idp.example.com/.well-known/openid-configuration"
t = form_term(MINIMAL, "acw-ui-oneof-")
t.wait_text("minimal_agent")


# the authorizer: Custom JWT with one claim matched against a list of values
t.go_to("Authorizer")
t.keys("Right")
t.wait_text("< Custom JWT >")
t.keys("Down")
t.type(URL)
t.wait_text("openid-configuration")
t.wait_text("[ Add a custom claim ]")
# Down from the URL passes audiences, clients and scopes to the claims' add row
t.keys("Down", "Down", "Down", "Down", "Enter")
t.wait_text("Custom claim 1 (Esc or")
t.type("groups")
t.wait_text("groups")
t.keys("Down", "Right", "Right")  # claim type: STRING, then STRING_ARRAY
t.wait_text("< STRING_ARRAY >")
t.keys("Down", "Right", "Right")  # match value: single value, then list of values
t.wait_text("< List of values >")
t.wait_text("[ Add a value ]")
t.keys("Down", "Enter")
t.wait_text("Value 1")
t.type("admins")
t.wait_text("admins")
t.keys("Down", "Enter")
t.wait_text("Value 2")
t.type("staff")
t.wait_text("staff")
t.keys("Down", "Down", "Right", "Right", "Right")  # operator: EQUALS, CONTAINS, CONTAINS_ANY
t.wait_text("< CONTAINS_ANY >")
t.keys("Escape")
t.wait_text("Custom claim 1: groups")

# the request headers: the allowlist branch, two names
t.go_to("Request headers")
t.keys("Right")
t.wait_text("< Header allowlist >")
t.keys("Down", "Enter")
t.wait_text("Header name 1")
t.type("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")
t.wait_text("Custom-Tenant")
t.keys("Down", "Enter")
t.wait_text("Header name 2")
t.type("X-Trace")
t.wait_text("X-Trace")
s = t.wait(lambda s: "ok Request headers" in s, "the section to be complete")
check("expected a list" not in s, "the allowlist is not a list", t)
t.next_section()

out = os.path.join(t.tmp, "saved.json")
t.save_as(out)
with open(out) as f:
    d = json.load(f)
env = dict(os.environ, LANG="C.UTF-8")
v = subprocess.run([program(), "validate", out], capture_output=True, text=True, env=env)
t.quit(changed=False)
t.close()
check(d.get("requestHeaderConfiguration") == {"requestHeaderAllowlist": [
    "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "X-Trace"]},
    "headers: %r" % d.get("requestHeaderConfiguration"))
claims = d["authorizerConfiguration"]["customJWTAuthorizer"]["customClaims"]
check(claims == [{"inboundTokenClaimName": "groups", "inboundTokenClaimValueType": "STRING_ARRAY",
                  "authorizingClaimMatchValue": {
                      "claimMatchValue": {"matchValueStringList": ["admins", "staff"]},
                      "claimMatchOperator": "CONTAINS_ANY"}}], "claims: %r" % claims)
check(v.returncode == 0, "validate refused the saved form: %s" % v.stderr)
print("ok: list branches of one-ofs (header allowlist, claim values) are filled and saved")
