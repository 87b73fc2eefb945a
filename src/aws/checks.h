/* checks.h: the account checks: a form's values judged against what exists
 * in the account (the role, the image, the code object, the network, the
 * authorizer, the runtime name), run in the background and handed over as
 * findings.
 *
 * Owner: the aws layer. A run is started from a document and returns at
 * once; its checks run on worker threads that only send requests (never
 * curses, never the document: the values are copied at start). Findings
 * are collected inside the run; the caller takes them when it likes
 * (checks_take), watching a file descriptor that becomes readable when
 * something new arrived (for a poll()/select() loop) or an optional callback
 * (called on a worker thread: it must only wake the caller). Every text in a
 * finding is translated and safe for a terminal. The settings and
 * credentials given to checks_start must outlive the run (checks_free waits
 * for its threads). */
#ifndef ACW_CHECKS_H
#define ACW_CHECKS_H

#include <stddef.h>

struct aws_settings;
struct aws_credentials;
struct document;

enum check_severity {
	CHECK_OK = 0,      /* confirmed: the message says what */
	CHECK_WARNING = 1, /* likely trouble */
	CHECK_ERROR = 2,   /* the service will refuse, or the runtime will fail */
	CHECK_UNKNOWN = 3, /* could not check: the message says why (permission, offline...) */
};

/* "ok", "warning", "error", "could-not-check" (for --json; not translated). */
const char *check_severity_name(enum check_severity s);
/* The same for people, translated: "ok", "warning", "error", "could not check". */
const char *check_severity_words(enum check_severity s);

struct check_finding {
	char *path;  /* the form path it is about ("roleArn", "...subnets[1]"); "" for none */
	char *check; /* which check ("role.trust", "image.architecture") */
	enum check_severity severity;
	char *message;    /* one sentence */
	char *suggestion; /* a value to put in the field instead (a pinned digest URI), or NULL */
};
void check_findings_free(struct check_finding *v, size_t n);

/* The form's values the checks read, copied out of a document so that the
 * document may change (or be freed) while checks run. */
struct check_input;
struct check_input *checks_input_read(const struct document *doc);
void checks_input_free(struct check_input *in);
/* The form updates runtime_id (borrowed, copied; NULL: it makes a new
 * runtime): that runtime's own name is no conflict. Returns in. */
struct check_input *checks_input_updating(struct check_input *in, const char *runtime_id);

enum checks_state {
	CHECKS_RUNNING = 0,
	CHECKS_DONE,        /* every check has reported */
	CHECKS_NO_SETTINGS, /* no Region, endpoint or credentials: one finding says so */
	CHECKS_UNREACHABLE, /* STS could not be reached or refused the credentials */
	CHECKS_CANCELLED,
};

struct checks_options {
	double timeout; /* seconds each check may take (0: 30) */
	int debug;      /* print each signed request's canonical form to stderr */
	/* Called on a worker thread after findings arrive and when the run ends;
	 * may be NULL. Must only wake the caller (write a byte, signal a cond). */
	void (*notify)(void *arg);
	void *arg;
};

struct checks;

/* Start every check that applies to the form's values. creds may be NULL
 * (none found): the run then ends at once with CHECKS_NO_SETTINGS and one
 * could-not-check finding. The run takes `in` (freed with the run). */
struct checks *checks_start(struct check_input *in, const struct aws_settings *s,
			    const struct aws_credentials *creds, const struct checks_options *o);

/* A file descriptor that is readable when findings arrived or the run ended
 * since the last checks_take (a pipe: poll it, never read it). */
int checks_fd(const struct checks *r);

/* Take the findings that arrived since the last call (*v, *n: caller frees
 * with check_findings_free; *v NULL when none) and return the run's state. */
enum checks_state checks_take(struct checks *r, struct check_finding **v, size_t *n);

/* Who the credentials are (STS GetCallerIdentity), once known: the account
 * ID and the caller's ARN, borrowed from the run; NULL before (or never). */
const char *checks_account(struct checks *r);
const char *checks_caller(struct checks *r);

/* Ask every check to stop; returns at once (requests in flight are
 * abandoned within a fraction of a second). */
void checks_cancel(struct checks *r);
/* Wait for every thread of the run to end. */
void checks_wait(struct checks *r);
/* Cancel, wait and free. NULL is ignored. */
void checks_free(struct checks *r);

/* The Availability Zone IDs AgentCore takes subnets in for region
 * (forms/agentcore-zones.txt), space-separated (caller frees), or NULL when
 * the table has no line for it or cannot be read (*why, caller frees, says
 * which). For the pick lists too. */
char *checks_supported_zones(const char *region, char **why);
/* Is w one of the space-separated words? */
int checks_word_in(const char *words, const char *w);

#endif
