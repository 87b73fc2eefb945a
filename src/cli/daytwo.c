/* daytwo.c: what the commands for runtimes that exist share; see daytwo.h. */
#include "config.h"

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
#include "cli/print.h"
#include "form/diff.h"
#include "form/formdef.h"
#include "form/getmap.h"
#include "form/validate.h"

/* how long --wait follows a runtime, as submit --wait does */
#define FOLLOW_LIMIT 3600.0

int daytwo_connect(struct daytwo *d)
{
	struct aws_options o = cli_aws_options();
	struct credentials_hooks h = {cli_cancel_cb, NULL, 0};
	char *cause = NULL;
	int r;

	/* first: Ctrl-C and SIGTERM stop a credential_process that waits (in
	 * its own process group, which the terminal's Ctrl-C never reaches) */
	cli_catch_interrupts();
	if ((r = runtimes_connect_with(&o, &h, &d->rs, &cause)) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return r == CREDENTIALS_CANCELLED ? EXIT_CANCELLED : EXIT_CONFIG;
	}
	d->cl = d->rs.cl;
	d->cl.hooks = cli_service_hooks();
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

int daytwo_missing(const char *id, const char *region, const char *code, const char *message)
{
	char *i = printable_text(id, 200), *m = printable_text(message ? message : "", 1000);

	if (region)
		fprintf(stderr,
			_("%s: there is no runtime %s in %s (the service answered %s: %s); "
			  "'%s list' shows the runtimes there are\n"),
			PACKAGE_NAME, i, region, code ? code : "404", m, PACKAGE_NAME);
	else
		fprintf(stderr,
			_("%s: there is no runtime %s (the service answered %s: %s); '%s "
			  "list' shows the runtimes there are\n"),
			PACKAGE_NAME, i, code ? code : "404", m, PACKAGE_NAME);
	free(i);
	free(m);
	return EXIT_SERVICE;
}

int daytwo_error(const struct daytwo *d, const struct service_error *e, const char *id)
{
	size_t i;

	if (e->transport) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, e->message);
		return e->http == HTTP_CANCELLED ? EXIT_CANCELLED : EXIT_SERVICE;
	}
	if (id && runtimes_not_found(e))
		return daytwo_missing(id, d->rs.s.region.value, e->code, e->message);
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

/* The end of following to READY at a version, or until the runtime is
 * gone, said as update and delete say it. */
static void follow_said(const struct cli_follow *f, const struct runtime_outcome *out,
			const char *id, const char *version)
{
	char *v = NULL, *p = NULL, *s;

	if (f->shown)
		fputc('\n', stderr);
	if (out->end == RUNTIME_READY && version) {
		if (f->answer)
			v = service_answer_string(f->answer, f->answer_len, "agentRuntimeVersion");
		p = v ? printable_text(v, 20) : NULL;
		fprintf(stderr, _("%s: runtime %s is READY at version %s\n"), PACKAGE_NAME, id,
			p ? p : version);
	} else {
		s = runtime_outcome_summary(out);
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, s);
		free(s);
	}
	free(v);
	free(p);
}

int daytwo_follow(const char *id, const char *version)
{
	struct aws_options o = cli_aws_options();
	struct cli_follow f;
	struct runtime_outcome out;
	int ret;

	cli_follow_init(&f, 1, 0);
	runtime_follow(&o, id, version ? RUNTIME_WANT_READY : RUNTIME_WANT_GONE, FOLLOW_LIMIT,
		       &f.p, &out);
	if ((out.end == RUNTIME_READY && version) || out.end == RUNTIME_GONE) {
		follow_said(&f, &out, id, version);
		ret = runtime_exit_code(&out);
	} else {
		ret = cli_follow_finish(&f, &out);
	}
	cli_follow_free(&f);
	runtime_outcome_free(&out);
	return ret;
}
