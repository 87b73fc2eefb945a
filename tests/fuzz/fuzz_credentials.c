/* Fuzz target: what credential providers answer: credential_process output,
 * a container credentials endpoint's answer, an STS AssumeRole answer (XML);
 * and the masking of an access key id for display. */
#include "config.h"

#include <stdlib.h>

#include "aws/credentials.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct aws_credentials c;
	char *cause = NULL, *text = fuzz_text(data, size);

	if (credentials_parse_process((const char *)data, size, &c, &cause) == 0)
		credentials_free(&c);
	free(cause);
	cause = NULL;
	if (credentials_parse_container((const char *)data, size, &c, &cause) == 0)
		credentials_free(&c);
	free(cause);
	cause = NULL;
	/* as http_send gives a body: NUL-terminated, NULs inside counted */
	if (credentials_parse_sts(text, size, &c, &cause) == 0)
		credentials_free(&c);
	free(cause);
	free(credentials_mask(text));
	free(text);
	return 0;
}
