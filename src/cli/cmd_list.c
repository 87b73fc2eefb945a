/* cmd_list.c: `list [--json]`: every runtime of the Region (ListAgentRuntimes,
 * every page), one line each, or the answer as the AWS CLI prints it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/runtimes.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"
#include "cli/print.h"

static void list_help(void)
{
	printf(_("Usage: %s list [--json]\n"
		 "List every runtime of the Region (ListAgentRuntimes, every page): name, id,\n"
		 "status, latest version and when it last changed.\n\n"
		 "      --json         print the answer as the AWS CLI prints it\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_("Exit status: 0 success, 2 usage error, 3 credentials or configuration,\n"
		"4 network or service error, 6 cancelled, 70 out of memory or standard\n"
		"output not written.\n"),
	      stdout);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* The table: a column as wide as its widest cell (names are at most 48
 * characters, ids 111, all ASCII). */
static void print_table(const struct runtimes_list *l)
{
	int wn = (int)strlen(_("NAME")), wi = (int)strlen(_("ID")), ws = (int)strlen(_("STATUS"));
	size_t i;

	for (i = 0; i < l->n; i++) {
		int a = (int)strlen(or_dash(l->v[i].name)), b = (int)strlen(or_dash(l->v[i].id));
		int c = (int)strlen(or_dash(l->v[i].status));

		wn = a > wn ? a : wn;
		wi = b > wi ? b : wi;
		ws = c > ws ? c : ws;
	}
	printf("%-*s  %-*s  %-*s  %-7s  %s\n", wn, _("NAME"), wi, _("ID"), ws, _("STATUS"),
	       _("VERSION"), _("LAST UPDATED"));
	for (i = 0; i < l->n; i++)
		printf("%-*s  %-*s  %-*s  %-7s  %s\n", wn, or_dash(l->v[i].name), wi,
		       or_dash(l->v[i].id), ws, or_dash(l->v[i].status), or_dash(l->v[i].version),
		       or_dash(l->v[i].updated));
}

static int list_run(int json)
{
	struct daytwo d = {0};
	struct runtimes_list l;
	struct service_error err;
	int ret = daytwo_connect(&d);

	if (ret != EXIT_OK)
		goto out;
	if (runtimes_list(&d.cl, &l, &err) != 0) {
		ret = daytwo_error(&d, &err, NULL);
		service_error_free(&err);
		goto out;
	}
	if (json)
		print_json(stdout, "ListAgentRuntimes", 200, l.json, strlen(l.json));
	else if (l.n == 0)
		fprintf(stderr, _("%s: no runtimes in %s\n"), PACKAGE_NAME, d.rs.s.region.value);
	else
		print_table(&l);
	runtimes_list_free(&l);
out:
	daytwo_end(&d);
	return ret;
}

static int list_exec(const struct cmd_args *a)
{
	if (a->nwords)
		return usage_error(_("list: no arguments expected"));
	return list_run(cmd_has(a, 'j'));
}

static const struct option list_options[] = {{"json", no_argument, NULL, 'j'}, {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_list_entry = {
    .name = "list",
    .summary = N_("list the Region's runtimes"),
    .opts = list_options,
    .help = list_help,
    .exec = list_exec,
};
