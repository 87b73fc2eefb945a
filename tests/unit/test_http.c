/* test_http.c: unit tests of the transport (http.c) against loopback
 * sockets: timeouts, cancel, connection failures, a refusing proxy. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "aws/http.h"
#include "aws/service.h"
#include "aws/sigv4.h"
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

/* Issue 13, item 10: http:// to a host that is not loopback is warned
 * about; https:// and loopback are not. */
static void test_cleartext_warning(void **state)
{
	static const struct {
		const char *url;
		int warns;
	} cases[] = {
	    {"https://bedrock-agentcore-control.us-east-1.amazonaws.com", 0},
	    {"HTTPS://example.com", 0},
	    {"http://127.0.0.1:5000", 0},
	    {"http://127.1.2.3/", 0},
	    {"http://localhost:8080/x", 0},
	    {"http://LOCALHOST", 0},
	    {"http://[::1]:5000/", 0},
	    {"http://user:pw@127.0.0.1:5000/", 0},
	    {"http://example.com", 1},
	    {"HTTP://example.com:80/", 1},
	    {"http://10.0.0.1:5000", 1},
	    {"http://128.0.0.1", 1},
	    {"http://[::2]:5000", 1},
	    {"http://localhost.example.com", 1},
	    {"http://127.0.0.1@evil.example.com/", 1},
	    {"http://127.0.0.1.evil.example.com/", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *w = http_cleartext_warning(cases[i].url);

		if (!w != !cases[i].warns)
			fail_msg("%s: %s", cases[i].url, w ? w : "no warning");
		if (w && !strstr(w, "session token"))
			fail_msg("%s: %s", cases[i].url, w);
		free(w);
	}
	{
		char *w = http_cleartext_warning("http://evil.example.com/\x1b]0;t\x07");

		assert_null(strchr(w, '\x1b'));
		free(w);
	}
}

static int notices;

static void count_notice(void *arg, const char *warning)
{
	(void)arg;
	assert_non_null(strstr(warning, "http://example.com"));
	notices++;
}

/* Once per process: on standard error by default, or to the front end's
 * function (the wizard, which must not write over its screen). */
static void test_cleartext_once(void **state)
{
	int p[2], status;
	pid_t pid;
	char buf[4096];
	ssize_t n, got = 0;

	(void)state;
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(p[1], 2);
		http_cleartext_notice("http://127.0.0.1:5000/");
		http_cleartext_notice("http://example.com/a");
		http_cleartext_notice("http://example.com/b");
		http_cleartext_notice("http://other.example.com/");
		_exit(0);
	}
	close(p[1]);
	while ((n = read(p[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = '\0';
	close(p[0]);
	waitpid(pid, &status, 0);
	assert_non_null(strstr(buf, "http://example.com/a is not HTTPS"));
	assert_null(strstr(buf, "example.com/b"));
	assert_null(strstr(buf, "other.example.com"));
	assert_null(strchr(strchr(buf, '\n') + 1, '\n'));
	/* a front end's own function instead, once */
	http_cleartext_notify(count_notice, NULL);
	http_cleartext_notice("https://example.com/");
	http_cleartext_notice("http://example.com/");
	http_cleartext_notice("http://example.com/");
	assert_int_equal(notices, 1);
	http_cleartext_notify(NULL, NULL);
}

/* --exit-race [bare]: a thread signs without end while the process exits
 * (as an account job forgotten at the wizard's end does); with
 * http_process_init first, as main does, OpenSSL leaves its locks alone at
 * exit and the process ends with 0. "bare" leaves it out, to see the crash. */
static void *sign_forever(void *arg)
{
	char out[65];

	(void)arg;
	for (;;)
		sigv4_sha256_hex("x", 1, out);
	return NULL;
}

static const char *self; /* argv[0]: under valgrind /proc/self/exe is valgrind */

static int exit_race(int bare)
{
	pthread_t t;
	struct timespec ms = {0, 2000000};

	if (!bare)
		http_process_init();
	if (pthread_create(&t, NULL, sign_forever, NULL) != 0)
		return 99;
	nanosleep(&ms, NULL);
	return 0; /* exit() with the thread in OpenSSL */
}

static void test_exit_while_signing(void **state)
{
	int i, crashed = 0;

	(void)state;
	for (i = 0; i < 40; i++) {
		pid_t pid = fork();
		int st = 0;

		assert_true(pid >= 0);
		if (pid == 0) {
			execl(self, self, "--exit-race", (char *)NULL);
			_exit(98);
		}
		assert_int_equal(waitpid(pid, &st, 0), pid);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			print_message("run %d: %s %d\n", i, WIFSIGNALED(st) ? "signal" : "exit",
				      WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
			crashed++;
		}
	}
	assert_int_equal(crashed, 0);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "--exit-race"))
		return exit_race(argc > 2 && !strcmp(argv[2], "bare"));
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_http_failures),
	    cmocka_unit_test(test_proxy_refuses_connect),
	    cmocka_unit_test(test_cleartext_warning),
	    cmocka_unit_test(test_cleartext_once),
	    cmocka_unit_test(test_exit_while_signing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
