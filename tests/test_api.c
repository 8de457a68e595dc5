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

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, seed_through_the_shared_library);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
