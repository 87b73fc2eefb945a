# Integration tests against moto_server behind a SigV4-checking proxy
# (tests/servers/harness.py). They skip (77) when moto/botocore are missing.
# tests/integration/aws.py is listed in tests/local.mk.
TESTS += tests/integration/proxy_selfcheck.py
EXTRA_DIST += tests/integration/proxy_selfcheck.py tests/servers/sigv4_proxy.py \
	tests/integration/wipecheck.c
# The account checks (issue 10): check and create-role against moto.
TESTS += tests/integration/checks.py
EXTRA_DIST += tests/integration/checks.py
