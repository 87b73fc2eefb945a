/* main.c: locale, global options, picks a command, returns its exit code. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/awsconfig.h"
#include "core/util.h"

struct global_opts global_opts = {.connect_timeout = AWS_TIMEOUT_UNSET,
				  .read_timeout = AWS_TIMEOUT_UNSET};

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

int global_option(int opt, const char *arg)
{
	char *end;
	double v;

	switch (opt) {
	case OPT_PROFILE:
		global_opts.profile = arg;
		return 1;
	case OPT_REGION:
		global_opts.region = arg;
		return 1;
	case OPT_ENDPOINT_URL:
		global_opts.endpoint_url = arg;
		return 1;
	case OPT_CA_BUNDLE:
		global_opts.ca_bundle = arg;
		return 1;
	case OPT_DEBUG:
		global_opts.debug = 1;
		return 1;
	case OPT_NO_COLOR:
		global_opts.no_color = 1;
		return 1;
	case OPT_VERSION:
		print_version();
		exit(EXIT_OK);
	case OPT_CONNECT_TIMEOUT:
	case OPT_READ_TIMEOUT:
		v = strtod(arg, &end);
		if (end == arg || *end || v < 0 || v > 86400) {
			usage_error(_("invalid timeout '%s': expected a number of seconds "
				      "from 0 to 86400"),
				    arg);
			return -1;
		}
		if (opt == OPT_CONNECT_TIMEOUT)
			global_opts.connect_timeout = v;
		else
			global_opts.read_timeout = v;
		return 1;
	default:
		return 0;
	}
}

static const struct command commands[] = {
    {"validate", cmd_validate, N_("check form files without a terminal")},
    {"submit", cmd_submit, N_("validate, sign and send a form; --wait follows it")},
    {"status", cmd_status, N_("show a runtime's status; --wait follows it")},
    {"cli", cmd_cli, N_("print the equivalent AWS CLI command")},
    {"config", cmd_config, N_("show region, profile, credentials and endpoint in use")},
};

void print_version(void)
{
	printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	printf("Copyright (C) 2026 The agentcore-wizard authors.\n");
	printf(_("License Apache-2.0: <https://www.apache.org/licenses/LICENSE-2.0>.\n"
		 "This is free software: you are free to change and redistribute it.\n"
		 "There is NO WARRANTY, to the extent permitted by law.\n"));
}

static void print_help(void)
{
	size_t i;

	printf(_("Usage: %s [OPTION]... [FORM]\n"
		 "  or:  %s COMMAND [OPTION]... [ARG]...\n"),
	       PACKAGE_NAME, PACKAGE_NAME);
	printf(_("Create an Amazon Bedrock AgentCore Runtime, step by step.\n\n"));
	printf(_("Commands:\n"));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s %s\n", commands[i].name, _(commands[i].summary));
	printf("  %-10s %s\n", "edit",
	       _("open FORM in the wizard (the same as giving FORM alone)"));
	printf(
	    _("\nWizard options:\n"
	      "      --plain                ask the questions line by line instead of drawing\n"
	      "                             screens (screen readers, dumb terminals, pipes)\n"));
	printf(_("\nGlobal options:\n"
		 "      --profile NAME         use this profile from the AWS config files\n"
		 "      --region REGION        the AWS Region to create the runtime in\n"
		 "      --endpoint-url URL     send requests to this URL\n"
		 "      --ca-bundle FILE       trust the certificate authorities in FILE\n"
		 "      --cli-connect-timeout SECONDS\n"
		 "      --cli-read-timeout SECONDS\n"
		 "      --debug                show the signing steps (never secrets)\n"
		 "      --no-color             draw the screens without colour (or set NO_COLOR)\n"
		 "  -h, --help                 display this help and exit\n"
		 "  -V, --version              output version information and exit\n\n"));
	printf(_("Exit status: 0 success, 1 invalid form, 2 usage error or unreadable file,\n"
		 "3 credentials or configuration, 4 network or service error,\n"
		 "5 the runtime failed, 6 cancelled.\n"));
	printf(_("\nRun '%s COMMAND --help' for a command's options.\n"), PACKAGE_NAME);
}

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PACKAGE_NAME);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nTry '%s --help' for more information.\n"), PACKAGE_NAME);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	{
		const char *ld = getenv("AGENTCORE_WIZARD_LOCALEDIR");
		bindtextdomain(PACKAGE, ld && *ld ? ld : LOCALEDIR);
	}
	textdomain(PACKAGE);
#endif
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		global_opts.no_color = 1;

	/* global options may come before the command: agentcore-wizard --profile dev config */
	{
		static const struct option opts[] = {GLOBAL_LONG_OPTIONS, {NULL, 0, NULL, 0}};
		int first = 1;

		while (first < argc && !strncmp(argv[first], "--", 2) && argv[first][2]) {
			int idx = -1, g;
			const char *name = argv[first] + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			for (i = 0; opts[i].name; i++)
				if (strlen(opts[i].name) == len &&
				    !strncmp(opts[i].name, name, len))
					idx = (int)i;
			if (idx < 0)
				break;
			if (opts[idx].has_arg == required_argument && !eq && first + 1 >= argc)
				return usage_error(_("option '--%s' needs a value"),
						   opts[idx].name);
			g = global_option(opts[idx].val, opts[idx].has_arg == no_argument ? NULL
							 : eq                             ? eq + 1
							      : argv[++first]);
			if (g < 0)
				return EXIT_USAGE;
			first++;
		}
		argv[first - 1] = argv[0];
		argv += first - 1;
		argc -= first - 1;
	}
	if (argc >= 2) {
		if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
			print_help();
			return EXIT_OK;
		}
		if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
			print_version();
			return EXIT_OK;
		}
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (!strcmp(argv[1], commands[i].name))
				return commands[i].run(argc - 1, argv + 1);
	}
	return ui_main(argc, argv);
}
