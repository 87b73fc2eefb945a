/* Fuzz target: the service's answers. An input is "STATUS\n", header lines
 * ("Name: value"), an empty line and the body, as HTTP brings them (any other
 * bytes: the body of a 400 without headers). Error answers are parsed with
 * and without their headers and judged for retrying; success answers are
 * read as the commands and the wizard read them (service_answer_string), and
 * the body made printable as errors and failure reasons are. Every text of
 * a parsed error must come out of the printable filter: valid UTF-8 with no
 * control character and no bidirectional override in it (abort otherwise). */
#include "config.h"

#include <stdlib.h>

#include "aws/http.h"
#include "aws/service.h"
#include "base/printable.h"
#include "fuzz.h"

/* Split text (NUL-terminated, len bytes) into status, headers and body. */
static const char *split(char *text, size_t len, long *status, struct headers *h)
{
	char *p = text, *end = text + len, *nl, *colon, *v;

	*status = 400;
	if (len < 4 || text[0] < '1' || text[0] > '5' || text[1] < '0' || text[1] > '9' ||
	    text[2] < '0' || text[2] > '9' || text[3] != '\n')
		return text;
	*status = strtol(text, NULL, 10);
	p += 4;
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p)))) {
		if (nl == p)
			return p + 1; /* the empty line: the body follows */
		*nl = '\0';
		colon = strchr(p, ':');
		if (colon) {
			*colon = '\0';
			for (v = colon + 1; *v == ' '; v++)
				;
			headers_add(h, p, v);
		}
		p = nl + 1;
	}
	return p;
}

/* Abort when text still holds anything the printable filter escapes. */
static void must_be_printable(const char *text)
{
	if (text && printable_needs_escape(text, strlen(text)))
		abort();
}

static void check_error(const struct service_error *e)
{
	size_t i;

	must_be_printable(e->code);
	must_be_printable(e->message);
	must_be_printable(e->request_id);
	for (i = 0; i < e->nfields; i++)
		must_be_printable(e->fields[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"agentRuntimeId", "agentRuntimeArn",
					    "agentRuntimeVersion", "status", "failureReason"};
	char *text = fuzz_text(data, size);
	struct headers h = {0};
	struct service_error e;
	long status;
	const char *body = split(text, size, &status, &h);
	size_t blen = size - (size_t)(body - text), i;

	service_parse_error(status, &h, body, blen, &e);
	check_error(&e);
	(void)service_retry_kind(HTTP_DONE, status, e.code);
	service_error_free(&e);
	service_parse_error(status, NULL, body, blen, &e);
	check_error(&e);
	service_error_free(&e);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		free(service_answer_string(body, blen, names[i]));
	{
		char *p = printable_mem(body, blen, 300);

		must_be_printable(p);
		free(p);
	}
	headers_free(&h);
	free(text);
	return 0;
}
