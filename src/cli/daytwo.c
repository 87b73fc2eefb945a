/* daytwo.c: what the commands for runtimes that exist share; see daytwo.h. */
#include "config.h"

#include <getopt.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/runtime.h"
#include "aws/runtimes.h"
#include "base/printable.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"
#include "form/diff.h"
#include "form/formdef.h"
#include "form/getmap.h"
#include "form/validate.h"

/* how long --wait follows a runtime, as submit --wait does */
#define FOLLOW_LIMIT 3600.0

int daytwo_connect(struct daytwo *d)
{
	struct aws_options o = {global_opts.profile,         global_opts.region,
				global_opts.endpoint_url,    global_opts.ca_bundle,
				global_opts.connect_timeout, global_opts.read_timeout};
	char *cause = NULL;

	if (runtimes_connect(&o, &d->rs, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	d->cl = d->rs.cl;
	d->cl.hooks = (struct service_hooks){on_attempt, cancelled, NULL, global_opts.debug};
	catch_interrupts();
	return EXIT_OK;
}

int daytwo_forms(struct daytwo *d)
{
	char *cause = NULL;

	if (!(d->def = formdef_load_default(&cause)) || !(d->map = getmap_load(d->def, &cause))) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	return EXIT_OK;
}

void daytwo_end(struct daytwo *d)
{
	runtimes_disconnect(&d->rs);
	getmap_free(d->map);
	formdef_free(d->def);
	memset(d, 0, sizeof *d);
}

int daytwo_option(int argc, char **argv, const struct option *own, const char *shortopts,
		  const char *cmd, int *ret)
{
	static const struct option global[] = {GLOBAL_LONG_OPTIONS};
	struct option opts[sizeof global / sizeof global[0] + 8];
	size_t n = 0, i;
	int c, g;

	for (i = 0; i < sizeof global / sizeof global[0]; i++)
		opts[n++] = global[i];
	for (i = 0; own[i].name && n < sizeof opts / sizeof opts[0] - 1; i++)
		opts[n++] = own[i];
	opts[n] = (struct option){NULL, 0, NULL, 0};
	for (;;) {
		c = getopt_long(argc, argv, shortopts, opts, NULL);
		if (c == -1)
			return -1;
		for (i = 0; own[i].name; i++)
			if (c == own[i].val)
				return c;
		if (shortopts[0] && c != '?' && c != ':' && strchr(shortopts, c))
			return c;
		if ((g = global_option(c, optarg)) == 1)
			continue;
		*ret = g < 0 ? EXIT_USAGE : usage_error(_("%s: unknown option"), cmd);
		return -2;
	}
}

int daytwo_check_id(const char *cmd, const char *id)
{
	char *p;
	int r;

	if (runtime_id_valid(id))
		return EXIT_OK;
	p = printable_text(id, 200);
	r = usage_error(_("%s: \"%s\" is not a runtime id: expected NAME-XXXXXXXXXX "
			  "(letters, digits, _ and -)"),
			cmd, p);
	free(p);
	return r;
}

int daytwo_error(const struct daytwo *d, const struct service_error *e, const char *id)
{
	size_t i;

	if (e->transport) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, e->message);
		return e->http == HTTP_CANCELLED ? EXIT_CANCELLED : EXIT_SERVICE;
	}
	if (id && runtimes_not_found(e)) {
		fprintf(stderr,
			_("%s: there is no runtime %s in %s (the service answered %s: %s); "
			  "'%s list' shows the runtimes there are\n"),
			PACKAGE_NAME, id, d->rs.s.region.value, e->code ? e->code : "404",
			e->message, PACKAGE_NAME);
		return EXIT_SERVICE;
	}
	fprintf(stderr, "%s: %s (HTTP %ld): %s\n", PACKAGE_NAME, e->code ? e->code : _("error"),
		e->status, e->message);
	for (i = 0; i < e->nfields; i++)
		fprintf(stderr, "  %s\n", e->fields[i]);
	if (e->request_id)
		fprintf(stderr, _("  request id: %s\n"), e->request_id);
	return EXIT_SERVICE;
}

int daytwo_get(struct daytwo *d, const char *id, int tags, struct runtime_answer *a)
{
	struct service_error err;
	int r;

	if (runtimes_get(&d->cl, id, tags, a, &err) == 0)
		return EXIT_OK;
	r = daytwo_error(d, &err, id);
	service_error_free(&err);
	return r;
}

void daytwo_print_notes(const struct problems *notes)
{
	size_t i;

	for (i = 0; i < notes->n; i++)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, notes->v[i].path,
			notes->v[i].message);
}

void daytwo_print_diff(FILE *fp, const struct diff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct diff_entry *e = &d->v[i];

		switch (e->kind) {
		case DIFF_ADDED:
			fprintf(fp, _("added    %s: %s\n"), e->path, e->new_text);
			break;
		case DIFF_REMOVED:
			fprintf(fp, _("removed  %s: %s\n"), e->path, e->old_text);
			break;
		case DIFF_CHANGED:
			fprintf(fp, _("changed  %s: %s -> %s%s\n"), e->path, e->old_text,
				e->new_text, e->secret ? _(" (secret: values hidden)") : "");
			break;
		}
	}
}

void daytwo_help_end(const char *exit_status)
{
	printf(_("\nGlobal options: --profile, --region, --endpoint-url, --ca-bundle,\n"
		 "--cli-connect-timeout, --cli-read-timeout, --debug, --no-color (see\n"
		 "'%s --help').\n\n"),
	       PACKAGE_NAME);
	fputs(exit_status, stdout);
}

/* What following needs of the command line: progress lines on standard
 * error, pauses that Ctrl-C ends, and the version each answer names. */
struct follow_view {
	char *version; /* of the last GetAgentRuntime answer */
};

static void follow_line(void *arg, const char *text)
{
	(void)arg;
	fprintf(stderr, "%s: %s\n", PACKAGE_NAME, text);
}

int daytwo_pause(void *arg, double secs)
{
	double end = util_monotonic() + secs;

	while (util_monotonic() < end && !cancelled(arg)) {
		struct timespec ts = {0, 50 * 1000 * 1000};

		nanosleep(&ts, NULL);
	}
	return cancelled(arg);
}

static int follow_answer(void *arg, const char *op, long status, const char *body, size_t len)
{
	struct follow_view *v = arg;
	char *ver = service_answer_string(body, len, "agentRuntimeVersion");

	(void)op;
	(void)status;
	if (ver) {
		free(v->version);
		v->version = printable_text(ver, 20);
		free(ver);
	}
	return 0;
}

int daytwo_follow(struct daytwo *d, const char *id, const char *version)
{
	struct aws_options o = {global_opts.profile,         global_opts.region,
				global_opts.endpoint_url,    global_opts.ca_bundle,
				global_opts.connect_timeout, global_opts.read_timeout};
	struct follow_view v = {0};
	struct runtime_progress p = {.line = follow_line,
				     .pause = daytwo_pause,
				     .cancel = cancelled,
				     .answer = follow_answer,
				     .arg = &v,
				     .debug = global_opts.debug};
	struct runtime_outcome out;
	char *s;
	int ret;

	(void)d;
	runtime_follow(&o, id, version ? RUNTIME_WANT_READY : RUNTIME_WANT_GONE, FOLLOW_LIMIT, &p,
		       &out);
	s = runtime_outcome_summary(&out);
	if (out.end == RUNTIME_READY && version)
		fprintf(stderr, _("%s: runtime %s is READY at version %s\n"), PACKAGE_NAME, id,
			v.version ? v.version : version);
	else
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, s);
	ret = runtime_exit_code(&out);
	free(s);
	free(v.version);
	runtime_outcome_free(&out);
	return ret;
}
