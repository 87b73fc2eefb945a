/* pick.h: what exists in the account, for the wizard's pick lists: roles
 * (marked when they trust bedrock-agentcore for this account and Region),
 * ECR repositories and their images, VPCs, a VPC's subnets (marked when in
 * a zone AgentCore supports) and security groups. One call loads one page;
 * the front end calls again with the page's token for the next, on a
 * worker thread (no curses here; results are data).
 *
 * Owner: the aws layer. A pick_page owns its items and token; free with
 * pick_page_free. Every text is safe for a terminal. */
#ifndef ACW_PICK_H
#define ACW_PICK_H

#include <stddef.h>

#include "aws/awscall.h"

enum pick_kind {
	PICK_ROLES,        /* value: role ARN; marked: trusts the service (policy_trusts yes) */
	PICK_REPOSITORIES, /* value: repository URI */
	PICK_IMAGES,       /* parent: repository name; value: URI:tag (or @digest);
			    * note: push date, size, platforms; marked: linux/arm64 */
	PICK_VPCS,         /* value: VPC ID */
	PICK_SUBNETS,      /* parent: VPC ID; value: subnet ID; marked: supported zone */
	PICK_GROUPS,       /* parent: VPC ID; value: security group ID */
	PICK_BUCKETS,      /* value: bucket name */
	PICK_KEYS,         /* parent: "BUCKET" or "BUCKET/PREFIX"; value: key; note: size */
};

struct pick_item {
	char *value; /* what goes into the field */
	char *label; /* a name to show beside it ("AgentRole", "use1-az1") */
	char *note;  /* more ("pushed 2026-12-01, 312 MB"), or "" */
	int marked;  /* see enum pick_kind */
};

struct pick_page {
	struct pick_item *v;
	size_t n;
	char *next; /* token for the next page, or NULL when this is the last */
};
void pick_page_free(struct pick_page *p);

/* Who and where the lists are for (the trust mark and the zone mark). */
struct pick_context {
	const char *partition, *region, *account;
};

/* Load one page of kind (parent as the kind says, else NULL; token NULL for
 * the first page). 0 with *out, or -1 with *err. */
int pick_load(const struct awscall_client *c, const struct pick_context *ctx, enum pick_kind kind,
	      const char *parent, const char *token, struct pick_page *out,
	      struct service_error *err);

#endif
