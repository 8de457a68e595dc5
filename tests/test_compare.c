/* test_compare.c - similarity on known strings, alignment of two hand-built
 * meetings, clustering a corpus deterministically, and (once the groups
 * stage finds them) two real State Council meetings. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "policy_outline_research.h"
#include "compare/compare.h"
#include "util/buf.h"
#include "outline/model.h"

static po_outline *meeting(const char *source, int index, const char *date,
                           const char *const *texts, size_t n)
{
    po_outline *o = po_outline_new(source, index);
    ck_assert_ptr_nonnull(o);
    o->format = po_outline_strdup(o, "dayfile");
    o->meta.published = po_outline_strdup(o, date);
    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    for (size_t i = 0; i < n; i++) {
        po_item *it = po_outline_add_item(o, g);
        it->ordinal = (int)i + 1;
        it->marker = po_outline_strdup(o, "一是");
        it->text = po_outline_strdup(o, texts[i]);
        const char *cut = strstr(texts[i], "，");
        it->lead = cut ? po_outline_strndup(o, texts[i], (size_t)(cut - texts[i]))
                       : po_outline_strdup(o, texts[i]);
    }
    return o;
}

#define CLOSE(x, y) ck_assert_msg(fabs((x) - (y)) < 1e-9, "%f != %f", (double)(x), (double)(y))

START_TEST(similarity_of_known_strings)
{
    CLOSE(po_similarity("加强协调调度", "加强协调调度"), 1.0);
    CLOSE(po_similarity("", ""), 0.0);
    CLOSE(po_similarity("加强", ""), 0.0);
    /* ab bc / ab bd: one bigram of two on each side */
    CLOSE(po_similarity("abc", "abd"), 0.5);
    /* 稳定 定企 企业 业预 预期 / 稳定 定市 市场 场预 预期: 2 of 5 + 5 */
    CLOSE(po_similarity("稳定企业预期", "稳定市场预期"), 0.4);
    /* punctuation, white space, full-width forms and case do not count */
    CLOSE(po_similarity("加强，协调。 调度", "加强协调调度"), 1.0);
    CLOSE(po_similarity("ＡＢＣ１", "abc1"), 1.0);
    CLOSE(po_similarity("一", "一"), 1.0);
    /* repeated bigrams count once (sets) */
    CLOSE(po_similarity("哈哈哈哈", "哈哈"), 1.0);
    ck_assert(po_similarity("保障产业链供应链安全稳定", "促进产业链供应链安全稳定") > 0.8);
}
END_TEST

START_TEST(alignment_pairs_items_regardless_of_order)
{
    const char *a_texts[] = {
        "继续狠抓稳经济一揽子政策落地，督导组要继续督导协调解决问题",
        "更大激发市场活力和社会创造力，深化放管服改革",
        "各地各方面都要履职尽责保民生，兜牢基本民生底线",
    };
    const char *b_texts[] = {
        "各地都要履职尽责保民生，兜牢民生底线",
        "持续狠抓稳经济一揽子政策落地，督导组要继续督导协调解决问题",
        "推动外贸保稳提质，加快出口退税",
    };
    po_outline *a = meeting("a.md", 0, "2022-10-27", a_texts, 3);
    po_outline *b = meeting("b.md", 0, "2022-11-03", b_texts, 3);
    po_comparison *c;
    ck_assert_int_eq(po_compare(a, b, 0.3, &c), PO_OK);
    ck_assert_uint_eq(c->n_pairs, 2);
    ck_assert_uint_eq(c->pairs[0].a, 0);
    ck_assert_uint_eq(c->pairs[0].b, 1);
    ck_assert(c->pairs[0].lead_changed); /* 继续 -> 持续 */
    ck_assert_uint_eq(c->pairs[1].a, 2);
    ck_assert_uint_eq(c->pairs[1].b, 0);
    ck_assert(c->pairs[1].lead_changed);
    ck_assert_uint_eq(c->n_only_a, 1);
    ck_assert_uint_eq(c->only_a[0], 1);
    ck_assert_uint_eq(c->n_only_b, 1);
    ck_assert_uint_eq(c->only_b[0], 2);
    char *json = po_comparison_render(c, PO_COMPARE_JSON, 0);
    ck_assert(strstr(json, "\"item_id\":\t\"a.md#0/g0/1\"") != NULL);
    free(json);
    char *text = po_comparison_render(c, PO_COMPARE_TEXT, 0);
    ck_assert(strstr(text, "Only in B") != NULL && strstr(text, "\x1b[") == NULL);
    free(text);
    char *color = po_comparison_render(c, PO_COMPARE_TEXT, PO_RENDER_COLOR);
    ck_assert(strstr(color, "\x1b[") != NULL);
    free(color);
    char *md = po_comparison_render(c, PO_COMPARE_MARKDOWN, 0);
    ck_assert(strstr(md, "## Changed leads") != NULL);
    free(md);
    po_comparison_free(c);
    /* a threshold above every similarity pairs nothing */
    ck_assert_int_eq(po_compare(a, b, 1.0, &c), PO_OK);
    ck_assert_uint_eq(c->n_pairs, 0);
    ck_assert_uint_eq(c->n_only_a, 3);
    po_comparison_free(c);
    po_outline_free(a);
    po_outline_free(b);
}
END_TEST

START_TEST(greedy_takes_the_best_pair_first)
{
    /* B0 resembles both A items; it must go to the closer one (A1). */
    const char *a_texts[] = {"加强宣传引导工作", "加强宣传引导工作机制建设"};
    const char *b_texts[] = {"加强宣传引导工作机制建设"};
    po_outline *a = meeting("a.md", 0, "2022-01-01", a_texts, 2);
    po_outline *b = meeting("b.md", 0, "2022-01-02", b_texts, 1);
    po_comparison *c;
    ck_assert_int_eq(po_compare(a, b, 0.3, &c), PO_OK);
    ck_assert_uint_eq(c->n_pairs, 1);
    ck_assert_uint_eq(c->pairs[0].a, 1);
    CLOSE(c->pairs[0].similarity, 1.0);
    ck_assert(!c->pairs[0].lead_changed);
    po_comparison_free(c);
    po_outline_free(a);
    po_outline_free(b);
}
END_TEST

/* A corpus of days: a recurring directive, a near-duplicate of it, a
 * directive repeated only inside one article, and noise. */
static char *clustered(size_t *n_clusters, po_cluster_info *first)
{
    static const char *const NOISE[] = {
        "做好冬春农业生产", "推进城市更新行动", "加强网络安全保障", "支持科技创新平台建设",
        "扩大高水平对外开放", "完善社会保障体系", "促进数字经济发展", "保护生态环境质量",
    };
    po_corpus *c = po_corpus_new();
    char day[16];
    for (int d = 0; d < 12; d++) {
        snprintf(day, sizeof day, "2023-01-%02d", 20 - d); /* added out of date order */
        const char *texts[5] = {NOISE[d % 8], NOISE[(d + 3) % 8], "加强宣传引导，及时回应社会关切"};
        size_t n = 3;
        if (d % 3 == 0)
            texts[n++] = d % 2 ? "加强宣传引导，及时回应社会和企业关切" : "加强宣传引导，及时回应社会关切";
        if (d == 5)
            texts[n++] = "推动惠企减负政策落实落细";
        po_outline *o = meeting("day.md", d, day, texts, n);
        ck_assert_int_eq(po_corpus_add(c, o), PO_OK);
        po_outline_free(o);
    }
    /* the same directive twice in one article is no recurrence */
    const char *twice[] = {"稳住农业基本盘守好三农基础", "稳住农业基本盘守好三农基础"};
    po_outline *o = meeting("one.md", 0, "2023-02-01", twice, 2);
    ck_assert_int_eq(po_corpus_add(c, o), PO_OK);
    po_outline_free(o);
    po_cluster_options opt = {0.5, 2};
    ck_assert_int_eq(po_corpus_cluster(c, &opt), PO_OK);
    ck_assert_int_eq(po_corpus_cluster(c, &opt), PO_OK); /* re-clustering replaces */
    *n_clusters = po_corpus_clusters(c);
    ck_assert(po_corpus_cluster_info(c, 0, first));
    static char lead[256];
    snprintf(lead, sizeof lead, "%s", first->lead);
    first->lead = lead;
    first->first_date = first->last_date = NULL;
    char *json = po_corpus_render(c, PO_COMPARE_JSON);
    char *md = po_corpus_render(c, PO_COMPARE_MARKDOWN);
    char *csv = po_corpus_render(c, PO_COMPARE_CSV);
    ck_assert(json && md && csv);
    ck_assert(strstr(md, "稳住农业基本盘") == NULL);
    ck_assert(strncmp(csv, "cluster,articles,size,", 22) == 0);
    size_t len = strlen(json) + strlen(md) + strlen(csv) + 1;
    char *all = malloc(len);
    snprintf(all, len, "%s%s%s", json, md, csv);
    free(json);
    free(md);
    free(csv);
    po_corpus_free(c);
    return all;
}

START_TEST(clustering_finds_recurrences_deterministically)
{
    size_t n1, n2;
    po_cluster_info i1, i2;
    char *out1 = clustered(&n1, &i1);
    char *out2 = clustered(&n2, &i2);
    ck_assert_str_eq(out1, out2);
    ck_assert_uint_eq(n1, n2);
    /* every NOISE text recurs too (d % 8 cycles), so count the big one */
    ck_assert_uint_ge(n1, 2);
    ck_assert_uint_eq(i1.articles, 12);
    ck_assert_str_eq(i1.lead, "加强宣传引导"); /* the most central member's lead */
    ck_assert(strstr(out1, "\"first\":\t\"2023-01-09\"") != NULL);
    ck_assert(strstr(out1, "\"last\":\t\"2023-01-20\"") != NULL);
    free(out1);
    free(out2);
}
END_TEST

START_TEST(clustering_scales_below_quadratic)
{
    /* 20,000 distinct items: brute force would verify 2e8 pairs. */
    po_corpus *c = po_corpus_new();
    static const char *const WORDS[] = {"加强", "推进", "完善", "健全", "优化", "深化",
                                        "产业", "市场", "民生", "科技", "金融", "农业",
                                        "体系", "机制", "服务", "保障", "监管", "创新"};
    char text[256];
    uint64_t x = 42;
    for (int d = 0; d < 2000; d++) {
        const char *texts[10];
        char store[10][256];
        for (int i = 0; i < 10; i++) {
            text[0] = '\0';
            for (int w = 0; w < 8; w++) {
                x = x * 6364136223846793005ull + 1442695040888963407ull;
                strcat(text, WORDS[(x >> 33) % 18]);
            }
            snprintf(store[i], sizeof store[i], "%s%d号", text, d * 10 + i);
            texts[i] = store[i];
        }
        po_outline *o = meeting("big.md", d, "2024-01-01", texts, 10);
        ck_assert_int_eq(po_corpus_add(c, o), PO_OK);
        po_outline_free(o);
    }
    ck_assert_uint_eq(po_corpus_items(c), 20000);
    po_cluster_options opt = {0.9, 2};
    ck_assert_int_eq(po_corpus_cluster(c, &opt), PO_OK);
    po_corpus_free(c);
}
END_TEST

/* Two real State Council executive meetings. The pairs a reader makes were
 * read off the articles once (tests/golden/compare_state_council.tsv: A text
 * prefix, tab, B text prefix); the alignment must give exactly those. */
static bool starts(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

START_TEST(real_state_council_meetings)
{
    po_outline *a = po_test_corpus_article("20221027", "国务院常务会议");
    po_outline *b = po_test_corpus_article("20221221", "国务院常务会议");
    po_comparison *c;
    ck_assert_int_eq(po_compare(a, b, 0.25, &c), PO_OK);
    char *path = po_test_source_path("tests/golden/compare_state_council.tsv");
    size_t len, expected = 0;
    char *golden = (char *)po_test_read(path, &len);
    for (char *line = strtok(golden, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        expected++;
        bool found = false;
        for (size_t k = 0; k < c->n_pairs && !found; k++)
            found = starts(c->a[c->pairs[k].a].item->text, line) &&
                    starts(c->b[c->pairs[k].b].item->text, tab + 1);
        ck_assert_msg(found, "no pair %s <-> %s", line, tab + 1);
    }
    ck_assert_uint_eq(expected, 2);
    ck_assert_uint_eq(c->n_pairs, expected);
    free(golden);
    free(path);
    po_comparison_free(c);
    po_outline_free(a);
    po_outline_free(b);
}
END_TEST

/* Standard output of the command line (malloc'd); fails on a non-zero exit. */
static char *run(const char *args)
{
    const char *bin = getenv("PO_BINARY");
    ck_assert_msg(bin != NULL, "PO_BINARY is not set");
    char *shared = po_test_shared_path("corpus/xwlb");
    size_t len = strlen(bin) + strlen(args) + 3 * strlen(shared) + 64;
    char *cmd = malloc(len);
    /* args name corpus files as %s/DAY.md */
    char *expanded = malloc(len);
    snprintf(expanded, len, args, shared, shared, shared);
    snprintf(cmd, len, "%s %s", bin, expanded);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    po_buf b = PO_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        po_buf_append(&b, chunk, n);
    ck_assert_msg(pclose(p) == 0, "%s failed", cmd);
    free(cmd);
    free(expanded);
    free(shared);
    return po_buf_detach(&b);
}

START_TEST(command_line_two_meetings_and_a_corpus)
{
    char *json = run("compare --format json %s/20221027.md#3 %s/20221221.md");
    ck_assert(strstr(json, "\"only_b\"") != NULL);
    ck_assert(strstr(json, "20221221.md#3/g0/2") != NULL);
    free(json);
    char *text = run("compare --no-color --article 3 %s/20221027.md %s/20221221.md");
    ck_assert(strstr(text, "paired: 2") != NULL);
    free(text);
    /* three government work reports: 民生保障 recurs every year */
    const char *corpus = "compare --format json %s/20240305.md %s/20250305.md %s/20260305.md";
    char *one = run(corpus), *two = run(corpus);
    ck_assert_str_eq(one, two); /* byte-identical */
    ck_assert(strstr(one, "民生保障") != NULL);
    free(one);
    free(two);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("compare");
    tcase_add_test(tc, similarity_of_known_strings);
    tcase_add_test(tc, alignment_pairs_items_regardless_of_order);
    tcase_add_test(tc, greedy_takes_the_best_pair_first);
    tcase_add_test(tc, clustering_finds_recurrences_deterministically);
    tcase_add_test(tc, clustering_scales_below_quadratic);
    tcase_add_test(tc, real_state_council_meetings);
    tcase_add_test(tc, command_line_two_meetings_and_a_corpus);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return po_test_run(suite());
}
