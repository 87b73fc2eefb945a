/* checks_image.c: the container image: in this Region and account, the tag
 * or digest exists, built for linux/arm64, within the size limit; a tag
 * that moves (or none) is a warning that offers the digest. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/checks_int.h"
#include "aws/ecr.h"
#include "base/util.h"

/* AgentCore's image size limit, not adjustable (bedrock-agentcore-limits). */
#define IMAGE_SIZE_MAX (2LL * 1024 * 1024 * 1024)

static void judge_architecture(struct check_ctx *c, const struct ecr_uri *u,
			       const struct ecr_image *im)
{
	char *found = NULL, *config = NULL, *blob = NULL;
	size_t len = 0;
	struct service_error err;
	enum ecr_arch a = ecr_manifest_arch(im->manifest, &found, &config);

	if (a == ECR_ARCH_NEED_CONFIG) {
		if (ecr_blob(&c->client, u, config, &blob, &len, &err) != 0) {
			check_report_failure(c, P_IMAGE, "image.architecture", &err,
					     "ecr:GetDownloadUrlForLayer");
			service_error_free(&err);
			goto out;
		}
		free(found);
		a = ecr_config_arch(blob, len, &found);
	}
	if (a == ECR_ARCH_ARM64)
		check_report(c, P_IMAGE, "image.architecture", CHECK_OK, NULL,
			     _("built for linux/arm64 (%s)"), found ? found : "?");
	else if (a == ECR_ARCH_OTHER)
		check_report(c, P_IMAGE, "image.architecture", CHECK_ERROR, NULL,
			     _("built for %s, not linux/arm64, which AgentCore runs: the runtime "
			       "would fail with 'exec format error' (build with docker buildx "
			       "--platform linux/arm64)"),
			     found ? found : "?");
	else
		check_report(c, P_IMAGE, "image.architecture", CHECK_UNKNOWN, NULL, "%s",
			     _("could not check the architecture: the manifest is not one this "
			       "program reads"));
out:
	free(found);
	free(config);
	free(blob);
}

static void judge_found(struct check_ctx *c, const struct ecr_uri *u, const struct ecr_image *im)
{
	const char *tag = u->tag ? u->tag : "latest";

	if (im->size > IMAGE_SIZE_MAX)
		check_report(c, P_IMAGE, "image.size", CHECK_ERROR, NULL,
			     _("the image is %.1f GiB compressed; AgentCore takes images up to 2 "
			       "GiB"),
			     (double)im->size / (1024.0 * 1024 * 1024));
	if (u->digest)
		check_report(c, P_IMAGE, "image.exists", CHECK_OK, NULL,
			     _("the image %s exists in repository %s"), u->digest, u->repository);
	else
		check_report(c, P_IMAGE, "image.exists", CHECK_OK, NULL,
			     _("the tag %s exists in repository %s (digest %s)"), tag,
			     u->repository, im->digest ? im->digest : "?");
	if (!u->digest && !strcmp(tag, "latest") && im->digest) {
		char *pinned = xstrndup(c->in->container_uri, strcspn(c->in->container_uri, "@"));
		char *colon = strrchr(pinned, ':'), *slash = strrchr(pinned, '/'), *sug;

		if (colon && slash && colon > slash)
			*colon = '\0';
		sug = xasprintf("%s@%s", pinned, im->digest);
		check_report(c, P_IMAGE, "image.pin", CHECK_WARNING, sug,
			     _("%s names the tag latest, which moves with every push: pin the "
			       "digest to run what was checked"),
			     u->tag ? _("the URI") : _("the URI has no tag and so"));
		free(sug);
		free(pinned);
	}
	judge_architecture(c, u, im);
}

static void report_missing(struct check_ctx *c, const struct ecr_uri *u,
			   const struct service_error *e)
{
	if (e->code && !strcmp(e->code, "RepositoryNotFoundException"))
		check_report(c, P_IMAGE, "image.exists", CHECK_ERROR, NULL,
			     _("no repository %s in account %s, Region %s"), u->repository,
			     u->account, u->region);
	else if (e->code && !strcmp(e->code, "ImageNotFoundException"))
		check_report(c, P_IMAGE, "image.exists", CHECK_ERROR, NULL,
			     _("repository %s has no image %s%s"), u->repository,
			     u->digest ? "" : _("tagged "),
			     u->digest ? u->digest
			     : u->tag  ? u->tag
				       : "latest");
	else
		check_report_failure(c, P_IMAGE, "image.exists", e,
				     "ecr:DescribeImages and ecr:BatchGetImage");
}

void checks_image(struct check_ctx *c)
{
	struct ecr_uri u;
	struct ecr_image im;
	struct service_error err;
	const char *uri = c->in->container_uri;

	if (!uri)
		return;
	if (ecr_parse_uri(uri, &u) != 0) {
		check_report(c, P_IMAGE, "image.exists", CHECK_UNKNOWN, NULL, "%s",
			     _("only private ECR images (ACCOUNT.dkr.ecr.REGION."
			       "amazonaws.com/...) are checked"));
		return;
	}
	if (strcmp(u.region, c->region)) {
		check_report(c, P_IMAGE, "image.region", CHECK_ERROR, NULL,
			     _("the image is in Region %s, the runtime in %s: AgentCore pulls "
			       "images from its own Region (replicate or push it to %s)"),
			     u.region, c->region, c->region);
		ecr_uri_free(&u);
		return;
	}
	if (strcmp(u.account, c->account))
		check_report(
		    c, P_IMAGE, "image.account", CHECK_WARNING, NULL,
		    _("the image is in account %s, not in the account of your credentials "
		      "(%s): its repository policy must let the role pull it"),
		    u.account, c->account);
	if (ecr_image(&c->client, &u, &im, &err) != 0) {
		report_missing(c, &u, &err);
		service_error_free(&err);
	} else {
		judge_found(c, &u, &im);
		ecr_image_free(&im);
	}
	ecr_uri_free(&u);
}
