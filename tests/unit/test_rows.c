/* Unit tests of src/ui/rows.c: a section flattened into rows from the real
 * forms/ and a document; storing typed text; the live check of a map name. */
#include "config.h"

#include <locale.h>

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

static void test_mask(void **state)
{
	(void)state;
	assert_string_equal(row_mask("secret"), "********");
	assert_string_equal(row_mask(""), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basics),
	    cmocka_unit_test(test_map),
	    cmocka_unit_test(test_numbered),
	    cmocka_unit_test(test_mask),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return test_run_group(tests);
}
