/* s3.h: what the account checks ask S3 about a code artifact: the bucket's
 * Region (GetBucketLocation) and the object (a one-byte ranged GetObject:
 * its size, version and existence, with the permission HeadObject needs).
 *
 * Owner: the aws layer. Strings returned are the caller's to free. */
#ifndef ACW_S3_H
#define ACW_S3_H

#include <stddef.h>

#include "aws/awscall.h"

/* The Region of a bucket: LocationConstraint, empty meaning us-east-1 and
 * "EU" eu-west-1. Any bytes are safe (fuzzed). NULL when not an answer. */
char *s3_parse_location(const char *xml, size_t len);
int s3_bucket_region(const struct awscall_client *c, const char *bucket, char **region,
		     struct service_error *err);

struct s3_object {
	long long size;   /* bytes; -1 unknown */
	char *version_id; /* x-amz-version-id, or NULL (unversioned bucket) */
};
/* The object (version_id may be NULL), in the bucket's Region. 0 with *o
 * (free o->version_id), or -1 with *err (NoSuchKey, NoSuchBucket,
 * AccessDenied...). */
int s3_object(const struct awscall_client *c, const char *region, const char *bucket,
	      const char *key, const char *version_id, struct s3_object *o,
	      struct service_error *err);

#endif
