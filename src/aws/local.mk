# aws: signing, transport, settings, credentials, services and the runtime.
# Signing and transport (secret, sigv4, http, credentials, credcache, endpoint, awsconfig,
# service, xml) include base only; runtime and probe may read the form's
# document (tests/check-layering.sh).
src_libacwcore_a_SOURCES += \
	src/aws/secret.c src/aws/secret.h \
	src/aws/sigv4.c src/aws/sigv4.h \
	src/aws/awsconfig.c src/aws/awsconfig.h \
	src/aws/endpoint.c src/aws/endpoint.h \
	src/aws/credentials.c src/aws/credentials.h src/aws/credcache.c \
	src/aws/http.c src/aws/http.h \
	src/aws/xml.c src/aws/xml.h \
	src/aws/service.c src/aws/service.h \
	src/aws/runtime.c src/aws/runtime.h \
	src/aws/probe.c src/aws/probe.h \
	src/aws/runtimes.c src/aws/runtimes.h

# Everything that links the core needs these.
CORE_LIBS = src/libacwcore.a $(CJSON_LIBS) $(CURL_LINK) $(CRYPTO_LIBS) $(PCRE2_LIBS) $(LIBINTL) -lm

# The account checks (issue 10): XML answers with libexpat, the other
# services' calls, policy evaluation and the findings engine.
src_libacwcore_a_CPPFLAGS += $(EXPAT_CFLAGS)
src_libacwcore_a_SOURCES += \
	src/aws/awscall.c src/aws/awscall.h \
	src/aws/sts.c src/aws/sts.h \
	src/aws/policy.c src/aws/policy.h \
	src/aws/iam.c src/aws/iam.h src/aws/roledocs.c src/aws/roledocs.h \
	src/aws/ecr.c src/aws/ecr.h src/aws/ec2.c src/aws/ec2.h src/aws/s3.c src/aws/s3.h \
	src/aws/checks_run.c src/aws/checks_input.c src/aws/checks.h src/aws/checks_int.h \
	src/aws/checks_role.c src/aws/checks_image.c src/aws/checks_net.c \
	src/aws/checks_misc.c src/aws/pick.c src/aws/pick.h
CORE_LIBS += $(EXPAT_LIBS)
