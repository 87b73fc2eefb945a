# base: helpers every other module may use (util, i18n, the printable filter).
# It includes nothing of form, aws, cli or ui (tests/check-layering.sh).
noinst_LIBRARIES += src/libacwcore.a
src_libacwcore_a_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) $(CURL_CFLAGS) \
	$(CRYPTO_CFLAGS) $(PCRE2_CFLAGS)
src_libacwcore_a_SOURCES = \
	src/base/i18n.h \
	src/base/util.c src/base/util.h \
	src/base/printable.c src/base/printable.h
