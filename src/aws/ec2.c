/* ec2.c: DescribeSubnets, DescribeSecurityGroups, DescribeRouteTables and
 * DescribeVpcEndpoints for the network checks; see ec2.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/ec2.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

#define EC2_VERSION "2016-11-15"
#define FORM_TYPE   "application/x-www-form-urlencoded; charset=utf-8"

static char *field(const struct xml_node *n, const char *name)
{
	const char *t = xml_path_text(n, name);

	return printable_text(t ? t : "", 200);
}

void ec2_items_free(struct ec2_items *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].id);
		free(s->v[i].vpc);
		free(s->v[i].zone);
		free(s->v[i].zone_id);
	}
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* The items of an answer's list (set: "subnetSet") with the members that
 * fill id, vpc, zone and zone_id (NULL: left ""). Appended to out. */
static int parse_items(const char *xml, size_t len, const char *set, const char *const names[4],
		       struct ec2_items *out, char **cause)
{
	struct xml_node *root = xml_parse(xml, len, cause);
	const struct xml_node *it;
	char *path = xasprintf("%s/item", set);

	if (!root) {
		free(path);
		return -1;
	}
	for (it = xml_path(root, path); it; it = xml_next(it)) {
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = (struct ec2_item){field(it, names[0]), field(it, names[1]),
						     names[2] ? field(it, names[2]) : xstrdup(""),
						     names[3] ? field(it, names[3]) : xstrdup("")};
	}
	free(path);
	xml_free(root);
	return 0;
}

static const char *const subnet_names[4] = {"subnetId", "vpcId", "availabilityZone",
					    "availabilityZoneId"};
static const char *const group_names[4] = {"groupId", "vpcId", "groupName", NULL};
static const char *const vpc_names[4] = {"vpcId", "vpcId", "cidrBlock", "isDefault"};

int ec2_parse_subnets(const char *xml, size_t len, struct ec2_items *out, char **cause)
{
	memset(out, 0, sizeof *out);
	return parse_items(xml, len, "subnetSet", subnet_names, out, cause);
}

int ec2_parse_groups(const char *xml, size_t len, struct ec2_items *out, char **cause)
{
	memset(out, 0, sizeof *out);
	return parse_items(xml, len, "securityGroupInfo", group_names, out, cause);
}

/* One Describe call with a filter on name for the values (all pages); the
 * answer bodies are handed to parse, page by page. */
static int describe(const struct awscall_client *c, const char *action, const char *filter,
		    char *const *values, size_t n,
		    int (*parse)(const char *xml, size_t len, void *arg, char **cause), void *arg,
		    struct service_error *err)
{
	char *token = NULL;
	size_t i;

	do {
		char *body = filter
				 ? awscall_form(action, EC2_VERSION, "Filter.1.Name", filter, NULL)
				 : awscall_form(action, EC2_VERSION, NULL);
		struct awscall_request r = {AWS_EC2, "POST", NULL,      NULL, "/",
					    NULL,    NULL,   FORM_TYPE, NULL, NULL};
		struct http_response resp;
		struct xml_node *root;
		char *cause = NULL;
		const char *next;
		int ok;

		for (i = 0; i < n; i++) {
			char *k = xasprintf("Filter.1.Value.%zu", i + 1);

			body = awscall_form_add(body, k, values[i]);
			free(k);
		}
		if (token)
			body = awscall_form_add(body, "NextToken", token);
		free(token);
		token = NULL;
		r.body = body;
		ok = awscall_send(c, &r, &resp, err) == 0;
		free(body);
		if (!ok)
			return -1;
		if (parse(resp.body, resp.body_len, arg, &cause) != 0) {
			err->status = resp.status;
			err->message = cause;
			http_response_free(&resp);
			return -1;
		}
		root = xml_parse(resp.body, resp.body_len, NULL);
		next = xml_path_text(root, "nextToken");
		if (next && *next)
			token = xstrdup(next);
		xml_free(root);
		http_response_free(&resp);
	} while (token);
	return 0;
}

static int add_subnets(const char *xml, size_t len, void *arg, char **cause)
{
	return parse_items(xml, len, "subnetSet", subnet_names, arg, cause);
}

static int add_groups(const char *xml, size_t len, void *arg, char **cause)
{
	return parse_items(xml, len, "securityGroupInfo", group_names, arg, cause);
}

int ec2_subnets(const struct awscall_client *c, char *const *ids, size_t n, struct ec2_items *out,
		struct service_error *err)
{
	memset(out, 0, sizeof *out);
	if (describe(c, "DescribeSubnets", "subnet-id", ids, n, add_subnets, out, err) != 0) {
		ec2_items_free(out);
		return -1;
	}
	return 0;
}

int ec2_groups(const struct awscall_client *c, char *const *ids, size_t n, struct ec2_items *out,
	       struct service_error *err)
{
	memset(out, 0, sizeof *out);
	if (describe(c, "DescribeSecurityGroups", "group-id", ids, n, add_groups, out, err) != 0) {
		ec2_items_free(out);
		return -1;
	}
	return 0;
}

static int add_vpcs(const char *xml, size_t len, void *arg, char **cause)
{
	return parse_items(xml, len, "vpcSet", vpc_names, arg, cause);
}

int ec2_list(const struct awscall_client *c, enum ec2_list_kind k, const char *vpc,
	     struct ec2_items *out, struct service_error *err)
{
	char *v[1] = {(char *)vpc};
	int r;

	memset(out, 0, sizeof *out);
	if (k == EC2_VPCS)
		r = describe(c, "DescribeVpcs", NULL, NULL, 0, add_vpcs, out, err);
	else if (k == EC2_SUBNETS)
		r = describe(c, "DescribeSubnets", "vpc-id", v, 1, add_subnets, out, err);
	else
		r = describe(c, "DescribeSecurityGroups", "vpc-id", v, 1, add_groups, out, err);
	if (r != 0)
		ec2_items_free(out);
	return r;
}

void ec2_reach_free(struct ec2_reach *r)
{
	size_t i;

	for (i = 0; i < r->nendpoints; i++)
		free(r->endpoints[i]);
	free(r->endpoints);
	free(r->route_out);
	memset(r, 0, sizeof *r);
}

/* Does a route table send 0.0.0.0/0 somewhere that reaches the internet
 * from a private subnet? An internet gateway does not count: a runtime's
 * interfaces get no public address. */
static int table_goes_out(const struct xml_node *table)
{
	const struct xml_node *rt;
	static const char *const ways[] = {"natGatewayId", "transitGatewayId",
					   "networkInterfaceId", "instanceId", NULL};
	size_t i;

	for (rt = xml_path(table, "routeSet/item"); rt; rt = xml_next(rt)) {
		const char *dst = xml_path_text(rt, "destinationCidrBlock");

		if (!dst || strcmp(dst, "0.0.0.0/0"))
			continue;
		for (i = 0; ways[i]; i++)
			if (xml_path_text(rt, ways[i]) && *xml_path_text(rt, ways[i]))
				return 1;
	}
	return 0;
}

int ec2_parse_routes(const char *xml, size_t len, char *const *subnets, size_t n, int *route_out,
		     char **cause)
{
	struct xml_node *root = xml_parse(xml, len, cause);
	const struct xml_node *t, *a;
	size_t i;
	int main_out = -1;

	if (!root)
		return -1;
	for (i = 0; i < n; i++)
		route_out[i] = -1;
	for (t = xml_path(root, "routeTableSet/item"); t; t = xml_next(t)) {
		int out = table_goes_out(t);

		for (a = xml_path(t, "associationSet/item"); a; a = xml_next(a)) {
			const char *sid = xml_path_text(a, "subnetId"),
				   *m = xml_path_text(a, "main");

			if (m && !strcmp(m, "true"))
				main_out = out;
			for (i = 0; sid && i < n; i++)
				if (!strcmp(sid, subnets[i]))
					route_out[i] = out;
		}
	}
	for (i = 0; i < n; i++)
		if (route_out[i] < 0)
			route_out[i] = main_out > 0;
	xml_free(root);
	return 0;
}

int ec2_parse_endpoints(const char *xml, size_t len, struct ec2_reach *r, char **cause)
{
	struct xml_node *root = xml_parse(xml, len, cause);
	const struct xml_node *e;

	if (!root)
		return -1;
	for (e = xml_path(root, "vpcEndpointSet/item"); e; e = xml_next(e)) {
		const char *state = xml_path_text(e, "state");

		if (state && strcasecmp(state, "available"))
			continue;
		r->endpoints = xrealloc(r->endpoints, (r->nendpoints + 1) * sizeof *r->endpoints);
		r->endpoints[r->nendpoints++] = field(e, "serviceName");
	}
	xml_free(root);
	return 0;
}

struct routes_arg {
	char *const *subnets;
	size_t n;
	int *route_out;
};

static int routes_page(const char *xml, size_t len, void *arg, char **cause)
{
	struct routes_arg *a = arg;
	int *page = xcalloc(a->n + 1, sizeof *page);
	size_t i;

	if (ec2_parse_routes(xml, len, a->subnets, a->n, page, cause) != 0) {
		free(page);
		return -1;
	}
	for (i = 0; i < a->n; i++)
		a->route_out[i] |= page[i];
	free(page);
	return 0;
}

static int endpoints_page(const char *xml, size_t len, void *arg, char **cause)
{
	return ec2_parse_endpoints(xml, len, arg, cause);
}

int ec2_reach(const struct awscall_client *c, const char *vpc, char *const *subnets, size_t n,
	      struct ec2_reach *out, struct service_error *err)
{
	char *v[1] = {(char *)vpc};
	struct routes_arg ra = {subnets, n, NULL};

	memset(out, 0, sizeof *out);
	out->route_out = xcalloc(n + 1, sizeof *out->route_out);
	ra.route_out = out->route_out;
	if (describe(c, "DescribeRouteTables", "vpc-id", v, 1, routes_page, &ra, err) != 0 ||
	    describe(c, "DescribeVpcEndpoints", "vpc-id", v, 1, endpoints_page, out, err) != 0) {
		ec2_reach_free(out);
		return -1;
	}
	return 0;
}
