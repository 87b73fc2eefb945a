/* print.h: what the commands print the AWS CLI's way: answers as JSON, a
 * service's error, and the progress of following a runtime (submit --wait,
 * status) through runtime.c's callbacks.
 *
 * Owner: src/cli. struct cli_follow keeps a copy of the last answer, freed
 * by cli_follow_finish; everything else is borrowed. */
#ifndef ACW_CLI_PRINT_H
#define ACW_CLI_PRINT_H

#include <stddef.h>
#include <stdio.h>

#include "aws/runtime.h"
#include "aws/service.h"

/* Print an answer's JSON as the AWS CLI does (Python's json.dumps with an
 * indent of 4). An answer that is not JSON is not printed (it could hold
 * anything, terminal controls too): -1, with an excerpt safe for a terminal
 * on standard error naming what (the operation) answered it. */
int print_json(FILE *fp, const char *what, long status, const char *body, size_t len);

/* Text from a file or the command line, fit for a terminal (NULL: ""), at
 * most 1000 bytes. Caller frees. */
char *print_safe(const char *s);
/* Display width of UTF-8 text in screen columns (translations and names may
 * hold accented or wide characters); its bytes when it is not text. */
int print_columns(const char *s);

/* The error of a refused or lost call as the command line says it:
 * "PROGRAM: Code (HTTP 400): message", the field list, the request id. */
void print_outcome_error(const struct runtime_outcome *out);

/* Hooks for a service call the command line makes: each retry said on
 * standard error (each attempt too with --debug), Ctrl-C cancels
 * (cli_catch_interrupts must have run). */
struct service_hooks cli_service_hooks(void);
/* Wait secs, or less when Ctrl-C is pressed: then non-zero (a pause of
 * runtime_progress or runtimes_delete_hooks; arg unused). */
int cli_pause(void *arg, double secs);

/* Following a runtime from the command line. */
struct cli_follow {
	struct runtime_progress p; /* callbacks to hand to runtime.c */
	int wait;                  /* --wait: show progress, follow to the end */
	int print;                 /* print the last GetAgentRuntime answer */
	int create_unusable;       /* the create answer was not JSON */
	int tty;                   /* standard error is a terminal */
	int shown;                 /* a progress line is on the terminal */
	double elapsed;            /* seconds following, at the last status */
	char *last;                /* the last status seen */
	char *answer;              /* the last GetAgentRuntime answer */
	size_t answer_len;
	long answer_status;
};

/* Set f up: progress on standard error (a terminal's line rewritten),
 * retries said, Ctrl-C cancels (cli_catch_interrupts must have run). */
void cli_follow_init(struct cli_follow *f, int wait, int print);

/* After runtime_submit or runtime_follow: say how following ended, print
 * the last answer when f->print; returns the exit code:
 * 0 READY (or, without --wait, any status but a failed one), 4 lost or gave
 * up, 5 failed, 6 stopped by the user, 3 not sent. */
int cli_follow_finish(struct cli_follow *f, const struct runtime_outcome *out);
/* Free f's copies. */
void cli_follow_free(struct cli_follow *f);

#endif
