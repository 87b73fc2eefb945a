/* commands.h: the command line. Each command lives in its own cmd_*.c and is
 * described there by a struct cmd_entry (name, summary, help, options, exec),
 * as tmux's cmd-*.c are; src/main.c lists the entries. options.c declares the
 * options every command takes and parses the command line once, into
 * global_opts and a struct cmd_args handed to the command's exec.
 *
 * Owner: src/cli. Every string in global_opts and cmd_args points into
 * argv (or is a literal): nothing here is freed. */
#ifndef ACW_COMMANDS_H
#define ACW_COMMANDS_H

#include <getopt.h>
#include <stdio.h>

#include "aws/awsconfig.h"
#include "form/formkind.h"

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

/* Filled by cli_parse (options.c) before a command runs. */
extern struct global_opts global_opts;

/* The AWS options of the command line (strings borrowed from argv). */
struct aws_options cli_aws_options(void);

/* One own option as given: its letter and its value (or NULL). */
struct cmd_given {
	int opt;
	const char *value;
};

/* A command's own options and its operands, as parsed. */
struct cmd_args {
	unsigned long long flags; /* the own options given: see cmd_has */
	const char *values[52];   /* their values (required_argument): cmd_value */
	char **words;             /* the operands in order (NULL-terminated), in argv */
	int nwords;
	int named; /* 1 when the command was named ("edit FORM") */
	/* every own option in the order given, for options that may be
	 * repeated (template --lock PATH --yours PATH) */
	struct cmd_given *given;
	size_t ngiven;
};

/* Whether own option c (its struct option's val: a letter) was given. */
int cmd_has(const struct cmd_args *a, int c);
/* The value of own option c (required_argument; the last one given), or
 * NULL when it was not given. */
const char *cmd_value(const struct cmd_args *a, int c);

/* A command. Its own options' val is a letter (a to z, A to Z) that cmd_has
 * and cmd_value take; they may take a value (required_argument). */
struct cmd_entry {
	const char *name;                      /* as typed: "validate" */
	const char *summary;                   /* N_(): one line of the program's --help */
	const struct option *opts;             /* own options, ending with {NULL, 0, NULL, 0} */
	void (*help)(void);                    /* COMMAND --help; lines under 80 columns */
	int (*exec)(const struct cmd_args *a); /* returns an exit code (base/util.h) */
	int flags;                             /* CMD_* below */
	const char *shortopts; /* own short options as getopt writes them ("o:"), or NULL */
};
/* Runs when no command is named (the wizard); listed last in --help. */
#define CMD_DEFAULT 1
/* Standard output is a curses screen unless --plain ('p') is given: it is
 * then not checked for write errors at exit. */
#define CMD_SCREEN 2

extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_submit_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_cli_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_get_entry;
extern const struct cmd_entry cmd_diff_entry;
extern const struct cmd_entry cmd_update_entry;
extern const struct cmd_entry cmd_delete_entry;
extern const struct cmd_entry cmd_versions_entry;
extern const struct cmd_entry cmd_endpoints_entry;
extern const struct cmd_entry cmd_open_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_create_role_entry;
extern const struct cmd_entry cmd_templates_entry;
extern const struct cmd_entry cmd_new_entry;
extern const struct cmd_entry cmd_template_entry;
extern const struct cmd_entry cmd_wizard_entry;

/* Parse argv once (options.c): global options before the command's name
 * too, the program's --help and --version, the command (the CMD_DEFAULT
 * entry of table when none is named), its own options (--help prints its
 * help) and its operands. table ends with NULL. Returns -1 with *cmd and *a
 * set to run it, or an exit code (the help or the usage error printed). */
int cli_parse(const struct cmd_entry *const *table, int argc, char **argv,
	      const struct cmd_entry **cmd, struct cmd_args *a);

/* Under each command's own options in its help: the global ones it takes. */
void cli_global_options_note(void);

/* Print the version and licence as GNU programs do. */
void print_version(void);

/* Print "PROGRAM: message" and "Try '... --help'" on stderr; returns
 * EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* An output file named on the command line (get -o, template -o) that
 * exists is replaced only with --force (force non-zero): EXIT_OK, or
 * EXIT_USAGE with "CMD: FILE exists: expected a new file, or --force to
 * replace it" said. */
int cli_refuse_existing(const char *cmd, const char *file, int force);

/* SIGINT and SIGTERM set a flag that cli_interrupted reads (Ctrl-C cancels
 * a call or stops following), and SIGPIPE is ignored (a TLS peer closing is
 * an error to report, not a kill). The one place the command line sets them. */
void cli_catch_interrupts(void);

struct ui_args;
/* The wizard (ui_main) with u's form, template or runtime and the command
 * line's AWS options, --debug and --no-color filled in: cmd_wizard.c. */
int cli_run_ui(struct ui_args *u);
int cli_interrupted(void);
/* cli_interrupted as a cancel callback (arg unused), for the hooks of
 * calls that poll one (awscall_client, credentials_hooks, runtime follow). */
int cli_cancel_cb(void *arg);

struct formdef;
struct document;
struct problems;
struct getmap;
struct upform;
/* Read FILE ("-": standard input, at most UTIL_FORM_FILE_MAX bytes) and
 * tell its kind (formkind_of_text: a create form, an update form or a
 * template). 0 with *text (caller frees) and *len, or -1 with *cause
 * (caller frees). */
int form_read_kind(const char *file, char **text, size_t *len, enum form_kind *kind, char **cause);
/* For command cmd ("submit"), which takes a form of kind want, given FILE
 * of kind got: say what FILE is and which command takes it. Returns
 * EXIT_USAGE. */
int form_kind_refuse(const char *cmd, const char *file, enum form_kind want, enum form_kind got);
/* Load FILE strictly, as the service would judge it, and check it: a
 * template as a template (*doc_out NULL), an update form as
 * UpdateAgentRuntime takes it (*doc_out: the members it shares with the
 * create request), a create form as CreateAgentRuntime takes it. probs,
 * empty on entry, receives the reader's problems and then the rules' (what
 * the reader dropped is not reported again as missing). *kind says which it
 * was. Returns 0, or -1 with *cause (caller frees) and probs empty when the
 * file cannot be read or is not JSON. *doc_out (when not NULL) receives
 * the document; the caller frees it. Shared by validate and check. */
int form_check_any(const char *file, const struct formdef *def, struct document **doc_out,
		   enum form_kind *kind, struct problems *probs, char **cause);
/* Print problems as "FILE: PATH: message" lines, as validate does, every
 * text safe for a terminal. */
void form_print_problems(FILE *fp, const char *file, const struct problems *probs);
/* A command that takes one FORM (submit, cli, create-role). */
struct form_command {
	const char *name;  /* the command's name, for messages ("submit") */
	const char *usage; /* the usage error (translated) unless one operand */
	/* run with a valid create form (borrowed); returns the exit code */
	int (*create)(const struct formdef *def, const struct document *doc,
		      const struct cmd_args *a);
	/* run with a valid update form (borrowed); NULL: an update form is
	 * refused, saying that 'update' sends it */
	int (*update)(const struct formdef *def, const struct getmap *m, const struct upform *u,
		      const struct cmd_args *a);
};
/* Unless a has exactly one operand, c's usage error; else load the
 * definitions and FORM, tell its kind, and when FORM is valid run the
 * function for its kind. A kind c takes no function for is refused
 * (form_kind_refuse). Returns the function's exit code, or why it did not
 * run (problems or cause printed). */
int form_run(const struct cmd_args *a, const struct form_command *c);
struct aws_settings;
struct aws_credentials;
struct check_finding;
/* cmd_check.c: run the account checks of doc (src/aws/checks.h) to their end
 * (or Ctrl-C; each check bounded at 30 s); *v (caller frees with
 * check_findings_free) receives the findings sorted by path, *n their count.
 * Returns the run's enum checks_state. */
int cli_run_checks(const struct document *doc, const struct aws_settings *s,
		   const struct aws_credentials *cr, struct check_finding **v, size_t *n);
/* Print a finding as check does: "FILE: PATH: severity: message" (and its
 * suggestion on a second line). */
void cli_print_finding(FILE *fp, const char *file, const struct check_finding *x);
/* The form definitions, or NULL with the reason printed. Caller frees. */
struct formdef *form_definitions(void);

#endif
