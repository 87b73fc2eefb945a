/* probe.c: network checks of values, on request; see probe.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/probe.h"
#include "aws/service.h"
#include "base/printable.h"
#include "base/util.h"

#define WELL_KNOWN "/.well-known/openid-configuration"

static const char *member_text(const cJSON *o, const char *name)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(j) && j->valuestring && *j->valuestring ? j->valuestring : NULL;
}

int probe_openid_judge(const char *url, const char *body, size_t len, char **summary,
		       char **problem)
{
	cJSON *doc = body ? cJSON_ParseWithLength(body, len) : NULL;
	const char *issuer, *jwks;
	char *pi, *pj;
	int ret = -1;

	*summary = *problem = NULL;
	if (!cJSON_IsObject(doc)) {
		*problem = xstrdup(_("the answer is not an OpenID configuration: not a JSON "
				     "object"));
		goto out;
	}
	issuer = member_text(doc, "issuer");
	jwks = member_text(doc, "jwks_uri");
	if (!issuer) {
		*problem = xstrdup(_("the OpenID configuration has no \"issuer\""));
		goto out;
	}
	pi = printable_text(issuer, 200);
	if (!jwks) {
		*problem = xasprintf(_("the OpenID configuration of %s has no \"jwks_uri\": "
				       "tokens could not be checked"),
				     pi);
		free(pi);
		goto out;
	}
	pj = printable_text(jwks, 200);
	if (strncasecmp(jwks, "https://", 8) != 0) {
		*problem =
		    xasprintf(_("the OpenID configuration's \"jwks_uri\" is not HTTPS: %s"), pj);
	} else if (url) {
		size_t il = strlen(issuer);

		while (il > 0 && issuer[il - 1] == '/')
			il--;
		if (strncmp(url, issuer, il) != 0 || strcmp(url + il, WELL_KNOWN) != 0)
			*problem = xasprintf(_("the issuer %s does not match the URL: expected "
					       "the issuer followed by %s"),
					     pi, WELL_KNOWN);
	}
	if (!*problem) {
		*summary =
		    xasprintf(_("an OpenID configuration: issuer %s, signing keys at %s"), pi, pj);
		ret = 0;
	}
	free(pi);
	free(pj);
out:
	cJSON_Delete(doc);
	return ret;
}

int probe_openid(const char *url, const struct http_options *opt, char **summary, char **problem)
{
	struct headers h = {0};
	struct http_response resp;
	char *host = http_url_host(url), *cause = NULL, *pu = printable_text(url, 300);
	enum http_result r;
	int ret = -1;

	*summary = *problem = NULL;
	if (strncasecmp(url, "https://", 8) != 0 || !host) {
		*problem = xasprintf(_("%s is not an HTTPS URL: identity providers publish their "
				       "configuration over HTTPS"),
				     pu);
		goto out;
	}
	headers_add(&h, "Accept", "application/json");
	r = http_send("GET", url, &h, NULL, 0, opt, &resp, &cause);
	if (r != HTTP_DONE) {
		*problem = xasprintf(_("could not fetch it: %s"), cause);
		ret = -2;
		goto out;
	}
	if (resp.status != 200) {
		const char *loc = headers_get(&resp.headers, "Location");

		if (loc) {
			char *pl = printable_text(loc, 300);

			*problem =
			    xasprintf(_("it answered HTTP %ld, a redirect to %s: the service "
					"does not follow redirects"),
				      resp.status, pl);
			free(pl);
		} else {
			*problem = xasprintf(_("it answered HTTP %ld, not 200"), resp.status);
		}
	} else {
		ret = probe_openid_judge(url, resp.body, resp.body_len, summary, problem);
	}
	http_response_free(&resp);
out:
	free(cause);
	free(host);
	free(pu);
	headers_free(&h);
	return ret;
}
