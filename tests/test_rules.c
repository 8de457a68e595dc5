/* test_rules.c - loading rule packs: the embedded default, a custom pack
 * that adds a style, and every kind of error, reported at FILE:LINE:COLUMN. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "outline/rule_values.h"
#include "rules/contract.h"
#include "rules/rules.h"

typedef struct diags {
    char text[4096];
    int errors;
} diags;

static void collect(const po_diag *d, void *user)
{
    diags *g = user;
    size_t len = strlen(g->text);
    snprintf(g->text + len, sizeof g->text - len, "%s:%d:%d: %s\n", d->file ? d->file : "?", d->line,
             d->column, d->message);
    if (d->level == PO_DIAG_ERROR)
        g->errors++;
}

/* Compile one YAML text as a part of a pack named t.yaml. */
static po_status compile_text(const char *yaml, po_rules **out, diags *g)
{
    memset(g, 0, sizeof *g);
    po_rule_source src = {"t.yaml", yaml, strlen(yaml)};
    return po_rules_compile_flags(&src, 1, PO_COMPILE_FRAGMENT, out, collect, g);
}

START_TEST(default_pack_has_every_style)
{
    const po_rules *r = po_test_rules();
    ck_assert_uint_ge(po_rules_size(r), 20);
    ck_assert_uint_eq(po_rules_count(r, "marker"), 10);
    const char *styles[] = {"shi", "yao", "di", "paren-cn", "dun-cn", "arabic", "paren-arabic",
                            "circled", "sequence", "aspect"};
    for (size_t i = 0; i < 10; i++)
        ck_assert_str_eq(po_rule_str(po_rules_get(r, "marker", i), "style", ""), styles[i]);
    ck_assert_ptr_nonnull(po_rules_find(r, "trap.ordinal-noun"));
    ck_assert_ptr_nonnull(po_rules_lexicon(r, "clause_openers"));
}
END_TEST

START_TEST(custom_pack_adds_a_style)
{
    /* the default folder plus one file: 其一 … 其二 … as a new style */
    char dir[] = "/tmp/po-rules-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *src = po_test_source_path("rules");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/*.yaml %s/", src, dir);
    ck_assert_int_eq(system(cmd), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/zz-qi.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs("rules:\n"
          "  - id: marker.qi\n"
          "    kind: marker\n"
          "    style: qi\n"
          "    ordinal: cn\n"
          "    position: clause\n"
          "    pattern: '其(?<num>{cn_num})(?=[，：])'\n"
          "    examples: ['其一，']\n",
          f);
    fclose(f);
    po_rules *r = NULL;
    diags g = {{0}, 0};
    ck_assert_int_eq(po_rules_new_from_dir(dir, &r, collect, &g), PO_OK);
    const char *text = "会议提出两点要求：其一，加强领导；其二，压实责任。";
    po_outline **list;
    size_t n;
    ck_assert_int_eq(po_ingest("t.txt", (const unsigned char *)text, strlen(text), &list, &n, NULL, NULL), PO_OK);
    ck_assert_int_eq(po_analyze(r, list[0], NULL), PO_OK);
    ck_assert_uint_eq(list[0]->n_groups, 1);
    ck_assert_str_eq(list[0]->groups[0].style, "qi");
    ck_assert_str_eq(list[0]->groups[0].items[1].lead, "压实责任");
    ck_assert_str_eq(list[0]->groups[0].items[1].rule, "marker.qi");
    po_outline_free(list[0]);
    free(list);
    po_rules_free(r);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(src);
}
END_TEST

START_TEST(yaml_syntax_error_points_at_line_and_column)
{
    po_rules *r = (po_rules *)1;
    diags g;
    ck_assert_int_eq(compile_text("rules:\n  - id: a\n    kind: marker\n   pattern: [\n", &r, &g), PO_ERR_RULES);
    ck_assert_ptr_null(r);
    ck_assert_msg(strstr(g.text, "t.yaml:4:") != NULL, "got: %s", g.text);
}
END_TEST

START_TEST(unknown_key_and_kind_are_refused)
{
    po_rules *r;
    diags g;
    ck_assert_int_eq(compile_text("rules:\n  - id: a\n    kind: marker\n    style: x\n    colour: red\n", &r, &g),
                     PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "t.yaml:5:5: rule a: unknown key 'colour' for kind marker") != NULL,
                  "got: %s", g.text);
    ck_assert_int_eq(compile_text("rules:\n  - id: b\n    kind: nonsense\n", &r, &g), PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "t.yaml:2:5: rule b: unknown kind 'nonsense'") != NULL, "got: %s", g.text);
    ck_assert_int_eq(compile_text("whatever: 1\n", &r, &g), PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "t.yaml:1:1: unknown section 'whatever'") != NULL, "got: %s", g.text);
}
END_TEST

START_TEST(bad_regex_points_into_the_pattern)
{
    po_rules *r;
    diags g;
    /* the value starts at column 14 (its quote); the ) is 1 + 3 further */
    ck_assert_int_eq(compile_text("rules:\n  - id: c\n    kind: trap\n    pattern: 'abc)'\n", &r, &g),
                     PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "t.yaml:4:18: rule c: pattern does not compile") != NULL, "got: %s", g.text);
    ck_assert_int_eq(compile_text("rules:\n  - id: d\n    kind: trap\n    pattern: '{nodef}x'\n", &r, &g),
                     PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "unknown definition") != NULL, "got: %s", g.text);
}
END_TEST

START_TEST(han_script_extension_is_refused)
{
    po_rules *r;
    diags g;
    ck_assert_int_eq(compile_text("rules:\n  - id: i\n    kind: trap\n    pattern: '\\p{Han}+'\n", &r, &g),
                     PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "t.yaml:4:14: rule i: write \\p{sc:Han}") != NULL, "got: %s", g.text);
}
END_TEST

START_TEST(examples_and_duplicate_ids_are_checked)
{
    po_rules *r;
    diags g;
    ck_assert_int_eq(compile_text("rules:\n  - id: e\n    kind: trap\n    pattern: '一是'\n"
                                  "    examples: ['二是']\n",
                                  &r, &g),
                     PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "t.yaml:5:16: rule e: pattern does not match its example") != NULL,
                  "got: %s", g.text);
    ck_assert_int_eq(compile_text("rules:\n  - {id: f, kind: trap, pattern: x}\n"
                                  "  - {id: f, kind: trap, pattern: y}\n",
                                  &r, &g),
                     PO_ERR_RULES);
    ck_assert_msg(strstr(g.text, "rule id 'f' is used twice") != NULL, "got: %s", g.text);
}
END_TEST

START_TEST(lexicons_and_defs_expand)
{
    po_rules *r;
    diags g;
    ck_assert_int_eq(compile_text("defs:\n  n: '[0-9]+'\n"
                                  "lexicons:\n  t: [部长, 副部长, 'a.b']\n"
                                  "rules:\n  - id: g\n    kind: trap\n    pattern: '{lex:t}{n}'\n"
                                  "    examples: ['副部长12', 'a.b3']\n",
                                  &r, &g),
                     PO_OK);
    const po_rule *rule = po_rules_find(r, "g");
    size_t s, e;
    ck_assert_int_eq(po_match_string(rule, "axb3", 4, NULL, &s, &e), 0); /* . is literal */
    ck_assert(po_lexicon_has(po_rules_lexicon_any(r, "t"), "部长", strlen("部长")));
    po_rules_free(r);
}
END_TEST

/* The index answers as a scan of the words, longest first, would: a word
 * and a longer one sharing its first (or last) character, one ASCII word,
 * and a lexicon named in two files (their union). */
START_TEST(lexicon_index_finds_the_longest_word)
{
    po_rules *r;
    diags g = {{0}, 0};
    po_rule_source src[] = {
        {"a.yaml", "lexicons:\n  t: [部长, 副部长, 长, 外交部, ab]\n", 0},
        {"b.yaml", "lexicons:\n  t: [部长助理]\n", 0},
    };
    for (size_t i = 0; i < 2; i++)
        src[i].len = strlen(src[i].text);
    ck_assert_int_eq(po_rules_compile_flags(src, 2, PO_COMPILE_FRAGMENT, &r, collect, &g), PO_OK);
    const po_lexicon *t = po_rules_lexicon_any(r, "t");
    const char *w = NULL;
    const char *s = "外交部部长助理说";
    ck_assert_uint_eq(po_lexicon_prefix(t, s, strlen(s), &w), strlen("外交部"));
    ck_assert_str_eq(w, "外交部");
    s = "部长助理说";
    ck_assert_uint_eq(po_lexicon_prefix(t, s, strlen(s), &w), strlen("部长助理"));
    ck_assert_uint_eq(po_lexicon_prefix(t, s, strlen("部长助"), &w), strlen("部长")); /* bounded */
    ck_assert_uint_eq(po_lexicon_prefix(t, "说", strlen("说"), NULL), 0);
    s = "外交部副部长";
    ck_assert_uint_eq(po_lexicon_suffix(t, s, strlen(s), &w), strlen("副部长"));
    ck_assert_str_eq(w, "副部长");
    ck_assert_uint_eq(po_lexicon_suffix(t, s, strlen("外交部"), &w), strlen("外交部"));
    ck_assert_uint_eq(po_lexicon_suffix(t, "xab", 3, &w), 2);
    ck_assert_uint_eq(po_lexicon_suffix(t, "b", 1, NULL), 0);
    ck_assert(po_lexicon_has(t, "部长助理", strlen("部长助理")));
    ck_assert(po_lexicon_has(t, "长", strlen("长")));
    ck_assert(!po_lexicon_has(t, "部", strlen("部")));
    ck_assert(!po_lexicon_has(NULL, "部", strlen("部")));
    ck_assert_uint_eq(po_lexicon_word_len(t, 0), strlen("部长助理"));
    po_rules_free(r);
}
END_TEST

/* At a place of a text: the first and last code points of the words are
 * tested before any lookup, and a place where none starts (ends) finds
 * nothing, while every word is still found where it stands, also after
 * blanking turned a character into spaces. */
START_TEST(lexicon_at_a_text_place)
{
    po_rules *r;
    diags g = {{0}, 0};
    po_rule_source src[] = {{"a.yaml", "lexicons:\n  t: [部长, 副部长, 外交部, ab]\n", 0}};
    src[0].len = strlen(src[0].text);
    ck_assert_int_eq(po_rules_compile_flags(src, 1, PO_COMPILE_FRAGMENT, &r, collect, &g), PO_OK);
    const po_lexicon *t = po_rules_lexicon_any(r, "t");
    ck_assert(po_lexicon_may_start(t, 0x90E8));  /* 部 */
    ck_assert(po_lexicon_may_start(t, 'a'));
    ck_assert(!po_lexicon_may_start(t, 0x8BF4)); /* 说 */
    ck_assert(!po_lexicon_may_start(t, 'b'));
    ck_assert(po_lexicon_may_end(t, 0x957F));    /* 长 */
    ck_assert(po_lexicon_may_end(t, 'b'));
    ck_assert(!po_lexicon_may_end(t, 'a'));
    ck_assert(!po_lexicon_may_start(NULL, 0x90E8));
    po_text text;
    const char *s = "外交部副部长说ab";
    ck_assert_int_eq(po_text_init(&text, s, strlen(s)), PO_OK);
    ck_assert_uint_eq(po_lexicon_at(t, &text, 0, text.n), 3);  /* 外交部 */
    ck_assert_uint_eq(po_lexicon_at(t, &text, 3, text.n), 3);  /* 副部长 */
    ck_assert_uint_eq(po_lexicon_at(t, &text, 4, text.n), 2);  /* 部长 */
    ck_assert_uint_eq(po_lexicon_at(t, &text, 4, 5), 0);       /* bounded */
    ck_assert_uint_eq(po_lexicon_at(t, &text, 6, text.n), 0);  /* 说 */
    ck_assert_uint_eq(po_lexicon_at(t, &text, 7, text.n), 2);  /* ab */
    ck_assert_uint_eq(po_lexicon_ending(t, &text, 0, 6), 3);   /* 副部长 */
    ck_assert_uint_eq(po_lexicon_ending(t, &text, 4, 6), 2);   /* 部长 */
    ck_assert_uint_eq(po_lexicon_ending(t, &text, 0, 7), 0);   /* 说 */
    ck_assert_uint_eq(po_lexicon_ending(t, &text, 0, text.n), 2);
    po_text_blank(&text, 4, 5); /* 部 */
    ck_assert_uint_eq(po_lexicon_at(t, &text, 3, text.n), 0);
    ck_assert_uint_eq(po_lexicon_at(t, &text, 4, text.n), 0);
    ck_assert_uint_eq(po_lexicon_at(t, &text, 0, text.n), 3);
    po_text_free(&text);
    po_rules_free(r);
}
END_TEST

/* The literals a pattern cannot match without, joined by spaces in set
 * order ("-" when none are known). */
static const char *literals_of(const char *pattern, char *out, size_t size)
{
    char **lits;
    size_t n, max;
    uint32_t stops;
    if (!po_pattern_literals(pattern, &lits, &n, &max, &stops))
        return "-";
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s", i ? " " : "", lits[i]);
        free(lits[i]);
    }
    free(lits);
    return out;
}

START_TEST(pattern_literals_are_what_every_match_holds)
{
    char b[512];
    /* lookarounds and anchors hold no text of the match; optional parts
     * multiply out; the longer requirement of a sequence wins */
    ck_assert_str_eq(literals_of("(?<![\\d.])(?<y>\\d{4})年(?!代)", b, sizeof b), "年");
    ck_assert_str_eq(literals_of("第?[一二]季度", b, sizeof b), "第一季度 第二季度 一季度 二季度");
    ck_assert_str_eq(literals_of("(?:召开|举行)了?会议", b, sizeof b), "召开了会议 召开会议 举行了会议 举行会议");
    ck_assert_str_eq(literals_of("\\d+月份?", b, sizeof b), "月份 月");
    ck_assert_str_eq(literals_of("(?m)^原标题[：:]", b, sizeof b), "原标题： 原标题:");
    ck_assert_str_eq(literals_of("\\x{2460}[一-三]", b, sizeof b), "①一 ①丁 ①丂 ①七 ①丄 ①丅 ①丆 ①万 ①丈 ①三");
    /* a range may end in an escape; a class of up to 64 characters is read */
    ck_assert_str_eq(literals_of("[\\x{2460}-\\x{2462}\\x{3251}]", b, sizeof b), "① ② ③ ㉑");
    ck_assert_str_eq(literals_of("[\\x{2460}-\\x{24A0}]", b, sizeof b), "-"); /* 65 */
    /* a branch that may match anything, or options and escapes not read:
     * no literals, the rule always runs */
    ck_assert_str_eq(literals_of("会议|\\p{sc:Han}", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("(?i)abc", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("(?x) 会 议", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("(会)\\1", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("会议\\K决定", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("[^会]+", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("会?", b, sizeof b), "-");
    ck_assert_str_eq(literals_of("(?=会议)", b, sizeof b), "-");
}
END_TEST

/* The stops no match of a pattern holds (0 when no literals are known). */
static uint32_t stops_of(const char *pattern)
{
    char **lits;
    size_t n, max;
    uint32_t stops;
    if (!po_pattern_literals(pattern, &lits, &n, &max, &stops))
        return 0;
    for (size_t i = 0; i < n; i++)
        free(lits[i]);
    free(lits);
    return stops;
}

START_TEST(pattern_stops_are_what_no_match_holds)
{
    uint32_t comma = po_stop_bit(0xFF0C), enum_comma = po_stop_bit(0x3001), full_stop = po_stop_bit(0x3002);
    ck_assert_uint_ne(comma, 0);
    ck_assert_uint_eq(po_stop_bit(0x4F1A), 0); /* 会 */
    /* ideographs and digits hold no stop; the 、 of the list is one */
    uint32_t org = stops_of("(?:\\p{sc:Han}{1,10}、)*\\p{sc:Han}{1,10}等(?:\\d+|[一二三四五六七八九十百两]+)(?:家|个)");
    ck_assert_uint_eq(org, po_stop_all() & ~enum_comma);
    /* a negated class holds every stop it does not name, the line feed too */
    ck_assert_uint_eq(stops_of("会见[^，。；]{2,40}"), comma | full_stop | po_stop_bit(0xFF1B));
    /* . holds anything but a line feed; \p{Han} takes in CJK punctuation */
    ck_assert_uint_eq(stops_of("会议.{0,5}决定"), PO_STOP_NL);
    ck_assert_uint_eq(stops_of("\\p{Han}+会议"), PO_STOP_NL);
    ck_assert_uint_eq(stops_of("(?s)会议.{0,5}"), 0);
    ck_assert_uint_eq(stops_of("[\\p{sc:Han}\\d]+会议"), po_stop_all());
    ck_assert_uint_eq(stops_of("[、-。]会议"), po_stop_all() & ~(enum_comma | full_stop));
}
END_TEST

/* A rule skipped by the prefilter finds what it finds without it, from
 * every start offset to every end of the text. */
static void same_as_plain_run(const char *kind, const char *pattern, const char *s, int min_found)
{
    po_rules *fast, *ref;
    diags g;
    char pack[512];
    snprintf(pack, sizeof pack, "rules:\n  - {id: m, kind: %s, pattern: '%s'}\n", kind, pattern);
    ck_assert_int_eq(compile_text(pack, &fast, &g), PO_OK);
    setenv("POLICY_OUTLINE_REFERENCE", "1", 1);
    ck_assert_int_eq(compile_text(pack, &ref, &g), PO_OK);
    unsetenv("POLICY_OUTLINE_REFERENCE");
    ck_assert_ptr_nonnull(po_rules_prefilter(fast));
    ck_assert_ptr_null(po_rules_prefilter(ref));
    po_text t;
    ck_assert_int_eq(po_text_init(&t, s, strlen(s)), 0);
    po_matcher a, b;
    ck_assert_int_eq(po_matcher_init(&a, &t), 0);
    ck_assert_int_eq(po_matcher_init(&b, &t), 0);
    ck_assert_int_eq(po_matcher_scan(&a, fast), 0);
    ck_assert_int_eq(po_matcher_scan(&b, ref), 0);
    ck_assert(a.hits.active);
    const po_rule *rf = po_rules_find(fast, "m"), *rr = po_rules_find(ref, "m");
    ck_assert_int_ne(rf->filter, 0);
    int found = 0;
    for (size_t from = 0; from <= t.n; from++)
        for (size_t until = from; until <= t.n; until += 3) {
            po_match x = {0}, y = {0};
            int rx = po_rule_match(&a, rf, from, until, 0, &x);
            int ry = po_rule_match(&b, rr, from, until, 0, &y);
            ck_assert_int_eq(rx, ry);
            ck_assert_uint_eq(x.start, y.start);
            ck_assert_uint_eq(x.end, y.end);
            found += rx == 1;
        }
    ck_assert_int_gt(found, min_found);
    po_matcher_free(&a);
    po_matcher_free(&b);
    po_text_free(&t);
    po_rules_free(fast);
    po_rules_free(ref);
}

/* Blanking makes a place for a literal that holds a space: the matcher
 * finds it once told where the text changed, as the plain run does. */
START_TEST(prefilter_sees_places_that_blanking_makes)
{
    po_rules *fast, *ref;
    diags g;
    const char *pack = "rules:\n  - {id: m, kind: not_person, pattern: '甲 乙'}\n";
    ck_assert_int_eq(compile_text(pack, &fast, &g), PO_OK);
    setenv("POLICY_OUTLINE_REFERENCE", "1", 1);
    ck_assert_int_eq(compile_text(pack, &ref, &g), PO_OK);
    unsetenv("POLICY_OUTLINE_REFERENCE");
    ck_assert(po_prefilter_spaced(po_rules_prefilter(fast)));
    const char *s = "前言甲x乙后记";
    po_text t;
    ck_assert_int_eq(po_text_init(&t, s, strlen(s)), PO_OK);
    po_matcher a, b;
    ck_assert_int_eq(po_matcher_init(&a, &t), 0);
    ck_assert_int_eq(po_matcher_init(&b, &t), 0);
    ck_assert_int_eq(po_matcher_scan(&a, fast), 0);
    ck_assert_int_eq(po_matcher_scan(&b, ref), 0);
    const po_rule *rf = po_rules_find(fast, "m"), *rr = po_rules_find(ref, "m");
    po_match x = {0}, y = {0};
    ck_assert_int_eq(po_rule_match(&a, rf, 0, t.n, 0, &x), 0);
    po_text_blank(&t, 3, 4); /* x */
    ck_assert_int_eq(po_matcher_blanked(&a, 3, 4), 0);
    ck_assert_int_eq(po_rule_match(&b, rr, 0, t.n, 0, &y), 1);
    ck_assert_int_eq(po_rule_match(&a, rf, 0, t.n, 0, &x), 1);
    ck_assert_uint_eq(x.start, y.start);
    ck_assert_uint_eq(x.end, y.end);
    ck_assert_uint_eq(x.start, 2);
    po_matcher_free(&a);
    po_matcher_free(&b);
    po_text_free(&t);
    po_rules_free(fast);
    po_rules_free(ref);
}
END_TEST

START_TEST(prefilter_matches_as_the_plain_run)
{
    same_as_plain_run("date", "(?<![\\d])(?<d>\\d{1,2})日(?!内)", "3日内完成，12日至15日举行；5日。无日期的一段", 10);
    /* unbounded before its literal: the window starts after the last stop */
    same_as_plain_run("not_person", "(?:\\p{sc:Han}{1,10}、)*\\p{sc:Han}{1,10}等(?:\\d+|[一二三四五六七八九十百两]+)(?:家|个)",
                      "会议指出，沃尔玛、巴斯夫等14家跨国公司，钢铁、有色等十三家协会\n和中国等国；等3家、甲乙等两个", 10);
}
END_TEST

START_TEST(match_limit_stops_catastrophic_patterns)
{
    po_rules *r;
    diags g;
    ck_assert_int_eq(compile_text("rules:\n  - id: h\n    kind: trap\n    pattern: '(a+)+$'\n", &r, &g), PO_OK);
    char *s = malloc(20001);
    memset(s, 'a', 20000);
    s[19999] = 'b';
    s[20000] = '\0';
    size_t st, en;
    ck_assert_int_eq(po_match_string(po_rules_find(r, "h"), s, 20000, NULL, &st, &en), -1);
    free(s);
    po_rules_free(r);
}
END_TEST

/* rules/README.md documents the contract the loader checks: its section
 * between the contract comments is what contract.c prints. */
START_TEST(readme_documents_the_contract)
{
    char *path = po_test_source_path("rules/README.md");
    size_t len;
    char *readme = (char *)po_test_read(path, &len);
    const char *begin = strstr(readme, "<!-- contract:begin -->\n");
    const char *end = strstr(readme, "<!-- contract:end -->");
    ck_assert_ptr_nonnull(begin);
    ck_assert_ptr_nonnull(end);
    begin += strlen("<!-- contract:begin -->\n");
    po_buf want = PO_BUF_INIT;
    po_contract_markdown(&want);
    bool same = (size_t)(end - begin) == want.len && memcmp(begin, want.data, want.len) == 0;
    ck_assert_msg(same, "rules/README.md is out of date: replace its contract section with the output of "
                        "`policy-outline rules contract`");
    po_buf_free(&want);
    free(readme);
    free(path);
}
END_TEST

/* The pack-level checks: every lexicon the code reads is there, and a
 * pattern that only differs by a typo is named. */
START_TEST(missing_lexicon_names_the_misspelt_one)
{
    po_rules *r = (po_rules *)1;
    diags g;
    memset(&g, 0, sizeof g);
    po_rule_source src = {"p/x.yaml", "lexicons:\n  clause_opener: ['。']\n", 0};
    src.len = strlen(src.text);
    ck_assert_int_eq(po_rules_compile(&src, 1, &r, collect, &g), PO_ERR_RULES);
    ck_assert_ptr_null(r);
    ck_assert_msg(strstr(g.text, "p/x.yaml:2:3: lexicon 'clause_openers' is missing (groups.c reads it: a "
                                 "clause-position marker counts after one of these characters); is "
                                 "'clause_opener' a misspelling of it?") != NULL,
                  "got: %s", g.text);
    /* the others are named at the pack, without a line */
    ck_assert_msg(strstr(g.text, "p:0:0: lexicon 'surnames' is missing") != NULL, "got: %s", g.text);
}
END_TEST

/* The shipped pack's examples give the values they say: ordinals of
 * markers, dates as the analysis resolves them. */
START_TEST(shipped_examples_give_their_values)
{
    diags g;
    memset(&g, 0, sizeof g);
    size_t checked = 0;
    ck_assert_uint_eq(po_rules_check_values(po_test_rules(), collect, &g, &checked), 0);
    ck_assert_msg(g.errors == 0, "got: %s", g.text);
    ck_assert_uint_ge(checked, 16);
}
END_TEST

START_TEST(closest_names)
{
    const char *modes[] = {"calendar", "range", "relative_day"};
    ck_assert_str_eq(po_closest_name("rnage", modes, 3), "range");
    ck_assert_str_eq(po_closest_name("calender", modes, 3), "calendar");
    ck_assert_ptr_null(po_closest_name("weekday", modes, 3));
}
END_TEST

/* A word written twice, or beside its traditional twin, is one word once
 * the pack folds traditional characters: a warning at the second spelling,
 * in a lexicon, a map's keys, an alternation (nested too) and a character
 * class; the pack still loads. The shipped pack holds each word once. */
START_TEST(doubled_words_are_warned)
{
    po_rules *r;
    diags g;
    ck_assert_int_eq(compile_text("lexicons:\n  t: [会议, 出席, 會議]\n"
                                  "rules:\n  - id: w\n    kind: introducer\n"
                                  "    pattern: '(?<verb>决定|(?:举行|召开|舉行))[于於]'\n"
                                  "    yields: {决定: measures, 決定: measures, 举行: measures}\n"
                                  "    examples: ['舉行於']\n",
                                  &r, &g),
                     PO_OK);
    ck_assert_int_eq(g.errors, 0);
    ck_assert_msg(strstr(g.text, "t.yaml:2:15: lexicon 't': '會議' is '会议' folded to simplified") != NULL,
                  "got: %s", g.text);
    /* columns count characters: the pattern's quote is at 14 */
    ck_assert_msg(strstr(g.text, "t.yaml:6:35: rule w: pattern: '舉行' is '举行' folded") != NULL, "got: %s",
                  g.text);
    ck_assert_msg(strstr(g.text, "t.yaml:6:41: rule w: pattern: '於' is '于' folded") != NULL, "got: %s",
                  g.text);
    ck_assert_msg(strstr(g.text, "t.yaml:7:28: rule w: yields: '決定' is '决定' folded") != NULL, "got: %s",
                  g.text);
    ck_assert_ptr_null(strstr(g.text, "出席"));
    po_rules_free(r);
    ck_assert_int_eq(compile_text("rules:\n  - {id: x, kind: trap, pattern: '(?i)a(?#|b|b)|b|(?<n>c|c)'}\n",
                                  &r, &g),
                     PO_ERR_RULES); /* the group n is no group of a trap */
    ck_assert_msg(strstr(g.text, "'c' is written twice") != NULL, "got: %s", g.text);
    ck_assert_ptr_null(strstr(g.text, "'b'"));

    memset(&g, 0, sizeof g);
    ck_assert_int_eq(po_rules_new_default(&r, collect, &g), PO_OK);
    ck_assert_msg(g.text[0] == '\0', "the shipped pack: %s", g.text);
    po_rules_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("rules");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, default_pack_has_every_style);
    tcase_add_test(tc, custom_pack_adds_a_style);
    tcase_add_test(tc, yaml_syntax_error_points_at_line_and_column);
    tcase_add_test(tc, unknown_key_and_kind_are_refused);
    tcase_add_test(tc, bad_regex_points_into_the_pattern);
    tcase_add_test(tc, han_script_extension_is_refused);
    tcase_add_test(tc, examples_and_duplicate_ids_are_checked);
    tcase_add_test(tc, lexicons_and_defs_expand);
    tcase_add_test(tc, lexicon_index_finds_the_longest_word);
    tcase_add_test(tc, lexicon_at_a_text_place);
    tcase_add_test(tc, pattern_literals_are_what_every_match_holds);
    tcase_add_test(tc, pattern_stops_are_what_no_match_holds);
    tcase_add_test(tc, prefilter_matches_as_the_plain_run);
    tcase_add_test(tc, prefilter_sees_places_that_blanking_makes);
    tcase_add_test(tc, match_limit_stops_catastrophic_patterns);
    tcase_add_test(tc, readme_documents_the_contract);
    tcase_add_test(tc, missing_lexicon_names_the_misspelt_one);
    tcase_add_test(tc, closest_names);
    tcase_add_test(tc, doubled_words_are_warned);
    tcase_add_test(tc, shipped_examples_give_their_values);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
