/* cmd_versions.c: `versions RUNTIME_ID` (ListAgentRuntimeVersions: each
 * version with its status and date) and `endpoints RUNTIME_ID`
 * (ListAgentRuntimeEndpoints: each endpoint with the version it serves, so
 * that "DEFAULT follows the latest, prod stays on 3" is visible). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/runtimes.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"

static const char *const versions_exit =
    N_("Exit status: 0 success, 2 usage error, 3 credentials or configuration,\n"
       "4 network or service error (also: no such runtime), 6 cancelled, 70 out of\n"
       "memory or standard output not written.\n");

static void versions_help(void)
{
	printf(_("Usage: %s versions RUNTIME_ID\n"
		 "List the versions of a runtime (ListAgentRuntimeVersions), newest first,\n"
		 "with their status and when each was made.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_(versions_exit), stdout);
}

static void endpoints_help(void)
{
	printf(_("Usage: %s endpoints RUNTIME_ID\n"
		 "List the endpoints of a runtime (ListAgentRuntimeEndpoints) with the version\n"
		 "each serves: DEFAULT follows the latest version; a named endpoint stays on\n"
		 "its version until it is moved.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_(versions_exit), stdout);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* The greatest version number of a runtime, or 0 when none is known. */
static long latest_version(const struct runtimes_list *v)
{
	long best = 0;
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->v[i].version && atol(v->v[i].version) > best)
			best = atol(v->v[i].version);
	return best;
}

/* What an endpoint serves, in words. */
static char *serves(const struct runtime_endpoint *e, long latest)
{
	const char *live = e->live_version, *target = e->target_version;

	if (target && live && strcmp(target, live))
		return xasprintf(_("moving from version %s to %s"), live, target);
	if (!live)
		return xstrdup(_("version not known"));
	if (e->name && !strcmp(e->name, RUNTIMES_DEFAULT_ENDPOINT))
		return xasprintf(_("follows the latest version (%s)"), live);
	if (latest && atol(live) == latest)
		return xasprintf(_("on the latest version (%s)"), live);
	if (latest)
		return xasprintf(_("stays on version %s (the latest is %ld)"), live, latest);
	return xasprintf(_("stays on version %s"), live);
}

/* List the versions (endpoints: 0) or endpoints (1) of runtime id. */
static int show(const char *id, int endpoints)
{
	struct daytwo d = {0};
	struct runtimes_list v = {0}, e = {0};
	struct service_error err;
	size_t i;
	int ret = daytwo_connect(&d);

	if (ret != EXIT_OK)
		goto out;
	if (runtimes_versions(&d.cl, id, &v, &err) != 0 ||
	    (endpoints && runtimes_endpoints(&d.cl, id, &e, &err) != 0)) {
		ret = daytwo_error(&d, &err, id);
		service_error_free(&err);
		goto out;
	}
	if (!endpoints) {
		printf("%-7s  %-14s  %s\n", _("VERSION"), _("STATUS"), _("LAST UPDATED"));
		for (i = 0; i < v.n; i++)
			printf("%-7s  %-14s  %s\n", or_dash(v.v[i].version),
			       or_dash(v.v[i].status), or_dash(v.v[i].updated));
		goto out;
	}
	if (e.nep == 0)
		fprintf(stderr, _("%s: runtime %s has no endpoints\n"), PACKAGE_NAME, id);
	else
		printf("%-48s  %-14s  %s\n", _("ENDPOINT"), _("STATUS"), _("SERVES"));
	for (i = 0; i < e.nep; i++) {
		char *s = serves(&e.ep[i], latest_version(&v));

		printf("%-48s  %-14s  %s\n", or_dash(e.ep[i].name), or_dash(e.ep[i].status), s);
		free(s);
	}
out:
	runtimes_list_free(&v);
	runtimes_list_free(&e);
	daytwo_end(&d);
	return ret;
}

/* versions and endpoints: one runtime id. */
static int run(const struct cmd_args *a, const char *cmd, int endpoints)
{
	int ret;

	if (a->nwords != 1)
		return usage_error(_("%s: expected one runtime id"), cmd);
	if ((ret = daytwo_check_id(cmd, a->words[0])) != EXIT_OK)
		return ret;
	return show(a->words[0], endpoints);
}

static int versions_exec(const struct cmd_args *a)
{
	return run(a, "versions", 0);
}

static int endpoints_exec(const struct cmd_args *a)
{
	return run(a, "endpoints", 1);
}

static const struct option no_options[] = {{NULL, 0, NULL, 0}};

const struct cmd_entry cmd_versions_entry = {
    .name = "versions",
    .summary = N_("list a runtime's versions"),
    .opts = no_options,
    .help = versions_help,
    .exec = versions_exec,
};

const struct cmd_entry cmd_endpoints_entry = {
    .name = "endpoints",
    .summary = N_("list a runtime's endpoints and their versions"),
    .opts = no_options,
    .help = endpoints_help,
    .exec = endpoints_exec,
};
