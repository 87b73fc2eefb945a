/* awstest.h: helpers shared by the unit tests of src/aws: a temporary file
 * with a text, the AWS_* variables cleared, a loopback socket that never
 * answers. Each returns what the caller owns (the path to free, the fd to
 * close). */
#ifndef ACW_AWSTEST_H
#define ACW_AWSTEST_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

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

#endif
