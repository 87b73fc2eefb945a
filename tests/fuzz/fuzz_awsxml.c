/* Fuzz target: the XML answers of STS, IAM, EC2 and S3 as the account
 * checks read them (xml.c's tree, then each service's answer reader). */
#include "config.h"

#include <stdlib.h>

#include "aws/sts.h"
#include "aws/xml.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *x = (const char *)data;
	char *cause = NULL, *t;
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
	return 0;
}
