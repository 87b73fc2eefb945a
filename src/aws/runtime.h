/* runtime.h: creating a runtime from a document and following it until it
 * is READY, as one path that every front end shares (the curses wizard and
 * the --plain prompts; progress goes through callbacks, so each front end
 * only draws or prints it).
 *
 * Owner: the core. The request body is built once with one clientToken; the
 * service's retries (service_call) resend the same bytes. Every text handed
 * to the callbacks or kept in the outcome is safe for a terminal
 * (printable_text) and translated. */
#ifndef ACW_RUNTIME_H
#define ACW_RUNTIME_H

#include "aws/service.h"

struct credentials_hooks;

struct aws_options;
struct aws_settings;
struct aws_credentials;
struct formdef;
struct document;

/* How a submission ended. From RUNTIME_CREATED on, a runtime exists. */
enum runtime_end {
	RUNTIME_NOT_SENT,  /* settings, endpoint or credentials missing: nothing sent */
	RUNTIME_REFUSED,   /* the service answered with an error, or could not be reached */
	RUNTIME_CANCELLED, /* the create call was cancelled before an answer came */
	RUNTIME_CREATED,   /* created; the answer had no id that can be followed */
	RUNTIME_READY,     /* created and followed to READY */
	RUNTIME_FAILED,    /* created, then a failed status (reason says why) */
	RUNTIME_STOPPED,   /* created; the user stopped following it */
	RUNTIME_LOST,      /* created; polling its status failed (message says why) */
	RUNTIME_GAVE_UP,   /* created; not READY within the time limit */
	RUNTIME_GONE,      /* followed until deleted: the service no longer knows it */
};
#define RUNTIME_EXISTS(end) ((end) >= RUNTIME_CREATED && (end) != RUNTIME_GONE)

/* What the front end provides. Any callback may be NULL. */
struct runtime_progress {
	/* one line of progress for the log ("Status: CREATING") */
	void (*line)(void *arg, const char *text);
	/* what is going on now ("Sending CreateAgentRuntime"), until the next one */
	void (*state)(void *arg, const char *text);
	/* wait secs between polls; non-zero when the user stopped following */
	int (*pause)(void *arg, double secs);
	/* polled during every call and every back-off: non-zero cancels the call
	 * (while following: stops following) */
	int (*cancel)(void *arg);
	void *arg;
	int debug; /* as service_hooks.debug */
	/* For a front end that prints its own way (the command line); each may
	 * be NULL. retry: an attempt failed because of why (safe for a terminal)
	 * and the next follows in delay seconds; when set, no line is said for
	 * it. Also called with delay 0 and why NULL before each attempt after
	 * the first. */
	void (*retry)(void *arg, int attempt, int max, double delay, const char *why);
	/* every success answer as it came (op "CreateAgentRuntime" or
	 * "GetAgentRuntime"), not filtered: print it JSON-escaped or through
	 * printable_text. Non-zero from the create answer: it could not be used
	 * (printed), so the runtime is not followed. */
	int (*answer)(void *arg, const char *op, long status, const char *body, size_t len);
	/* each status read while following runtime id (both safe for a
	 * terminal) and the seconds since following began */
	void (*status)(void *arg, const char *id, const char *status, double elapsed);
	/* NULL: make a new clientToken; otherwise send this one: a previous
	 * submission of the same unchanged form got no answer (the service then
	 * answers with the runtime it made, not a second one). Not copied. */
	const char *client_token;
	/* The ARN of an execution role this session has just created, or NULL.
	 * IAM takes seconds to make a new role usable everywhere; until then
	 * the service refuses the create with a ValidationException saying
	 * "Role validation failed". With new_role set, such a refusal is sent
	 * again (the same body, the same clientToken) up to
	 * RUNTIME_ROLE_RETRIES times, after role_wait, 2 x role_wait, ...
	 * seconds (0: 5 s, as the starter toolkit waits), each wait said as a
	 * line and passed through pause (non-zero there stops retrying). */
	const char *new_role;
	double role_wait;
};
#define RUNTIME_ROLE_RETRIES 3

/* Whether a refusal is the service's role validation error (IAM not yet
 * done making a new role usable): a ValidationException whose message says
 * "Role validation failed". */
int runtime_role_pending(const struct service_error *e);

struct runtime_outcome {
	enum runtime_end end;
	char *id, *arn;   /* of the created runtime; NULL when none */
	char *status;     /* the last status seen, or NULL */
	char *reason;     /* failureReason, or NULL */
	char *message;    /* why it was not sent, refused or lost; NULL otherwise */
	char *code;       /* the service's error code (ValidationException), or NULL */
	char *request_id; /* of the refusing answer, or NULL */
	char **fields;    /* a ValidationException's fieldList, "name: message" */
	size_t nfields;
	char *field;         /* the member the first of them names ("roleArn"), or NULL */
	char *field_message; /* what the service said about it, or NULL */
	long http_status;    /* of the refusing or losing answer; 0 when none came */
	int cancelled;       /* RUNTIME_NOT_SENT: the user stopped the wait for credentials */
	char *client_token;  /* the clientToken sent (or NULL when nothing was sent):
				keep it to resend the same form after RUNTIME_CANCELLED
				or a transport failure */
};

/* What a runtime's status means to someone waiting for READY: 1 READY; -1
 * it will never be READY (a status ending in _FAILED, or DELETING); 0 keep
 * waiting (CREATING, UPDATING, and any status the service adds later). */
int runtime_status_final(const char *status);

/* 1 when id can be put in a request's path (letters, digits, _ and -, 1 to
 * 128 of them; the service judges the rest), else 0. */
int runtime_id_valid(const char *id);

/* The reason to show for a status that will never be READY: the service's
 * failureReason why (NULL when none was given) made safe for a terminal,
 * or for DELETING, which has none, why waiting ends; NULL when there is
 * neither. Caller frees. */
char *runtime_failure_reason(const char *status, const char *why);

/* Resolve settings and credentials from o, send CreateAgentRuntime for doc
 * (with p->client_token when given) and, when created, follow the runtime
 * until READY, a failed status, the user stopping it, or follow_limit
 * seconds (below 0: not followed, RUNTIME_CREATED). Fills *out (free with
 * runtime_outcome_free) and returns its `end`. */
enum runtime_end runtime_submit(const struct aws_options *o, const struct formdef *def,
				const struct document *doc, double follow_limit,
				const struct runtime_progress *p, struct runtime_outcome *out);
void runtime_outcome_free(struct runtime_outcome *out);

/* Settings, endpoint and credentials from o into *s and *c (the caller
 * frees both, also on failure): 0, or -1 with *why (caller frees) saying
 * what is missing. The one check that every call to the service makes
 * first (runtime_submit, runtime_follow, submit --dry-run). */
int runtime_resolve(const struct aws_options *o, struct aws_settings *s, struct aws_credentials *c,
		    char **why);
/* The same with hooks (NULL: none) while the credentials are found:
 * CREDENTIALS_CANCELLED, with *why, when they stopped it. */
int runtime_resolve_with(const struct aws_options *o, const struct credentials_hooks *h,
			 struct aws_settings *s, struct aws_credentials *c, char **why);

/* What runtime_follow waits for: a status ("READY" after a create or an
 * update) or, RUNTIME_WANT_GONE, the runtime's deletion. */
#define RUNTIME_WANT_READY "READY"
#define RUNTIME_WANT_GONE  NULL

/* Resolve settings and credentials from o and follow runtime id (letters,
 * digits, _ and -; checked) until its status is `want`: RUNTIME_READY (a
 * status ending in _FAILED, or DELETING when want is not, ends it with
 * RUNTIME_FAILED); with want RUNTIME_WANT_GONE until GetAgentRuntime
 * answers ResourceNotFoundException (RUNTIME_GONE; DELETING and any status
 * but a failed one keep it waiting). Also ends with RUNTIME_STOPPED (the
 * user), RUNTIME_LOST (a call failed, or an answer without a status),
 * RUNTIME_GAVE_UP (follow_limit seconds passed; 0 reads the status once) or
 * RUNTIME_NOT_SENT (settings). Polls from 1 s, half as long again each time,
 * up to 10 s. Fills *out (id, status, reason, the error) and returns its end. */
enum runtime_end runtime_follow(const struct aws_options *o, const char *id, const char *want,
				double follow_limit, const struct runtime_progress *p,
				struct runtime_outcome *out);

/* One sentence saying how it ended, for the status line or the last line
 * printed: "Runtime ID is READY.", "Not created: ...". Caller frees. */
char *runtime_outcome_summary(const struct runtime_outcome *out);

/* The program's exit code for it: 0 READY, gone (deleted), created but not
 * followed, or following stopped by the user (the runtime exists); 3 not sent; 4 refused,
 * lost or given up; 5 failed status; 6 only when the create call itself was
 * cancelled. */
int runtime_exit_code(const struct runtime_outcome *out);

#endif
