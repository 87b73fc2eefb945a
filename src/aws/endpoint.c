/* endpoint.c: the endpoint rules of bedrock-agentcore-control; see endpoint.h. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "aws/endpoint.h"
#include "base/util.h"

struct partition {
	const char *prefix;                    /* region prefix, most specific first */
	const char *suffix, *dualstack_suffix; /* dualstack NULL: not supported */
};

/* From the partitions the rule set uses (endpoint-tests-1.json has the answers;
 * aws-eusc, the European Sovereign Cloud, and the dual-stack suffixes of
 * aws-iso and aws-iso-b as botocore 1.43's partitions.json gives them; botocore
 * refuses dual-stack in aws-iso-e and aws-iso-f, and so do we). */
static const struct partition partitions[] = {
    {"us-isob-", "sc2s.sgov.gov", "api.aws.scloud"},
    {"us-iso-", "c2s.ic.gov", "api.aws.ic.gov"},
    {"eu-isoe-", "cloud.adc-e.uk", NULL},
    {"us-isof-", "csp.hci.ic.gov", NULL},
    {"us-gov-", "amazonaws.com", "api.aws"},
    {"cn-", "amazonaws.com.cn", "api.amazonwebservices.com.cn"},
    {"eusc-", "amazonaws.eu", "api.amazonwebservices.eu"},
    {"", "amazonaws.com", "api.aws"}, /* aws: every other region */
};

static const struct partition *partition_of(const char *region)
{
	const struct partition *p;

	for (p = partitions; strncmp(region, p->prefix, strlen(p->prefix)); p++)
		;
	return p;
}

int endpoint_valid_region(const char *r)
{
	const char *p;

	if (!r || !*r || *r == '-' || strlen(r) > 63)
		return 0;
	for (p = r; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-')
			return 0;
	return 1;
}

/* A URL the signer and libcurl can use: a scheme, a host, no blanks or controls. */
static int valid_url(const char *u)
{
	const char *h, *p;

	if (!strncmp(u, "https://", 8))
		h = u + 8;
	else if (!strncmp(u, "http://", 7))
		h = u + 7;
	else
		return 0;
	if (!*h || *h == '/' || *h == ':' || *h == '?' || *h == '#')
		return 0;
	for (p = u; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
	return 1;
}

char *endpoint_resolve(const char *region, int use_fips, int use_dualstack, const char *custom,
		       char **cause)
{
	const struct partition *p;

	if (custom && *custom) {
		if (use_fips) {
			*cause =
			    xstrdup(_("FIPS endpoints cannot be used with a custom endpoint URL: "
				      "unset AWS_USE_FIPS_ENDPOINT or the endpoint URL"));
			return NULL;
		}
		if (use_dualstack) {
			*cause = xstrdup(
			    _("dual-stack endpoints cannot be used with a custom endpoint "
			      "URL: unset AWS_USE_DUALSTACK_ENDPOINT or the endpoint URL"));
			return NULL;
		}
		if (!valid_url(custom)) {
			*cause = xasprintf(_("the endpoint URL \"%s\" is not valid: expected "
					     "http://HOST[:PORT][/PATH] or https://..."),
					   custom);
			return NULL;
		}
		return xstrdup(custom);
	}
	if (!region || !*region) {
		*cause = xstrdup(_("no AWS Region is set: use --region, set AWS_REGION, or add "
				   "'region = us-east-1' to your profile in ~/.aws/config"));
		return NULL;
	}
	if (!endpoint_valid_region(region)) {
		*cause = xasprintf(_("\"%s\" is not a valid AWS Region name: expected lowercase "
				     "letters, digits and hyphens, such as us-east-1"),
				   region);
		return NULL;
	}
	p = partition_of(region);
	if (use_dualstack && !p->dualstack_suffix) {
		*cause = xasprintf(_("dual-stack endpoints are not available in %s"), region);
		return NULL;
	}
	return xasprintf("https://bedrock-agentcore-control%s.%s.%s", use_fips ? "-fips" : "",
			 region, use_dualstack ? p->dualstack_suffix : p->suffix);
}

char *endpoint_sts_url(const char *region, int use_fips, int use_dualstack, char **cause)
{
	const struct partition *p;

	if (!endpoint_valid_region(region)) {
		/* never let a region string pick the host a signed request goes to */
		*cause =
		    xasprintf(_("\"%s\" is not a valid AWS Region name"), region ? region : "");
		return NULL;
	}
	p = partition_of(region);
	if (use_dualstack && !p->dualstack_suffix) {
		*cause = xasprintf(_("dual-stack endpoints are not available in %s"), region);
		return NULL;
	}
	/* STS's rules: in GovCloud the regional endpoint is FIPS already */
	if (use_fips && !use_dualstack && !strcmp(p->prefix, "us-gov-"))
		use_fips = 0;
	return xasprintf("https://sts%s.%s.%s/", use_fips ? "-fips" : "", region,
			 use_dualstack ? p->dualstack_suffix : p->suffix);
}
