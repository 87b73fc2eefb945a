/* endpoint.h: the endpoint rule set of bedrock-agentcore-control.
 * Owner: the core. Mirrors endpoint-rule-set-1.json (partitions aws, aws-cn,
 * aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc, and their
 * FIPS and dual-stack variants). */
#ifndef ACW_ENDPOINT_H
#define ACW_ENDPOINT_H

/* Resolve the URL for region. custom: an endpoint given by the user, or NULL.
 * Returns the URL (caller frees), or NULL with *cause (caller frees) saying
 * what the rule set rejects: a missing region, FIPS or dual-stack together
 * with a custom endpoint, a custom URL that is not http(s)://HOST..., or a
 * partition without FIPS or dual-stack. */
char *endpoint_resolve(const char *region, int use_fips, int use_dualstack, const char *custom,
		       char **cause);

/* The regional STS endpoint of region's partition ("https://sts.cn-north-1.
 * amazonaws.com.cn/"), its FIPS or dual-stack variant as STS's rules make
 * them (sts-fips.REGION..., GovCloud's regional endpoint being FIPS), or NULL
 * with *cause (caller frees) when region is not a valid name or the partition
 * has no dual-stack. Caller frees. */
char *endpoint_sts_url(const char *region, int use_fips, int use_dualstack, char **cause);

/* 1 when region can go into a host name (lowercase letters, digits and
 * hyphens, 1 to 63 characters, not starting with a hyphen); 0 otherwise. */
int endpoint_valid_region(const char *region);

#endif
