/* commands.h: the program's commands. Each takes the arguments after its name
 * (argv[0] is the command name) and returns an exit code from util.h.
 * Owner: src/main.c dispatches; each command lives in its own cmd_*.c. */
#ifndef ACW_COMMANDS_H
#define ACW_COMMANDS_H

#include <stdio.h>

/* Options every command accepts before or after its name. */
struct global_opts {
	const char *profile;      /* --profile */
	const char *region;       /* --region */
	const char *endpoint_url; /* --endpoint-url */
	const char *ca_bundle;    /* --ca-bundle */
	double connect_timeout;   /* --cli-connect-timeout, seconds; 0: none; */
	double read_timeout;      /* --cli-read-timeout    AWS_TIMEOUT_UNSET: 60 */
	int debug;                /* --debug */
	int no_color;             /* NO_COLOR or --no-color */
};

extern struct global_opts global_opts;

/* Long options every command accepts; put GLOBAL_LONG_OPTIONS first in a
 * command's getopt_long table and pass unknown option codes to
 * global_option(), which returns 1 when it took the option, 0 when it is not
 * a global option, -1 (message printed) when its value is bad. */
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
#define GLOBAL_LONG_OPTIONS                                                        \
	{"profile", required_argument, NULL, OPT_PROFILE},                         \
	    {"region", required_argument, NULL, OPT_REGION},                       \
	    {"endpoint-url", required_argument, NULL, OPT_ENDPOINT_URL},           \
	    {"ca-bundle", required_argument, NULL, OPT_CA_BUNDLE},                 \
	    {"cli-connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT}, \
	    {"cli-read-timeout", required_argument, NULL, OPT_READ_TIMEOUT},       \
	    {"debug", no_argument, NULL, OPT_DEBUG},                               \
	    {"no-color", no_argument, NULL, OPT_NO_COLOR},                         \
	{                                                                          \
		"version", no_argument, NULL, OPT_VERSION                          \
	}
int global_option(int opt, const char *arg);
/* Print the version and licence as GNU programs do. */
void print_version(void);

int cmd_validate(int argc, char **argv);
int cmd_submit(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_cli(int argc, char **argv);
int cmd_config(int argc, char **argv);
/* Templates (cmd_templates.c, cmd_template.c): each with its own options
 * (besides the global ones) and help, for src/main.c's table. */
struct option;
int cmd_templates(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_template(int argc, char **argv);
extern const struct option templates_opts[], new_opts[], template_opts[];
void templates_help(void);
void new_help(void);
void template_help(void);
/* The account checks (issue 10): cmd_check.c, cmd_create_role.c. */
int cmd_check(int argc, char **argv);
int cmd_create_role(int argc, char **argv);

struct formdef;
struct document;
struct problems;
/* Load FILE ("-": standard input) strictly, as the service would judge it,
 * and validate it: probs, empty on entry, receives the reader's problems and
 * then the rules' (what the reader dropped is not reported again as missing).
 * Returns 0, or -1 with *cause (caller frees) and probs empty when the file
 * cannot be read or is not JSON. *doc_out (when not NULL)
 * receives the document; the caller frees it. Shared by validate and submit. */
int form_check_file(const char *file, const struct formdef *def, struct document **doc_out,
		    struct problems *probs, char **cause);
/* Print problems as "FILE: PATH: message" lines, as validate does. */
void form_print_problems(FILE *fp, const char *file, const struct problems *probs);

/* In cmd_aws.c, for every command that calls the service: Ctrl-C and
 * SIGTERM set a flag (catch_interrupts) that cancelled() reports (a
 * service_hooks.cancel), and on_attempt says each retry on standard error
 * (a service_hooks.attempt). */
void catch_interrupts(void);
int cancelled(void *arg);
void on_attempt(void *arg, int attempt, int max, double delay, double elapsed, const char *why);

/* Print an answer's JSON as the AWS CLI does (indent of 4); an answer that
 * is not JSON is not printed: -1, an excerpt on standard error naming what
 * (the operation) answered it with HTTP status. In cmd_aws.c. */
int print_json(FILE *fp, const char *what, long status, const char *body, size_t len);

/* Print "Try 'agentcore-wizard --help'." style usage error, return EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
