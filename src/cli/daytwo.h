/* daytwo.h: what the commands for runtimes that exist share (list, get,
 * diff, update, delete, versions, endpoints): settings and credentials, the
 * forms and their request data, printing answers, errors, notes and diffs.
 *
 * Owner: src/cli. struct daytwo owns what it resolves and loads; free it
 * with daytwo_end. The option tables and help texts are for src/main.c's
 * table of commands. */
#ifndef ACW_CLI_DAYTWO_H
#define ACW_CLI_DAYTWO_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/runtimes.h"
#include "aws/service.h"

struct formdef;
struct getmap;
struct problems;
struct diff;

struct daytwo {
	struct runtimes_session rs; /* after daytwo_connect: rs.s, the settings */
	struct service_client cl;   /* usable after daytwo_connect */
	struct formdef *def;        /* after daytwo_forms */
	struct getmap *map;
};

/* Resolve the settings and credentials of the command line; Ctrl-C
 * cancels calls from then on. EXIT_OK, or an exit code with the reason
 * printed. */
int daytwo_connect(struct daytwo *d);
/* Load the form definition and forms/requests/. EXIT_OK or EXIT_CONFIG. */
int daytwo_forms(struct daytwo *d);
void daytwo_end(struct daytwo *d);

/* Parse a command's own options (no value but -o/--output) with the
 * global ones; returns the option's val, -1 at the end, or -2 after a
 * usage error (printed) whose exit code is in *ret. */
int daytwo_option(int argc, char **argv, const struct option *own, const char *shortopts,
		  const char *cmd, int *ret);
/* EXIT_OK when id can be a runtime id (letters, digits, _ and -), else a
 * usage error for cmd. */
int daytwo_check_id(const char *cmd, const char *id);

/* Print a failed call and return its exit code: a runtime that does not
 * exist is said so plainly (4), a cancelled call is 6, any other 4. */
int daytwo_error(const struct daytwo *d, const struct service_error *e, const char *id);
/* GetAgentRuntime (and its tags): EXIT_OK with *a, or the error printed. */
int daytwo_get(struct daytwo *d, const char *id, int tags, struct runtime_answer *a);

/* Print what the mapping left out: "PROGRAM: PATH: message" lines. */
void daytwo_print_notes(const struct problems *notes);
/* Print a diff, one line a member: "changed  PATH: OLD -> NEW". */
void daytwo_print_diff(FILE *fp, const struct diff *d);

/* Read update form FILE for the command: EXIT_OK with *u (it names a
 * runtime), or the problems printed as validate prints them and EXIT_USAGE
 * (cannot be read) or EXIT_INVALID. */
struct upform;
int daytwo_read_upform(struct daytwo *d, const char *file, struct upform **u);
/* The deployed configuration of runtime id as an update form (*old) and
 * the answer it came from (*a); what cannot be compared is said. EXIT_OK,
 * or the error printed and its exit code. */
int daytwo_deployed(struct daytwo *d, const char *id, struct runtime_answer *a,
		    struct upform **old);

/* --wait: follow runtime id until version (NULL: until it is gone) is
 * READY; the progress and the end said on standard error. An exit code. */
int daytwo_follow(struct daytwo *d, const char *id, const char *version);

/* Wait secs, or less when Ctrl-C is pressed: then non-zero. */
int daytwo_pause(void *arg, double secs);

/* The end of a command's help: the global options it takes, then its
 * exit status (translated text). */
void daytwo_help_end(const char *exit_status);

/* The commands (argv[0] is the command's name). */
int cmd_list(int argc, char **argv);
int cmd_get(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_update(int argc, char **argv);
int cmd_delete(int argc, char **argv);
int cmd_versions(int argc, char **argv);
int cmd_endpoints(int argc, char **argv);

/* Their own options, for src/main.c's check of the command line. */
extern const struct option daytwo_list_opts[], daytwo_get_opts[], daytwo_update_opts[],
    daytwo_delete_opts[], daytwo_no_opts[];
void daytwo_list_help(void);
void daytwo_get_help(void);
void daytwo_diff_help(void);
void daytwo_update_help(void);
void daytwo_delete_help(void);
void daytwo_versions_help(void);
void daytwo_endpoints_help(void);

#endif
