# Integration tests against moto_server behind a SigV4-checking proxy
# (tests/servers/harness.py). They skip (77) when moto/botocore are missing.
# tests/integration/aws.py is listed in tests/local.mk.
TESTS += tests/integration/proxy_selfcheck.py
EXTRA_DIST += tests/integration/proxy_selfcheck.py tests/servers/sigv4_proxy.py \
	tests/integration/wipecheck.c
# The commands for runtimes that exist (issue 11): list, get, diff, update,
# delete, versions, endpoints.
TESTS += tests/integration/daytwo.py
EXTRA_DIST += tests/integration/daytwo.py
# The account checks (issue 10): check and create-role against moto, and
# the pick lists' data through a small driver (tests/integration/picklist.c).
TESTS += tests/integration/checks.py tests/integration/checks-owner.py tests/integration/role-retry.py
EXTRA_DIST += tests/integration/checks.py tests/integration/checks-owner.py tests/integration/role-retry.py
check_PROGRAMS += tests/integration/picklist
tests_integration_picklist_SOURCES = tests/integration/picklist.c
tests_integration_picklist_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS)
tests_integration_picklist_LDADD = $(CORE_LIBS)
