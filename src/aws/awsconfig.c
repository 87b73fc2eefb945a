/* awsconfig.c: shared config/credentials files and settings resolution; see awsconfig.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/endpoint.h"
#include "base/printable.h"
#include "base/util.h"

static char *trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static void ini_add(struct ini *ini, const char *section, char *key, char *value, int line)
{
	if (ini->n == ini->cap) {
		ini->cap = ini->cap ? ini->cap * 2 : 16;
		ini->v = xrealloc(ini->v, ini->cap * sizeof *ini->v);
	}
	ini->v[ini->n].section = xstrdup(section);
	ini->v[ini->n].key = key;
	ini->v[ini->n].value = value;
	ini->v[ini->n].line = line;
	ini->n++;
}

/* An indented line that continues the value above, joined with a newline
 * as Python's configparser (and so botocore) does. */
static void ini_continue(struct ini *out, const char *s, size_t n)
{
	char *t = trim(s, n), *joined;
	struct ini_entry *e = &out->v[out->n - 1];

	if (*t && *t != '#' && *t != ';') {
		joined = xasprintf("%s\n%s", e->value, t);
		OPENSSL_cleanse(e->value, strlen(e->value));
		free(e->value);
		e->value = joined;
	}
	OPENSSL_cleanse(t, strlen(t));
	free(t);
}

/* The name in "[name]" (s holds n bytes from the '['), NULL when the
 * bracket is not closed. Caller frees. */
static char *ini_section_name(const char *s, size_t n)
{
	const char *close = memchr(s, ']', n);
	char *section = close ? trim(s + 1, (size_t)(close - s - 1)) : NULL;

	if (section) {
		/* "profile   dev" -> "profile dev" */
		char *sp = strchr(section, ' ');

		if (sp && !strncmp(section, "profile", 7) && sp == section + 7) {
			char *name = trim(sp, strlen(sp));
			char *norm = xasprintf("profile %s", name);

			free(name);
			free(section);
			section = norm;
		}
	}
	return section;
}

/* "key = value" (s holds n bytes, eq points at the '='): added to out,
 * unless the key is empty (*added says which). Returns 1 when the value is
 * empty (the start of nested settings), 0 otherwise. */
static int ini_key_value(struct ini *out, const char *section, const char *s, size_t n,
			 const char *eq, int line, int *added)
{
	char *key = trim(s, (size_t)(eq - s)), *value;
	size_t k;
	int nested;

	for (k = 0; key[k]; k++)
		key[k] = (char)tolower((unsigned char)key[k]);
	/* no inline comments: botocore's RawConfigParser keeps
	 * "us-west-2 ; x" whole, and a credential_process command
	 * may hold " #" (only whole lines are comments) */
	value = trim(eq + 1, n - (size_t)(eq - s) - 1);
	nested = !*value;
	*added = *key != '\0';
	if (!*added) {
		free(key);
		free(value);
		return nested;
	}
	ini_add(out, section, key, value, line);
	return nested;
}

void ini_parse(const char *text, size_t len, struct ini *out)
{
	const char *p = text, *end = text + len;
	char *section = NULL;
	int line = 0, nested = 0, continues = 0, added;
	size_t key_indent = 0, indent;

	/* a byte-order mark left by a Windows editor */
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *s = p, *eq;

		line++;
		p += n + (nl ? 1 : 0);
		if (n && s[n - 1] == '\r')
			n--;
		for (indent = 0; indent < n && isspace((unsigned char)s[indent]); indent++)
			;
		if (n && (isspace((unsigned char)*s))) {
			/* indented: a nested setting under "key =" (s3, ...), ignored */
			if (nested)
				continue;
			/* or the continuation of the value above */
			if (continues && indent > key_indent && indent < n) {
				ini_continue(out, s, n);
				continue;
			}
		}
		while (n && isspace((unsigned char)*s))
			s++, n--;
		if (!n)
			continue;
		continues = 0;
		if (*s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			free(section);
			section = ini_section_name(s, n);
			nested = 0;
			continue;
		}
		if (!section || !(eq = memchr(s, '=', n)))
			continue;
		nested = ini_key_value(out, section, s, n, eq, line, &added);
		if (!added)
			continue;
		continues = !nested;
		key_indent = indent;
	}
	free(section);
}

int ini_load(const char *path, struct ini *out, char **cause)
{
	char *text = NULL;
	size_t len = 0;
	struct stat st;

	if (stat(path, &st) != 0)
		return 0;
	if (util_read_file(path, UTIL_CONFIG_FILE_MAX, &text, &len, cause) != 0)
		return -1;
	ini_parse(text, len, out);
	OPENSSL_cleanse(text, len);
	free(text);
	return 0;
}

const char *ini_get(const struct ini *ini, const char *section, const char *key)
{
	size_t i;
	const char *v = NULL;

	/* the last one wins, as in the AWS CLI */
	for (i = 0; i < ini->n; i++)
		if (!strcmp(ini->v[i].section, section) && !strcmp(ini->v[i].key, key))
			v = ini->v[i].value;
	return v;
}

int ini_has_section(const struct ini *ini, const char *section)
{
	size_t i;

	for (i = 0; i < ini->n; i++)
		if (!strcmp(ini->v[i].section, section))
			return 1;
	return 0;
}

void ini_free(struct ini *ini)
{
	size_t i;

	for (i = 0; i < ini->n; i++) {
		free(ini->v[i].section);
		free(ini->v[i].key);
		OPENSSL_cleanse(ini->v[i].value, strlen(ini->v[i].value));
		free(ini->v[i].value);
	}
	free(ini->v);
	memset(ini, 0, sizeof *ini);
}

char *aws_profile_section(const char *profile)
{
	return !strcmp(profile, "default") ? xstrdup("default") : xasprintf("profile %s", profile);
}

char *aws_display_path(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && !strncmp(path, home, n) && path[n] == '/')
		return xasprintf("~%s", path + n);
	return xstrdup(path);
}

const char *aws_profile_get(const struct aws_settings *s, const char *profile, const char *key,
			    const char **where)
{
	char *sec;
	const char *v = ini_get(&s->credentials, profile, key);

	/* botocore merges the credentials file over the config file: it wins */
	if (v) {
		if (where)
			*where = s->credentials_path;
		return v;
	}
	sec = aws_profile_section(profile);
	v = ini_get(&s->config, sec, key);
	free(sec);
	if (!v && !strcmp(profile, "default"))
		v = ini_get(&s->config, "profile default", key);
	if (v && where)
		*where = s->config_path;
	return v;
}

static void set(struct setting *st, const char *value, char *origin)
{
	free(st->value);
	free(st->origin);
	st->value = value ? xstrdup(value) : NULL;
	st->origin = origin;
}

/* Hand over an owned string, leaving NULL behind: set() takes ownership of
 * the origin, and the variable is freed again after later lookups. */
static char *take(char **p)
{
	char *v = *p;

	*p = NULL;
	return v;
}

static const char *env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

static int truthy(const char *v)
{
	return v && !strcasecmp(v, "true");
}

/* From the profile: value and an origin naming the profile and file. */
static const char *from_profile(const struct aws_settings *s, const char *key, char **origin)
{
	const char *where = NULL, *v = aws_profile_get(s, s->profile.value, key, &where);

	*origin = NULL; /* the caller owns it only when a value was found */
	if (v) {
		char *d = aws_display_path(where);

		*origin = xasprintf(_("profile %s in %s"), s->profile.value, d);
		free(d);
	}
	return v;
}

const char *aws_configured_endpoint(const struct aws_settings *s, const char *service,
				    char **origin)
{
	const char *v;
	char *name, *o = NULL;
	int ignore;

	*origin = NULL;
	ignore = truthy(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) ||
		 truthy(from_profile(s, "ignore_configured_endpoint_urls", &o));
	free(o);
	if (ignore)
		return NULL;
	name = xasprintf("AWS_ENDPOINT_URL_%s", service);
	if ((v = env(name))) {
		*origin = name;
		return v;
	}
	free(name);
	if ((v = env("AWS_ENDPOINT_URL"))) {
		*origin = xstrdup("AWS_ENDPOINT_URL");
		return v;
	}
	return from_profile(s, "endpoint_url", origin);
}

/* "~/x" to "$HOME/x", as botocore's os.path.expanduser does. Caller frees. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home && *home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

/* A CA bundle that cannot be read is a configuration error, said at once
 * with where the setting came from, not a TLS failure at the first request. */
static int check_ca_bundle(const struct setting *ca, char **cause)
{
	struct stat st;
	int fd;

	if (stat(ca->value, &st) != 0 || (fd = open(ca->value, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("the CA bundle %s (from %s) cannot be read: %s"), ca->value,
				   ca->origin, strerror(errno));
		return -1;
	}
	close(fd);
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("the CA bundle %s (from %s) is a folder: expected a file of "
				     "PEM certificates"),
				   ca->value, ca->origin);
		return -1;
	}
	return 0;
}

/* The paths of the config and credentials files, and both files read. */
static int resolve_files(struct aws_settings *s, char **cause)
{
	const char *home = getenv("HOME");

	s->config_path = env("AWS_CONFIG_FILE") ? expand_home(env("AWS_CONFIG_FILE"))
						: xasprintf("%s/.aws/config", home ? home : "");
	s->credentials_path = env("AWS_SHARED_CREDENTIALS_FILE")
				  ? expand_home(env("AWS_SHARED_CREDENTIALS_FILE"))
				  : xasprintf("%s/.aws/credentials", home ? home : "");
	if (ini_load(s->config_path, &s->config, cause) != 0 ||
	    ini_load(s->credentials_path, &s->credentials, cause) != 0)
		return -1;
	return 0;
}

/* The profile in use; one named but in neither file is an error. */
static int resolve_profile(const struct aws_options *opt, struct aws_settings *s, char **cause)
{
	const char *v;

	if (opt->profile && *opt->profile) {
		set(&s->profile, opt->profile, xstrdup("--profile"));
		s->profile_explicit = 1;
	} else if ((v = env("AWS_PROFILE"))) {
		set(&s->profile, v, xstrdup("AWS_PROFILE"));
	} else if ((v = env("AWS_DEFAULT_PROFILE"))) {
		set(&s->profile, v, xstrdup("AWS_DEFAULT_PROFILE"));
	} else {
		set(&s->profile, "default", xstrdup(_("default")));
	}
	s->env_keys = !s->profile_explicit && env("AWS_ACCESS_KEY_ID") != NULL;
	if (strcmp(s->profile.value, "default") || s->profile_explicit) {
		char *sec = aws_profile_section(s->profile.value);
		int found = ini_has_section(&s->config, sec) ||
			    ini_has_section(&s->credentials, s->profile.value);

		free(sec);
		if (!found) {
			char *c = aws_display_path(s->config_path),
			     *k = aws_display_path(s->credentials_path);

			*cause = xasprintf(_("the profile \"%s\" (from %s) is not in %s or %s"),
					   s->profile.value, s->profile.origin, c, k);
			free(c);
			free(k);
			return -1;
		}
	}
	return 0;
}

/* The Region, and the FIPS and dual-stack switches. */
static void resolve_region(const struct aws_options *opt, struct aws_settings *s)
{
	const char *v;
	char *origin = NULL;

	if (opt->region && *opt->region)
		set(&s->region, opt->region, xstrdup("--region"));
	else if ((v = env("AWS_REGION")))
		set(&s->region, v, xstrdup("AWS_REGION"));
	else if ((v = env("AWS_DEFAULT_REGION")))
		set(&s->region, v, xstrdup("AWS_DEFAULT_REGION"));
	else if ((v = from_profile(s, "region", &origin)))
		set(&s->region, v, take(&origin));

	v = env("AWS_USE_FIPS_ENDPOINT");
	s->use_fips = v ? truthy(v) : truthy(from_profile(s, "use_fips_endpoint", &origin));
	free(origin);
	origin = NULL;
	v = env("AWS_USE_DUALSTACK_ENDPOINT");
	s->use_dualstack =
	    v ? truthy(v) : truthy(from_profile(s, "use_dualstack_endpoint", &origin));
	free(origin);
}

/* The endpoint: a custom one, or the service's rules for the Region (its
 * failure kept in s->endpoint_error, said when a request is made). */
static void resolve_endpoint(const struct aws_options *opt, struct aws_settings *s)
{
	const char *custom = NULL;
	char *corigin = NULL, *url;

	if (opt->endpoint_url && *opt->endpoint_url) {
		custom = opt->endpoint_url;
		corigin = xstrdup("--endpoint-url");
	} else {
		custom = aws_configured_endpoint(s, "BEDROCK_AGENTCORE_CONTROL", &corigin);
	}
	s->endpoint_custom = custom != NULL;
	url = endpoint_resolve(s->region.value, s->use_fips, s->use_dualstack, custom,
			       &s->endpoint_error);
	if (url) {
		set(&s->endpoint, url,
		    corigin ? corigin
			    : xasprintf(_("the service's rules for %s%s%s"), s->region.value,
					s->use_fips ? ", FIPS" : "",
					s->use_dualstack ? ", dual-stack" : ""));
		free(url);
	} else {
		free(corigin);
	}
}

/* The CA bundle, checked to be readable. */
static int resolve_ca_bundle(const struct aws_options *opt, struct aws_settings *s, char **cause)
{
	const char *v;
	char *origin = NULL;

	if (opt->ca_bundle && *opt->ca_bundle)
		set(&s->ca_bundle, opt->ca_bundle, xstrdup("--ca-bundle"));
	else if ((v = env("AWS_CA_BUNDLE")))
		set(&s->ca_bundle, v, xstrdup("AWS_CA_BUNDLE"));
	else if ((v = from_profile(s, "ca_bundle", &origin)))
		set(&s->ca_bundle, v, take(&origin));
	if (s->ca_bundle.value && check_ca_bundle(&s->ca_bundle, cause) != 0)
		return -1;
	return 0;
}

/* The number of attempts, 1 to 20. */
static int resolve_attempts(struct aws_settings *s, char **cause)
{
	const char *v;
	char *origin = NULL, *end;
	long n;

	s->attempts = 3;
	set(&s->max_attempts, "3", xstrdup(_("default")));
	if ((v = env("AWS_MAX_ATTEMPTS")))
		set(&s->max_attempts, v, xstrdup("AWS_MAX_ATTEMPTS"));
	else if ((v = from_profile(s, "max_attempts", &origin)))
		set(&s->max_attempts, v, take(&origin));
	n = strtol(s->max_attempts.value, &end, 10);
	if (*end || n < 1 || n > 20) {
		*cause = xasprintf(_("max attempts \"%s\" (from %s) is not valid: expected a "
				     "whole number from 1 to 20"),
				   s->max_attempts.value, s->max_attempts.origin);
		return -1;
	}
	s->attempts = (int)n;
	return 0;
}

int aws_settings_resolve(const struct aws_options *opt, struct aws_settings *s, char **cause)
{
	memset(s, 0, sizeof *s);
	/* the messages quote values from the environment and the files: they
	 * reach a terminal only through the printable filter */
	if (resolve_files(s, cause) != 0 || resolve_profile(opt, s, cause) != 0) {
		*cause = printable_take(*cause);
		return -1;
	}
	resolve_region(opt, s);
	resolve_endpoint(opt, s);
	s->endpoint_error = printable_take(s->endpoint_error);
	if (resolve_ca_bundle(opt, s, cause) != 0 || resolve_attempts(s, cause) != 0) {
		*cause = printable_take(*cause);
		return -1;
	}
	s->connect_timeout = opt->connect_timeout >= 0 ? opt->connect_timeout : 60;
	s->read_timeout = opt->read_timeout >= 0 ? opt->read_timeout : 60;
	return 0;
}

char *aws_settings_unusable(const struct aws_settings *s)
{
	if (!s->endpoint.value || !s->region.value)
		return xstrdup(
		    s->endpoint_error
			? s->endpoint_error
			: _("no AWS Region is set: use --region, set AWS_REGION, or add "
			    "'region = us-east-1' to your profile in ~/.aws/config"));
	/* it goes into the credential scope, even with a custom endpoint */
	if (!endpoint_valid_region(s->region.value))
		return printable_take(
		    xasprintf(_("\"%s\" (from %s) is not a valid AWS Region name: expected "
				"lowercase letters, digits and hyphens, such as us-east-1"),
			      s->region.value, s->region.origin));
	return NULL;
}

static void setting_free(struct setting *st)
{
	free(st->value);
	free(st->origin);
	st->value = st->origin = NULL;
}

void aws_settings_free(struct aws_settings *s)
{
	setting_free(&s->profile);
	setting_free(&s->region);
	setting_free(&s->endpoint);
	setting_free(&s->ca_bundle);
	setting_free(&s->max_attempts);
	free(s->config_path);
	free(s->credentials_path);
	free(s->endpoint_error);
	ini_free(&s->config);
	ini_free(&s->credentials);
	memset(s, 0, sizeof *s);
}

/* value quoted for a shell, safe to show on a terminal: in single quotes,
 * or, when it holds what the printable filter escapes (a C1 control, a
 * bidirectional override, a byte that is not UTF-8, DEL), in bash's $'...'
 * with those bytes as \xNN, which gives back the same bytes when pasted.
 * Caller frees. */
static char *cli_quote(const char *value)
{
	struct strbuf b = {0};
	const unsigned char *p = (const unsigned char *)value;
	size_t i, n = strlen(value);

	if (!printable_needs_escape(value, n))
		return util_shell_quote(value);
	strbuf_adds(&b, "$'");
	for (i = 0; i < n; i++) {
		size_t k = 1;

		/* a character the filter keeps is copied whole */
		while (p[i] >= 0x80 && i + k < n && (p[i + k] & 0xc0) == 0x80)
			k++;
		if (p[i] == '\\' || p[i] == '\'') {
			strbuf_addc(&b, '\\');
			strbuf_addc(&b, (char)p[i]);
		} else if (printable_needs_escape(value + i, k)) {
			size_t j;

			for (j = 0; j < k; j++)
				strbuf_addf(&b, "\\x%02x", p[i + j]);
		} else {
			strbuf_add(&b, value + i, k);
		}
		i += k - 1;
	}
	strbuf_addc(&b, '\'');
	return strbuf_finish(&b);
}

/* " --NAME 'VALUE'" */
static void cli_option(struct strbuf *b, const char *name, const char *value)
{
	char *q = cli_quote(value);

	strbuf_addf(b, " --%s %s", name, q);
	free(q);
}

char *aws_cli_command(const struct aws_settings *s, const char *op, const char *json,
		      const char *path, int *from_file)
{
	struct strbuf b = {0};
	int file = !json || strlen(json) > AWS_CLI_INLINE_MAX;
	char *q;

	strbuf_addf(&b, "aws bedrock-agentcore-control %s", op);
	if (file) {
		char cwd[4096], *url;

		if (path[0] != '/' && getcwd(cwd, sizeof cwd))
			url = xasprintf("file://%s/%s", cwd, path);
		else
			url = xasprintf("file://%s", path);
		q = cli_quote(url);
		free(url);
	} else {
		q = cli_quote(json);
	}
	strbuf_addf(&b, " --cli-input-json %s", q);
	free(q);
	if (s && s->region.value)
		cli_option(&b, "region", s->region.value);
	if (s && s->endpoint_custom && s->endpoint.value)
		cli_option(&b, "endpoint-url", s->endpoint.value);
	if (s && s->profile.value &&
	    (s->profile_explicit || (strcmp(s->profile.value, "default") && !s->env_keys)))
		cli_option(&b, "profile", s->profile.value);
	if (s && s->ca_bundle.value)
		cli_option(&b, "ca-bundle", s->ca_bundle.value);
	if (from_file)
		*from_file = file;
	return strbuf_finish(&b);
}
