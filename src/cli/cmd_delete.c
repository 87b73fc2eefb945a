/* cmd_delete.c: `delete [--yes] [--wait] RUNTIME_ID`: say what will go
 * (the runtime, its versions, its endpoints by name), ask for the name to
 * be typed back, delete the named endpoints (never DEFAULT on its own: it
 * goes with the runtime), then the runtime; the execution role and the
 * artifacts are left alone, and the output says so. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/runtimes.h"
#include "base/printable.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"
#include "cli/print.h"

static void delete_help(void)
{
	printf(_("Usage: %s delete [--yes] [--wait] RUNTIME_ID\n"
		 "Delete a runtime: say what goes (the runtime, its versions, its endpoints),\n"
		 "ask for the runtime's name to be typed back, delete its named endpoints,\n"
		 "then the runtime (DEFAULT goes with it). The execution role and the\n"
		 "artifacts (image, code) are left alone.\n\n"
		 "      --yes          do not ask (needed when standard input is not a terminal)\n"
		 "      --wait         follow the runtime until it is gone\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_("Exit status: 0 deleted (or being deleted), 2 usage error or no terminal\n"
		"to ask on without --yes, 3 credentials or configuration, 4 network or\n"
		"service error (also: no such runtime), 5 the deletion failed (--wait),\n"
		"6 cancelled (the name was not typed back), 70 out of memory or standard\n"
		"output not written.\n"),
	      stdout);
}

static int is_default(const struct runtime_endpoint *e)
{
	return e->name && !strcmp(e->name, RUNTIMES_DEFAULT_ENDPOINT);
}

/* What the runtime leaves behind: its role and its artifact, in words. */
static void left_alone(const struct runtime_answer *a)
{
	cJSON *j = cJSON_ParseWithLength(a->get, a->get_len);
	const cJSON *role = cJSON_GetObjectItemCaseSensitive(j, "roleArn");
	const cJSON *art = cJSON_GetObjectItemCaseSensitive(j, "agentRuntimeArtifact");
	char *s = art ? cJSON_PrintUnformatted(art) : NULL;
	char *r = printable_text(cJSON_IsString(role) ? role->valuestring : "?", 300);
	char *x = printable_text(s ? s : "?", 600);

	fprintf(stderr,
		_("%s: left alone: the execution role %s and the artifact %s (delete them "
		  "yourself when nothing else uses them)\n"),
		PACKAGE_NAME, r, x);
	free(r);
	free(x);
	cJSON_free(s);
	cJSON_Delete(j);
}

/* Say what goes. */
static void plan(const struct runtime_answer *a, const struct runtimes_list *v,
		 const struct runtimes_list *e)
{
	size_t i;

	fprintf(stderr, _("This deletes runtime %s (%s), status %s:\n"), a->name ? a->name : "?",
		a->id ? a->id : "?", a->status ? a->status : "?");
	fprintf(stderr, _("  versions:"));
	for (i = 0; i < v->n; i++)
		fprintf(stderr, " %s", v->v[i].version ? v->v[i].version : "?");
	fprintf(stderr, "%s\n", v->n ? "" : _(" (none listed)"));
	fprintf(stderr, _("  endpoints:"));
	for (i = 0; i < e->nep; i++)
		fprintf(stderr, " %s%s", e->ep[i].name ? e->ep[i].name : "?",
			is_default(&e->ep[i]) ? _(" (goes with the runtime)") : "");
	fprintf(stderr, "%s\n", e->nep ? "" : _(" (none listed)"));
}

/* Ask for the name back; EXIT_OK when it was typed. */
static int confirm(const char *name)
{
	char line[256];

	if (!isatty(0)) {
		fprintf(stderr,
			_("%s: delete: standard input is not a terminal to ask on: give --yes "
			  "to delete without asking\n"),
			PACKAGE_NAME);
		return EXIT_USAGE;
	}
	fprintf(stderr, _("Type the runtime's name (%s) to delete it: "), name);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin)) {
		fprintf(stderr, _("\n%s: not deleted\n"), PACKAGE_NAME);
		return EXIT_CANCELLED;
	}
	line[strcspn(line, "\r\n")] = '\0';
	if (strcmp(line, name)) {
		fprintf(stderr, _("%s: that is not the name: not deleted\n"), PACKAGE_NAME);
		return EXIT_CANCELLED;
	}
	return EXIT_OK;
}

static void deleting(void *arg, const char *endpoint)
{
	(void)arg;
	if (endpoint)
		fprintf(stderr, _("%s: deleting endpoint %s\n"), PACKAGE_NAME, endpoint);
	else
		fprintf(stderr, _("%s: deleting the runtime\n"), PACKAGE_NAME);
}

/* Named endpoints first, then the runtime. */
static int remove_all(struct daytwo *d, const char *id, const struct runtimes_list *e, int wait)
{
	struct runtimes_delete_hooks h = {deleting, cli_pause, NULL};
	struct service_error err;
	int ret;

	if (runtimes_delete_all(&d->cl, id, e, &h, &err) != 0) {
		ret = daytwo_error(d, &err, id);
		service_error_free(&err);
		return ret;
	}
	return wait ? daytwo_follow(id, NULL) : EXIT_OK;
}

static int delete_run(const char *id, int yes, int wait)
{
	struct daytwo d = {0};
	struct runtime_answer a = {0};
	struct runtimes_list v = {0}, e = {0};
	struct service_error err;
	int ret = daytwo_connect(&d);

	if (ret == EXIT_OK)
		ret = daytwo_get(&d, id, 0, &a);
	if (ret != EXIT_OK)
		goto out;
	if (runtimes_versions(&d.cl, id, &v, &err) != 0 ||
	    runtimes_endpoints(&d.cl, id, &e, &err) != 0) {
		ret = daytwo_error(&d, &err, id);
		service_error_free(&err);
		goto out;
	}
	plan(&a, &v, &e);
	if (!yes && (ret = confirm(a.name ? a.name : id)) != EXIT_OK)
		goto out;
	ret = remove_all(&d, id, &e, wait);
	left_alone(&a);
out:
	runtimes_list_free(&v);
	runtimes_list_free(&e);
	runtimes_answer_free(&a);
	daytwo_end(&d);
	return ret;
}

static int delete_exec(const struct cmd_args *a)
{
	int ret;

	if (a->nwords != 1)
		return usage_error(_("delete: expected one runtime id"));
	if ((ret = daytwo_check_id("delete", a->words[0])) != EXIT_OK)
		return ret;
	return delete_run(a->words[0], cmd_has(a, 'y'), cmd_has(a, 'w'));
}

static const struct option delete_options[] = {
    {"yes", no_argument, NULL, 'y'}, {"wait", no_argument, NULL, 'w'}, {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_delete_entry = {
    .name = "delete",
    .summary = N_("delete a runtime and its endpoints, after asking"),
    .opts = delete_options,
    .help = delete_help,
    .exec = delete_exec,
};
