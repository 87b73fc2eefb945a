/* Fuzz target: every parser of what AWS and its files give us: the shared
 * config/credentials file parser, credential_process output, STS XML,
 * container credentials answers, service error answers (JSON, HTML,
 * anything), and the OpenID configuration
 * the discovery URL check fetches. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/awsconfig.h"
#include "core/credentials.h"
#include "core/endpoint.h"
#include "core/http.h"
#include "core/probe.h"
#include "core/service.h"
#include "core/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ini ini = {0};
	struct aws_credentials c;
	struct service_error e;
	struct headers h = {0};
	char *cause = NULL, *text = xstrndup((const char *)data, size);

	ini_parse((const char *)data, size, &ini);
	if (ini.n)
		(void)ini_get(&ini, ini.v[0].section, ini.v[0].key);
	ini_free(&ini);
	if (credentials_parse_process((const char *)data, size, &c, &cause) == 0)
		credentials_free(&c);
	free(cause);
	cause = NULL;
	if (credentials_parse_sts(text, strlen(text), &c, &cause) == 0)
		credentials_free(&c);
	free(cause);
	cause = NULL;
	if (credentials_parse_container((const char *)data, size, &c, &cause) == 0)
		credentials_free(&c);
	free(cause);
	cause = NULL;
	/* text stops at the first NUL: index within it, never past it */
	headers_add(&h, "x-amzn-ErrorType", text + strlen(text) / 2);
	service_parse_error(400, &h, (const char *)data, size, &e);
	service_error_free(&e);
	service_parse_error(500, NULL, (const char *)data, size, &e);
	service_error_free(&e);
	headers_free(&h);
	/* endpoint rules and URL pieces on any text (a region, a custom URL) */
	{
		char *u = endpoint_resolve(text, size & 1, size & 2, NULL, &cause);

		free(u);
		free(cause);
		cause = NULL;
		u = endpoint_resolve("us-east-1", 0, 0, text, &cause);
		free(u);
		free(cause);
		cause = NULL;
		free(http_url_host(text));
		free(http_url_path(text));
		free(credentials_mask(text));
	}
	{
		char *sum = NULL, *prob = NULL;

		probe_openid_judge("https://i/.well-known/openid-configuration",
				   (const char *)data, size, &sum, &prob);
		free(sum);
		free(prob);
	}
	free(text);
	return 0;
}
