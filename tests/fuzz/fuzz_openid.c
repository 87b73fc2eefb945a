/* Fuzz target: the OpenID configuration a JWT authorizer's discovery URL
 * answers, as probe.c judges it (F7 in the wizard), with the URL it was
 * fetched from and without. */
#include "config.h"

#include <stdlib.h>

#include "aws/probe.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const urls[] = {
	    "https://issuer.example.com/.well-known/openid-configuration", NULL};
	size_t i;

	for (i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		char *sum = NULL, *prob = NULL;

		probe_openid_judge(urls[i], (const char *)data, size, &sum, &prob);
		free(sum);
		free(prob);
	}
	return 0;
}
