/* Unit tests of xml.c (libexpat tree) and sts.c's answer reader. */
#include "config.h"

#include "aws/sts.h"
#include "aws/xml.h"
#include "testutil.h"

static void test_tree(void **state)
{
	const char *x = "<?xml version=\"1.0\"?>\n"
			"<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
			"<GetRoleResult><Role><Arn>arn:aws:iam::1:role/a</Arn>"
			"<AssumeRolePolicyDocument>%7B%22a%22%3A1%7D</AssumeRolePolicyDocument>"
			"</Role></GetRoleResult><x:Tags xmlns:x=\"u\"><member>1</member>"
			"<member>2</member><other/><member>3</member></x:Tags>"
			"</GetRoleResponse>";
	char *cause = NULL;
	struct xml_node *root = xml_parse(x, strlen(x), &cause);
	const struct xml_node *m;
	int n = 0;

	(void)state;
	assert_non_null(root);
	assert_string_equal(root->name, "GetRoleResponse");
	assert_string_equal(xml_path_text(root, "GetRoleResult/Role/Arn"),
			    "arn:aws:iam::1:role/a");
	assert_null(xml_path(root, "GetRoleResult/Nope"));
	/* the namespace prefix is dropped; lists are walked by name */
	for (m = xml_path(root, "Tags/member"); m; m = xml_next(m))
		n++;
	assert_int_equal(n, 3);
	assert_string_equal(xml_find(root, "AssumeRolePolicyDocument")->text, "%7B%22a%22%3A1%7D");
	xml_free(root);
}

static void test_entities_and_refusals(void **state)
{
	const char *x = "<E><Message>a &amp; b &lt;c&gt; &#39;d&#39; &#x263A;</Message></E>";
	const char *dtd = "<!DOCTYPE a [<!ENTITY b \"bbbbbbbb\">]><a>&b;&b;</a>";
	char *t, *cause = NULL;
	struct strbuf deep = {0};
	int i;

	(void)state;
	t = xml_text(x, strlen(x), "Message");
	assert_string_equal(t, "a & b <c> 'd' \xe2\x98\xba");
	free(t);
	/* no DTD, so no entity can expand (billion laughs) */
	assert_null(xml_parse(dtd, strlen(dtd), &cause));
	assert_non_null(strstr(cause, "document type"));
	free(cause);
	assert_null(xml_text(dtd, strlen(dtd), "a"));
	/* not XML: NULL, with a reason */
	assert_null(xml_parse("<a><b></a>", 10, &cause));
	assert_non_null(strstr(cause, "not well-formed"));
	free(cause);
	assert_null(xml_parse("", 0, &cause));
	free(cause);
	assert_null(xml_text("<html>oops", 10, "Code"));
	for (i = 0; i < XML_DEPTH_MAX + 1; i++)
		strbuf_adds(&deep, "<a>");
	for (i = 0; i < XML_DEPTH_MAX + 1; i++)
		strbuf_adds(&deep, "</a>");
	assert_null(xml_parse(deep.s, deep.len, &cause));
	assert_non_null(strstr(cause, "deeper"));
	free(cause);
	strbuf_release(&deep);
}

static void test_sts_identity(void **state)
{
	const char *ok = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
			 "2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws-cn:sts::"
			 "123456789012:assumed-role/Dev/me</Arn><UserId>AROAX:me</UserId>"
			 "<Account>123456789012</Account></GetCallerIdentityResult>"
			 "</GetCallerIdentityResponse>";
	const char *bad = "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>12"
			  "</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";
	struct sts_identity id;
	char *cause = NULL;

	(void)state;
	assert_int_equal(sts_parse_identity(ok, strlen(ok), &id, &cause), 0);
	assert_string_equal(id.account, "123456789012");
	assert_string_equal(id.partition, "aws-cn");
	assert_string_equal(id.user_id, "AROAX:me");
	sts_identity_free(&id);
	assert_int_equal(sts_parse_identity(bad, strlen(bad), &id, &cause), -1);
	assert_non_null(cause);
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tree),
	    cmocka_unit_test(test_entities_and_refusals),
	    cmocka_unit_test(test_sts_identity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
