/* daytwo.h: what the commands for runtimes that exist share (list, get,
 * diff, update, delete, versions, endpoints): settings and credentials, the
 * forms and their request data, printing answers, errors, notes and diffs.
 *
 * Owner: src/cli. struct daytwo owns what it resolves and loads; free it
 * with daytwo_end. The commands' entries are in commands.h. */
#ifndef ACW_CLI_DAYTWO_H
#define ACW_CLI_DAYTWO_H

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

/* EXIT_OK when id can be a runtime id (letters, digits, _ and -), else a
 * usage error for cmd. */
int daytwo_check_id(const char *cmd, const char *id);

/* Say that runtime id does not exist (the service answered code: message),
 * in region when it is known; the exit code (4). Text from the service is
 * made fit for a terminal. */
int daytwo_missing(const char *id, const char *region, const char *code, const char *message);
/* Print a failed call and return its exit code: a runtime that does not
 * exist is said so plainly (4), a cancelled call is 6, any other 4. */
int daytwo_error(const struct daytwo *d, const struct service_error *e, const char *id);
/* GetAgentRuntime (and its tags): EXIT_OK with *a, or the error printed. */
int daytwo_get(struct daytwo *d, const char *id, int tags, struct runtime_answer *a);

/* Print what the mapping left out: "PROGRAM: PATH: message" lines. */
void daytwo_print_notes(const struct problems *notes);
/* Print a diff, one line a member: "changed  PATH: OLD -> NEW". */
void daytwo_print_diff(FILE *fp, const struct diff *d);

/* Read update form FILE for command cmd ("update"): EXIT_OK with *u (it
 * names a runtime), or the problems printed as validate prints them and
 * EXIT_USAGE (cannot be read, or not an update form: what it is and which
 * command takes it said) or EXIT_INVALID. */
struct upform;
int daytwo_read_upform(struct daytwo *d, const char *cmd, const char *file, struct upform **u);
/* The deployed configuration of runtime id as an update form (*old) and
 * the answer it came from (*a); what cannot be compared is said. EXIT_OK,
 * or the error printed and its exit code. */
int daytwo_deployed(struct daytwo *d, const char *id, struct runtime_answer *a,
		    struct upform **old);

/* --wait: follow runtime id until version (NULL: until it is gone) is
 * READY; the progress and the end said on standard error. An exit code. */
int daytwo_follow(const char *id, const char *version);

#endif
