/* checks_int.h: what the account checks' files share (checks_run.c runs them;
 * checks_input.c copies the values; checks_role.c, checks_image.c,
 * checks_net.c and checks_misc.c each judge one part of the form). Not for
 * other modules.
 *
 * Owner: checks_run.c. A check_ctx lives on its worker thread's stack; the
 * input and the identity are read-only while checks run. */
#ifndef ACW_CHECKS_INT_H
#define ACW_CHECKS_INT_H

#include "aws/awscall.h"
#include "aws/checks.h"

/* The form paths the checks report on. */
#define P_NAME      "agentRuntimeName"
#define P_ROLE      "roleArn"
#define P_IMAGE     "agentRuntimeArtifact.containerConfiguration.containerUri"
#define P_S3        "agentRuntimeArtifact.codeConfiguration.code.s3"
#define P_BUCKET    P_S3 ".bucket"
#define P_KEY       P_S3 ".prefix"
#define P_VERSION   P_S3 ".versionId"
#define P_MODE      "networkConfiguration.networkMode"
#define P_NETCONF   "networkConfiguration.networkModeConfig"
#define P_SUBNETS   P_NETCONF ".subnets"
#define P_GROUPS    P_NETCONF ".securityGroups"
#define P_JWT       "authorizerConfiguration.customJWTAuthorizer"
#define P_DISCOVERY P_JWT ".discoveryUrl"
#define P_AUDIENCE  P_JWT ".allowedAudience"
#define P_CLIENTS   P_JWT ".allowedClients"

struct check_input {
	char *name, *role_arn, *container_uri;
	char *bucket, *key, *version_id;
	char *network_mode;
	char **subnets, **groups;
	size_t nsubnets, ngroups;
	char *discovery_url;
	size_t naudience, nclients;
	char *updating; /* the runtime the form updates, or NULL */
};

struct checks;

struct check_ctx {
	struct checks *run;
	const struct check_input *in;
	struct awscall_client client;
	const char *account, *partition, *region;
	double timeout;
	int group; /* enum check_group of its findings; -1: who the credentials are */
};

/* Add a finding (message from fmt, translated by the caller). */
void check_report(struct check_ctx *c, const char *path, const char *check,
		  enum check_severity sev, const char *suggestion, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* A call failed: a could-not-check finding saying why (the permission it
 * needs when refused, the network, the service's words). */
void check_report_failure(struct check_ctx *c, const char *path, const char *check,
			  const struct service_error *e, const char *permission);
/* Has the run been cancelled? */
int check_cancelled(const struct check_ctx *c);

void checks_role(struct check_ctx *c);
void checks_image(struct check_ctx *c);
void checks_code(struct check_ctx *c);
void checks_network(struct check_ctx *c);
void checks_authorizer(struct check_ctx *c);
void checks_name(struct check_ctx *c);

#endif
