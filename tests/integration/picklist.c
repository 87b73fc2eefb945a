/* picklist.c: a test driver for src/aws/pick.h, as the wizard will call it:
 * `picklist KIND [PARENT]` loads every page of one pick list with the
 * environment's settings and credentials and prints one JSON object a line
 * ({"value", "label", "note", "marked"}), for tests/integration/checks.py.
 * Exit 0, or 1 with the error on standard error. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/pick.h"
#include "aws/sts.h"

static const char *const kinds[] = {"roles",   "repositories", "images",  "vpcs",
				    "subnets", "groups",       "buckets", "keys"};

static void print_page(const struct pick_page *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		cJSON *o = cJSON_CreateObject();
		char *s;

		cJSON_AddStringToObject(o, "value", p->v[i].value);
		cJSON_AddStringToObject(o, "label", p->v[i].label);
		cJSON_AddStringToObject(o, "note", p->v[i].note);
		cJSON_AddBoolToObject(o, "marked", p->v[i].marked);
		s = cJSON_PrintUnformatted(o);
		puts(s);
		cJSON_free(s);
		cJSON_Delete(o);
	}
}

int main(int argc, char **argv)
{
	struct aws_options o = {NULL, NULL, NULL, NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	struct aws_settings s = {0};
	struct aws_credentials cr = {0};
	struct awscall_client c = {&s, &cr, NULL, NULL, 0, 0};
	struct sts_identity id = {0};
	struct service_error err = {0};
	char *cause = NULL, *token = NULL;
	size_t k;
	int ret = 1;

	for (k = 0; argc > 1 && k < sizeof kinds / sizeof kinds[0]; k++)
		if (!strcmp(argv[1], kinds[k]))
			break;
	if (argc < 2 || k == sizeof kinds / sizeof kinds[0]) {
		fprintf(
		    stderr,
		    "usage: picklist roles|repositories|images|vpcs|subnets|groups|buckets|keys "
		    "[PARENT]\n");
		return 2;
	}
	if (awscall_setup(&o, &s, &cr, &cause) != 0) {
		fprintf(stderr, "picklist: %s\n", cause);
	} else if (sts_caller_identity(&c, &id, &err) != 0) {
		fprintf(stderr, "picklist: STS: %s\n", err.message);
	} else {
		struct pick_context ctx = {id.partition, s.region.value, id.account};

		do {
			struct pick_page p;
			char *t = token;

			if (pick_load(&c, &ctx, (enum pick_kind)k, argc > 2 ? argv[2] : NULL, t,
				      &p, &err) != 0) {
				fprintf(stderr, "picklist: %s\n", err.message);
				free(t);
				token = NULL;
				goto out;
			}
			print_page(&p);
			free(t);
			token = p.next ? strdup(p.next) : NULL;
			pick_page_free(&p);
		} while (token);
		ret = 0;
	}
out:
	free(cause);
	service_error_free(&err);
	sts_identity_free(&id);
	credentials_free(&cr);
	aws_settings_free(&s);
	return ret;
}
