/* main.c: locale, global options, picks a command, checks its options, and
 * returns its exit code; standard output is checked when the program ends. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#if HAVE_STDIO_EXT_H
#include <stdio_ext.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/daytwo.h"
#include "ui/ui.h"
#include "aws/awsconfig.h"
#include "base/util.h"

struct global_opts global_opts = {.connect_timeout = AWS_TIMEOUT_UNSET,
				  .read_timeout = AWS_TIMEOUT_UNSET};

/* A command's options besides the global ones (none takes a value). */
static const struct option validate_opts[] = {{"json", no_argument, NULL, 'j'},
					      {NULL, 0, NULL, 0}};
static const struct option submit_opts[] = {
    {"wait", no_argument, NULL, 'w'}, {"dry-run", no_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};
static const struct option status_opts[] = {{"wait", no_argument, NULL, 'w'}, {NULL, 0, NULL, 0}};
static const struct option wizard_opts[] = {{"plain", no_argument, NULL, 'p'}, {NULL, 0, NULL, 0}};
static const struct option no_opts[] = {{NULL, 0, NULL, 0}};
static const struct option check_opts[] = {
    {"json", no_argument, NULL, 'j'}, {"offline", no_argument, NULL, 'o'}, {NULL, 0, NULL, 0}};
static const struct option create_role_opts[] = {{"name", required_argument, NULL, 'N'},
						 {"dry-run", no_argument, NULL, 'n'},
						 {"yes", no_argument, NULL, 'y'},
						 {NULL, 0, NULL, 0}};

/* Under each command's own options: the global ones it also takes. */
static void global_options_note(void)
{
	printf(_("\nGlobal options: --profile, --region, --endpoint-url, --ca-bundle,\n"
		 "--cli-connect-timeout, --cli-read-timeout, --debug, --no-color (see\n"
		 "'%s --help').\n\n"),
	       PACKAGE_NAME);
}

static void validate_help(void)
{
	printf(_("Usage: %s validate [--json] FORM...\n"
		 "Check form files as the service would judge them, without a terminal.\n"
		 "A FORM of - is read from standard input.\n\n"
		 "      --json         print the problems as a JSON array on standard output\n"
		 "  -h, --help         display this help and exit\n\n"
		 "Each problem is printed on standard error as FILE: PATH: message.\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 every form is valid, 1 a form is invalid, 2 usage error, or a\n"
		 "file that cannot be read or is not JSON, 3 the form definitions are missing,\n"
		 "70 out of memory or standard output not written.\n"));
}

static void submit_help(void)
{
	printf(_("Usage: %s submit [--wait] [--dry-run] FORM\n"
		 "Validate FORM, sign it and send CreateAgentRuntime; print the answer.\n"
		 "A FORM of - is read from standard input.\n\n"
		 "      --wait         follow the runtime until it is READY or has failed\n"
		 "      --dry-run      print the signed request and send nothing (with --debug,\n"
		 "                     also the canonical request and the string to sign)\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid, 2 usage error or a form that\n"
		 "cannot be read, 3 credentials or configuration, 4 network or service error,\n"
		 "5 the runtime failed (--wait), 6 cancelled, 70 out of memory or standard\n"
		 "output not written.\n"));
}

static void status_help(void)
{
	printf(_("Usage: %s status [--wait] RUNTIME_ID\n"
		 "Show a runtime (GetAgentRuntime) as the AWS CLI prints it.\n\n"
		 "      --wait         follow the runtime until it is READY or has failed\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 success, 2 usage error, 3 credentials or configuration,\n"
		 "4 network or service error, 5 the runtime failed, 6 cancelled,\n"
		 "70 out of memory or standard output not written.\n"));
}

static void cli_help(void)
{
	printf(_("Usage: %s cli FORM\n"
		 "Print the AWS CLI command that creates the same runtime, quoted for a\n"
		 "POSIX shell. A FORM of - is read from standard input.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid, 2 usage error or a form that\n"
		 "cannot be read, 3 the form definitions are missing, 70 out of memory or\n"
		 "standard output not written.\n"));
}

static void config_help(void)
{
	printf(_("Usage: %s config\n"
		 "Show the region, profile, credentials, endpoint and CA bundle in use, and\n"
		 "where each came from; secrets are never shown.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 success, 2 usage error, 3 no region or no credentials, or\n"
		 "another configuration problem, 70 out of memory or standard output not\n"
		 "written.\n"));
}

static void wizard_help(void)
{
	printf(_("Usage: %s [--plain] [OPTION]... [FORM]\n"
		 "  or:  %s edit [--plain] [OPTION]... FORM\n"
		 "Walk through the sections of a CreateAgentRuntime request in the terminal.\n"
		 "FORM is loaded when it exists and is where F2 saves by default.\n\n"
		 "      --plain        ask line by line on standard input and output\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME, PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid (--plain), 2 usage error, no\n"
		 "terminal or a FORM that cannot be read, 3 the form definitions are missing,\n"
		 "6 cancelled, 70 out of memory.\n"));
}

static void check_help(void)
{
	printf(_("Usage: %s check [--json] [--offline] FORM...\n"
		 "Validate forms, then check their values against your AWS account: the\n"
		 "execution role, the image or code object, the network, the authorizer and\n"
		 "the runtime name. A FORM of - is read from standard input.\n\n"
		 "      --json         print the findings as a JSON array on standard output\n"
		 "      --offline      validate only; send nothing\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 no error (warnings are printed), 1 a form is invalid or a\n"
		 "check found an error, 2 usage error or a form that cannot be read,\n"
		 "3 credentials or configuration, 4 network or service error, 6 cancelled,\n"
		 "70 out of memory or standard output not written.\n"));
}

static void create_role_help(void)
{
	printf(_("Usage: %s create-role [--name NAME] [--dry-run] [--yes] FORM\n"
		 "Create an execution role for FORM's runtime: a trust policy for\n"
		 "bedrock-agentcore.amazonaws.com in this account and Region, and a\n"
		 "permissions policy scoped to the form's image or code object and the\n"
		 "runtime's logs. The documents are shown, and asked about, first.\n\n"
		 "      --name NAME    the role's name (it must contain BedrockAgentCore)\n"
		 "      --dry-run      print the documents and create nothing\n"
		 "      --yes          create without asking (for scripts)\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	global_options_note();
	printf(_("Exit status: 0 created (or printed), 1 the form is invalid, 2 usage error\n"
		 "or a form that cannot be read, 3 credentials or configuration, 4 network or\n"
		 "service error, 6 not confirmed, 70 out of memory or standard output not\n"
		 "written.\n"));
}

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const struct option *opts;
	void (*help)(void); /* lines under 80 columns */
};

static const struct command commands[] = {
    {"validate", cmd_validate, N_("check form files without a terminal"), validate_opts,
     validate_help},
    {"submit", cmd_submit, N_("validate, sign and send a form; --wait follows it"), submit_opts,
     submit_help},
    {"status", cmd_status, N_("show a runtime's status; --wait follows it"), status_opts,
     status_help},
    {"cli", cmd_cli, N_("print the equivalent AWS CLI command"), no_opts, cli_help},
    {"config", cmd_config, N_("show region, profile, credentials and endpoint in use"), no_opts,
     config_help},
    {"list", cmd_list, N_("list the Region's runtimes"), daytwo_list_opts, daytwo_list_help},
    {"get", cmd_get, N_("print a runtime's configuration as a create or update form"),
     daytwo_get_opts, daytwo_get_help},
    {"diff", cmd_diff, N_("show what an update form would change"), daytwo_no_opts,
     daytwo_diff_help},
    {"update", cmd_update, N_("validate, show and send an update form; --wait follows it"),
     daytwo_update_opts, daytwo_update_help},
    {"delete", cmd_delete, N_("delete a runtime and its endpoints, after asking"),
     daytwo_delete_opts, daytwo_delete_help},
    {"versions", cmd_versions, N_("list a runtime's versions"), daytwo_no_opts,
     daytwo_versions_help},
    {"endpoints", cmd_endpoints, N_("list a runtime's endpoints and their versions"),
     daytwo_no_opts, daytwo_endpoints_help},
    {"check", cmd_check, N_("check forms against your AWS account"), check_opts, check_help},
    {"create-role", cmd_create_role, N_("create an execution role for a form"), create_role_opts,
     create_role_help},
    {"templates", cmd_templates, N_("list the templates found, with their titles"), templates_opts,
     templates_help},
    {"new", cmd_new, N_("start a form from a template"), new_opts, new_help},
    {"template", cmd_template, N_("make a template from a form; secrets are taken out"),
     template_opts, template_help},
};

/* The wizard: `agentcore-wizard [--plain] [FORM]` or `edit FORM`; the
 * options were checked by check_options, so only the words are left. */
static int wizard_run(int argc, char **argv)
{
	static const struct option opts[] = {
	    GLOBAL_LONG_OPTIONS,
	    {"plain", no_argument, NULL, 'p'},
	    {NULL, 0, NULL, 0},
	};
	struct ui_args a = {0};
	int c, edit = 0;

	if (argc >= 2 && !strcmp(argv[1], "edit")) {
		edit = 1;
		argc--;
		argv++;
	}
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c == 'p')
			a.plain = 1;
	if (optind < argc)
		a.form = argv[optind++];
	if (optind < argc)
		return usage_error(_("unexpected argument '%s'"), argv[optind]);
	if (edit && !a.form)
		return usage_error(_("edit: expected a form file"));
	a.aws.profile = global_opts.profile;
	a.aws.region = global_opts.region;
	a.aws.endpoint_url = global_opts.endpoint_url;
	a.aws.ca_bundle = global_opts.ca_bundle;
	a.aws.connect_timeout = global_opts.connect_timeout;
	a.aws.read_timeout = global_opts.read_timeout;
	a.debug = global_opts.debug;
	a.no_color = global_opts.no_color;
	return ui_main(&a);
}

/* The wizard: `agentcore-wizard [FORM]` or `agentcore-wizard edit FORM`. */
static const struct command wizard = {
    "edit", wizard_run, N_("open FORM in the wizard (the same as giving FORM alone)"), wizard_opts,
    wizard_help};

/* The command running, for "Try '... --help'" (NULL: the program's help). */
static const struct command *current;
/* Standard output is checked at exit, but not after the wizard's screens:
 * curses writes the terminal itself, and a terminal gone away is the
 * wizard's to handle (it saves a draft). */
static int check_stdout;

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

void print_version(void)
{
	printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	/* TRANSLATORS: the %s is "(C)"; it may become the copyright sign. */
	printf(_("Copyright %s %d The agentcore-wizard authors.\n"), "(C)", 2026);
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
	printf("  %-10s %s\n", wizard.name, _(wizard.summary));
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
		 "                             give up connecting after SECONDS (default 60;\n"
		 "                             0 waits without limit)\n"
		 "      --cli-read-timeout SECONDS\n"
		 "                             give up when an answer stalls for SECONDS\n"
		 "                             (default 60; 0 waits without limit)\n"
		 "      --debug                show the signing steps (never secrets)\n"
		 "      --no-color             draw the screens without colour (or set NO_COLOR)\n"
		 "  -h, --help                 display this help and exit\n"
		 "  -V, --version              output version information and exit\n\n"));
	printf(_("Exit status: 0 success, 1 invalid form, 2 usage error or unreadable file,\n"
		 "3 credentials or configuration, 4 network or service error,\n"
		 "5 the runtime failed, 6 cancelled, 70 out of memory or standard output\n"
		 "not written.\n"));
	printf(_("\nRun '%s COMMAND --help' for a command's options.\n"), PACKAGE_NAME);
}

/* "Try 'agentcore-wizard validate --help' for more information." */
static void usage_try(void)
{
	char *name = current && current != &wizard
			 ? xasprintf("%s %s", PACKAGE_NAME, current->name)
			 : xstrdup(PACKAGE_NAME);

	fprintf(stderr, _("Try '%s --help' for more information.\n"), name);
	free(name);
}

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PACKAGE_NAME);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_try();
	return EXIT_USAGE;
}

/* Read a command's options once before it runs: --help prints its help; an
 * unknown option or a missing value is said once (by getopt) with where to
 * look, and a bad global value once (by global_option). Returns an exit code
 * to end with, or -1 to run the command; *plain is set for the wizard's --plain. */
static int check_options(const struct command *cmd, int argc, char **argv, int *plain)
{
	static const struct option global[] = {GLOBAL_LONG_OPTIONS};
	struct option opts[sizeof global / sizeof global[0] + 8]; /* own: at most 6 */
	char shorts[16] = "h";
	size_t n = 0, i;
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	int c, ret = -1;

	for (i = 0; i < sizeof global / sizeof global[0]; i++)
		opts[n++] = global[i];
	for (i = 0; cmd->opts[i].name; i++) {
		opts[n++] = cmd->opts[i];
		/* an own option with a value and a lower-case code has that
		 * letter as its short form (template -o FILE) */
		if (cmd->opts[i].has_arg == required_argument && cmd->opts[i].val >= 'a' &&
		    cmd->opts[i].val <= 'z' && strlen(shorts) + 3 < sizeof shorts) {
			size_t k = strlen(shorts);

			shorts[k] = (char)cmd->opts[i].val;
			shorts[k + 1] = ':';
		}
	}
	opts[n++] = (struct option){"help", no_argument, NULL, 'h'};
	opts[n] = (struct option){NULL, 0, NULL, 0};
	/* a copy: getopt_long reorders what it reads */
	memcpy(args, argv, (size_t)argc * sizeof *args);
	args[0] = (char *)PACKAGE_NAME; /* getopt's messages begin with it */
	optind = 1;
	opterr = 1;
	while (ret < 0 && (c = getopt_long(argc, args, shorts, opts, NULL)) != -1) {
		if (c == 'h') {
			cmd->help();
			ret = EXIT_OK;
		} else if (c == '?' || c == ':') {
			usage_try();
			ret = EXIT_USAGE;
		} else if (c == 'p') {
			*plain = 1;
		} else if (global_option(c, optarg) < 0) {
			ret = EXIT_USAGE;
		}
	}
	free(args);
	optind = 1;
	return ret;
}

static int run(const struct command *cmd, int argc, char **argv)
{
	int ret, plain = 0;

	current = cmd;
	if (cmd == &wizard && argc >= 2 && !strcmp(argv[1], "edit"))
		ret = check_options(cmd, argc - 1, argv + 1, &plain);
	else
		ret = check_options(cmd, argc, argv, &plain);
	if (ret >= 0)
		return ret;
	check_stdout = cmd != &wizard || plain;
	return cmd->run(argc, argv);
}

/* At exit: what was written to standard output must have reached it
 * (`--help >/dev/full` is an error, as in GNU programs). */
static void close_stdout(void)
{
	int failed, closed, pending = 1;

	if (!check_stdout)
		return;
	failed = ferror(stdout);
#if HAVE___FPENDING
	pending = __fpending(stdout) != 0;
#endif
	errno = 0;
	closed = fclose(stdout) == 0;
	if (closed && !failed)
		return;
	if (!failed && !pending && errno == EBADF)
		return; /* started with standard output closed, and wrote nothing */
	if (errno)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, _("write error"), strerror(errno));
	else
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, _("write error"));
	_exit(EXIT_FATAL);
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
	check_stdout = 1;
	atexit(close_stdout);
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
				return run(&commands[i], argc - 1, argv + 1);
	}
	return run(&wizard, argc, argv);
}
