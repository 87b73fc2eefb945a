/* print.c: answers and errors printed the AWS CLI's way, and the progress of
 * following a runtime on standard error; see print.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "form/getmap.h"
#include "form/jsonwrite.h"
#include "base/printable.h"
#include "base/util.h"

int print_json(FILE *fp, const char *what, long status, const char *body, size_t len)
{
	/* kept as the service wrote it: a \u0000 inside a string too, which
	 * cJSON alone would end the string at */
	cJSON *j = getmap_read_json(body, len);
	char *text;

	if (!j)
		j = cJSON_ParseWithLength(body, len);
	if (!j) {
		char *x = printable_text(len ? body : _("(no text)"), 200);

		fprintf(stderr, _("%s: %s answered HTTP %ld with a body that is not JSON: %s\n"),
			PACKAGE_NAME, what, status, x);
		free(x);
		return -1;
	}
	/* as Python's json.dumps(indent=4, ensure_ascii=False) writes it, which
	 * is how the AWS CLI prints answers */
	text = jsonwrite(j, 1);
	fputs(text, fp);
	fputc('\n', fp);
	free(text);
	cJSON_Delete(j);
	return 0;
}

void print_outcome_error(const struct runtime_outcome *out)
{
	size_t i;

	if (!out->http_status) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, out->message ? out->message : "?");
		return;
	}
	fprintf(stderr, "%s: %s (HTTP %ld): %s\n", PACKAGE_NAME,
		out->code ? out->code : _("error"), out->http_status,
		out->message ? out->message : "?");
	for (i = 0; i < out->nfields; i++)
		fprintf(stderr, "  %s\n", out->fields[i]);
	if (out->request_id)
		fprintf(stderr, _("  request id: %s\n"), out->request_id);
}

char *print_safe(const char *s)
{
	return printable_text(s ? s : "", 1000);
}

int print_columns(const char *s)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, s, 255);
	int c;

	if (n == (size_t)-1)
		return (int)strlen(s);
	w[n] = L'\0';
	c = wcswidth(w, n);
	return c < 0 ? (int)n : c;
}

/* ---- following: runtime.c's callbacks ----------------------------------- */

static void on_retry(void *arg, int attempt, int max, double delay, const char *why)
{
	(void)arg;
	if (delay > 0)
		fprintf(stderr, _("%s: attempt %d of %d failed (%s); retrying in %.2f s\n"),
			PACKAGE_NAME, attempt, max, why ? why : "?", delay);
	else if (global_opts.debug)
		fprintf(stderr, _("%s: attempt %d of %d\n"), PACKAGE_NAME, attempt, max);
}

static int on_answer(void *arg, const char *op, long status, const char *body, size_t len)
{
	struct cli_follow *f = arg;

	if (!strcmp(op, "GetAgentRuntime")) {
		free(f->answer);
		f->answer = xmalloc(len + 1);
		memcpy(f->answer, body, len);
		f->answer[len] = '\0';
		f->answer_len = len;
		f->answer_status = status;
		return 0;
	}
	if (print_json(stdout, op, status, body, len) != 0) {
		/* a success status, so the runtime may exist: say how to look */
		fprintf(stderr,
			_("%s: the runtime may have been created: 'aws "
			  "bedrock-agentcore-control list-agent-runtimes' shows it\n"),
			PACKAGE_NAME);
		f->create_unusable = 1;
		return -1;
	}
	fflush(stdout);
	return 0;
}

/* "agentcore-wizard: ID STATUS (12 s)" rewritten in place on a terminal
 * when the status changes. */
static void on_status(void *arg, const char *id, const char *status, double elapsed)
{
	struct cli_follow *f = arg;

	f->elapsed = elapsed;
	if (f->tty && f->wait && (!f->last || strcmp(f->last, status))) {
		fprintf(stderr, "\r\033[K%s: %s %s (%.0f s)", PACKAGE_NAME, id, status, elapsed);
		f->shown = 1;
	}
	free(f->last);
	f->last = xstrdup(status);
}

/* A service call's attempts: said as following says its retries. */
static void on_attempt(void *arg, int attempt, int max, double delay, double elapsed,
		       const char *why)
{
	(void)elapsed;
	if (delay > 0 || attempt > 1)
		on_retry(arg, attempt, max, delay, why);
}

struct service_hooks cli_service_hooks(void)
{
	return (struct service_hooks){on_attempt, cli_cancel_cb, NULL, global_opts.debug};
}

int cli_pause(void *arg, double secs)
{
	double end = util_monotonic() + secs;

	(void)arg;
	while (!cli_interrupted() && util_monotonic() < end) {
		struct timespec ts = {0, 50 * 1000 * 1000};

		nanosleep(&ts, NULL);
	}
	return cli_interrupted();
}

void cli_follow_init(struct cli_follow *f, int wait, int print)
{
	memset(f, 0, sizeof *f);
	f->wait = wait;
	f->print = print;
	f->tty = isatty(2);
	f->p = (struct runtime_progress){.pause = cli_pause,
					 .cancel = cli_cancel_cb,
					 .arg = f,
					 .debug = global_opts.debug,
					 .retry = on_retry,
					 .answer = on_answer,
					 .status = on_status};
}

/* How following ended, when the status is final or without --wait. */
static int finish_status(struct cli_follow *f, const struct runtime_outcome *out)
{
	const char *st = out->status ? out->status : "?";
	/* DELETING ends a wait for READY; looked at once, it is no failure */
	int failed = out->end == RUNTIME_FAILED && (f->wait || strcmp(st, "DELETING"));

	if (f->print && f->answer)
		print_json(stdout, "GetAgentRuntime", f->answer_status, f->answer, f->answer_len);
	if (f->wait)
		fprintf(stderr, _("%s: runtime %s is %s after %.0f s\n"), PACKAGE_NAME, out->id,
			st, f->elapsed);
	if (failed)
		fprintf(stderr, _("%s: failure reason: %s\n"), PACKAGE_NAME,
			out->reason ? out->reason : _("(none given)"));
	return failed ? EXIT_FAILED : EXIT_OK;
}

int cli_follow_finish(struct cli_follow *f, const struct runtime_outcome *out)
{
	const char *st = out->status ? out->status : "?";
	int ret = EXIT_SERVICE;

	if (f->shown)
		fputc('\n', stderr);
	switch (out->end) {
	case RUNTIME_READY:
	case RUNTIME_FAILED:
		ret = finish_status(f, out);
		break;
	case RUNTIME_GAVE_UP:
		if (!f->wait) {
			ret = finish_status(f, out);
			break;
		}
		fprintf(stderr, _("%s: gave up waiting after %.0f s; the runtime is %s\n"),
			PACKAGE_NAME, f->elapsed, st);
		break;
	case RUNTIME_STOPPED:
		fprintf(stderr, _("\n%s: stopped waiting; the runtime is %s\n"), PACKAGE_NAME, st);
		ret = EXIT_CANCELLED;
		break;
	case RUNTIME_NOT_SENT:
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, out->message ? out->message : "?");
		ret = runtime_exit_code(out); /* 6 when the wait for credentials was stopped */
		break;
	default: /* lost; created and gone do not come from following */
		print_outcome_error(out);
		break;
	}
	return ret;
}

void cli_follow_free(struct cli_follow *f)
{
	free(f->answer);
	free(f->last);
	f->answer = f->last = NULL;
}
