/* options.c: every option of the command line, declared once and parsed
 * once (cli_parse): the global ones, before or after the command's name,
 * the program's --help and --version, and each command's own; usage errors;
 * the one place interrupts are set up. */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "base/printable.h"
#include "base/util.h"

struct global_opts global_opts = {.connect_timeout = AWS_TIMEOUT_UNSET,
				  .read_timeout = AWS_TIMEOUT_UNSET};

enum {
	OPT_PROFILE = 0x1000,
	OPT_REGION,
	OPT_ENDPOINT_URL,
	OPT_CA_BUNDLE,
	OPT_CONNECT_TIMEOUT,
	OPT_READ_TIMEOUT,
	OPT_DEBUG,
	OPT_NO_COLOR,
	OPT_VERSION,
};

/* The options every command takes. */
static const struct option global_options[] = {
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"region", required_argument, NULL, OPT_REGION},
    {"endpoint-url", required_argument, NULL, OPT_ENDPOINT_URL},
    {"ca-bundle", required_argument, NULL, OPT_CA_BUNDLE},
    {"cli-connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
    {"cli-read-timeout", required_argument, NULL, OPT_READ_TIMEOUT},
    {"debug", no_argument, NULL, OPT_DEBUG},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"version", no_argument, NULL, OPT_VERSION},
};
#define NGLOBAL (sizeof global_options / sizeof global_options[0])

/* The command running, for "Try '... --help'" (NULL: the program's help). */
static const struct cmd_entry *current;

struct aws_options cli_aws_options(void)
{
	return (struct aws_options){global_opts.profile,         global_opts.region,
				    global_opts.endpoint_url,    global_opts.ca_bundle,
				    global_opts.connect_timeout, global_opts.read_timeout};
}

void cli_global_options_note(void)
{
	printf(_("\nGlobal options: --profile, --region, --endpoint-url, --ca-bundle,\n"
		 "--cli-connect-timeout, --cli-read-timeout, --debug, --no-color (see\n"
		 "'%s --help').\n\n"),
	       PACKAGE_NAME);
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

/* "Try 'agentcore-wizard validate --help' for more information." */
static void usage_try(void)
{
	char *name = current && !(current->flags & CMD_DEFAULT)
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

int cli_refuse_existing(const char *cmd, const char *file, int force)
{
	char *f;
	int ret;

	if (force || access(file, F_OK) != 0)
		return EXIT_OK;
	f = printable_text(file, SIZE_MAX);
	ret =
	    usage_error(_("%s: %s exists: expected a new file, or --force to replace it"), cmd, f);
	free(f);
	return ret;
}

/* Take global option opt with its value: 1, or -1 with the message printed
 * when the value is bad. --version prints and exits. */
static int global_option(int opt, const char *arg)
{
	char *end;
	double v;

	switch (opt) {
	case OPT_PROFILE:
		global_opts.profile = arg;
		break;
	case OPT_REGION:
		global_opts.region = arg;
		break;
	case OPT_ENDPOINT_URL:
		global_opts.endpoint_url = arg;
		break;
	case OPT_CA_BUNDLE:
		global_opts.ca_bundle = arg;
		break;
	case OPT_DEBUG:
		global_opts.debug = 1;
		break;
	case OPT_NO_COLOR:
		global_opts.no_color = 1;
		break;
	case OPT_VERSION:
		print_version();
		exit(EXIT_OK);
	default: /* the timeouts */
		v = strtod(arg, &end);
		if (end == arg || *end || v < 0 || v > 86400) {
			usage_error(_("invalid timeout '%s': expected a number of seconds "
				      "from 0 to 86400"),
				    arg);
			return -1;
		}
		*(opt == OPT_CONNECT_TIMEOUT ? &global_opts.connect_timeout
					     : &global_opts.read_timeout) = v;
	}
	return 1;
}

static void print_help(const struct cmd_entry *const *table)
{
	size_t i;
	int width = 0;

	for (i = 0; table[i]; i++)
		if ((int)strlen(table[i]->name) > width)
			width = (int)strlen(table[i]->name);
	printf(_("Usage: %s [OPTION]... [FORM]\n"
		 "  or:  %s COMMAND [OPTION]... [ARG]...\n"),
	       PACKAGE_NAME, PACKAGE_NAME);
	printf(_("Create an Amazon Bedrock AgentCore Runtime, step by step.\n\n"));
	printf(_("Commands:\n"));
	for (i = 0; table[i]; i++)
		if (!(table[i]->flags & CMD_DEFAULT))
			printf("  %-*s  %s\n", width, table[i]->name, _(table[i]->summary));
	for (i = 0; table[i]; i++)
		if (table[i]->flags & CMD_DEFAULT)
			printf("  %-*s  %s\n", width, table[i]->name, _(table[i]->summary));
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

/* Global options before the command's name (agentcore-wizard --profile dev
 * config): the number of words they take from argv[1] on, or -1 (said). */
static int leading_globals(int argc, char **argv)
{
	int first = 1;

	while (first < argc && !strncmp(argv[first], "--", 2) && argv[first][2]) {
		const char *name = argv[first] + 2, *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name), i;
		const struct option *o = NULL;

		for (i = 0; i < NGLOBAL; i++)
			if (strlen(global_options[i].name) == len &&
			    !strncmp(global_options[i].name, name, len))
				o = &global_options[i];
		if (!o)
			break;
		if (o->has_arg == required_argument && !eq && first + 1 >= argc) {
			usage_error(_("option '--%s' needs a value"), o->name);
			return -1;
		}
		if (global_option(o->val, o->has_arg == no_argument ? NULL
					  : eq                      ? eq + 1
								    : argv[++first]) < 0)
			return -1;
		first++;
	}
	return first - 1;
}

/* Where own option c is kept in struct cmd_args, or -1 when c is no letter. */
static int letter_index(int c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return 26 + c - 'A';
	return -1;
}

int cmd_has(const struct cmd_args *a, int c)
{
	int i = letter_index(c);

	return i >= 0 && (a->flags >> i) & 1u;
}

const char *cmd_value(const struct cmd_args *a, int c)
{
	int i = letter_index(c);

	return i >= 0 ? a->values[i] : NULL;
}

/* The command's own options and the global ones, with --help, parsed once
 * by getopt_long; the operands collected in order. */
static int command_options(const struct cmd_entry *cmd, int argc, char **argv, struct cmd_args *a)
{
	struct option opts[NGLOBAL + 16]; /* own: at most 14 */
	char *shortopts = xasprintf("-h%s", cmd->shortopts ? cmd->shortopts : "");
	size_t n = 0, i;
	int c, ret = -1;

	for (i = 0; i < NGLOBAL; i++)
		opts[n++] = global_options[i];
	for (i = 0; cmd->opts[i].name && n < NGLOBAL + 14; i++)
		opts[n++] = cmd->opts[i];
	opts[n++] = (struct option){"help", no_argument, NULL, 'h'};
	opts[n] = (struct option){NULL, 0, NULL, 0};
	argv[0] = (char *)PACKAGE_NAME; /* getopt's messages begin with it */
	optind = 1;
	opterr = 1;
	/* "-": operands stay in place, in order, returned as 1 */
	while (ret < 0 && (c = getopt_long(argc, argv, shortopts, opts, NULL)) != -1) {
		if (c == 1) {
			a->words[a->nwords++] = optarg;
		} else if (c == 'h') {
			cmd->help();
			ret = EXIT_OK;
		} else if (c == '?' || c == ':') {
			usage_try();
			ret = EXIT_USAGE;
		} else if (letter_index(c) >= 0) {
			a->flags |= 1ull << letter_index(c);
			a->values[letter_index(c)] = optarg;
			a->given[a->ngiven++] = (struct cmd_given){c, optarg};
		} else if (global_option(c, optarg) < 0) {
			ret = EXIT_USAGE;
		}
	}
	while (ret < 0 && optind < argc) /* after "--" */
		a->words[a->nwords++] = argv[optind++];
	free(shortopts);
	return ret;
}

int cli_parse(const struct cmd_entry *const *table, int argc, char **argv,
	      const struct cmd_entry **cmd, struct cmd_args *a)
{
	int skip = leading_globals(argc, argv), i;

	if (skip < 0)
		return EXIT_USAGE;
	argv[skip] = argv[0];
	argv += skip;
	argc -= skip;
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		print_help(table);
		return EXIT_OK;
	}
	if (argc >= 2 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))) {
		print_version();
		return EXIT_OK;
	}
	memset(a, 0, sizeof *a);
	*cmd = NULL;
	for (i = 0; table[i]; i++)
		if (argc >= 2 && !strcmp(argv[1], table[i]->name))
			*cmd = table[i];
	if (*cmd) {
		a->named = 1;
		argv++;
		argc--;
	} else {
		for (i = 0; table[i] && !*cmd; i++)
			if (table[i]->flags & CMD_DEFAULT)
				*cmd = table[i];
	}
	current = *cmd;
	a->words = xcalloc((size_t)argc + 1, sizeof *a->words);
	a->given = xcalloc((size_t)argc + 1, sizeof *a->given);
	return command_options(*cmd, argc, argv, a);
}

/* ---- interrupts -------------------------------------------------------- */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

void cli_catch_interrupts(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

int cli_interrupted(void)
{
	return interrupted;
}

int cli_cancel_cb(void *arg)
{
	(void)arg;
	return interrupted;
}
