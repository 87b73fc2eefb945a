/* Fuzz target: the answers of STS, IAM, EC2, S3 and ECR as the account
 * checks read them: xml.c's tree, then each service's answer reader (STS
 * GetCallerIdentity, IAM GetRole with its URL-encoded trust policy judged,
 * EC2 DescribeSubnets, DescribeSecurityGroups, DescribeRouteTables and
 * DescribeVpcEndpoints, S3 GetBucketLocation), and the same bytes as an ECR
 * manifest and config blob. */
#include "config.h"

#include <stdlib.h>

#include "aws/ec2.h"
#include "aws/ecr.h"
#include "aws/iam.h"
#include "aws/policy.h"
#include "aws/s3.h"
#include "aws/sts.h"
#include "aws/xml.h"
#include "fuzz.h"

static void iam(const char *x, size_t size)
{
	static const struct policy_context ctx = {"aws", "us-east-1", "123456789012", NULL};
	struct iam_role r;
	char *cause = NULL, *why = NULL;

	if (iam_parse_role(x, size, &r, &cause) != 0) {
		free(cause);
		return;
	}
	if (r.trust) {
		const cJSON *docs[1] = {r.trust};

		policy_trusts(r.trust, "bedrock-agentcore.amazonaws.com", &ctx, &why);
		free(why);
		policy_allows(docs, 1, "ecr:BatchGetImage",
			      "arn:aws:ecr:us-east-1:123456789012:repository/a", &why);
		free(why);
	}
	iam_role_free(&r);
}

static void ec2(const char *x, size_t size)
{
	struct ec2_items s, g;
	struct ec2_reach r = {0};
	char *subnets[2] = {"subnet-1", "subnet-2"}, *cause = NULL;
	int out[2];

	if (ec2_parse_subnets(x, size, &s, &cause) == 0)
		ec2_items_free(&s);
	free(cause);
	cause = NULL;
	if (ec2_parse_groups(x, size, &g, &cause) == 0)
		ec2_items_free(&g);
	free(cause);
	cause = NULL;
	ec2_parse_routes(x, size, subnets, 2, out, &cause);
	free(cause);
	cause = NULL;
	ec2_parse_endpoints(x, size, &r, &cause);
	free(cause);
	ec2_reach_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *x = fuzz_text(data, size), *cause = NULL, *t, *found, *digest;
	struct sts_identity id;
	struct xml_node *root = xml_parse(x, size, &cause);

	free(cause);
	xml_free(root);
	t = xml_text(x, size, "Code");
	free(t);
	if (sts_parse_identity(x, size, &id, &cause) == 0)
		sts_identity_free(&id);
	else
		free(cause);
	iam(x, size);
	ec2(x, size);
	free(s3_parse_location(x, size));
	ecr_manifest_arch(x, &found, &digest);
	free(found);
	free(digest);
	ecr_config_arch(x, size, &found);
	free(found);
	free(x);
	return 0;
}
