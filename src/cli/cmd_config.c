/* cmd_config.c: `agentcore-wizard config`: the region, profile, credentials,
 * endpoint and CA bundle in use and where each came from, and the endpoints
 * of the other services the account checks call (STS, IAM, ECR, EC2, S3);
 * secrets never. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "base/printable.h"
#include "base/util.h"

/* One line of the config table: name, value and origin in aligned columns.
 * The value and the origin come from files and the environment: they are
 * printed through the printable filter. */
static void config_row(const char *name, const char *value, const char *origin)
{
	static const char *const names[] = {N_("profile"),  N_("region"),    N_("credentials"),
					    N_("endpoint"), N_("CA bundle"), N_("attempts"),
					    N_("IAM")};
	char *v = printable_text(value, 4096);
	int width = 0, w;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((w = print_columns(_(names[i]))) > width)
			width = w;
	printf("%s%*s %s", name, width - print_columns(name), "", v);
	if (origin && *origin) {
		char *o = printable_text(origin, 4096);

		printf("%*s  %s", print_columns(v) < 45 ? 45 - print_columns(v) : 0, "", o);
		free(o);
	}
	putchar('\n');
	free(v);
}

/* The credentials' row: EXIT_OK, or EXIT_CONFIG when there are none. */
static int credentials_rows(struct aws_settings *s)
{
	struct aws_credentials cred = {0};
	struct credentials_hooks h = {cli_cancel_cb, NULL, 0};
	char *cause = NULL, *mask;
	int r = credentials_resolve_with(s, &h, &cred, &cause);

	if (r == 0) {
		mask = credentials_mask(cred.access_key_id);
		config_row(_("credentials"), mask, cred.source);
		if (cred.session_token)
			config_row("", _("temporary (with a session token)"), NULL);
		free(mask);
	} else {
		config_row(_("credentials"), _("(none)"),
			   r < 0 ? cause : _("none found in the environment or the profile"));
	}
	free(cause);
	credentials_free(&cred);
	return r == 0 ? EXIT_OK : r == CREDENTIALS_CANCELLED ? EXIT_CANCELLED : EXIT_CONFIG;
}

/* A service whose endpoint cannot be used: one configured for it
 * (AWS_ENDPOINT_URL_<name>, AWS_ENDPOINT_URL, the profile's endpoint_url) is
 * still shown, with where it came from and why it cannot be used (a Region
 * that is no Region name, FIPS with a custom endpoint), never as (none). */
static void unusable_row(const struct aws_settings *s, const char *name, const char *cause)
{
	char *origin = NULL, *o;
	const char *url = aws_configured_endpoint(s, name, &origin);

	if (!url) {
		config_row(name, _("(none)"), cause);
	} else {
		o = xasprintf(_("%s%s, which cannot be used: %s"), origin ? origin : "",
			      s->use_fips ? ", FIPS" : "", cause ? cause : "?");
		config_row(name, url, o);
		free(o);
	}
	free(origin);
}

/* The other services' endpoints, as the account checks find them
 * (awscall_endpoint), with where each came from and the Region each is
 * signed for when that is not the settings' (IAM's global endpoint). Not
 * having one is said, but is no configuration error: only `check` needs
 * them. */
static void service_rows(const struct aws_settings *s)
{
	static const struct {
		enum aws_service svc;
		const char *name; /* also AWS_ENDPOINT_URL_<name> */
	} svcs[] = {
	    {AWS_STS, "STS"}, {AWS_IAM, "IAM"}, {AWS_ECR, "ECR"}, {AWS_EC2, "EC2"}, {AWS_S3, "S3"}};
	size_t i;

	for (i = 0; i < sizeof svcs / sizeof svcs[0]; i++) {
		char *sr = NULL, *origin = NULL, *cause = NULL, *o;
		char *url = awscall_endpoint(s, svcs[i].svc, NULL, &sr, &origin, &cause);

		if (!url) {
			unusable_row(s, svcs[i].name, cause);
		} else {
			o = sr && s->region.value && strcmp(sr, s->region.value)
				? xasprintf(_("%s, signed for %s"), origin ? origin : "", sr)
				: xstrdup(origin ? origin : "");
			config_row(svcs[i].name, url, o);
			free(o);
		}
		free(url);
		free(sr);
		free(origin);
		free(cause);
	}
}

static int config_exec(const struct cmd_args *a)
{
	struct aws_options o = cli_aws_options();
	struct aws_settings s = {0};
	char *cause = NULL, *why;
	int ret = EXIT_OK, r;

	if (a->nwords)
		return usage_error(_("config: no arguments expected"));
	cli_catch_interrupts(); /* a credential_process may wait */
	if (aws_settings_resolve(&o, &s, &cause) != 0) {
		char *c = printable_text(cause, 4000);

		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, c);
		free(c);
		free(cause);
		aws_settings_free(&s);
		return EXIT_CONFIG;
	}
	config_row(_("profile"), s.profile.value, s.profile.origin);
	/* what every command that calls the service judges (list exits 3):
	 * a Region that is no Region name is unusable, even with an endpoint */
	why = aws_settings_unusable(&s);
	if (s.region.value && s.endpoint.value && why) {
		config_row(_("region"), s.region.value, why);
		ret = EXIT_CONFIG;
	} else if (s.region.value)
		config_row(_("region"), s.region.value, s.region.origin);
	else {
		config_row(_("region"), _("(none)"), NULL);
		ret = EXIT_CONFIG;
	}
	if ((r = credentials_rows(&s)) == EXIT_CANCELLED) {
		free(why);
		aws_settings_free(&s);
		return r;
	}
	if (r != EXIT_OK)
		ret = EXIT_CONFIG;
	if (s.endpoint.value)
		config_row(_("endpoint"), s.endpoint.value, s.endpoint.origin);
	else {
		config_row(_("endpoint"), _("(none)"), s.endpoint_error);
		ret = EXIT_CONFIG;
	}
	config_row(_("CA bundle"), s.ca_bundle.value ? s.ca_bundle.value : _("(the system's)"),
		   s.ca_bundle.value ? s.ca_bundle.origin : "");
	config_row(_("attempts"), s.max_attempts.value, s.max_attempts.origin);
	if (s.region.value)
		service_rows(&s);
	free(why);
	aws_settings_free(&s);
	return ret;
}

static void config_help(void)
{
	printf(_("Usage: %s config\n"
		 "Show the region, profile, credentials, endpoint and CA bundle in use, and\n"
		 "where each came from; then the endpoints of STS, IAM, ECR, EC2 and S3 that\n"
		 "check and create-role call. Secrets are never shown.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 2 usage error, 3 no region or no credentials, or\n"
		 "another configuration problem, 70 out of memory or standard output not\n"
		 "written.\n"));
}

static const struct option no_options[] = {{NULL, 0, NULL, 0}};

const struct cmd_entry cmd_config_entry = {
    .name = "config",
    .summary = N_("show region, profile, credentials and endpoint in use"),
    .opts = no_options,
    .help = config_help,
    .exec = config_exec,
};
