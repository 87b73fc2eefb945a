bin_PROGRAMS += src/agentcore-wizard
src_agentcore_wizard_SOURCES = src/main.c src/cli/commands.h src/cli/options.c \
	src/cli/print.h src/cli/print.c src/cli/newrole.c src/cli/newrole.h src/cli/cmd_validate.c src/cli/cmd_submit.c \
	src/cli/cmd_status.c src/cli/cmd_cli.c src/cli/cmd_config.c src/cli/cmd_wizard.c \
	src/cli/cmd_templates.c src/cli/cmd_template.c \
	src/cli/daytwo.c src/cli/daytwo.h src/cli/cmd_list.c src/cli/cmd_get.c \
	src/cli/cmd_diff.c src/cli/cmd_update.c src/cli/cmd_open.c src/cli/cmd_delete.c src/cli/cmd_versions.c \
	src/cli/cmd_check.c src/cli/cmd_create_role.c
src_agentcore_wizard_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) $(PCRE2_CFLAGS)
src_agentcore_wizard_LDADD = $(CORE_LIBS)
