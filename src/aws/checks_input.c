/* checks_input.c: the form's values the account checks read, copied out of
 * a document; which group of checks reads which of them (for a caller that
 * keeps findings per value and runs again only what changed); see checks.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/checks_int.h"
#include "base/util.h"
#include "form/document.h"

static char *text_or_null(const struct document *doc, const char *path)
{
	const char *t = document_text(doc, path);

	return t && *t ? xstrdup(t) : NULL;
}

static char **list_copy(const struct document *doc, const char *path, size_t *n)
{
	size_t i, count = document_count(doc, path);
	char **v = xcalloc(count + 1, sizeof *v);

	*n = 0;
	for (i = 0; i < count; i++) {
		char *p = xasprintf("%s[%zu]", path, i);
		const char *t = document_text(doc, p);

		v[(*n)++] = xstrdup(t ? t : "");
		free(p);
	}
	return v;
}

struct check_input *checks_input_read(const struct document *doc)
{
	struct check_input *in = xcalloc(1, sizeof *in);

	in->name = text_or_null(doc, P_NAME);
	in->role_arn = text_or_null(doc, P_ROLE);
	in->container_uri = text_or_null(doc, P_IMAGE);
	in->bucket = text_or_null(doc, P_BUCKET);
	in->key = text_or_null(doc, P_KEY);
	in->version_id = text_or_null(doc, P_VERSION);
	in->network_mode = text_or_null(doc, P_MODE);
	in->subnets = list_copy(doc, P_SUBNETS, &in->nsubnets);
	in->groups = list_copy(doc, P_GROUPS, &in->ngroups);
	in->discovery_url = text_or_null(doc, P_DISCOVERY);
	in->naudience = document_count(doc, P_AUDIENCE);
	in->nclients = document_count(doc, P_CLIENTS);
	return in;
}

static void strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

void checks_input_free(struct check_input *in)
{
	if (!in)
		return;
	free(in->name);
	free(in->updating);
	free(in->role_arn);
	free(in->container_uri);
	free(in->bucket);
	free(in->key);
	free(in->version_id);
	free(in->network_mode);
	strings_free(in->subnets, in->nsubnets);
	strings_free(in->groups, in->ngroups);
	free(in->discovery_url);
	free(in);
}

/* Which groups read which value (checks_input_read's paths). A group reads
 * a value when its findings may change with it: the role's permissions are
 * judged against the image's repository, the code object and the name's
 * log group; the network's endpoints depend on whether there is an image. */
static const struct {
	const char *path;
	unsigned groups;
} readers[] = {
    {P_NAME, CHECK_GROUP_BIT(CHECK_GROUP_ROLE) | CHECK_GROUP_BIT(CHECK_GROUP_NAME)},
    {P_ROLE, CHECK_GROUP_BIT(CHECK_GROUP_ROLE)},
    {P_IMAGE, CHECK_GROUP_BIT(CHECK_GROUP_ROLE) | CHECK_GROUP_BIT(CHECK_GROUP_IMAGE) |
		  CHECK_GROUP_BIT(CHECK_GROUP_NETWORK)},
    {P_BUCKET, CHECK_GROUP_BIT(CHECK_GROUP_ROLE) | CHECK_GROUP_BIT(CHECK_GROUP_CODE)},
    {P_KEY, CHECK_GROUP_BIT(CHECK_GROUP_ROLE) | CHECK_GROUP_BIT(CHECK_GROUP_CODE)},
    {P_VERSION, CHECK_GROUP_BIT(CHECK_GROUP_CODE)},
    {P_MODE, CHECK_GROUP_BIT(CHECK_GROUP_NETWORK)},
    {P_SUBNETS, CHECK_GROUP_BIT(CHECK_GROUP_NETWORK)},
    {P_GROUPS, CHECK_GROUP_BIT(CHECK_GROUP_NETWORK)},
    {P_DISCOVERY, CHECK_GROUP_BIT(CHECK_GROUP_AUTHORIZER)},
    {P_AUDIENCE, CHECK_GROUP_BIT(CHECK_GROUP_AUTHORIZER)},
    {P_CLIENTS, CHECK_GROUP_BIT(CHECK_GROUP_AUTHORIZER)},
};

/* The top-level members of those paths (document_member_generation). */
static const char *const members[] = {"agentRuntimeName", "roleArn", "agentRuntimeArtifact",
				      "networkConfiguration", "authorizerConfiguration"};

int checks_input_changed(const struct document *doc, unsigned long since)
{
	size_t i;

	for (i = 0; i < sizeof members / sizeof members[0]; i++)
		if (document_member_generation(doc, members[i]) > since)
			return 1;
	return 0;
}

unsigned checks_path_groups(const char *path)
{
	const char *colon = strchr(path, ':');
	unsigned g = 0;
	size_t i, len;

	if (colon && colon < path + strcspn(path, ".["))
		path = colon + 1;
	len = strcspn(path, "[");
	for (i = 0; i < sizeof readers / sizeof readers[0]; i++)
		if (strlen(readers[i].path) == len && !strncmp(readers[i].path, path, len))
			g |= readers[i].groups;
	return g;
}

/* One value of a key: "-" for none, else "=" and the text with its control
 * characters and backslashes escaped; then a separator (0x1f) that no
 * escaped text holds. */
static void key_add(struct strbuf *b, const char *v)
{
	if (!v) {
		strbuf_adds(b, "-\x1f");
		return;
	}
	strbuf_addc(b, '=');
	for (; *v; v++) {
		if ((unsigned char)*v < 0x20 || *v == '\\')
			strbuf_addf(b, "\\%02x", (unsigned char)*v);
		else
			strbuf_addc(b, *v);
	}
	strbuf_addc(b, '\x1f');
}

static void key_list(struct strbuf *b, char *const *v, size_t n)
{
	size_t i;

	strbuf_addf(b, "%zu\x1f", n);
	for (i = 0; i < n; i++)
		key_add(b, v[i]);
}

char *checks_group_key(const struct check_input *in, enum check_group g)
{
	struct strbuf b = {0};

	strbuf_addf(&b, "%d\x1f", (int)g);
	switch (g) {
	case CHECK_GROUP_ROLE:
		key_add(&b, in->role_arn);
		key_add(&b, in->name);
		key_add(&b, in->container_uri);
		key_add(&b, in->bucket);
		key_add(&b, in->key);
		break;
	case CHECK_GROUP_IMAGE:
		key_add(&b, in->container_uri);
		break;
	case CHECK_GROUP_CODE:
		key_add(&b, in->bucket);
		key_add(&b, in->key);
		key_add(&b, in->version_id);
		break;
	case CHECK_GROUP_NETWORK:
		key_add(&b, in->network_mode);
		key_list(&b, in->subnets, in->nsubnets);
		key_list(&b, in->groups, in->ngroups);
		key_add(&b, in->container_uri ? "image" : "code");
		break;
	case CHECK_GROUP_AUTHORIZER:
		key_add(&b, in->discovery_url);
		strbuf_addf(&b, "%d%d", in->naudience > 0, in->nclients > 0);
		break;
	case CHECK_GROUP_NAME:
		key_add(&b, in->name);
		key_add(&b, in->updating); /* its own name is no conflict */
		break;
	default:
		break;
	}
	return strbuf_finish(&b);
}
