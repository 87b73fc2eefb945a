/* cmd_aws.c: the commands that talk to AWS: submit, status, cli, config. */
#include "config.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "cli/commands.h"
#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "form/document.h"
#include "form/formdef.h"
#include "aws/runtime.h"
#include "aws/service.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/validate.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

int cancelled(void *arg)
{
	(void)arg;
	return interrupted;
}

void catch_interrupts(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* a peer closing a TLS connection must be an error to report, not a kill */
	signal(SIGPIPE, SIG_IGN);
}

static int progress_tty(void)
{
	return isatty(2);
}

void on_attempt(void *arg, int attempt, int max, double delay, double elapsed, const char *why)
{
	(void)arg;
	(void)elapsed;
	if (delay > 0)
		fprintf(stderr, _("%s: attempt %d of %d failed (%s); retrying in %.2f s\n"),
			PACKAGE_NAME, attempt, max, why ? why : "?", delay);
	else if (global_opts.debug && attempt > 1)
		fprintf(stderr, _("%s: attempt %d of %d\n"), PACKAGE_NAME, attempt, max);
}

/* One value as Python's json.dumps(indent=4, ensure_ascii=False) writes it,
 * which is how the AWS CLI prints answers: "{}" and "[]" when empty, four
 * spaces a level, strings escaped as cJSON and Python both escape them. */
static void print_value(FILE *fp, const cJSON *v, int depth)
{
	const cJSON *c;
	char *s;

	if ((cJSON_IsObject(v) || cJSON_IsArray(v)) && v->child) {
		int obj = cJSON_IsObject(v);

		fputs(obj ? "{\n" : "[\n", fp);
		for (c = v->child; c; c = c->next) {
			fprintf(fp, "%*s", (depth + 1) * 4, "");
			if (obj) {
				cJSON *k = cJSON_CreateStringReference(c->string ? c->string : "");

				s = cJSON_PrintUnformatted(k);
				fprintf(fp, "%s: ", s);
				cJSON_free(s);
				cJSON_Delete(k);
			}
			print_value(fp, c, depth + 1);
			fputs(c->next ? ",\n" : "\n", fp);
		}
		fprintf(fp, "%*s%s", depth * 4, "", obj ? "}" : "]");
		return;
	}
	s = cJSON_PrintUnformatted(v);
	fputs(s ? s : "null", fp);
	cJSON_free(s);
}

/* Print an answer's JSON as the AWS CLI does. An answer that is not JSON is
 * not printed (it could hold anything, terminal controls too): -1, with an
 * excerpt safe for a terminal on standard error. */
int print_json(FILE *fp, const char *what, long status, const char *body, size_t len)
{
	cJSON *j = cJSON_ParseWithLength(body, len);

	if (!j) {
		char *x = printable_text(len ? body : _("(no text)"), 200);

		fprintf(stderr, _("%s: %s answered HTTP %ld with a body that is not JSON: %s\n"),
			PACKAGE_NAME, what, status, x);
		free(x);
		return -1;
	}
	print_value(fp, j, 0);
	fputc('\n', fp);
	cJSON_Delete(j);
	return 0;
}

static void print_service_error(const struct service_error *e)
{
	size_t i;

	if (e->transport) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, e->message);
		return;
	}
	fprintf(stderr, "%s: %s (HTTP %ld): %s\n", PACKAGE_NAME, e->code ? e->code : _("error"),
		e->status, e->message);
	for (i = 0; i < e->nfields; i++)
		fprintf(stderr, "  %s\n", e->fields[i]);
	if (e->request_id)
		fprintf(stderr, _("  request id: %s\n"), e->request_id);
}

/* Settings, endpoint and credentials, or an exit code with the reason printed. */
static int setup(struct aws_settings *s, struct aws_credentials *c, int need_creds)
{
	struct aws_options o = {global_opts.profile,         global_opts.region,
				global_opts.endpoint_url,    global_opts.ca_bundle,
				global_opts.connect_timeout, global_opts.read_timeout};
	char *cause = NULL;
	int r;

	if (aws_settings_resolve(&o, s, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	if ((cause = aws_settings_unusable(s))) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	if (!need_creds)
		return EXIT_OK;
	r = credentials_resolve(s, c, &cause);
	if (r < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	if (r > 0) {
		fprintf(stderr,
			_("%s: no AWS credentials found: set AWS_ACCESS_KEY_ID and "
			  "AWS_SECRET_ACCESS_KEY, or configure profile %s (aws configure), "
			  "or give --profile\n"),
			PACKAGE_NAME, s->profile.value);
		return EXIT_CONFIG;
	}
	return EXIT_OK;
}

/* A runtime id is safe to put in the path: the service's ids are NAME-XXXXXXXXXX
 * ([a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}); emulators make others, so only
 * the characters are checked here and the service judges the rest. */
static int valid_runtime_id(const char *id)
{
	size_t n = strlen(id), i;

	if (n < 1 || n > 128)
		return 0;
	for (i = 0; i < n; i++)
		if (!(id[i] == '_' || id[i] == '-' || (id[i] >= '0' && id[i] <= '9') ||
		      (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= 'A' && id[i] <= 'Z')))
			return 0;
	return 1;
}

/* Poll GetAgentRuntime until READY or a failed status. */
static int follow(const struct service_client *c, const char *id, int wait, int print)
{
	char *path = xasprintf("/runtimes/%s/", id);
	double start = util_monotonic(), delay = 1, limit = 3600;
	int ret = EXIT_SERVICE, tty = progress_tty();
	char last[64] = "";

	for (;;) {
		struct http_response resp;
		struct service_error err;
		cJSON *j;
		const cJSON *st, *why;
		int final;

		if (service_call(c, "GET", path, NULL, NULL, &resp, &err) != 0) {
			print_service_error(&err);
			ret = err.http == HTTP_CANCELLED ? EXIT_CANCELLED : EXIT_SERVICE;
			service_error_free(&err);
			break;
		}
		j = cJSON_ParseWithLength(resp.body, resp.body_len);
		st = cJSON_GetObjectItemCaseSensitive(j, "status");
		why = cJSON_GetObjectItemCaseSensitive(j, "failureReason");
		if (!cJSON_IsString(st)) {
			fprintf(stderr, _("%s: the answer has no status\n"), PACKAGE_NAME);
			cJSON_Delete(j);
			http_response_free(&resp);
			break;
		}
		{
			/* the status is printed: only in a form safe for the terminal */
			char *stp = printable_text(st->valuestring, sizeof last - 4);

			if (tty && wait && strcmp(last, stp))
				fprintf(stderr, "\r\033[K%s: %s %s (%.0f s)", PACKAGE_NAME, id,
					stp, util_monotonic() - start);
			snprintf(last, sizeof last, "%s", stp);
			free(stp);
		}
		final = runtime_status_final(st->valuestring);
		if (!wait || final != 0) {
			/* DELETING ends a wait for READY; looked at once, it is no failure */
			int failed = final < 0 && (wait || strcmp(st->valuestring, "DELETING"));

			if (tty && wait)
				fputc('\n', stderr);
			if (print)
				print_json(stdout, "GetAgentRuntime", resp.status, resp.body,
					   resp.body_len);
			if (wait)
				fprintf(stderr, _("%s: runtime %s is %s after %.0f s\n"),
					PACKAGE_NAME, id, last, util_monotonic() - start);
			if (failed) {
				char *r = runtime_failure_reason(
				    st->valuestring,
				    cJSON_IsString(why) ? why->valuestring : NULL);

				fprintf(stderr, _("%s: failure reason: %s\n"), PACKAGE_NAME,
					r ? r : _("(none given)"));
				free(r);
			}
			ret = failed ? EXIT_FAILED : EXIT_OK;
			cJSON_Delete(j);
			http_response_free(&resp);
			break;
		}
		cJSON_Delete(j);
		http_response_free(&resp);
		if (util_monotonic() - start > limit) {
			fprintf(stderr, _("%s: gave up waiting after %.0f s; the runtime is %s\n"),
				PACKAGE_NAME, limit, last);
			break;
		}
		for (double end = util_monotonic() + delay; util_monotonic() < end;) {
			struct timespec ts = {0, 50 * 1000 * 1000};

			if (interrupted) {
				fprintf(stderr, _("\n%s: stopped waiting; the runtime is %s\n"),
					PACKAGE_NAME, last);
				free(path);
				return EXIT_CANCELLED;
			}
			nanosleep(&ts, NULL);
		}
		delay = delay * 1.5 > 10 ? 10 : delay * 1.5;
	}
	free(path);
	return ret;
}

static struct formdef *forms_or_die(void)
{
	char *cause = NULL;
	struct formdef *def = formdef_load_default(&cause);

	if (!def) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
	}
	return def;
}

/* Load and validate a form; prints problems. EXIT_OK with *doc, or an exit code. */
static int load_valid_form(const char *file, const struct formdef *def, struct document **doc)
{
	struct problems p = {0};
	char *cause = NULL;

	*doc = NULL;
	if (form_check_file(file, def, doc, &p, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", file, cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (p.n) {
		form_print_problems(stderr, file, &p);
		problems_clear(&p);
		document_free(*doc);
		*doc = NULL;
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

int cmd_submit(int argc, char **argv)
{
	static const struct option opts[] = {
	    GLOBAL_LONG_OPTIONS,
	    {"wait", no_argument, NULL, 'w'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0},
	};
	int wait = 0, dry = 0, c, g, ret;
	struct formdef *def = NULL;
	struct document *doc = NULL;
	struct aws_settings s = {0};
	struct aws_credentials cred = {0};
	struct service_client cl;
	char *token = NULL, *body = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'w')
			wait = 1;
		else if (c == 'n')
			dry = 1;
		else if ((g = global_option(c, optarg)) != 1)
			return g < 0 ? EXIT_USAGE : usage_error(_("submit: unknown option"));
	}
	if (optind != argc - 1)
		return usage_error(_("submit: expected one form file"));
	if (!(def = forms_or_die()))
		return EXIT_CONFIG;
	ret = load_valid_form(argv[optind], def, &doc);
	if (ret != EXIT_OK)
		goto out;
	ret = setup(&s, &cred, 1);
	if (ret != EXIT_OK)
		goto out;
	token = service_new_token();
	body = document_request_body(doc, def, token);
	cl = (struct service_client){&s, &cred, {on_attempt, cancelled, NULL, global_opts.debug}};
	if (dry) {
		struct service_request r;
		struct sigv4_trace tr = {0};
		char *d;

		service_prepare(&cl, "PUT", "/runtimes/", NULL, body, time(NULL), &r,
				global_opts.debug ? &tr : NULL);
		d = service_request_describe(&r);
		fputs(d, stdout);
		if (global_opts.debug)
			service_print_trace(stderr, &tr);
		free(d);
		sigv4_trace_free(&tr);
		service_request_free(&r);
		goto out;
	}
	catch_interrupts();
	{
		struct http_response resp;
		struct service_error err;
		cJSON *j;
		const cJSON *id;

		if (service_call(&cl, "PUT", "/runtimes/", NULL, body, &resp, &err) != 0) {
			print_service_error(&err);
			ret = err.http == HTTP_CANCELLED ? EXIT_CANCELLED : EXIT_SERVICE;
			service_error_free(&err);
			goto out;
		}
		if (print_json(stdout, "CreateAgentRuntime", resp.status, resp.body,
			       resp.body_len) != 0) {
			/* a success status, so the runtime may exist: say how to look */
			fprintf(stderr,
				_("%s: the runtime may have been created: 'aws "
				  "bedrock-agentcore-control list-agent-runtimes' shows it\n"),
				PACKAGE_NAME);
			ret = EXIT_SERVICE;
			http_response_free(&resp);
			goto out;
		}
		fflush(stdout);
		j = cJSON_ParseWithLength(resp.body, resp.body_len);
		id = cJSON_GetObjectItemCaseSensitive(j, "agentRuntimeId");
		if (wait && cJSON_IsString(id) && valid_runtime_id(id->valuestring))
			ret = follow(&cl, id->valuestring, 1, 0);
		else if (wait) {
			fprintf(stderr, _("%s: the answer has no runtime id to follow\n"),
				PACKAGE_NAME);
			ret = EXIT_SERVICE;
		}
		cJSON_Delete(j);
		http_response_free(&resp);
	}
out:
	free(token);
	free(body);
	credentials_free(&cred);
	aws_settings_free(&s);
	document_free(doc);
	formdef_free(def);
	return ret;
}

int cmd_status(int argc, char **argv)
{
	static const struct option opts[] = {
	    GLOBAL_LONG_OPTIONS,
	    {"wait", no_argument, NULL, 'w'},
	    {NULL, 0, NULL, 0},
	};
	int wait = 0, c, g, ret;
	struct aws_settings s = {0};
	struct aws_credentials cred = {0};
	struct service_client cl;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'w')
			wait = 1;
		else if ((g = global_option(c, optarg)) != 1)
			return g < 0 ? EXIT_USAGE : usage_error(_("status: unknown option"));
	}
	if (optind != argc - 1)
		return usage_error(_("status: expected one runtime id"));
	if (!valid_runtime_id(argv[optind]))
		return usage_error(
		    _("status: \"%s\" is not a runtime id: expected NAME-XXXXXXXXXX "
		      "(letters, digits, _ and -)"),
		    argv[optind]);
	ret = setup(&s, &cred, 1);
	if (ret == EXIT_OK) {
		catch_interrupts();
		cl = (struct service_client){
		    &s, &cred, {on_attempt, cancelled, NULL, global_opts.debug}};
		ret = follow(&cl, argv[optind], wait, 1);
	}
	credentials_free(&cred);
	aws_settings_free(&s);
	return ret;
}

int cmd_cli(int argc, char **argv)
{
	static const struct option opts[] = {
	    GLOBAL_LONG_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	int c, g, ret;
	struct formdef *def;
	struct document *doc = NULL;
	struct aws_settings s = {0};
	struct aws_options o = {global_opts.profile,      global_opts.region,
				global_opts.endpoint_url, global_opts.ca_bundle,
				AWS_TIMEOUT_UNSET,        AWS_TIMEOUT_UNSET};
	char *cause = NULL, *json, *cmd;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if ((g = global_option(c, optarg)) != 1)
			return g < 0 ? EXIT_USAGE : usage_error(_("cli: unknown option"));
	}
	if (optind != argc - 1)
		return usage_error(_("cli: expected one form file"));
	if (!(def = forms_or_die()))
		return EXIT_CONFIG;
	ret = load_valid_form(argv[optind], def, &doc);
	if (ret == EXIT_OK) {
		int resolved = aws_settings_resolve(&o, &s, &cause) == 0, from_file = 0;
		char *path = realpath(argv[optind], NULL);

		if (!resolved) {
			fprintf(stderr,
				_("%s: %s; the command carries no region, endpoint or profile\n"),
				PACKAGE_NAME, cause);
			free(cause);
		}
		json = document_to_json(doc, def, 0);
		cmd = aws_cli_command(resolved ? &s : NULL, json, path ? path : argv[optind],
				      &from_file);
		if (from_file)
			fprintf(
			    stderr,
			    _("%s: the form is %zu KiB, too long for one argument of a command "
			      "(Linux takes at most 128 KiB): the command reads it from %s\n"),
			    PACKAGE_NAME, (strlen(json) + 1023) / 1024,
			    path ? path : argv[optind]);
		puts(cmd);
		free(cmd);
		free(json);
		free(path);
	}
	aws_settings_free(&s);
	document_free(doc);
	formdef_free(def);
	return ret;
}

/* Display width of UTF-8 text in screen columns (translations may hold
 * accented or wide characters). */
static int columns(const char *s)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, s, 255);
	int c;

	if (n == (size_t)-1)
		return (int)strlen(s);
	w[n] = L'\0';
	c = wcswidth(w, n);
	return c < 0 ? (int)n : c;
}

/* One line of the config table: name, value and origin in aligned columns. */
static void config_row(const char *name, const char *value, const char *origin)
{
	static const char *const names[] = {N_("profile"),  N_("region"),    N_("credentials"),
					    N_("endpoint"), N_("CA bundle"), N_("attempts")};
	int width = 0, w;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((w = columns(_(names[i]))) > width)
			width = w;
	printf("%s%*s %s", name, width - columns(name), "", value);
	if (origin && *origin)
		printf("%*s  %s", columns(value) < 45 ? 45 - columns(value) : 0, "", origin);
	putchar('\n');
}

int cmd_config(int argc, char **argv)
{
	static const struct option opts[] = {
	    GLOBAL_LONG_OPTIONS,
	    {NULL, 0, NULL, 0},
	};
	struct aws_options o;
	struct aws_settings s = {0};
	struct aws_credentials cred = {0};
	char *cause = NULL, *mask;
	int c, g, r, ret = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if ((g = global_option(c, optarg)) != 1)
			return g < 0 ? EXIT_USAGE : usage_error(_("config: unknown option"));
	}
	if (optind != argc)
		return usage_error(_("config: no arguments expected"));
	o = (struct aws_options){global_opts.profile,         global_opts.region,
				 global_opts.endpoint_url,    global_opts.ca_bundle,
				 global_opts.connect_timeout, global_opts.read_timeout};
	if (aws_settings_resolve(&o, &s, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		aws_settings_free(&s);
		return EXIT_CONFIG;
	}
	config_row(_("profile"), s.profile.value, s.profile.origin);
	if (s.region.value)
		config_row(_("region"), s.region.value, s.region.origin);
	else {
		config_row(_("region"), _("(none)"), NULL);
		ret = EXIT_CONFIG;
	}
	r = credentials_resolve(&s, &cred, &cause);
	if (r == 0) {
		mask = credentials_mask(cred.access_key_id);
		config_row(_("credentials"), mask, cred.source);
		if (cred.session_token)
			config_row("", _("temporary (with a session token)"), NULL);
		free(mask);
	} else {
		config_row(_("credentials"), _("(none)"),
			   r < 0 ? cause : _("none found in the environment or the profile"));
		free(cause);
		cause = NULL;
		ret = EXIT_CONFIG;
	}
	if (s.endpoint.value)
		config_row(_("endpoint"), s.endpoint.value, s.endpoint.origin);
	else {
		config_row(_("endpoint"), _("(none)"), s.endpoint_error);
		ret = EXIT_CONFIG;
	}
	config_row(_("CA bundle"), s.ca_bundle.value ? s.ca_bundle.value : _("(the system's)"),
		   s.ca_bundle.value ? s.ca_bundle.origin : "");
	config_row(_("attempts"), s.max_attempts.value, s.max_attempts.origin);
	credentials_free(&cred);
	aws_settings_free(&s);
	return ret;
}
