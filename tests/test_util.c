/* test_util.c - arena, buffer, key map, UTF-8 repair and the normalised text map. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "normalize/numerals.h"
#include "normalize/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/closest.h"
#include "util/keymap.h"
#include "util/utf8.h"
#include "util/vec.h"
#include "util/yaml_budget.h"

START_TEST(utf8_repair_replaces_each_bad_byte)
{
    const unsigned char in[] = {'a', 0xE4, 0xB8, 0x80, 0xFF, 0xE4, 0xB8, 'b', 0};
    size_t bad = 0, len = 0;
    char *out = po_utf8_repair(in, sizeof in - 1, &bad, &len);
    /* 一 survives, 0xFF and the truncated E4 B8 become U+FFFD each byte */
    ck_assert_str_eq(out, "a一\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    ck_assert_uint_eq(bad, 3);
    ck_assert_uint_eq(len, strlen(out));
    free(out);
    ck_assert(!po_utf8_valid(in, sizeof in - 1));
    ck_assert(po_utf8_valid((const unsigned char *)"一是", 6));
}
END_TEST

START_TEST(utf8_fast_paths_agree_with_the_decoder)
{
    /* three-byte forms the fast path must still refuse: overlong, surrogate */
    ck_assert(!po_utf8_valid((const unsigned char *)"\xE0\x80\x80", 3));
    ck_assert(!po_utf8_valid((const unsigned char *)"\xED\xA0\x80", 3));
    ck_assert(po_utf8_valid((const unsigned char *)"\xED\x9F\xBF", 3));
    ck_assert(po_utf8_valid((const unsigned char *)"\xEF\xBF\xBD", 3)); /* a literal U+FFFD */
    /* the same inside runs long enough for the two-at-a-time test */
    ck_assert(!po_utf8_valid((const unsigned char *)"一二\xED\xA0\x80三四", 15));
    ck_assert(!po_utf8_valid((const unsigned char *)"一\xE0\x9F\xBF二三四", 15));
    ck_assert(po_utf8_valid((const unsigned char *)"一\xE0\xA0\x80二\xED\x9F\xBF三四", 18));
    /* a bad byte and a NUL after a run of more than eight ASCII bytes */
    const unsigned char in[] = "0123456789\xC0" "abcdefghij\0klmnopq";
    ck_assert(!po_utf8_valid(in, 10 + 1));
    ck_assert(po_utf8_valid(in + 11, sizeof in - 12));
    size_t bad = 0, len = 0;
    char *out = po_utf8_repair(in, sizeof in - 1, &bad, &len);
    ck_assert_str_eq(out, "0123456789\xEF\xBF\xBD" "abcdefghijklmnopq");
    ck_assert_uint_eq(bad, 1);
    ck_assert_uint_eq(len, 10 + 3 + 17);
    free(out);
    /* characters counted eight bytes at a time, and the tail */
    const char *mixed = "ab一是二是c\xF0\x9F\x98\x80" "d";
    ck_assert_uint_eq(po_utf8_length(mixed, strlen(mixed)), 9);
    /* more than 255 words: the lane sums are carried over */
    char *many = malloc(3 * 1000 + 2);
    for (int i = 0; i < 1000; i++)
        memcpy(many + 3 * i, "一", 3);
    memcpy(many + 3000, "a", 2);
    ck_assert_uint_eq(po_utf8_length(many, 3001), 1001);
    free(many);
    /* bidi controls after other E2 characters; the first by position */
    const char *bidi = "\xE2\x80\x9C" "x\xD8\x9C" "y\xE2\x80\xAE" "z";
    uint32_t first = 0;
    ck_assert_uint_eq(po_utf8_count_bidi(bidi, strlen(bidi), &first), 2);
    ck_assert_uint_eq(first, 0x061C);
}
END_TEST

/* Load YAML text into doc (must parse). */
static void load_yaml(const char *y, yaml_document_t *doc)
{
    yaml_parser_t p;
    ck_assert(yaml_parser_initialize(&p));
    yaml_parser_set_input_string(&p, (const unsigned char *)y, strlen(y));
    ck_assert(yaml_parser_load(&p, doc));
    yaml_parser_delete(&p);
}

/* Only what aliases add counts: a large document without them passes a
 * budget of 0; each alias adds the weight of what it names (nodes plus
 * scalar bytes); a document holding itself never passes. */
START_TEST(yaml_budget_counts_expansion)
{
    yaml_document_t doc;
    yaml_mark_t at = {0, 0, 0};
    po_buf y = PO_BUF_INIT;
    po_buf_puts(&y, "items:\n");
    for (int i = 0; i < 5000; i++)
        po_buf_printf(&y, "  - entry number %d\n", i);
    load_yaml(y.data, &doc);
    ck_assert(po_yaml_within_budget(&doc, 0, &at));
    yaml_document_delete(&doc);
    po_buf_free(&y);

    /* *a stands for a sequence of two 3-byte scalars: 1 + 4 + 4 = 9 */
    load_yaml("a: &a [abc, def]\nb: [*a, *a]\n", &doc);
    ck_assert(po_yaml_within_budget(&doc, 18, &at));
    ck_assert(!po_yaml_within_budget(&doc, 17, &at));
    ck_assert_uint_eq(at.line, 1); /* the list of aliases, 0-based line */
    ck_assert_uint_eq(at.column, 3);
    yaml_document_delete(&doc);

    load_yaml("x: &s {k: [1, *s]}\n", &doc);
    ck_assert(!po_yaml_within_budget(&doc, PO_YAML_EXPANSION_BUDGET, &at));
    ck_assert_uint_eq(at.line, 0);
    yaml_document_delete(&doc);

    load_yaml("", &doc);
    ck_assert(po_yaml_within_budget(&doc, 0, NULL));
    yaml_document_delete(&doc);
}
END_TEST

/* Cutting UTF-8: a prefix of whole characters; a cut-off tail dropped. */
START_TEST(utf8_cuts_between_characters)
{
    ck_assert_uint_eq(po_utf8_prefix("a一二", 2), 4);
    ck_assert_uint_eq(po_utf8_prefix("a一二", 9), 7);
    ck_assert_uint_eq(po_utf8_prefix("", 3), 0);
    char s[] = "ab\xe4\xb8\x80\xe4\xb8";
    po_utf8_drop_partial(s);
    ck_assert_str_eq(s, "ab一");
    po_utf8_drop_partial(s);
    ck_assert_str_eq(s, "ab一");
    char t[] = "\xf0\x9f";
    po_utf8_drop_partial(t);
    ck_assert_str_eq(t, "");
    ck_assert(po_utf8_is_bidi_control(0x202E) && po_utf8_is_bidi_control(0x061C) && !po_utf8_is_bidi_control(0x200B));
    uint32_t first = 0;
    ck_assert_uint_eq(po_utf8_count_bidi("a\u2066b\u202Ec\u200E", strlen("a\u2066b\u202Ec\u200E"), &first), 3);
    ck_assert_uint_eq(first, 0x2066);
}
END_TEST

START_TEST(buf_grows_and_formats)
{
    po_buf b = PO_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        po_buf_printf(&b, "%d,", i);
    ck_assert_uint_eq(b.len, strlen(b.data));
    ck_assert(strncmp(b.data, "0,1,2,", 6) == 0);
    po_buf_put_cp(&b, 0x4E00);
    char *s = po_buf_detach(&b);
    ck_assert(strstr(s, "999,一") != NULL);
    free(s);
}
END_TEST

START_TEST(arena_grows_arrays_and_copies)
{
    po_arena *a = po_arena_new();
    int *arr = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 10000; i++)
        *(int *)po_arena_push(a, (void **)&arr, &n, &cap, sizeof *arr) = i;
    ck_assert_uint_eq(n, 10000);
    ck_assert_int_eq(arr[9999], 9999);
    ck_assert_int_eq(arr[0], 0);
    char *big = po_arena_alloc(a, 1 << 20); /* larger than a chunk */
    ck_assert_ptr_nonnull(big);
    ck_assert_str_eq(po_arena_strndup(a, "一是着力", 6), "一是");
    po_arena_free(a);
}
END_TEST

START_TEST(text_normalises_one_to_one)
{
    /* ASCII clause punctuation and full-width digits map in place */
    const char *s = "一是加强,协调;\n（二）１２３　要求(1,000)";
    po_text t;
    ck_assert_int_eq(po_text_init(&t, s, strlen(s)), 0);
    ck_assert_uint_eq(t.n, po_utf8_length(s, strlen(s)));
    ck_assert_uint_eq(t.ncp[4], 0xFF0C); /* , -> ， */
    ck_assert_uint_eq(t.ncp[7], 0xFF1B); /* ; -> ； */
    ck_assert_uint_eq(t.ncp[12], '1');   /* １ -> 1 */
    ck_assert_uint_eq(t.ncp[15], ' ');   /* U+3000 */
    ck_assert(strstr(t.norm, "1,000") != NULL); /* a thousands comma stays */
    ck_assert_uint_eq(t.n_para, 2);
    ck_assert_uint_eq(po_text_para_start(&t, 1), 9);
    ck_assert_uint_eq(po_text_paragraph(&t, 12), 1);
    size_t len;
    const char *p = po_text_orig_span(&t, 9, 12, &len);
    ck_assert(len == 9 && memcmp(p, "（二）", 9) == 0);
    ck_assert_uint_eq(po_text_cp_at_byte(&t, t.cp_byte[10]), 10);
    po_text_blank(&t, 0, 4);
    ck_assert(strncmp(t.norm, "            ", 12) == 0);
    ck_assert_uint_eq(po_text_cp_at_byte(&t, t.cp_byte[4]), 4);
    po_text_free(&t);
}
END_TEST

/* Reads s (UTF-8, at most 16 characters) with one of the numeral readers. */
static int numeral(int (*read)(const uint32_t *, size_t), const char *s)
{
    uint32_t cp[16];
    size_t n = 0, used;
    for (size_t i = 0, len = strlen(s); i < len && n < 16; i += used)
        cp[n++] = po_utf8_decode((const unsigned char *)s + i, len - i, &used);
    return read(cp, n);
}

START_TEST(numerals_read_markers_dates_and_counts)
{
    /* a marker's ordinal: one spelling of 一 … 九十九 */
    ck_assert_int_eq(numeral(po_numeral_ordinal, "十一"), 11);
    ck_assert_int_eq(numeral(po_numeral_ordinal, "二十"), 20);
    ck_assert_int_eq(numeral(po_numeral_ordinal, "九十九"), 99);
    ck_assert_int_eq(numeral(po_numeral_ordinal, "一一"), 0);  /* 一一对应 */
    ck_assert_int_eq(numeral(po_numeral_ordinal, "十十"), 0);
    ck_assert_int_eq(numeral(po_numeral_ordinal, "两"), 0);
    ck_assert_int_eq(numeral(po_numeral_ordinal, "3"), 0);
    /* a year digit by digit, a day with 十, a count with 百 */
    ck_assert_int_eq(numeral(po_numeral_value, "二〇一一"), 2011);
    ck_assert_int_eq(numeral(po_numeral_value, "二O二二"), 2022);
    ck_assert_int_eq(numeral(po_numeral_value, "2023"), 2023);
    ck_assert_int_eq(numeral(po_numeral_value, "三十一"), 31);
    ck_assert_int_eq(numeral(po_numeral_value, "十七"), 17);
    ck_assert_int_eq(numeral(po_numeral_value, "两"), 2);
    ck_assert_int_eq(numeral(po_numeral_value, "一百二十"), 120);
    ck_assert_int_eq(numeral(po_numeral_value, "十三家"), -1);
    ck_assert_int_eq(numeral(po_numeral_value, ""), -1);
    ck_assert_int_eq(numeral(po_numeral_value, "1234567890"), -1); /* no overflow */
}
END_TEST

START_TEST(vec_grows_and_refuses_overflow)
{
    int *v = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 100; i++) {
        int *slot = po_vec_push((void **)&v, &n, &cap, sizeof *v);
        ck_assert_ptr_nonnull(slot);
        *slot = i * i;
    }
    ck_assert_uint_eq(n, 100);
    ck_assert_uint_ge(cap, 100);
    ck_assert_int_eq(v[99], 9801);
    free(v);
    /* an item so large that 16 of them overflow: refused, nothing allocated */
    void *big = NULL;
    n = cap = 0;
    ck_assert_ptr_null(po_vec_push(&big, &n, &cap, SIZE_MAX / 8));
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(big);
}
END_TEST

START_TEST(closest_counts_a_swap_as_one_edit)
{
    static const char *const MODES[] = {"calendar", "range", "relative_day", NULL};
    ck_assert_uint_eq(po_edit_distance("rnage", "range"), 1);
    ck_assert_uint_eq(po_edit_distance("jsnol", "jsonl"), 1);
    ck_assert_uint_eq(po_edit_distance("", "json"), 4);
    ck_assert_str_eq(po_closest("rnage", MODES, 99, 1), "range");
    ck_assert_str_eq(po_closest("calender", MODES, 99, 1), "calendar");
    ck_assert_ptr_null(po_closest("week", MODES, 99, 2));
    ck_assert_ptr_null(po_closest("rnage", MODES, 1, 1)); /* only the first name looked at */
}
END_TEST

static bool is_wanted(uint32_t v, void *ctx)
{
    return v == *(const uint32_t *)ctx;
}

START_TEST(keymap_finds_every_value_and_keeps_collisions_apart)
{
    po_keymap m = {0};
    for (uint32_t i = 0; i < 10000; i++) {
        uint32_t k[3] = {i % 7, i, i * 3};
        ck_assert_int_eq(po_keymap_add(&m, k, i), 0);
    }
    uint32_t v;
    for (uint32_t i = 0; i < 10000; i += 37) {
        uint32_t k[3] = {i % 7, i, i * 3};
        ck_assert(po_keymap_find(&m, k, NULL, NULL, &v));
        ck_assert_uint_eq(v, i);
    }
    uint32_t absent[3] = {1, 2, 3};
    ck_assert(!po_keymap_find(&m, absent, NULL, NULL, &v));
    /* two values under one key (a digest two names share): the check tells them apart */
    uint32_t d[3] = {0};
    po_keymap_digest("李强", strlen("李强"), d + 1);
    ck_assert_int_eq(po_keymap_add(&m, d, 40000), 0);
    ck_assert_int_eq(po_keymap_add(&m, d, 40001), 0);
    uint32_t want = 40001;
    ck_assert(po_keymap_find(&m, d, is_wanted, &want, &v));
    ck_assert_uint_eq(v, 40001);
    want = 40002;
    ck_assert(!po_keymap_find(&m, d, is_wanted, &want, &v));
    uint32_t d2[3] = {0};
    po_keymap_digest("李强", strlen("李强"), d2 + 1);
    ck_assert_mem_eq(d, d2, sizeof d);
    po_keymap_digest("李强 ", strlen("李强 "), d2 + 1);
    ck_assert(memcmp(d, d2, sizeof d) != 0);
    po_keymap_free(&m);
    ck_assert(!po_keymap_find(&m, d, NULL, NULL, &v));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util");
    tcase_add_test(tc, utf8_repair_replaces_each_bad_byte);
    tcase_add_test(tc, utf8_fast_paths_agree_with_the_decoder);
    tcase_add_test(tc, buf_grows_and_formats);
    tcase_add_test(tc, utf8_cuts_between_characters);
    tcase_add_test(tc, yaml_budget_counts_expansion);
    tcase_add_test(tc, arena_grows_arrays_and_copies);
    tcase_add_test(tc, text_normalises_one_to_one);
    tcase_add_test(tc, numerals_read_markers_dates_and_counts);
    tcase_add_test(tc, vec_grows_and_refuses_overflow);
    tcase_add_test(tc, closest_counts_a_swap_as_one_edit);
    tcase_add_test(tc, keymap_finds_every_value_and_keeps_collisions_apart);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
