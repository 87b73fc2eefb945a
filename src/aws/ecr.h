/* ecr.h: what the account checks ask ECR: an image URI taken apart, the
 * image's details (DescribeImages), its manifest (BatchGetImage), and the
 * architecture it was built for (an image index's platforms, or the config
 * blob through GetDownloadUrlForLayer).
 *
 * Owner: the aws layer. Structures own their strings; free with their
 * *_free function. */
#ifndef ACW_ECR_H
#define ACW_ECR_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "aws/awscall.h"

struct ecr_uri {
	char *account, *region, *repository;
	char *tag;    /* NULL when none (then :latest is meant, unless a digest is given) */
	char *digest; /* "sha256:..." or NULL */
};
void ecr_uri_free(struct ecr_uri *u);
/* Take a private ECR URI apart (ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com
 * [.cn]/REPO[:TAG][@DIGEST]). 0, or -1 when it is not one (public.ecr.aws,
 * another registry). */
int ecr_parse_uri(const char *uri, struct ecr_uri *u);

/* One ECR call (JSON 1.1, X-Amz-Target) in region; the parsed answer
 * (caller frees with cJSON_Delete) or NULL with *err. */
cJSON *ecr_request(const struct awscall_client *c, const char *region, const char *op,
		   const cJSON *req, struct service_error *err);

struct ecr_image {
	char *digest;
	long long size; /* imageSizeInBytes, compressed; -1 unknown */
	char *media_type;
	char *manifest; /* the manifest as stored */
};
void ecr_image_free(struct ecr_image *im);

/* DescribeImages + BatchGetImage for the URI's tag (or digest). 0 with *im;
 * -1 with *err (ImageNotFoundException, RepositoryNotFoundException...). */
int ecr_image(const struct awscall_client *c, const struct ecr_uri *u, struct ecr_image *im,
	      struct service_error *err);

enum ecr_arch {
	ECR_ARCH_ARM64,       /* runs on linux/arm64 */
	ECR_ARCH_OTHER,       /* built for something else only (*found says what) */
	ECR_ARCH_NEED_CONFIG, /* a single image: the config blob tells (*config_digest) */
	ECR_ARCH_UNKNOWN,     /* not a manifest we can read */
};
/* Judge a manifest (JSON text). *found (caller frees) lists the platforms
 * seen ("linux/amd64"); *config_digest (caller frees) the config blob's
 * digest for ECR_ARCH_NEED_CONFIG. Any bytes are safe (fuzzed). */
enum ecr_arch ecr_manifest_arch(const char *manifest, char **found, char **config_digest);
/* Judge a config blob (JSON): its "architecture" and "os". */
enum ecr_arch ecr_config_arch(const char *json, size_t len, char **found);

/* GetDownloadUrlForLayer for a digest, then a plain GET of the URL it
 * gives. 0 with *body (caller frees) and *len, -1 with *err. */
int ecr_blob(const struct awscall_client *c, const struct ecr_uri *u, const char *digest,
	     char **body, size_t *len, struct service_error *err);

#endif
