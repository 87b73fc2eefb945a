/* pick-ui.c: pick lists: on a field that names a resource (the execution
 * role, the image, the code's bucket and key, the subnets, the security
 * groups) ACT_PICK opens a list of what exists in the account, loaded page
 * after page (src/aws/pick.h) on a worker thread that never touches curses,
 * with a visible "loading", filtered as you type. Roles that trust the
 * service come first, the others after, marked; repositories lead to their
 * images, buckets to their keys, a VPC to its subnets and then its security
 * groups (several may be marked). Enter fills the field, Esc leaves it as
 * it was. Each list is one dialog in the dialog loop (dialog_run). */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/pick.h"
#include "aws/sts.h"
#include "base/util.h"
#include "form/document.h"
#include "curses.h"
#include "wiz.h"

#define ART      "agentRuntimeArtifact."
#define S3_      ART "codeConfiguration.code.s3."
#define NET      "networkConfiguration.networkModeConfig."
#define PICK_MAX 5000 /* items a list loads at most */

enum field { F_NONE, F_ROLE, F_IMAGE, F_BUCKET, F_KEY, F_SUBNETS, F_GROUPS };

static const struct {
	enum field f;
	const char *path;
} fields[] = {
    {F_ROLE, "roleArn"},        {F_IMAGE, ART "containerConfiguration.containerUri"},
    {F_BUCKET, S3_ "bucket"},   {F_KEY, S3_ "prefix"},
    {F_SUBNETS, NET "subnets"}, {F_GROUPS, NET "securityGroups"},
};

/* The field of path (a list's item counts as the list). */
static enum field field_of(const char *path)
{
	size_t i, n = strcspn(path, "[");

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strlen(fields[i].path) == n && !strncmp(fields[i].path, path, n))
			return fields[i].f;
	return F_NONE;
}

static const char *field_path(enum field f)
{
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].f == f)
			return fields[i].path;
	return "";
}

int pick_has_list(const char *path)
{
	return field_of(path) != F_NONE;
}

char *pick_hint(const char *path, char *h)
{
	enum field f = field_of(path);
	char *t;

	if (f == F_NONE)
		return h;
	if (f == F_ROLE)
		t = xasprintf(_("%s lists your roles, %s makes one. %s"),
			      keys_action_name(ACT_PICK), keys_action_name(ACT_MAKE_ROLE), h);
	else
		t = xasprintf(_("%s lists what your account has. %s"), keys_action_name(ACT_PICK),
			      h);
	free(h);
	return t;
}

/* ---- the worker: one kind's pages ------------------------------------------ */

struct loader {
	pthread_t thread;
	pthread_mutex_t mu;
	atomic_int done, cancel;
	struct awscall_client cl;
	struct pick_context ctx;
	enum pick_kind kind;
	char *parent;
	struct pick_item *v; /* arrived and not yet taken (mu) */
	size_t n;
	char *err; /* why loading stopped (mu), or NULL */
};

static int loader_cancelled(void *arg)
{
	return atomic_load(&((struct loader *)arg)->cancel);
}

static void *loader_run(void *arg)
{
	struct loader *l = arg;
	struct pick_page page;
	struct service_error err;
	char *token = NULL;
	size_t total = 0;

	do {
		if (pick_load(&l->cl, &l->ctx, l->kind, l->parent, token, &page, &err) != 0) {
			pthread_mutex_lock(&l->mu);
			l->err =
			    err.transport || !err.code
				? xstrdup(err.message ? err.message : "?")
				: xasprintf("%s: %s", err.code, err.message ? err.message : "");
			pthread_mutex_unlock(&l->mu);
			service_error_free(&err);
			break;
		}
		free(token);
		token = page.next;
		page.next = NULL;
		pthread_mutex_lock(&l->mu);
		l->v = xrealloc(l->v, (l->n + page.n + 1) * sizeof *l->v);
		memcpy(l->v + l->n, page.v, page.n * sizeof *page.v);
		l->n += page.n;
		pthread_mutex_unlock(&l->mu);
		total += page.n;
		page.n = 0;
		pick_page_free(&page);
	} while (token && total < PICK_MAX && !atomic_load(&l->cancel));
	free(token);
	atomic_store(&l->done, 1);
	return NULL;
}

static struct loader *loader_start(const struct awscall_client *cl, const struct pick_context *ctx,
				   enum pick_kind kind, const char *parent)
{
	struct loader *l = xcalloc(1, sizeof *l);

	pthread_mutex_init(&l->mu, NULL);
	l->cl = *cl;
	l->cl.cancel = loader_cancelled;
	l->cl.arg = l;
	l->ctx = *ctx;
	l->kind = kind;
	l->parent = parent ? xstrdup(parent) : NULL;
	if (pthread_create(&l->thread, NULL, loader_run, l) != 0) {
		l->err = xstrdup(_("no thread could be started"));
		atomic_store(&l->done, 2);
	}
	return l;
}

static void items_free(struct pick_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].value);
		free(v[i].label);
		free(v[i].note);
	}
	free(v);
}

/* Cancel, wait for the thread (a request in flight ends within a fraction
 * of a second) and free. */
static void loader_free(struct loader *l)
{
	if (!l)
		return;
	atomic_store(&l->cancel, 1);
	if (atomic_load(&l->done) != 2)
		pthread_join(l->thread, NULL);
	items_free(l->v, l->n);
	free(l->err);
	free(l->parent);
	pthread_mutex_destroy(&l->mu);
	free(l);
}

/* ---- one list on screen ------------------------------------------------------ */

struct list {
	enum pick_kind kind;
	const char *parent;
	const char *title;
	int multi;
	struct loader *ld; /* NULL until who you are is known */
	char *why;         /* it cannot load: why */
	struct pick_item *v;
	size_t n;
	unsigned char *chosen; /* multi: marked with Space */
	char **pre;            /* multi: values marked from the start */
	size_t npre;
	size_t *view; /* the items shown (filtered, roles that trust first) */
	size_t nview, sel, top;
	char filter[128];
};

static int passes(const struct pick_item *x, const char *f)
{
	return !*f || strcasestr(x->value, f) || strcasestr(x->label, f) || strcasestr(x->note, f);
}

static void list_view(struct list *l)
{
	size_t i, pass;

	l->view = xrealloc(l->view, (l->n + 1) * sizeof *l->view);
	l->nview = 0;
	/* roles that trust the service first, then the others */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < l->n; i++)
			if (passes(&l->v[i], l->filter) &&
			    (l->kind != PICK_ROLES || (pass == 0) == (l->v[i].marked != 0)) &&
			    (l->kind == PICK_ROLES || pass == 0))
				l->view[l->nview++] = i;
	if (l->sel >= l->nview)
		l->sel = l->nview ? l->nview - 1 : 0;
}

/* Take what the worker made since last time. */
static void list_take(struct list *l)
{
	size_t i, j, from = l->n;

	pthread_mutex_lock(&l->ld->mu);
	if (l->ld->n) {
		l->v = xrealloc(l->v, (l->n + l->ld->n) * sizeof *l->v);
		memcpy(l->v + l->n, l->ld->v, l->ld->n * sizeof *l->v);
		l->n += l->ld->n;
		free(l->ld->v);
		l->ld->v = NULL;
		l->ld->n = 0;
	}
	if (l->ld->err && !l->why)
		l->why = xstrdup(l->ld->err);
	pthread_mutex_unlock(&l->ld->mu);
	if (from == l->n)
		return;
	l->chosen = xrealloc(l->chosen, l->n);
	for (i = from; i < l->n; i++) {
		l->chosen[i] = 0;
		for (j = 0; j < l->npre; j++)
			if (!strcmp(l->pre[j], l->v[i].value))
				l->chosen[i] = 1;
	}
	list_view(l);
}

/* What a line shows of item x. Caller frees. */
static char *item_text(const struct list *l, const struct pick_item *x)
{
	const char *slash = strrchr(x->value, '/');

	switch (l->kind) {
	case PICK_ROLES:
	case PICK_REPOSITORIES:
		return xasprintf("%s  %s", x->label, x->note);
	case PICK_IMAGES:
		return xasprintf("%s  %s", slash ? slash + 1 : x->value, x->note);
	case PICK_BUCKETS:
	case PICK_KEYS:
		return xasprintf("%s  %s", x->value, x->note);
	default:
		return xasprintf("%s  %s  %s", x->value, x->label, x->note);
	}
}

static char *list_footer(const struct list *l)
{
	const char *keys = l->multi
			       ? _("Space marks, Enter takes the marked, Esc leaves the field")
			       : _("Enter chooses, Esc leaves the field as it was");

	if (l->why)
		return xasprintf(_("Could not list them: %s"), l->why);
	if (!l->ld)
		return xstrdup(_("Loading: finding out who your credentials are..."));
	if (!atomic_load(&l->ld->done))
		return xasprintf(_("Loading... %zu so far. %s"), l->n, keys);
	return xasprintf(P_("%zu of %zu shown. %s", "%zu of %zu shown. %s", l->nview), l->nview,
			 l->n, keys);
}

static void list_draw(struct wiz *w, void *state)
{
	struct list *l = state;
	/* the screen's width, over the section list: at 80 columns an item's
	 * value, label and note (a subnet's zone and mark) fit */
	int bw = COLS - 4, bh = LINES - 6, bx = 2, by = 2, y, rows = bh - 4;
	char *t;
	size_t i;

	wiz_draw(w);
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return;
	for (y = by; y < by + bh; y++)
		term_fill(y, bx, bw, A_NORMAL);
	term_frame(by, bx, bh, bw);
	term_put(by, bx + 2, bw - 4, l->title, A_BOLD);
	t = xasprintf(_("Filter: %s"), l->filter);
	term_put(by + 1, bx + 2, bw - 4, t, A_NORMAL);
	free(t);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (i = l->top; i < l->nview && i < l->top + (size_t)rows; i++) {
		const struct pick_item *x = &l->v[l->view[i]];
		int a = i == l->sel ? A_REVERSE : A_NORMAL;
		char *text = item_text(l, x);

		y = by + 2 + (int)(i - l->top);
		if (i == l->sel)
			term_fill(y, bx + 1, bw - 2, A_REVERSE);
		if (l->multi)
			term_put(y, bx + 2, 4, l->chosen[l->view[i]] ? "[x]" : "[ ]", a);
		term_put_cut(y, bx + (l->multi ? 6 : 2), bw - (l->multi ? 8 : 4), text, a);
		free(text);
	}
	t = list_footer(l);
	term_put_cut(by + bh - 2, bx + 2, bw - 4, t, l->why ? term_attr_err(w) : (int)A_DIM);
	free(t);
	move(by + 1, bx + 2 + 8 + term_columns(l->filter));
	refresh();
}

static int list_idle(struct wiz *w, void *state)
{
	struct list *l = state;
	const struct aws_settings *s;
	const struct aws_credentials *c;
	const struct sts_identity *id;
	const char *why;
	int r;

	if (!l->ld && !l->why) {
		r = account_get(w, &s, &c, &id, &why);
		if (r < 0)
			l->why = xstrdup(why ? why : "?");
		if (r > 0) {
			struct awscall_client cl = {s, c, NULL, NULL, 0, 0};
			struct pick_context ctx = {id->partition, s->region.value, id->account};

			l->ld = loader_start(&cl, &ctx, l->kind, l->parent);
		}
	}
	if (l->ld)
		list_take(l);
	return DIALOG_MORE;
}

static int list_key(struct wiz *w, void *state, enum action a, int key)
{
	struct list *l = state;
	size_t n = strlen(l->filter);

	(void)w;
	switch (a) {
	case ACT_UP:
	case ACT_PREV_FIELD:
		if (l->sel > 0)
			l->sel--;
		break;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		if (l->sel + 1 < l->nview)
			l->sel++;
		break;
	case ACT_PREV_SECTION:
		l->sel = l->sel > 10 ? l->sel - 10 : 0;
		break;
	case ACT_NEXT_SECTION:
		l->sel = l->sel + 10 < l->nview ? l->sel + 10 : l->nview ? l->nview - 1 : 0;
		break;
	case ACT_ACTIVATE:
		return l->nview || (l->multi && l->n && memchr(l->chosen, 1, l->n)) ? 1
										    : DIALOG_MORE;
	case ACT_CANCEL:
	case ACT_QUIT:
		return 0;
	case ACT_BACKSPACE:
		if (n) {
			l->filter[n - 1] = '\0';
			list_view(l);
		}
		break;
	case ACT_CLEAR:
		l->filter[0] = '\0';
		list_view(l);
		break;
	default:
		if (key == ' ' && l->multi && l->nview) {
			l->chosen[l->view[l->sel]] ^= 1;
		} else if (a == ACT_NONE && key > ' ' && key < 0x7f && n + 1 < sizeof l->filter) {
			l->filter[n] = (char)key;
			l->filter[n + 1] = '\0';
			l->sel = 0;
			list_view(l);
		}
	}
	return DIALOG_MORE;
}

/* Show one list until Enter (1) or Esc (0). Single: *one gets the value
 * chosen (and *label its label; both may be NULL). Multi: *many the values
 * marked (or the one under the cursor when none is), pre those marked at
 * the start. The caller frees what it gets. */
static int pick_list(struct wiz *w, enum pick_kind kind, const char *parent, const char *title,
		     char **pre, size_t npre, char **one, char **label, char ***many,
		     size_t *nmany)
{
	struct list l = {0};
	struct dialog d = {list_draw, list_key, 1, 0, &l, list_idle};
	size_t i;
	int r;

	l.kind = kind;
	l.parent = parent;
	l.title = title;
	l.multi = many != NULL;
	l.pre = pre;
	l.npre = npre;
	r = dialog_run(w, &d);
	if (r == 1 && !l.multi) {
		*one = xstrdup(l.v[l.view[l.sel]].value);
		if (label)
			*label = xstrdup(l.v[l.view[l.sel]].label);
	} else if (r == 1) {
		*many = NULL;
		*nmany = 0;
		for (i = 0; i < l.n; i++)
			if (l.chosen[i]) {
				*many = xrealloc(*many, (*nmany + 1) * sizeof **many);
				(*many)[(*nmany)++] = xstrdup(l.v[i].value);
			}
		if (!*nmany && l.nview) {
			*many = xcalloc(1, sizeof **many);
			(*many)[(*nmany)++] = xstrdup(l.v[l.view[l.sel]].value);
		}
	}
	loader_free(l.ld);
	items_free(l.v, l.n);
	free(l.chosen);
	free(l.view);
	free(l.why);
	return r == 1;
}

/* ---- the fields ----------------------------------------------------------------- */

static void strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The values of the list at path. */
static char **list_values(const struct document *doc, const char *path, size_t *n)
{
	size_t i, c = document_count(doc, path);
	char **v = xcalloc(c + 1, sizeof *v);

	*n = 0;
	for (i = 0; i < c; i++) {
		char *ip = xasprintf("%s[%zu]", path, i);
		const char *t = document_text(doc, ip);

		if (t && *t)
			v[(*n)++] = xstrdup(t);
		free(ip);
	}
	return v;
}

static void list_store(struct document *doc, const char *path, char **v, size_t n)
{
	size_t i;

	document_remove(doc, path);
	for (i = 0; i < n; i++) {
		char *ip = xasprintf("%s[%zu]", path, i);

		document_set_text(doc, ip, v[i]);
		free(ip);
	}
}

/* The network: a VPC, then its subnets (F_SUBNETS only), then its security
 * groups, several marked. 1 when the lists were filled. */
static int pick_network(struct wiz *w, enum field f)
{
	char *vpc = NULL, **pre, **subnets = NULL, **groups = NULL;
	size_t npre, nsub = 0, ngr = 0;
	int ok;

	if (!pick_list(w, PICK_VPCS, NULL, _("VPCs: choose the one the runtime runs in"), NULL, 0,
		       &vpc, NULL, NULL, NULL))
		return 0;
	ok = 1;
	if (f == F_SUBNETS) {
		pre = list_values(w->data.doc, NET "subnets", &npre);
		ok = pick_list(
		    w, PICK_SUBNETS, vpc,
		    _("Subnets of the VPC (a supported zone is said; two zones or more)"), pre,
		    npre, NULL, NULL, &subnets, &nsub);
		strings_free(pre, npre);
	}
	if (ok) {
		pre = list_values(w->data.doc, NET "securityGroups", &npre);
		ok = pick_list(w, PICK_GROUPS, vpc, _("Security groups of the VPC"), pre, npre,
			       NULL, NULL, &groups, &ngr);
		strings_free(pre, npre);
	}
	if (ok) {
		if (f == F_SUBNETS)
			list_store(w->data.doc, NET "subnets", subnets, nsub);
		list_store(w->data.doc, NET "securityGroups", groups, ngr);
		wiz_status(w, 0, _("Filled from VPC %s: %zu subnets, %zu security groups."), vpc,
			   f == F_SUBNETS ? nsub : document_count(w->data.doc, NET "subnets"),
			   ngr);
	}
	strings_free(subnets, nsub);
	strings_free(groups, ngr);
	free(vpc);
	return ok;
}

/* The code object: a bucket (unless the key's field has one), then a key
 * under the prefix typed so far. */
static int pick_code(struct wiz *w, enum field f)
{
	const char *b = document_text(w->data.doc, S3_ "bucket");
	const char *k = document_text(w->data.doc, S3_ "prefix");
	char *bucket = NULL, *key = NULL, *parent;
	const char *slash = k ? strrchr(k, '/') : NULL;
	int ok;

	if (f == F_KEY && b && *b)
		bucket = xstrdup(b);
	else if (!pick_list(w, PICK_BUCKETS, NULL, _("S3 buckets"), NULL, 0, &bucket, NULL, NULL,
			    NULL))
		return 0;
	parent = slash ? xasprintf("%s/%.*s", bucket, (int)(slash - k + 1), k) : xstrdup(bucket);
	ok = pick_list(w, PICK_KEYS, parent, _("Objects in the bucket"), NULL, 0, &key, NULL, NULL,
		       NULL);
	if (ok) {
		document_set_text(w->data.doc, S3_ "bucket", bucket);
		document_set_text(w->data.doc, S3_ "prefix", key);
		wiz_status(w, 0, _("Filled: s3://%s/%s"), bucket, key);
	}
	free(parent);
	free(bucket);
	free(key);
	return ok;
}

/* The role, or the image (a repository, then its images). */
static int pick_one(struct wiz *w, enum field f)
{
	char *v = NULL, *repo = NULL;
	int ok;

	if (f == F_ROLE) {
		ok = pick_list(w, PICK_ROLES, NULL,
			       _("Roles (those that trust bedrock-agentcore first)"), NULL, 0, &v,
			       NULL, NULL, NULL);
	} else {
		ok = pick_list(w, PICK_REPOSITORIES, NULL, _("ECR repositories of this Region"),
			       NULL, 0, &v, &repo, NULL, NULL);
		free(v);
		v = NULL;
		ok = ok && pick_list(w, PICK_IMAGES, repo, _("Images of the repository"), NULL, 0,
				     &v, NULL, NULL, NULL);
	}
	if (ok) {
		document_set_text(w->data.doc, field_path(f), v);
		wiz_status(w, 0, _("Filled: %s"), v);
	}
	free(v);
	free(repo);
	return ok;
}

void pick_open(struct wiz *w)
{
	const struct row *r = w->screen == &screen_form ? screen_form_row(w) : NULL;
	enum field f = r ? field_of(r->path) : F_NONE;
	int done;

	if (f == F_NONE) {
		wiz_status(w, 1,
			   _("%s lists what exists on the fields that name a role, an image, a "
			     "bucket or key, subnets or security groups; this is not one."),
			   keys_action_name(ACT_PICK));
		return;
	}
	if (w->tmpl.t && tmpl_refuse(w, field_path(f)))
		return;
	if (f == F_SUBNETS || f == F_GROUPS)
		done = pick_network(w, f);
	else if (f == F_BUCKET || f == F_KEY)
		done = pick_code(w, f);
	else
		done = pick_one(w, f);
	if (!done)
		return;
	rows_keep_forget(&w->form.keep, field_path(f));
	w->data.last_edit = util_monotonic();
	screen_form_reload(w); /* the editor holds the new value */
	uichecks_start(w);     /* the account checks of what was chosen */
}
