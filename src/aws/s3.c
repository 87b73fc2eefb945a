/* s3.c: GetBucketLocation and a ranged GetObject for the code checks; see s3.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/s3.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

char *s3_parse_location(const char *xml, size_t len)
{
	struct xml_node *root = xml_parse(xml, len, NULL);
	char *r = NULL;

	if (root && !strcmp(root->name, "LocationConstraint")) {
		if (!*root->text)
			r = xstrdup("us-east-1");
		else if (!strcmp(root->text, "EU"))
			r = xstrdup("eu-west-1");
		else
			r = printable_text(root->text, 64);
	}
	xml_free(root);
	return r;
}

int s3_bucket_region(const struct awscall_client *c, const char *bucket, char **region,
		     struct service_error *err)
{
	/* always asked of us-east-1, path-style, as botocore does */
	struct awscall_request r = {AWS_S3,     "GET", "us-east-1", bucket, "",
				    "location", NULL,  NULL,        NULL,   NULL};
	struct http_response resp;

	*region = NULL;
	if (awscall_send(c, &r, &resp, err) != 0)
		return -1;
	*region = s3_parse_location(resp.body, resp.body_len);
	if (!*region) {
		err->status = resp.status;
		err->message = xstrdup(_("the GetBucketLocation answer is not one"));
	}
	http_response_free(&resp);
	return *region ? 0 : -1;
}

int s3_object(const struct awscall_client *c, const char *region, const char *bucket,
	      const char *key, const char *version_id, struct s3_object *o,
	      struct service_error *err)
{
	char *q = NULL;
	struct awscall_request r = {AWS_S3, "GET", region, bucket, key,
				    NULL,   NULL,  NULL,   NULL,   "bytes=0-0"};
	struct http_response resp;
	const char *range, *len, *ver;

	o->size = -1;
	o->version_id = NULL;
	if (version_id) {
		char *v = sigv4_uri_encode(version_id, strlen(version_id), 0);

		q = xasprintf("versionId=%s", v);
		free(v);
		r.query = q;
	}
	if (awscall_send(c, &r, &resp, err) != 0) {
		free(q);
		return -1;
	}
	free(q);
	range = headers_get(&resp.headers, "Content-Range");
	len = headers_get(&resp.headers, "Content-Length");
	ver = headers_get(&resp.headers, "x-amz-version-id");
	if (range && strchr(range, '/'))
		o->size = atoll(strchr(range, '/') + 1);
	else if (len && resp.status == 200)
		o->size = atoll(len);
	if (ver && *ver && strcmp(ver, "null"))
		o->version_id = printable_text(ver, 1024);
	http_response_free(&resp);
	return 0;
}
