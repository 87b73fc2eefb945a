# Unit tests of the core (cmocka), command tests, fuzz corpora, benchmarks.
EXTRA_DIST += tests/data tests/check-layering.sh tests/check-sizes.sh tests/optional-skips
TESTS += tests/check-layering.sh tests/check-sizes.sh tests/unit/check-forms-vs-botocore.py
EXTRA_DIST += tests/unit/check-forms-vs-botocore.py tests/unit/sigv4-unsorted-vector.py

UNIT_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = $(CORE_LIBS) $(CMOCKA_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_util tests/unit/test_document tests/unit/test_validate tests/unit/test_huge \
	tests/unit/test_formfile tests/unit/test_sigv4 tests/unit/test_sigv4_suite \
	tests/unit/test_printable $(AWS_UNIT_TESTS) $(UI_UNIT_TESTS)
TESTS += tests/unit/test_util tests/unit/test_document tests/unit/test_validate tests/unit/test_huge \
	tests/unit/test_formfile tests/unit/test_sigv4 tests/unit/test_sigv4_suite \
	tests/unit/test_printable $(AWS_UNIT_TESTS) $(UI_UNIT_TESTS)
# the account checks (issue 10): XML answers, policy evaluation, endpoints
check_PROGRAMS += tests/unit/test_xml tests/unit/test_policy tests/unit/test_awscall \
	tests/unit/test_checks
TESTS += tests/unit/test_xml tests/unit/test_policy tests/unit/test_awscall tests/unit/test_checks
endif
# The ui's modules without curses (lineedit, the pure part of text, rows),
# built from their sources.
UI_UNIT_TESTS = tests/unit/test_lineedit tests/unit/test_text tests/unit/test_rows
tests_unit_test_lineedit_SOURCES = tests/unit/test_lineedit.c tests/unit/testutil.h \
	src/ui/lineedit.c
tests_unit_test_lineedit_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_lineedit_LDADD = $(UNIT_LDADD)
tests_unit_test_text_SOURCES = tests/unit/test_text.c tests/unit/testutil.h src/ui/text.c \
	src/ui/lineedit.c
tests_unit_test_text_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_text_LDADD = $(UNIT_LDADD)
tests_unit_test_rows_SOURCES = tests/unit/test_rows.c tests/unit/testutil.h src/ui/rows.c \
	src/ui/rows-build.c
tests_unit_test_rows_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_rows_LDADD = $(UNIT_LDADD)
tests_unit_test_sigv4_suite_SOURCES = tests/unit/test_sigv4_suite.c tests/unit/testutil.h
tests_unit_test_sigv4_suite_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_sigv4_suite_LDADD = $(UNIT_LDADD)
tests_unit_test_printable_SOURCES = tests/unit/test_printable.c tests/unit/testutil.h
tests_unit_test_printable_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_printable_LDADD = $(UNIT_LDADD)
# One test program for each module of src/aws; the suites from ../shared
# (test_sigv4_suite, test_endpoint_suite) exit 77 (SKIP) without it.
AWS_UNIT_TESTS = tests/unit/test_awsconfig tests/unit/test_endpoint tests/unit/test_endpoint_suite \
	tests/unit/test_credentials tests/unit/test_credcache \
	tests/unit/test_http tests/unit/test_service tests/unit/test_probe tests/unit/test_runtime
tests_unit_test_awsconfig_SOURCES = tests/unit/test_awsconfig.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_awsconfig_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_awsconfig_LDADD = $(UNIT_LDADD)
tests_unit_test_endpoint_SOURCES = tests/unit/test_endpoint.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_endpoint_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_endpoint_LDADD = $(UNIT_LDADD)
tests_unit_test_credentials_SOURCES = tests/unit/test_credentials.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_credentials_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_credentials_LDADD = $(UNIT_LDADD)
tests_unit_test_credcache_SOURCES = tests/unit/test_credcache.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_credcache_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_credcache_LDADD = $(UNIT_LDADD)
tests_unit_test_http_SOURCES = tests/unit/test_http.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_http_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_http_LDADD = $(UNIT_LDADD)
tests_unit_test_service_SOURCES = tests/unit/test_service.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_service_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_service_LDADD = $(UNIT_LDADD)
tests_unit_test_probe_SOURCES = tests/unit/test_probe.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_probe_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_probe_LDADD = $(UNIT_LDADD)
tests_unit_test_endpoint_suite_SOURCES = tests/unit/test_endpoint_suite.c tests/unit/testutil.h
tests_unit_test_endpoint_suite_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_endpoint_suite_LDADD = $(UNIT_LDADD)
tests_unit_test_runtime_SOURCES = tests/unit/test_runtime.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_runtime_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_runtime_LDADD = $(UNIT_LDADD)
tests_unit_test_xml_SOURCES = tests/unit/test_xml.c tests/unit/testutil.h
tests_unit_test_xml_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_xml_LDADD = $(UNIT_LDADD)
tests_unit_test_policy_SOURCES = tests/unit/test_policy.c tests/unit/testutil.h
tests_unit_test_policy_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_policy_LDADD = $(UNIT_LDADD)
tests_unit_test_awscall_SOURCES = tests/unit/test_awscall.c tests/unit/testutil.h
tests_unit_test_awscall_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_awscall_LDADD = $(UNIT_LDADD)
tests_unit_test_checks_SOURCES = tests/unit/test_checks.c tests/unit/awstest.h tests/unit/testutil.h
tests_unit_test_checks_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_checks_LDADD = $(UNIT_LDADD)
tests_unit_test_sigv4_SOURCES = tests/unit/test_sigv4.c tests/unit/testutil.h
tests_unit_test_sigv4_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_sigv4_LDADD = $(UNIT_LDADD)
tests_unit_test_util_SOURCES = tests/unit/test_util.c
tests_unit_test_util_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_util_LDADD = $(UNIT_LDADD)
tests_unit_test_document_SOURCES = tests/unit/test_document.c tests/unit/testutil.h
tests_unit_test_document_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_document_LDADD = $(UNIT_LDADD)
tests_unit_test_validate_SOURCES = tests/unit/test_validate.c tests/unit/testutil.h
tests_unit_test_validate_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_validate_LDADD = $(UNIT_LDADD)
tests_unit_test_huge_SOURCES = tests/unit/test_huge.c tests/unit/testutil.h
tests_unit_test_huge_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_huge_LDADD = $(UNIT_LDADD)
tests_unit_test_formfile_SOURCES = tests/unit/test_formfile.c tests/unit/testutil.h
tests_unit_test_formfile_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_formfile_LDADD = $(UNIT_LDADD)

# A loopback server in Python that drips its answer (no moto needed).
TESTS += tests/integration/drip.py
EXTRA_DIST += tests/integration/drip.py

# Templates (src/form/template*.c): reading, checking, the wizard's rules, writing.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_template
TESTS += tests/unit/test_template
endif
tests_unit_test_template_SOURCES = tests/unit/test_template.c tests/unit/testutil.h
tests_unit_test_template_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_template_LDADD = $(UNIT_LDADD)

# Against moto on loopback, every signature checked by botocore.
TESTS += tests/integration/aws.py
EXTRA_DIST += tests/integration/aws.py tests/servers/harness.py tests/bench/bench_submit.py tests/bench/bench_ui.py \
	tests/bench/bench_check.py tests/bench/bench_keys_checks.py

# Command-level tests of `validate`, and of the command line's GNU behaviour.
TESTS += tests/cmd/validate.sh tests/cmd/options.sh tests/cmd/manpage.sh tests/cmd/printable.sh
EXTRA_DIST += tests/cmd/validate.sh tests/cmd/options.sh tests/cmd/manpage.sh \
	tests/cmd/printable.sh tests/cmd/skip.sh
# Templates: templates, new, template; the bundled starters filled in.
TESTS += tests/cmd/templates.sh
EXTRA_DIST += tests/cmd/templates.sh

# The German translation shows, and is complete against a current template.
TESTS += tests/cmd/l10n.sh tests/cmd/po-complete.sh
EXTRA_DIST += tests/cmd/l10n.sh tests/cmd/po-complete.sh

# Fuzz targets, one for each kind of outside input, each with its corpus in
# tests/fuzz/corpus/NAME/: libFuzzer with --enable-fuzzing (clang),
# otherwise make check replays the corpus through tests/fuzz/replay.c.
FUZZ_TARGETS = tests/fuzz/fuzz_formfile tests/fuzz/fuzz_ini tests/fuzz/fuzz_credentials \
	tests/fuzz/fuzz_service tests/fuzz/fuzz_openid tests/fuzz/fuzz_template \
	tests/fuzz/fuzz_awsxml
check_PROGRAMS += $(FUZZ_TARGETS)
TESTS += $(FUZZ_TARGETS)
EXTRA_DIST += tests/fuzz/corpus
if ENABLE_FUZZING
FUZZ_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer,address,undefined
FUZZ_DRIVER =
else
FUZZ_CFLAGS = $(AM_CFLAGS)
FUZZ_DRIVER = tests/fuzz/replay.c
endif
# (their LDADD is the default one: the core's)
LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_formfile_SOURCES = tests/fuzz/fuzz_formfile.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_formfile_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_ini_SOURCES = tests/fuzz/fuzz_ini.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_ini_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_credentials_SOURCES = tests/fuzz/fuzz_credentials.c tests/fuzz/fuzz.h \
	$(FUZZ_DRIVER)
tests_fuzz_fuzz_credentials_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_service_SOURCES = tests/fuzz/fuzz_service.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_service_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_openid_SOURCES = tests/fuzz/fuzz_openid.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_openid_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_template_SOURCES = tests/fuzz/fuzz_template.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_template_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_awsxml_SOURCES = tests/fuzz/fuzz_awsxml.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_awsxml_CFLAGS = $(FUZZ_CFLAGS)

# Benchmarks: built by `make bench`, never part of make check.
EXTRA_PROGRAMS = tests/bench/bench_validate
tests_bench_bench_validate_SOURCES = tests/bench/bench_validate.c
tests_bench_bench_validate_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_bench_bench_validate_LDADD = $(CORE_LIBS)
CLEANFILES += $(EXTRA_PROGRAMS)
bench: tests/bench/bench_validate src/agentcore-wizard
	AGENTCORE_WIZARD_FORMS=$(abs_top_srcdir)/forms tests/bench/bench_validate
	-top_srcdir=$(abs_top_srcdir) ACW=$(abs_top_builddir)/src/agentcore-wizard \
		AGENTCORE_WIZARD_FORMS=$(abs_top_srcdir)/forms \
		python3 $(srcdir)/tests/bench/bench_submit.py
	-top_srcdir=$(abs_top_srcdir) top_builddir=$(abs_top_builddir) \
		ACW=$(abs_top_builddir)/src/agentcore-wizard \
		python3 $(srcdir)/tests/bench/bench_ui.py
	-top_srcdir=$(abs_top_srcdir) ACW=$(abs_top_builddir)/src/agentcore-wizard \
		AGENTCORE_WIZARD_FORMS=$(abs_top_srcdir)/forms \
		python3 $(srcdir)/tests/bench/bench_check.py
	-top_srcdir=$(abs_top_srcdir) ACW=$(abs_top_builddir)/src/agentcore-wizard \
		AGENTCORE_WIZARD_FORMS=$(abs_top_srcdir)/forms \
		python3 $(srcdir)/tests/bench/bench_keys_checks.py
.PHONY: bench

# A deployed runtime as create and update forms, update forms, the diff (issue 11).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_getmap
TESTS += tests/unit/test_getmap
endif
tests_unit_test_getmap_SOURCES = tests/unit/test_getmap.c tests/unit/testutil.h
tests_unit_test_getmap_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_getmap_LDADD = $(UNIT_LDADD)
TESTS += tests/cmd/daytwo.sh tests/cmd/config-endpoints.sh tests/cmd/check-notrun.sh
EXTRA_DIST += tests/cmd/daytwo.sh tests/cmd/config-endpoints.sh tests/cmd/zsh-complete.zsh \
	tests/cmd/check-notrun.sh
TESTS += tests/unit/check-requests-vs-model.py
EXTRA_DIST += tests/unit/check-requests-vs-model.py
# A service's GetAgentRuntime answer made into forms (issue 11): its corpus is replayed by make check.
check_PROGRAMS += tests/fuzz/fuzz_getmap
TESTS += tests/fuzz/fuzz_getmap
tests_fuzz_fuzz_getmap_SOURCES = tests/fuzz/fuzz_getmap.c tests/fuzz/fuzz.h $(FUZZ_DRIVER)
tests_fuzz_fuzz_getmap_CFLAGS = $(FUZZ_CFLAGS)
