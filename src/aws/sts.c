/* sts.c: STS GetCallerIdentity; see sts.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/sts.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

void sts_identity_free(struct sts_identity *id)
{
	free(id->account);
	free(id->arn);
	free(id->user_id);
	free(id->partition);
	memset(id, 0, sizeof *id);
}

/* An account ID: twelve digits. */
static int account_id(const char *a)
{
	size_t i;

	for (i = 0; a[i]; i++)
		if (a[i] < '0' || a[i] > '9')
			return 0;
	return i == 12;
}

int sts_parse_identity(const char *xml, size_t len, struct sts_identity *id, char **cause)
{
	struct xml_node *root = xml_parse(xml, len, cause);
	const char *acc, *arn, *uid;

	memset(id, 0, sizeof *id);
	if (!root)
		return -1;
	acc = xml_path_text(root, "GetCallerIdentityResult/Account");
	arn = xml_path_text(root, "GetCallerIdentityResult/Arn");
	uid = xml_path_text(root, "GetCallerIdentityResult/UserId");
	if (!acc || !account_id(acc) || !arn || strncmp(arn, "arn:", 4) || !strchr(arn + 4, ':')) {
		*cause = xstrdup(_("the GetCallerIdentity answer has no account ID and ARN"));
		xml_free(root);
		return -1;
	}
	id->account = xstrdup(acc);
	id->arn = printable_text(arn, 2048);
	id->user_id = printable_text(uid ? uid : "", 256);
	id->partition = xstrndup(arn + 4, strcspn(arn + 4, ":"));
	xml_free(root);
	return 0;
}

int sts_caller_identity(const struct awscall_client *c, struct sts_identity *id,
			struct service_error *err)
{
	char *body = awscall_form("GetCallerIdentity", "2011-06-15", NULL), *cause = NULL;
	struct awscall_request r = {
	    AWS_STS, "POST", NULL, NULL,
	    "/",     NULL,   body, "application/x-www-form-urlencoded; charset=utf-8",
	    NULL,    NULL};
	struct http_response resp;
	int ret;

	memset(id, 0, sizeof *id);
	ret = awscall_send(c, &r, &resp, err);
	free(body);
	if (ret != 0)
		return -1;
	if (sts_parse_identity(resp.body, resp.body_len, id, &cause) != 0) {
		err->status = resp.status;
		err->message = cause;
		ret = -1;
	}
	http_response_free(&resp);
	return ret;
}
