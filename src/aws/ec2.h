/* ec2.h: what the account checks ask EC2 about a VPC configuration:
 * subnets, security groups, route tables and VPC endpoints.
 *
 * Owner: the aws layer. Lists own their items; free with their *_free. */
#ifndef ACW_EC2_H
#define ACW_EC2_H

#include <stddef.h>

#include "aws/awscall.h"

/* A subnet or a security group: the members a Describe answer gives. */
struct ec2_item {
	char *id;      /* subnetId, groupId */
	char *vpc;     /* vpcId */
	char *zone;    /* subnets: availabilityZone; groups: groupName */
	char *zone_id; /* subnets: availabilityZoneId; groups: "" */
};
struct ec2_items {
	struct ec2_item *v;
	size_t n;
};
void ec2_items_free(struct ec2_items *s);
/* Read a DescribeSubnets or DescribeSecurityGroups answer. 0, or -1 with
 * *cause. Any bytes are safe (fuzzed). */
int ec2_parse_subnets(const char *xml, size_t len, struct ec2_items *out, char **cause);
int ec2_parse_groups(const char *xml, size_t len, struct ec2_items *out, char **cause);
/* The subnets (security groups) of ids that exist (a filter: missing ones
 * are left out, not an error), all pages. 0 with *out, or -1 with *err. */
int ec2_subnets(const struct awscall_client *c, char *const *ids, size_t n, struct ec2_items *out,
		struct service_error *err);
int ec2_groups(const struct awscall_client *c, char *const *ids, size_t n, struct ec2_items *out,
	       struct service_error *err);

/* Every VPC of the Region (id and vpc: vpcId, zone: cidrBlock, zone_id:
 * isDefault), or the subnets or security groups of one VPC, all pages. 0
 * with *out, or -1 with *err. */
enum ec2_list_kind { EC2_VPCS, EC2_SUBNETS, EC2_GROUPS };
int ec2_list(const struct awscall_client *c, enum ec2_list_kind k, const char *vpc,
	     struct ec2_items *out, struct service_error *err);

/* How the subnets of a VPC reach AWS services: for each subnet, whether its
 * route table (its own, or the VPC's main one) sends 0.0.0.0/0 to a NAT
 * gateway, transit gateway, instance or interface (a way out to the public
 * endpoints); and the VPC's endpoint service names. */
struct ec2_reach {
	int *route_out;   /* per subnet asked: 1 a way out, 0 none */
	char **endpoints; /* service names ("com.amazonaws.us-east-1.ecr.dkr") */
	size_t nendpoints;
};
void ec2_reach_free(struct ec2_reach *r);
/* Read DescribeRouteTables / DescribeVpcEndpoints answers (for the fuzzer). */
int ec2_parse_routes(const char *xml, size_t len, char *const *subnets, size_t n, int *route_out,
		     char **cause);
int ec2_parse_endpoints(const char *xml, size_t len, struct ec2_reach *r, char **cause);
int ec2_reach(const struct awscall_client *c, const char *vpc, char *const *subnets, size_t n,
	      struct ec2_reach *out, struct service_error *err);

#endif
