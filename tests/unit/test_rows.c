/* Unit tests of src/ui/rows.c: a section flattened into rows from the real
 * forms/ and a document; storing typed text; the live check of a map name. */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "testutil.h"
#include "ui/rows.h"

static const struct row *find(const struct rows *rs, enum row_kind k, const char *path)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (rs->v[i].kind == k && !strcmp(rs->v[i].path, path))
			return &rs->v[i];
	return NULL;
}

static size_t section_of(const struct formdef *def, const char *member)
{
	const struct fnode *n = formdef_lookup(def, member);

	assert_non_null(n);
	return (size_t)n->section;
}

static void test_basics(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new_form(def);
	struct rows rs = {0};
	const struct row *r;
	char *v, *msg = NULL;

	(void)state;
	rows_build(def, doc, section_of(def, "agentRuntimeName"), 0, &rs);
	r = find(&rs, RK_VALUE, "agentRuntimeName");
	assert_non_null(r);
	assert_true(row_editable(r) && row_is_text(r));
	assert_int_equal(row_store_text(r, doc, "  my_agent  "), 0);
	v = row_value(r, doc);
	assert_string_equal(v, "my_agent"); /* stored trimmed */
	free(v);
	assert_int_equal(row_check(r, doc, NULL, &msg), VS_VALID);
	free(msg);
	assert_int_equal(row_check(r, doc, "9bad", &msg), VS_INVALID);
	assert_non_null(msg);
	free(msg);
	rows_release(&rs);
	document_free(doc);
	formdef_free(def);
}

static void test_map(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new_form(def);
	struct rows rs = {0};
	const struct row *add, *k0, *k1;
	char *msg = NULL;

	(void)state;
	rows_build(def, doc, section_of(def, "tags"), 0, &rs);
	add = find(&rs, RK_ADD, "tags");
	assert_non_null(add);
	assert_int_equal(row_add_item(add, doc), 0);
	assert_int_equal(row_add_item(add, doc), 1);
	rows_release(&rs);
	rows_build(def, doc, section_of(def, "tags"), 0, &rs);
	k0 = find(&rs, RK_MAPKEY, "tags[0]");
	k1 = find(&rs, RK_MAPKEY, "tags[1]");
	assert_non_null(k0);
	assert_non_null(k1);
	assert_true(row_is_item(k0));
	assert_string_equal(k0->label, "Name 1"); /* named by place, not by text */
	assert_int_equal(row_store_text(k0, doc, "team"), 0);
	/* the other entry's name, typed: refused live and not stored */
	assert_int_equal(row_check(k1, doc, "team", &msg), VS_INVALID);
	assert_non_null(msg);
	free(msg);
	assert_int_equal(row_store_text(k1, doc, "team"), 1);
	assert_string_equal(document_key(doc, "tags", 1), "");
	assert_int_equal(row_store_text(k1, doc, "owner"), 0);
	assert_string_equal(document_key(doc, "tags", 1), "owner");
	rows_release(&rs);
	document_free(doc);
	formdef_free(def);
}

/* The rows of a map's entries: numbered labels and paths made without
 * printf (rows.c), the same as printf made them. */
static void test_numbered(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new_form(def);
	struct rows rs = {0};
	const struct row *r;
	char path[32], label[32];
	size_t i;

	(void)state;
	for (i = 0; i < 12; i++)
		assert_int_equal(document_map_add(doc, "tags", "k", "v"), 0);
	rows_build(def, doc, section_of(def, "tags"), 0, &rs);
	for (i = 0; i < 12; i++) {
		snprintf(path, sizeof path, "tags[%zu]", i);
		r = find(&rs, RK_MAPKEY, path);
		assert_non_null(r);
		snprintf(label, sizeof label, "Name %zu", i + 1);
		assert_string_equal(r->label, label);
		assert_string_equal(r->owner_path, "tags");
		assert_int_equal(r->index, i);
		r = find(&rs, RK_MAPVAL, path);
		assert_non_null(r);
		snprintf(label, sizeof label, "Value %zu", i + 1);
		assert_string_equal(r->label, label);
	}
	r = find(&rs, RK_ADD, "tags");
	assert_non_null(r);
	assert_int_equal(r->index, 12);
	rows_release(&rs);
	assert_null(rs.v);
	document_free(doc);
	formdef_free(def);
}

/* The searches of the screen (screen-form.c) as they were, on rows all
 * made: what rows_find and rows_closest must answer without making any. */
static size_t find_all(const struct rows *rs, const char *path, int kind)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if ((kind < 0 ? rs->v[i].kind != RK_ADD : (int)rs->v[i].kind == kind) &&
		    !strcmp(rs->v[i].path, path))
			return i;
	return (size_t)-1;
}

static size_t closest_all(const struct rows *rs, const char *ref)
{
	size_t i, best = (size_t)-1, bestlen = 0, l;

	for (i = 0; i < rs->n; i++) {
		l = strlen(rs->v[i].path);
		if (!strncmp(rs->v[i].path, ref, l) &&
		    (ref[l] == 0 || ref[l] == '.' || ref[l] == '[') && l >= bestlen &&
		    (best == (size_t)-1 || l > bestlen || rs->v[i].kind != RK_ADD)) {
			if (l == bestlen && best != (size_t)-1)
				continue;
			best = i;
			bestlen = l;
		}
	}
	return best;
}

static void same_row(const struct row *a, const struct row *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_ptr_equal(a->node, b->node);
	assert_ptr_equal(a->owner, b->owner);
	assert_string_equal(a->path, b->path);
	assert_true((!a->owner_path && !b->owner_path) ||
		    (a->owner_path && b->owner_path && !strcmp(a->owner_path, b->owner_path)));
	assert_string_equal(a->label, b->label);
	assert_int_equal(a->depth, b->depth);
	assert_int_equal(a->index, b->index);
}

/* Rows built with ROWS_LAZY (entry: of that sublist entry, else of the
 * section) are the rows built without, found and made in any order. */
static void check_lazy(const struct formdef *def, const struct document *doc, size_t sec,
		       const char *entry, int flags)
{
	const struct fnode *en = entry ? formdef_lookup(def, entry) : NULL;
	struct rows all = {0}, lazy = {0};
	char *ref;
	size_t i, j;

	if (entry) {
		rows_build_entry(def, doc, en, entry, flags, &all);
		rows_build_entry(def, doc, en, entry, flags | ROWS_LAZY, &lazy);
	} else {
		rows_build(def, doc, sec, flags, &all);
		rows_build(def, doc, sec, flags | ROWS_LAZY, &lazy);
	}
	assert_int_equal(all.n, lazy.n);
	for (i = 0; i < all.n; i++) { /* found before any is made */
		const struct row *a = &all.v[i];

		assert_int_equal(rows_find(&lazy, a->path, (int)a->kind),
				 find_all(&all, a->path, (int)a->kind));
		assert_int_equal(rows_find(&lazy, a->path, -1), find_all(&all, a->path, -1));
		assert_int_equal(rows_closest(&lazy, a->path), closest_all(&all, a->path));
		ref = xasprintf("%s.x", a->path);
		assert_int_equal(rows_closest(&lazy, ref), closest_all(&all, ref));
		free(ref);
		ref = xasprintf("%s[%zu]", a->path, a->index + 1);
		assert_int_equal(rows_closest(&lazy, ref), closest_all(&all, ref));
		free(ref);
		/* the widest label of the kind: the last item's (its first row
		 * is j, the loop goes on from there) */
		j = rows_items_last(&lazy, i);
		assert_true(j >= i && j < all.n);
		if (j != i && all.v[j].kind != a->kind)
			j++;
		assert_int_equal(all.v[j].kind, a->kind);
		assert_true(strlen(all.v[j].label) >= strlen(a->label));
	}
	assert_int_equal(rows_find(&lazy, "tags[007]", -1), (size_t)-1);
	assert_int_equal(rows_closest(&lazy, "tags[99999999999999999999999]"),
			 closest_all(&all, "tags[99999999999999999999999]"));
	for (i = all.n; i-- > 0;) /* made last to first */
		same_row(&all.v[i], rows_at(&lazy, i));
	for (i = 0; i < all.n; i++) /* kept */
		same_row(&all.v[i], rows_at(&lazy, i));
	rows_release(&all);
	rows_release(&lazy);
}

static struct document *maximal(const struct formdef *def)
{
	const char *top = getenv("top_srcdir");
	char *file = xasprintf("%s/tests/data/valid/maximal.json", top ? top : ".");
	struct problems p = {0};
	struct document *doc = NULL;
	char *cause = NULL;

	if (formfile_load(file, def, FF_STRICT, &doc, &p, &cause) != 0)
		fail_msg("cannot load %s: %s", file, cause);
	problems_clear(&p);
	free(file);
	return doc;
}

static void test_lazy(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = maximal(def);
	size_t s;
	int f;

	(void)state;
	for (s = 0; s < 300; s++)
		assert_int_equal(document_map_add(doc, "tags", "k", "v"), 0);
	for (f = 0; f < 4; f++)
		for (s = 0; s < def->nsections; s++)
			check_lazy(def, doc, s, NULL,
				   (f & 1 ? ROWS_ADVANCED : 0) | (f & 2 ? ROWS_COLLAPSE : 0));
	check_lazy(def, doc, 0, "filesystemConfigurations[1]", ROWS_ADVANCED);
	document_free(doc);
	formdef_free(def);
}

/* Rows made when asked for are of the document they were built from: built
 * again after a change, they are the new document's. */
static void test_lazy_again(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new_form(def);
	struct rows rs = {0};
	size_t sec = section_of(def, "tags"), n, i, k;

	(void)state;
	for (i = 0; i < 20; i++)
		assert_int_equal(document_map_add(doc, "tags", "k", "v"), 0);
	rows_build(def, doc, sec, ROWS_LAZY, &rs);
	n = rs.n;
	k = rows_find(&rs, "tags[19]", RK_MAPVAL);
	assert_string_equal(rows_at(&rs, k)->label, "Value 20");
	rows_release(&rs);
	document_remove(doc, "tags[0]");
	document_remove(doc, "tags[0]");
	rows_build(def, doc, sec, ROWS_LAZY, &rs);
	assert_int_equal(rs.n, n - 4);
	assert_int_equal(rows_find(&rs, "tags[19]", RK_MAPVAL), (size_t)-1);
	assert_int_equal(rows_find(&rs, "tags[17]", RK_MAPVAL), k - 4);
	assert_string_equal(rows_at(&rs, k - 4)->label, "Value 18");
	assert_int_equal(rows_at(&rs, k - 3)->kind, RK_ADD);
	rows_release(&rs);
	document_free(doc);
	formdef_free(def);
}

static void test_mask(void **state)
{
	(void)state;
	assert_string_equal(row_mask("secret"), "********");
	assert_string_equal(row_mask(""), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basics),     cmocka_unit_test(test_map),
	    cmocka_unit_test(test_numbered),   cmocka_unit_test(test_lazy),
	    cmocka_unit_test(test_lazy_again), cmocka_unit_test(test_mask),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return test_run_group(tests);
}
