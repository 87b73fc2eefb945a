/* awstest.h: helpers shared by the unit tests of src/aws: a temporary file
 * with a text, the AWS_* variables cleared, a profile's credentials
 * resolved with hooks, a loopback socket that never
 * answers, a loopback server that answers from a script. Each returns what
 * the caller owns (the path to free, the fd to close, the server to end). */
#ifndef ACW_AWSTEST_H
#define ACW_AWSTEST_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "testutil.h"

static inline char *tmpfile_with(const char *text)
{
	char path[] = "/tmp/acw-ini-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return xstrdup(path);
}

static inline void clear_aws_env(void)
{
	static const char *const names[] = {
	    "AWS_PROFILE",
	    "AWS_DEFAULT_PROFILE",
	    "AWS_REGION",
	    "AWS_DEFAULT_REGION",
	    "AWS_ENDPOINT_URL",
	    "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL",
	    "AWS_CA_BUNDLE",
	    "AWS_MAX_ATTEMPTS",
	    "AWS_USE_FIPS_ENDPOINT",
	    "AWS_USE_DUALSTACK_ENDPOINT",
	    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
	    "AWS_ACCESS_KEY_ID",
	    "AWS_SECRET_ACCESS_KEY",
	    "AWS_SESSION_TOKEN",
	    "AWS_WEB_IDENTITY_TOKEN_FILE",
	    "AWS_ROLE_ARN",
	    "AWS_ROLE_SESSION_NAME",
	    NULL,
	};
	size_t i;

	for (i = 0; names[i]; i++)
		unsetenv(names[i]);
}

/* The credentials of profile (as --profile, Region us-east-1, default
 * timeouts) with hooks (NULL: none), as credentials_resolve_with answers. */
static inline int resolve_profile_with(const char *profile, const struct credentials_hooks *h,
				       struct aws_credentials *c, char **cause)
{
	struct aws_options o = {0};
	struct aws_settings s;
	int r;

	o.profile = profile;
	o.region = "us-east-1";
	o.connect_timeout = o.read_timeout = -1;
	assert_int_equal(aws_settings_resolve(&o, &s, cause), 0);
	r = credentials_resolve_with(&s, h, c, cause);
	aws_settings_free(&s);
	return r;
}

/* A loopback socket that accepts connections (the kernel's backlog does) and
 * never answers. Returns the fd; *port gets its port. */
static inline int silent_listener(int *port)
{
	struct sockaddr_in a = {0};
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	*port = ntohs(a.sin_port);
	return fd;
}

/* Read one HTTP request from fd: the header lines, then Content-Length
 * bytes of body. Returns it (caller frees), or NULL when the connection
 * closed first. */
static inline char *read_request(int fd)
{
	struct strbuf b = {0};
	char buf[4096], *end, *cl;
	size_t want = 0, head = 0;
	ssize_t r;

	for (;;) {
		if (!head && b.s && (end = strstr(b.s, "\r\n\r\n"))) {
			head = (size_t)(end - b.s) + 4;
			for (cl = b.s; cl < end; cl++)
				if (!strncasecmp(cl, "\ncontent-length:", 16))
					want = (size_t)strtoul(cl + 16, NULL, 10);
		}
		if (head && b.len >= head + want)
			return strbuf_finish(&b);
		if ((r = read(fd, buf, sizeof buf)) <= 0) {
			strbuf_release(&b);
			return NULL;
		}
		strbuf_add(&b, buf, (size_t)r);
	}
}

/* A loopback HTTP server on a thread of its own (not a child process, whose
 * exit would report the test's memory as leaked under valgrind). */
struct script_server {
	pthread_t thread;
	int fd, n;
	const char *const *answers;
	struct strbuf log;
};

static inline void *script_server_run(void *arg)
{
	struct script_server *sv = arg;
	int i;

	for (i = 0; i < sv->n; i++) {
		int c = accept(sv->fd, NULL, NULL);
		char *req = c >= 0 ? read_request(c) : NULL;

		if (req) {
			strbuf_adds(&sv->log, req);
			strbuf_adds(&sv->log, "\n----\n");
			if (sv->answers[i] && write(c, sv->answers[i], strlen(sv->answers[i])) < 0)
				strbuf_adds(&sv->log, "(write failed)\n");
		}
		free(req);
		if (c >= 0)
			close(c);
	}
	return NULL;
}

/* Serve n connections, one request each: the request is recorded (each
 * followed by a line "----"), then answered with answers[i] as it is, or
 * the connection is closed without an answer when answers[i] is NULL (a
 * lost answer). *port gets its port. End with script_server_end. */
static inline struct script_server *script_server(const char *const *answers, int n, int *port)
{
	struct script_server *sv = xcalloc(1, sizeof *sv);

	sv->fd = silent_listener(port);
	sv->n = n;
	sv->answers = answers;
	assert_int_equal(pthread_create(&sv->thread, NULL, script_server_run, sv), 0);
	return sv;
}

/* Everything the server recorded, once it has served its n connections.
 * Caller frees. */
static inline char *script_server_end(struct script_server *sv)
{
	char *log;

	assert_int_equal(pthread_join(sv->thread, NULL), 0);
	close(sv->fd);
	strbuf_adds(&sv->log, "");
	log = strbuf_finish(&sv->log);
	free(sv);
	return log;
}

#endif
