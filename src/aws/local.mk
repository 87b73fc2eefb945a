# aws: signing, transport, settings, credentials, services and the runtime.
# Signing and transport (sigv4, http, credentials, endpoint, awsconfig,
# service, xml) include base only; runtime and probe may read the form's
# document (tests/check-layering.sh).
src_libacwcore_a_SOURCES += \
	src/aws/secret.c src/aws/secret.h \
	src/aws/sigv4.c src/aws/sigv4.h \
	src/aws/awsconfig.c src/aws/awsconfig.h \
	src/aws/endpoint.c src/aws/endpoint.h \
	src/aws/credentials.c src/aws/credentials.h \
	src/aws/http.c src/aws/http.h \
	src/aws/xml.c src/aws/xml.h \
	src/aws/service.c src/aws/service.h \
	src/aws/runtime.c src/aws/runtime.h \
	src/aws/probe.c src/aws/probe.h

# Everything that links the core needs these.
CORE_LIBS = src/libacwcore.a $(CJSON_LIBS) $(CURL_LINK) $(CRYPTO_LIBS) $(PCRE2_LIBS) $(LIBINTL) -lm
