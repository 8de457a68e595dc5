/* test_api.c - the installed shared library, used through the public
 * headers alone: its export map holds every function a program needs. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "policy_outline_research.h"

START_TEST(seed_through_the_shared_library)
{
    char *path = po_test_shared_path("corpus/hexo/000_411ce5df8d938054.md");
    size_t len, n;
    unsigned char *data = po_test_read(path, &len);
    po_outline **list = po_test_analyze(path, data, len, NULL, &n);
    ck_assert_uint_eq(n, 1);
    po_outline *o = list[0];
    ck_assert_uint_eq(o->n_groups, 2);

    char *json = po_render_json(o, PO_RENDER_PRETTY);
    ck_assert_ptr_nonnull(strstr(json, "\"schema\":\t\"policy-outline/1\""));
    char *md = po_render_markdown(o, 0);
    ck_assert_ptr_nonnull(strstr(md, "**着力抓好工业稳增长政策措施的贯彻实施**"));
    char *text = po_render_text(o, PO_RENDER_EXPLAIN);
    ck_assert_ptr_nonnull(strstr(text, "[marker.yao"));
    char *html = po_render_html(o, 0);
    ck_assert_ptr_nonnull(strstr(html, "<!DOCTYPE html>"));

    po_table *t = po_table_new(PO_SHEET_ITEMS);
    ck_assert_int_eq(po_table_add(t, o), PO_OK);
    ck_assert_uint_eq(po_table_rows(t), 8);
    po_comparison *c = NULL;
    ck_assert_int_eq(po_compare(o, o, 0.25, &c), PO_OK);
    ck_assert_uint_eq(c->n_pairs, 8); /* an outline pairs every item with itself */
    ck_assert(po_similarity("加强预测预警", "加强预测预警") > 0.99);

    po_comparison_free(c);
    po_table_free(t);
    free(json);
    free(md);
    free(text);
    free(html);
    po_test_free_outlines(list, n);
    free(data);
    free(path);
    ck_assert_str_eq(po_status_str(PO_ERR_RULES), "invalid rule pack");
}
END_TEST

/* Failures are told apart by status: a malformed reference day is the
 * caller's error, not a lack of memory, and leaves the outline as it was. */
START_TEST(analyze_refuses_a_malformed_reference_day)
{
    const char *text = "会议提出，一是加强管理；二是完善制度。昨天，会议在北京举行。";
    po_rules *rules = NULL;
    ck_assert_int_eq(po_rules_new_default(&rules, NULL, NULL), PO_OK);
    po_outline **list;
    size_t n;
    ck_assert_int_eq(po_ingest("a.txt", (const unsigned char *)text, strlen(text), &list, &n, NULL, NULL), PO_OK);
    po_options bad = {"2023-13-45"}, good = {"2023-06-15"};
    ck_assert_int_eq(po_analyze(rules, list[0], &bad), PO_ERR_USAGE);
    ck_assert_uint_eq(list[0]->n_groups, 0);
    ck_assert_int_eq(po_analyze(rules, list[0], &good), PO_OK);
    ck_assert_uint_eq(list[0]->n_groups, 1);
    ck_assert_int_eq(po_analyze(rules, list[0], &good), PO_ERR_USAGE); /* once */
    for (size_t i = 0; i < n; i++)
        po_outline_free(list[i]);
    free(list);
    po_rules_free(rules);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, seed_through_the_shared_library);
    tcase_add_test(tc, analyze_refuses_a_malformed_reference_day);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
