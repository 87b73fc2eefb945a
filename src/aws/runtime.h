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

struct aws_options;
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
};
#define RUNTIME_EXISTS(end) ((end) >= RUNTIME_CREATED)

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
};

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
};

/* What a runtime's status means to someone waiting for READY: 1 READY; -1
 * it will never be READY (a status ending in _FAILED, or DELETING); 0 keep
 * waiting (CREATING, UPDATING, and any status the service adds later). */
int runtime_status_final(const char *status);

/* The reason to show for a status that will never be READY: the service's
 * failureReason why (NULL when none was given) made safe for a terminal,
 * or for DELETING, which has none, why waiting ends; NULL when there is
 * neither. Caller frees. */
char *runtime_failure_reason(const char *status, const char *why);

/* Resolve settings and credentials from o, send CreateAgentRuntime for doc
 * and, when created, follow the runtime until READY, a failed status, the
 * user stopping it, or follow_limit seconds. Fills *out (free with
 * runtime_outcome_free) and returns its `end`. */
enum runtime_end runtime_submit(const struct aws_options *o, const struct formdef *def,
				const struct document *doc, double follow_limit,
				const struct runtime_progress *p, struct runtime_outcome *out);
void runtime_outcome_free(struct runtime_outcome *out);

/* One sentence saying how it ended, for the status line or the last line
 * printed: "Runtime ID is READY.", "Not created: ...". Caller frees. */
char *runtime_outcome_summary(const struct runtime_outcome *out);

/* The program's exit code for it: 0 READY, created but not followed, or
 * following stopped by the user (the runtime exists); 3 not sent; 4 refused,
 * lost or given up; 5 failed status; 6 only when the create call itself was
 * cancelled. */
int runtime_exit_code(const struct runtime_outcome *out);

#endif
