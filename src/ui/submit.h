/* submit.h: the AWS side of the front ends: the resolved settings for
 * people, the AWS CLI command, --plain's submission and the network check
 * of a field (the curses progress of F10 is progress.c).
 *
 * Owner: src/ui. Settings and credentials are resolved through the core
 * (awsconfig.h, credentials.h); secrets never reach the screen. */
#ifndef ACW_UI_SUBMIT_H
#define ACW_UI_SUBMIT_H

#include <stddef.h>
#include <stdio.h>

struct formdef;
struct document;

/* Lines describing region, profile, endpoint and credentials with where each
 * came from (the key id masked). Returns a NULL-terminated array; free with
 * submit_lines_free. Never fails: problems become lines. *missing (when not
 * NULL) gets what keeps these settings from submitting (no Region, no
 * endpoint, no credentials, or one that fails), saying the command line
 * ways to set it, or NULL when nothing does; the caller frees it. Found in
 * the same pass: credentials are resolved once (a credential_process runs
 * once). */
char **submit_settings_lines(char **missing);
void submit_lines_free(char **lines);

/* The AWS CLI command (op: "create-agent-runtime" or "update-agent-runtime")
 * that sends the form saved as file to the same place (as `agentcore-wizard
 * cli` prints it: --cli-input-json 'file://PATH', --region, and
 * --endpoint-url, --profile, --ca-bundle when set). Caller frees. */
char *submit_cli_command(const char *op, const char *file);

/* The endpoint the settings in use send to, as a line ("Endpoint: URL
 * (origin)"), or NULL when there is none; *unusable gets why these
 * settings cannot sign and send (aws_settings_unusable: no Region, no
 * endpoint, a partition without a dual-stack endpoint, ...) or NULL.
 * Credentials are not resolved. The caller frees both. */
char *submit_endpoint(char **unusable);

/* What submit_settings_check found that works. */
#define SETTINGS_REGION      1 /* a valid Region */
#define SETTINGS_CREDENTIALS 2 /* credentials were found */

/* Resolve the AWS settings as ui_settings now gives them: -1 when they fail
 * (a profile that does not exist, a credential_process that fails, a Region
 * name that is not one) with *summary saying why; otherwise the
 * SETTINGS_* bits of what works, with *summary saying in one sentence what
 * is in use. *region and *profile (each may be NULL) get the Region and
 * profile in use, NULL when there is none. The caller frees every string. */
int submit_settings_check(char **summary, char **region, char **profile);

/* Seconds a new runtime is followed until it is READY. */
#define SUBMIT_FOLLOW_LIMIT 3600.0

/* The AWS options of this session (ui_settings: the command line's, as F9
 * changed them); strings borrowed. */
struct aws_options;
void submit_options(struct aws_options *o);

/* The same submission for --plain, without curses: progress as lines on
 * out, then a line saying how it ended; Ctrl-C cancels the call or stops
 * following. Returns the exit code (runtime_exit_code: 0 when a runtime was
 * created and is READY or only following stopped, 3 settings, 4 the
 * service, 5 a failed status, 6 the call cancelled). */
int submit_lines(const struct formdef *def, const struct document *doc, FILE *out);

/* Run the network check `kind` (a field's `probe`, see core/probe.h) on
 * value, with the CA bundle and (shorter) timeouts of the AWS settings; with
 * curses running (in_curses), Esc cancels. Returns 0 with *text saying what
 * was found, -1 with *text saying what is wrong (a warning for the user,
 * never a verdict on the form). */
int submit_probe(const char *kind, const char *value, int in_curses, char **text);

/* The calls for runtimes that exist (update.c, screen-start.c), with this
 * session's settings. runtimes_connect: 0, or -1 with *cause (caller frees;
 * rs freed already). */
struct runtimes_session;
struct runtime_progress;
struct runtime_outcome;
struct service_error;
int submit_connect(struct runtimes_session *rs, char **cause);
/* The same with a cancel (may be NULL; a worker thread's must not read
 * keys), polled while the credentials are found (a credential_process that
 * waits is stopped, or a wait for another thread's resolution given up)
 * and during the session's calls: 0, or -1 (CREDENTIALS_CANCELLED when the
 * cancel stopped the wait) with *cause; rs freed already. */
int submit_connect_with(struct runtimes_session *rs, int (*cancel)(void *), void *arg,
			char **cause);
/* The same for a job of progress_run: connected, rp's cancel polled while
 * the credentials are found and during the calls, 0; or -1 with *out
 * saying why nothing was sent. Free rs with runtimes_disconnect after 0. */
int submit_connect_job(struct runtimes_session *rs, const struct runtime_progress *rp,
		       struct runtime_outcome *out);
/* A call the service refused (or that failed, or was cancelled) in *out:
 * its end, code and message; err freed. */
void submit_refused(struct runtime_outcome *out, struct service_error *err);

#endif
