/* checks_net.c: the VPC: subnets and security groups exist in one VPC, in
 * zones the service supports (forms/agentcore-zones.txt), over at least two
 * zones, with a way to ECR, S3 and CloudWatch Logs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/checks_int.h"
#include "aws/ec2.h"
#include "base/util.h"

#define ZONES_FILE "agentcore-zones.txt"

char *checks_supported_zones(const char *region, char **why)
{
	const char *env = getenv("AGENTCORE_WIZARD_FORMS");
	char *path = env && *env ? xasprintf("%s/" ZONES_FILE, env)
				 : xstrdup(PKGDATADIR "/forms/" ZONES_FILE);
	char *text = NULL, *cause = NULL, *line, *save = NULL, *r = NULL;
	size_t len;

	*why = NULL;
	if (util_read_file(path, 64 * 1024, &text, &len, &cause) != 0 &&
	    util_read_file(ABS_TOP_SRCDIR "/forms/" ZONES_FILE, 64 * 1024, &text, &len, NULL) !=
		0) {
		*why = cause;
		free(path);
		return NULL;
	}
	free(cause);
	for (line = strtok_r(text, "\n", &save); line && !r; line = strtok_r(NULL, "\n", &save)) {
		size_t k = strcspn(line, " \t");

		if (*line != '#' && k == strlen(region) && !strncmp(line, region, k))
			r = xstrdup(line + k + strspn(line + k, " \t"));
	}
	if (!r)
		*why = xasprintf(_("%s lists no zones for Region %s"), path, region);
	free(text);
	free(path);
	return r;
}

int checks_word_in(const char *words, const char *w)
{
	size_t n = strlen(w);
	const char *p = words;

	while ((p = strstr(p, w))) {
		if ((p == words || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
		p += n;
	}
	return 0;
}

static const struct ec2_item *item_of(const struct ec2_items *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].id, id))
			return &s->v[i];
	return NULL;
}

/* Each subnet: exists, in a supported zone, in the first subnet's VPC.
 * Returns that VPC (borrowed) when all are in one, else NULL. */
static const char *judge_subnets(struct check_ctx *c, const struct ec2_items *s)
{
	const struct check_input *in = c->in;
	char *why = NULL, *zones = checks_supported_zones(c->region, &why), *path;
	const char *vpc = NULL;
	struct strbuf seen = {0};
	size_t i, nzones = 0;
	int one_vpc = 1;

	for (i = 0; i < in->nsubnets; i++) {
		const struct ec2_item *x = item_of(s, in->subnets[i]);

		path = xasprintf(P_SUBNETS "[%zu]", i);
		if (!x) {
			check_report(c, path, "network.subnet", CHECK_ERROR, NULL,
				     _("no subnet %s in Region %s of account %s"), in->subnets[i],
				     c->region, c->account);
		} else if (vpc && strcmp(vpc, x->vpc)) {
			check_report(
			    c, path, "network.vpc", CHECK_ERROR, NULL,
			    _("subnet %s is in VPC %s, the first subnet in %s: all subnets "
			      "and security groups must be in one VPC"),
			    x->id, x->vpc, vpc);
			one_vpc = 0;
		} else if (!zones) {
			check_report(c, path, "network.zone", CHECK_UNKNOWN, NULL,
				     _("could not check zone %s: %s"), x->zone_id, why);
		} else if (!checks_word_in(zones, x->zone_id)) {
			check_report(c, path, "network.zone", CHECK_ERROR, NULL,
				     _("subnet %s is in zone %s (%s), where AgentCore takes no "
				       "subnets; in %s it takes %s"),
				     x->id, x->zone_id, x->zone, c->region, zones);
		} else {
			check_report(c, path, "network.subnet", CHECK_OK, NULL,
				     _("subnet %s exists in VPC %s, zone %s (supported)"), x->id,
				     x->vpc, x->zone_id);
		}
		if (x && !vpc)
			vpc = x->vpc;
		if (x && !checks_word_in(seen.s ? seen.s : "", x->zone_id)) {
			strbuf_addf(&seen, " %s", x->zone_id);
			nzones++;
		}
		free(path);
	}
	if (nzones == 1 && one_vpc)
		check_report(c, P_SUBNETS, "network.zones", CHECK_WARNING, NULL,
			     _("every subnet is in one Availability Zone (%s): the runtime stops "
			       "when that zone does; add a subnet in a second zone"),
			     seen.s + 1);
	strbuf_release(&seen);
	free(zones);
	free(why);
	return one_vpc ? vpc : NULL;
}

static void judge_groups(struct check_ctx *c, const char *vpc)
{
	const struct check_input *in = c->in;
	struct ec2_items g;
	struct service_error err;
	size_t i;

	if (!in->ngroups)
		return;
	if (ec2_groups(&c->client, in->groups, in->ngroups, &g, &err) != 0) {
		check_report_failure(c, P_GROUPS, "network.group", &err,
				     "ec2:DescribeSecurityGroups");
		service_error_free(&err);
		return;
	}
	for (i = 0; i < in->ngroups; i++) {
		char *path = xasprintf(P_GROUPS "[%zu]", i);

		const struct ec2_item *x = item_of(&g, in->groups[i]);

		if (!x)
			check_report(c, path, "network.group", CHECK_ERROR, NULL,
				     _("no security group %s in Region %s of account %s"),
				     in->groups[i], c->region, c->account);
		else if (vpc && strcmp(vpc, x->vpc))
			check_report(c, path, "network.vpc", CHECK_ERROR, NULL,
				     _("security group %s is in VPC %s, the subnets in %s: they "
				       "must be in one VPC"),
				     x->id, x->vpc, vpc);
		else
			check_report(c, path, "network.group", CHECK_OK, NULL,
				     _("security group %s exists in VPC %s"), x->id, x->vpc);
		free(path);
	}
	ec2_items_free(&g);
}

static int has_endpoint(const struct ec2_reach *r, const char *region, const char *svc)
{
	char *want = xasprintf("com.amazonaws.%s.%s", region, svc);
	size_t i;
	int found = 0;

	for (i = 0; i < r->nendpoints && !found; i++)
		found = !strcmp(r->endpoints[i], want);
	free(want);
	return found;
}

static void judge_reach(struct check_ctx *c, const char *vpc)
{
	static const char *const container[] = {"ecr.api", "ecr.dkr", "s3", "logs", NULL};
	static const char *const code[] = {"s3", "logs", NULL};
	const char *const *need = c->in->container_uri ? container : code;
	struct ec2_reach r;
	struct service_error err;
	struct strbuf missing = {0}, closed = {0};
	size_t i;

	if (ec2_reach(&c->client, vpc, c->in->subnets, c->in->nsubnets, &r, &err) != 0) {
		check_report_failure(c, P_SUBNETS, "network.reach", &err,
				     "ec2:DescribeRouteTables and ec2:DescribeVpcEndpoints");
		service_error_free(&err);
		return;
	}
	for (i = 0; i < c->in->nsubnets; i++)
		if (!r.route_out[i])
			strbuf_addf(&closed, "%s%s", closed.len ? ", " : "", c->in->subnets[i]);
	for (i = 0; need[i]; i++)
		if (!has_endpoint(&r, c->region, need[i]))
			strbuf_addf(&missing, "%scom.amazonaws.%s.%s", missing.len ? ", " : "",
				    c->region, need[i]);
	if (closed.len && missing.len)
		check_report(c, P_SUBNETS, "network.reach", CHECK_WARNING, NULL,
			     _("subnets %s have no route to a NAT gateway, and VPC %s has no "
			       "endpoint for %s: the runtime could not reach them"),
			     closed.s, vpc, missing.s);
	else
		check_report(c, P_SUBNETS, "network.reach", CHECK_OK, NULL, "%s",
			     closed.len ? _("the VPC has endpoints for every service the runtime "
					    "needs")
					: _("every subnet routes to a NAT gateway or similar"));
	strbuf_release(&missing);
	strbuf_release(&closed);
	ec2_reach_free(&r);
}

void checks_network(struct check_ctx *c)
{
	struct ec2_items s;
	struct service_error err;
	const char *vpc;

	if (!c->in->network_mode || strcmp(c->in->network_mode, "VPC") || !c->in->nsubnets)
		return;
	if (ec2_subnets(&c->client, c->in->subnets, c->in->nsubnets, &s, &err) != 0) {
		check_report_failure(c, P_SUBNETS, "network.subnet", &err, "ec2:DescribeSubnets");
		service_error_free(&err);
		return;
	}
	vpc = judge_subnets(c, &s);
	judge_groups(c, vpc);
	if (vpc)
		judge_reach(c, vpc);
	ec2_items_free(&s);
}
