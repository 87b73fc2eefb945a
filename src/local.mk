bin_PROGRAMS += src/agentcore-wizard
src_agentcore_wizard_SOURCES = src/main.c src/commands.h src/cmd_validate.c src/cmd_aws.c
src_agentcore_wizard_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) $(PCRE2_CFLAGS)
src_agentcore_wizard_LDADD = $(CORE_LIBS)
