/* test_http.c: unit tests of the transport (http.c) against loopback sockets: timeouts, cancel, connection failures, a refusing proxy. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

#include "aws/http.h"
#include "aws/service.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

static int cancel_now(void *arg)
{
	(void)arg;
	return 1;
}

static void test_http_failures(void **state)
{
	struct headers h = {0};
	struct http_options o = {NULL, 2, 1, NULL, NULL};
	struct http_response resp;
	char *cause = NULL, *url;
	int port, fd = silent_listener(&port);
	double t0;

	(void)state;
	url = xasprintf("http://127.0.0.1:%d/runtimes/", port);
	headers_add(&h, "Host", "127.0.0.1");
	/* the read timeout: nothing comes back for 1 s */
	t0 = util_monotonic();
	assert_int_equal(http_send("PUT", url, &h, "{}", 2, &o, &resp, &cause), HTTP_TIMEOUT);
	assert_true(util_monotonic() - t0 < 3.5);
	assert_non_null(strstr(cause, "--cli-read-timeout"));
	free(cause);
	cause = NULL;
	/* the cancel hook stops a request at once */
	o.cancel = cancel_now;
	t0 = util_monotonic();
	assert_int_equal(http_send("GET", url, &h, NULL, 0, &o, &resp, &cause), HTTP_CANCELLED);
	assert_true(util_monotonic() - t0 < 1.5);
	free(cause);
	cause = NULL;
	o.cancel = NULL;
	close(fd);
	/* nobody listening any more: a connection failure, retried by the caller */
	assert_int_equal(http_send("GET", url, &h, NULL, 0, &o, &resp, &cause), HTTP_CONNECT);
	assert_int_equal(service_retry_kind(HTTP_CONNECT, 0, NULL), RETRY_TRANSIENT);
	free(cause);
	free(url);
	headers_free(&h);
}

/* A proxy that refuses every CONNECT with 501: reported as the proxy's
 * answer, and not retried (asking again gets the same answer). */
static void test_proxy_refuses_connect(void **state)
{
	struct headers h = {0};
	struct http_options o = {NULL, 5, 5, NULL, NULL};
	struct http_response resp;
	char *cause = NULL, *proxy, buf[4096];
	int port, fd = silent_listener(&port), status;
	pid_t pid;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int c = accept(fd, NULL, NULL);
		static const char answer[] = "HTTP/1.1 501 Not Implemented\r\n"
					     "Content-Length: 0\r\n\r\n";

		if (c >= 0 && read(c, buf, sizeof buf) > 0 &&
		    write(c, answer, sizeof answer - 1) == (ssize_t)(sizeof answer - 1))
			_exit(0);
		_exit(1);
	}
	proxy = xasprintf("http://127.0.0.1:%d", port);
	setenv("https_proxy", proxy, 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	headers_add(&h, "Host", "bedrock-agentcore-control.us-east-1.amazonaws.com");
	assert_int_equal(
	    http_send("GET", "https://bedrock-agentcore-control.us-east-1.amazonaws.com/runtimes/",
		      &h, NULL, 0, &o, &resp, &cause),
	    HTTP_PROXY);
	if (!strstr(cause, "HTTP 501") || !strstr(cause, "https_proxy") ||
	    strstr(cause, "closed before"))
		fail_msg("proxy refusing CONNECT: %s", cause);
	assert_int_equal(service_retry_kind(HTTP_PROXY, 0, NULL), RETRY_NO);
	unsetenv("https_proxy");
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fd);
	free(cause);
	free(proxy);
	headers_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_http_failures),
	    cmocka_unit_test(test_proxy_refuses_connect),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
