/* sts.h: STS GetCallerIdentity, who the credentials are.
 *
 * Owner: the aws layer. struct sts_identity owns its strings; free with
 * sts_identity_free. */
#ifndef ACW_STS_H
#define ACW_STS_H

#include <stddef.h>

#include "aws/awscall.h"

struct sts_identity {
	char *account;   /* "123456789012" */
	char *arn;       /* "arn:aws:sts::123456789012:assumed-role/Dev/me" */
	char *user_id;   /* "AROA...:me" */
	char *partition; /* "aws", from the ARN */
};
void sts_identity_free(struct sts_identity *id);

/* Read a GetCallerIdentity answer. 0, or -1 with *cause (caller frees).
 * Any bytes are safe here (fuzzed). */
int sts_parse_identity(const char *xml, size_t len, struct sts_identity *id, char **cause);

/* Call GetCallerIdentity. 0 with *id, or -1 with *err. */
int sts_caller_identity(const struct awscall_client *c, struct sts_identity *id,
			struct service_error *err);

#endif
