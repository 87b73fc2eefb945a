# Unit tests of the core (cmocka), command tests, fuzz corpora, benchmarks.
EXTRA_DIST += tests/data tests/check-layering.sh
TESTS += tests/check-layering.sh tests/unit/check-forms-vs-botocore.py
EXTRA_DIST += tests/unit/check-forms-vs-botocore.py

UNIT_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = $(CORE_LIBS) $(CMOCKA_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_util tests/unit/test_document tests/unit/test_validate \
	tests/unit/test_formfile tests/unit/test_sigv4 tests/unit/test_aws
TESTS += tests/unit/test_util tests/unit/test_document tests/unit/test_validate \
	tests/unit/test_formfile tests/unit/test_sigv4 tests/unit/test_aws
endif
tests_unit_test_aws_SOURCES = tests/unit/test_aws.c tests/unit/testutil.h
tests_unit_test_aws_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_aws_LDADD = $(UNIT_LDADD)
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
tests_unit_test_formfile_SOURCES = tests/unit/test_formfile.c tests/unit/testutil.h
tests_unit_test_formfile_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_formfile_LDADD = $(UNIT_LDADD)

# Against moto on loopback, every signature checked by botocore.
TESTS += tests/integration/aws.py
EXTRA_DIST += tests/integration/aws.py tests/servers/harness.py tests/bench/bench_submit.py tests/bench/bench_ui.py

# Command-level tests of `validate`, and of the command line's GNU behaviour.
TESTS += tests/cmd/validate.sh tests/cmd/options.sh
EXTRA_DIST += tests/cmd/validate.sh tests/cmd/options.sh

# The German translation shows, and is complete against a current template.
TESTS += tests/cmd/l10n.sh tests/cmd/po-complete.sh
EXTRA_DIST += tests/cmd/l10n.sh tests/cmd/po-complete.sh

# The fuzz target of the form loader: libFuzzer with --enable-fuzzing (clang),
# otherwise its corpus is replayed by a small driver in make check.
check_PROGRAMS += tests/fuzz/fuzz_formfile
TESTS += tests/fuzz/fuzz_formfile
EXTRA_DIST += tests/fuzz/corpus
tests_fuzz_fuzz_formfile_SOURCES = tests/fuzz/fuzz_formfile.c
tests_fuzz_fuzz_formfile_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_fuzz_fuzz_formfile_LDADD = $(CORE_LIBS)
if ENABLE_FUZZING
tests_fuzz_fuzz_formfile_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer,address,undefined
else
tests_fuzz_fuzz_formfile_SOURCES += tests/fuzz/replay.c
endif

check_PROGRAMS += tests/fuzz/fuzz_aws
TESTS += tests/fuzz/fuzz_aws
tests_fuzz_fuzz_aws_SOURCES = tests/fuzz/fuzz_aws.c
tests_fuzz_fuzz_aws_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_fuzz_fuzz_aws_LDADD = $(CORE_LIBS)
if ENABLE_FUZZING
tests_fuzz_fuzz_aws_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer,address,undefined
else
tests_fuzz_fuzz_aws_SOURCES += tests/fuzz/replay.c
endif

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
.PHONY: bench
