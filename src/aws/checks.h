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
 * for its threads; checks_release says when they are no longer used).
 *
 * The checks come in groups, one per part of the form (enum check_group);
 * a run may do some of them only, and a group's findings depend only on the
 * values checks_group_key names, so that a caller may keep them per value
 * (the wizard does) and run again only the groups whose values changed. */
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

/* "the account checks did not run: WHY", translated (caller frees). */
char *checks_not_run(const char *why);

/* "ok", "warning", "error", "could-not-check" (for --json; not translated). */
const char *check_severity_name(enum check_severity s);
/* The same for people, translated: "ok", "warning", "error", "could not check". */
const char *check_severity_words(enum check_severity s);

/* The checks' groups, one worker thread each. */
enum check_group {
	CHECK_GROUP_ROLE = 0,   /* the role exists, trusts AgentCore, may pull the image/code */
	CHECK_GROUP_IMAGE,      /* the image exists, its architecture */
	CHECK_GROUP_CODE,       /* the code object exists, its bucket's Region and owner */
	CHECK_GROUP_NETWORK,    /* subnets, security groups, routes and endpoints */
	CHECK_GROUP_AUTHORIZER, /* the discovery document, Cognito's rules */
	CHECK_GROUP_NAME,       /* no runtime of that name yet */
	CHECK_NGROUPS
};
#define CHECK_GROUP_BIT(g) (1u << (g))
#define CHECK_GROUPS_ALL   ((1u << CHECK_NGROUPS) - 1)

struct check_finding {
	char *path;  /* the form path it is about ("roleArn", "...subnets[1]"); "" for none */
	char *check; /* which check ("role.trust", "image.architecture") */
	enum check_severity severity;
	char *message;    /* one sentence */
	char *suggestion; /* a value to put in the field instead (a pinned digest URI), or NULL */
	int group;        /* the enum check_group that made it; -1: who the credentials are */
};
void check_findings_free(struct check_finding *v, size_t n);
/* The one finding of a run that ran nothing: the account checks did not run,
 * and why (path "", check "identity", could not check, group -1; why made
 * safe for a terminal). For a caller that found the settings unusable before
 * it could start a run. Caller frees with check_findings_free(f, 1). */
struct check_finding *checks_not_run_finding(const char *why);

/* The form's values the checks read, copied out of a document so that the
 * document may change (or be freed) while checks run. */
struct check_input;
struct check_input *checks_input_read(const struct document *doc);
void checks_input_free(struct check_input *in);
/* Has a value the checks read changed in doc after generation `since`?
 * (By the top-level members they read: a change elsewhere, such as the
 * description or the tags, never counts.) */
int checks_input_changed(const struct document *doc, unsigned long since);
/* What group g reads of in, as one string (caller frees): two inputs with
 * equal keys give the group the same findings (with the same credentials
 * and settings). */
char *checks_group_key(const struct check_input *in, enum check_group g);
/* The groups (CHECK_GROUP_BIT) that read the form value at path (a value,
 * a list or its item "...subnets[2]"; a group above them is none of them);
 * 0 for none. A "KIND:" before the path, as in a row's key, is skipped. */
unsigned checks_path_groups(const char *path);
/* The form updates runtime_id (borrowed, copied; NULL: it makes a new
 * runtime): that runtime's own name is no conflict. Returns in. */
struct check_input *checks_input_updating(struct check_input *in, const char *runtime_id);

enum checks_state {
	CHECKS_RUNNING = 0,
	CHECKS_DONE,        /* every check has reported */
	CHECKS_NO_SETTINGS, /* no Region, endpoint or credentials (or no endpoint
			     * for STS, found when the run starts): one finding
			     * says so */
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
	unsigned groups; /* CHECK_GROUP_BIT of each group to run; 0: all of them */
	/* Who the credentials are, when the caller knows already (both set,
	 * copied): STS is not asked, and no identity finding is made. */
	const char *account, *partition;
};

struct checks;

/* Start every check that applies to the form's values. creds may be NULL
 * (none found): the run then ends at once with CHECKS_NO_SETTINGS and one
 * could-not-check finding. The run takes `in` (freed with the run). */
struct checks *checks_start(struct check_input *in, const struct aws_settings *s,
			    const struct aws_credentials *creds, const struct checks_options *o);

/* A file descriptor that is readable when findings arrived or the run ended
 * since the last checks_take (a pipe: poll it, never read it). Made on the
 * first call: a caller that never polls makes none. */
int checks_fd(struct checks *r);

/* Take the findings that arrived since the last call (*v, *n: caller frees
 * with check_findings_free; *v NULL when none) and return the run's state. */
enum checks_state checks_take(struct checks *r, struct check_finding **v, size_t *n);
/* The same, and in *done the groups (CHECK_GROUP_BIT) that have ended, not
 * cancelled: every finding of theirs was in this take or an earlier one. */
enum checks_state checks_take_groups(struct checks *r, struct check_finding **v, size_t *n,
				     unsigned *done);

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
/* Cancel and let go without waiting: the run is freed when its threads
 * end. after(arg), when not NULL, is called once they no longer use the
 * settings and credentials: on the run's thread, or here when it had ended
 * already. For a caller that must never wait (the wizard's keys). */
void checks_release(struct checks *r, void (*after)(void *arg), void *arg);

/* The Availability Zone IDs AgentCore takes subnets in for region
 * (forms/agentcore-zones.txt), space-separated (caller frees), or NULL when
 * the table has no line for it or cannot be read (*why, caller frees, says
 * which). For the pick lists too. */
char *checks_supported_zones(const char *region, char **why);
/* Is w one of the space-separated words? */
int checks_word_in(const char *words, const char *w);

#endif
