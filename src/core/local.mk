# The core: no curses here (tests/check-layering.sh enforces it).
noinst_LIBRARIES += src/core/libacwcore.a
src_core_libacwcore_a_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) $(CURL_CFLAGS) \
	$(CRYPTO_CFLAGS) $(PCRE2_CFLAGS)
src_core_libacwcore_a_SOURCES = \
	src/core/i18n.h \
	src/core/util.c src/core/util.h \
	src/core/formdef.c src/core/formdef.h \
	src/core/document.c src/core/document.h \
	src/core/validate.c src/core/validate.h \
	src/core/jsonscan.c src/core/jsonscan.h \
	src/core/formfile.c src/core/formfile.h \
	src/core/sigv4.c src/core/sigv4.h \
	src/core/awsconfig.c src/core/awsconfig.h \
	src/core/endpoint.c src/core/endpoint.h \
	src/core/credentials.c src/core/credentials.h \
	src/core/http.c src/core/http.h \
	src/core/service.c src/core/service.h \
	src/core/runtime.c src/core/runtime.h \
	src/core/probe.c src/core/probe.h

# Everything that links the core needs these.
CORE_LIBS = src/core/libacwcore.a $(CJSON_LIBS) $(CURL_LINK) $(CRYPTO_LIBS) $(PCRE2_LIBS) $(LIBINTL) -lm
