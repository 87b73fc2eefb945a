/* probe.h: checking a value by asking the network, only when the user asks.
 *
 * Owner: the core. Today one probe: an OpenID Connect discovery URL (the JWT
 * authorizer's discoveryUrl, marked `"probe": "openid-configuration"` in
 * forms/) is fetched to see that it answers with an OpenID configuration.
 * A probe never decides validity: the wizard shows its answer as a note or
 * a warning and never blocks on it. Nothing is signed or sent but a GET. */
#ifndef ACW_PROBE_H
#define ACW_PROBE_H

#include <stddef.h>

#include "aws/http.h"

#define PROBE_OPENID "openid-configuration"

/* Judge the body of a 200 answer to a discovery URL: a JSON object with an
 * `issuer` and an HTTPS `jwks_uri`. Returns 0 with *summary (one line, caller
 * frees) when it is one, -1 with *problem (one line, caller frees) otherwise.
 * url, when not NULL, is compared with issuer + "/.well-known/openid-
 * configuration", which the OpenID Connect specification requires; a
 * mismatch is a problem. Any bytes are safe here (fuzzed). */
int probe_openid_judge(const char *url, const char *body, size_t len, char **summary,
		       char **problem);

/* GET url (HTTPS only; TLS verified with opt's CA bundle; opt's timeouts and
 * cancel callback) and judge the answer. Same returns as probe_openid_judge,
 * with *problem also for a status other than 200; -2 with *problem when no
 * answer came (unreachable, timed out, cancelled): nothing was judged. */
int probe_openid(const char *url, const struct http_options *opt, char **summary, char **problem);

#endif
