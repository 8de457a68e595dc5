/* test_ingest.c - bytes to articles: the seed article in four encodings,
 * real day files and the whole day-file corpus, HTML cleaning, Markdown,
 * dates, broken front matter and inputs built to break a parser. */
#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "helpers.h"
#include "ingest/ingest.h"
#include "outline/model.h"
#include "util/buf.h"
#include "util/utf8.h"

#define SEED "corpus/hexo/000_411ce5df8d938054.md"

/* ---- helpers --------------------------------------------------------------- */

typedef struct captured {
    int count;
    int line, column;
    char file[256];
    char message[512];
} captured;

static void capture(const po_diag *d, void *user)
{
    captured *c = user;
    c->count++;
    c->line = d->line;
    c->column = d->column;
    snprintf(c->file, sizeof c->file, "%s", d->file ? d->file : "");
    snprintf(c->message, sizeof c->message, "%s", d->message);
}

static po_outline **ingest_diag(const char *source, const void *data, size_t len, size_t *n, captured *cap)
{
    po_outline **list = NULL;
    ck_assert_int_eq(po_ingest(source, data, len, &list, n, cap ? capture : NULL, cap), PO_OK);
    ck_assert_uint_ge(*n, 1);
    return list;
}

static po_outline *ingest_one(const char *source, const void *data, size_t len, captured *cap)
{
    size_t n;
    po_outline **list = ingest_diag(source, data, len, &n, cap);
    ck_assert_uint_eq(n, 1);
    po_outline *o = list[0];
    free(list);
    return o;
}

static po_outline *ingest_str(const char *source, const char *s)
{
    return ingest_one(source, s, strlen(s), NULL);
}

static unsigned char *read_shared(const char *rel, size_t *len)
{
    char *path = po_test_shared_path(rel);
    unsigned char *data = po_test_read(path, len);
    free(path);
    return data;
}

static bool has_warning(const po_outline *o, const char *needle)
{
    for (size_t i = 0; i < o->n_warnings; i++)
        if (strstr(o->warnings[i], needle))
            return true;
    return false;
}

/* Every paragraph non-empty and trimmed; the text well-formed UTF-8 and its
 * length in code points right. */
static void check_shape(const po_outline *o)
{
    const char *t = o->text;
    size_t len = strlen(t);
    ck_assert(po_utf8_valid((const unsigned char *)t, len));
    ck_assert_uint_eq(o->text_chars, po_utf8_length(t, len));
    if (len == 0)
        return;
    for (const char *p = t;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *q = p;
        size_t m = n;
        po_trim_space(&q, &m);
        ck_assert_msg(n > 0 && m == n, "untrimmed or empty paragraph: '%.*s'", (int)n, p);
        if (!nl)
            break;
        p = nl + 1;
    }
}

/* Strict iconv: the test's own input must convert completely. */
static char *convert(const char *to, const char *from, const char *s, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open(to, from);
    ck_assert(cd != (iconv_t)-1);
    size_t cap = len * 4 + 16;
    char *out = malloc(cap), *op = out, *in = (char *)(uintptr_t)s;
    size_t inleft = len, opleft = cap;
    ck_assert_msg(iconv(cd, &in, &inleft, &op, &opleft) != (size_t)-1, "iconv to %s failed at byte %zu: '%.12s'",
                  to, len - inleft, in);
    iconv_close(cd);
    *out_len = (size_t)(op - out);
    return out;
}

/* Simplified -> traditional for the characters of the seed page that Big5
 * lacks (pairs: simplified, traditional). */
static const char TRADITIONAL[] =
    "业業为為亚亞产產会會传傳关關决決减減别別务務动動势勢协協压壓参參发發员員围圍国國坚堅"
    "声聲头頭学學实實对對导導尽盡带帶帮幫广廣应應开開张張强強当當彻徹总總护護挥揮时時标標"
    "桥橋测測点點献獻环環着著码碼积積稳穩类類约約纽紐组組经經结結绕繞维維编編脚腳节節营營"
    "议議讯訊诉訴读讀调調谈談负負财財责責贯貫资資趋趨辑輯运運进進钢鋼铁鐵链鏈键鍵长長问問"
    "难難预預颈頸题題";

static char *to_traditional(const char *s, bool nbsp_entity)
{
    po_buf b = PO_BUF_INIT;
    size_t len = strlen(s), i = 0, used;
    while (i < len) {
        uint32_t c = po_utf8_decode((const unsigned char *)s + i, len - i, &used);
        const char *m = NULL;
        for (size_t k = 0; k + 6 <= sizeof TRADITIONAL - 1; k += 6)
            if (memcmp(TRADITIONAL + k, s + i, used) == 0 && used == 3)
                m = TRADITIONAL + k + 3;
        if (m)
            po_buf_append(&b, m, 3);
        else if (c == 0xA0 && nbsp_entity)
            po_buf_puts(&b, "&nbsp;"); /* Big5 has no NBSP: pages write the entity */
        else
            po_buf_append(&b, s + i, used);
        i += used;
    }
    po_buf_append(&b, "", 0);
    return po_buf_detach(&b);
}

/* The seed's HTML body (after the front matter) as a complete page. */
static char *seed_page(const char *head)
{
    size_t len;
    unsigned char *seed = read_shared(SEED, &len);
    const char *fm = strstr((char *)seed, "---\n");
    ck_assert_ptr_nonnull(fm);
    const char *body = strstr(fm + 4, "\n---\n");
    ck_assert_ptr_nonnull(body);
    po_buf b = PO_BUF_INIT;
    po_buf_printf(&b, "<!DOCTYPE html>\n<html>\n<head>\n%s<title>工信部：推动惠企减负政策落实_新浪财经</title>\n"
                      "</head>\n<body>\n%s</body>\n</html>\n", head, body + 5);
    free(seed);
    return po_buf_detach(&b);
}

static po_outline *seed_outline(void)
{
    size_t len;
    unsigned char *data = read_shared(SEED, &len);
    po_outline *o = ingest_one("000_411ce5df8d938054.md", data, len, NULL);
    free(data);
    return o;
}

/* ---- the seed --------------------------------------------------------------- */

START_TEST(seed_metadata_and_text)
{
    po_outline *o = seed_outline();
    ck_assert_str_eq(o->format, "markdown");
    ck_assert_str_eq(o->encoding, "UTF-8");
    ck_assert_str_eq(o->meta.title, "工信部：推动惠企减负政策落实 进一步稳定企业预期");
    ck_assert_str_eq(o->meta.author, "新浪财经");
    ck_assert_uint_eq(o->meta.n_categories, 3);
    ck_assert_str_eq(o->meta.categories[0], "金融");
    ck_assert_str_eq(o->meta.categories[1], "新浪财经");
    ck_assert_str_eq(o->meta.categories[2], "新浪财经－国內");
    ck_assert_str_eq(o->meta.published, "2021-11-04T09:21:43Z");
    ck_assert_ptr_null(o->meta.url);
    ck_assert_ptr_null(o->meta.original_title);
    ck_assert_ptr_null(o->meta.editor);
    ck_assert_uint_eq(o->n_warnings, 0);
    ck_assert_int_eq(o->index, 0);
    /* the U+3000 indent is trimmed; 原标题 and 责任编辑 lines stay */
    ck_assert(strncmp(o->text, "原标题：工信部：推动惠企减负政策落实 进一步稳定企业预期\n", 
                      strlen("原标题：工信部：推动惠企减负政策落实 进一步稳定企业预期\n")) == 0);
    ck_assert(strstr(o->text, "\n一是着力抓好工业稳增长政策措施的贯彻实施，加大对企业特别是中小微企业的支持力度；\n"));
    ck_assert(strstr(o->text, "\n四要加强宣传引导，"));
    size_t tl = strlen(o->text), el = strlen("\n责任编辑：张亚楠");
    ck_assert(tl > el && strcmp(o->text + tl - el, "\n责任编辑：张亚楠") == 0);
    /* the app box, its style block and the comments are gone */
    ck_assert_ptr_null(strstr(o->text, "海量资讯"));
    ck_assert_ptr_null(strstr(o->text, "appendQr"));
    ck_assert_ptr_null(strstr(o->text, "{"));
    ck_assert_ptr_null(strstr(o->text, "正文下iframe"));
    ck_assert_ptr_null(strstr(o->text, "<"));
    size_t paras = 1;
    for (const char *p = o->text; (p = strchr(p, '\n')) != NULL; p++)
        paras++;
    ck_assert_uint_eq(paras, 13); /* 原标题, 2 lead paragraphs, 4 items, 会议强调, 4 items, 责任编辑 */
    check_shape(o);
    po_outline_free(o);
}
END_TEST

/* The seed's 8 items, in whatever encoding it arrived: 会议提出 一是…四是,
 * then 会议强调 各行业协会 一要…四要. */
static void same_items_as_seed(po_outline *o)
{
    ck_assert_int_eq(po_analyze(po_test_rules(), o, NULL), PO_OK);
    ck_assert_uint_eq(o->n_groups, 2);
    ck_assert_str_eq(o->groups[0].style, "shi");
    ck_assert_uint_eq(o->groups[0].n_items, 4);
    ck_assert_str_eq(o->groups[1].style, "yao");
    ck_assert_uint_eq(o->groups[1].n_items, 4);
    ck_assert_ptr_nonnull(o->groups[1].actor);
    ck_assert(strstr(o->groups[1].actor, "行業協會") || strstr(o->groups[1].actor, "行业协会"));
}

static void same_text_as_seed(const po_outline *o, const char *expected)
{
    ck_assert_str_eq(o->format, "html");
    ck_assert_str_eq(o->meta.title, "工信部：推动惠企减负政策落实_新浪财经");
    ck_assert_str_eq(o->text, expected);
    check_shape(o);
}

START_TEST(seed_as_gb18030_page)
{
    po_outline *ref = seed_outline();
    for (int declared = 0; declared < 2; declared++) {
        char *page = seed_page(declared ? "<meta charset=\"gb18030\">\n" : "");
        size_t len;
        char *gb = convert("GB18030", "UTF-8", page, strlen(page), &len);
        ck_assert(!po_utf8_valid((const unsigned char *)gb, len));
        po_outline *o = ingest_one(declared ? "seed-gb.html" : "seed-gb-undeclared.html", gb, len, NULL);
        ck_assert_str_eq(o->encoding, "GB18030");
        same_text_as_seed(o, ref->text);
        ck_assert_uint_eq(o->n_warnings, 0);
        same_items_as_seed(o);
        po_outline_free(o);
        free(gb);
        free(page);
    }
    /* the older labels name the same decoder */
    char *page = seed_page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">\n");
    size_t len;
    char *gb = convert("GB18030", "UTF-8", page, strlen(page), &len);
    po_outline *o = ingest_one("seed-gb2312.html", gb, len, NULL);
    ck_assert_str_eq(o->encoding, "GB18030");
    ck_assert_str_eq(o->text, ref->text);
    po_outline_free(o);
    free(gb);
    free(page);
    po_outline_free(ref);
}
END_TEST

START_TEST(seed_as_big5_page)
{
    po_outline *ref = seed_outline();
    char *expected = to_traditional(ref->text, false);
    ck_assert_ptr_nonnull(strstr(expected, "一是著力抓好工業穩增長政策措施的貫徹實施"));
    for (int declared = 0; declared < 2; declared++) {
        char *page = seed_page(declared ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">\n"
                                        : "");
        char *trad = to_traditional(page, true);
        size_t len;
        char *b5 = convert("BIG5", "UTF-8", trad, strlen(trad), &len);
        po_outline *o = ingest_one("seed-big5.html", b5, len, NULL);
        ck_assert_str_eq(o->encoding, "BIG5");
        ck_assert_str_eq(o->text, expected);
        ck_assert_str_eq(o->meta.title, "工信部：推動惠企減負政策落實_新浪財經");
        ck_assert_uint_eq(o->n_warnings, 0);
        check_shape(o);
        same_items_as_seed(o);
        po_outline_free(o);
        free(b5);
        free(trad);
        free(page);
    }
    free(expected);
    po_outline_free(ref);
}
END_TEST

START_TEST(seed_with_bom)
{
    po_outline *ref = seed_outline();
    size_t len;
    unsigned char *seed = read_shared(SEED, &len);
    unsigned char *bom = malloc(len + 3);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, seed, len);
    po_outline *o = ingest_one("bom.md", bom, len + 3, NULL);
    ck_assert_str_eq(o->encoding, "UTF-8");
    ck_assert_str_eq(o->format, "markdown");
    ck_assert_str_eq(o->text, ref->text);
    ck_assert_str_eq(o->meta.title, ref->meta.title);
    ck_assert_str_eq(o->meta.published, "2021-11-04T09:21:43Z");
    same_items_as_seed(o);
    /* and the page in UTF-8 with a BOM */
    char *page = seed_page("<meta charset=\"utf-8\">\n");
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "\xEF\xBB\xBF");
    po_buf_puts(&b, page);
    po_outline *h = ingest_one("bom.html", b.data, b.len, NULL);
    ck_assert_str_eq(h->encoding, "UTF-8");
    same_text_as_seed(h, ref->text);
    po_outline_free(h);
    po_buf_free(&b);
    free(page);
    po_outline_free(o);
    free(bom);
    free(seed);
    po_outline_free(ref);
}
END_TEST

START_TEST(short_undeclared_texts)
{
    /* a few characters are enough to tell GB18030 from Big5 */
    static const char *const GB_TEXT = "会议提出，一是加强协调；二是推进改革。";
    static const char *const B5_TEXT = "會議提出，一是加強協調；二是推進改革。";
    size_t len;
    char *gb = convert("GB18030", "UTF-8", GB_TEXT, strlen(GB_TEXT), &len);
    po_outline *o = ingest_one("gb.txt", gb, len, NULL);
    ck_assert_str_eq(o->encoding, "GB18030");
    ck_assert_str_eq(o->format, "text");
    ck_assert_str_eq(o->text, GB_TEXT);
    ck_assert_uint_eq(o->n_warnings, 0);
    po_outline_free(o);
    free(gb);
    char *b5 = convert("BIG5", "UTF-8", B5_TEXT, strlen(B5_TEXT), &len);
    o = ingest_one("big5.txt", b5, len, NULL);
    ck_assert_str_eq(o->encoding, "BIG5");
    ck_assert_str_eq(o->text, B5_TEXT);
    po_outline_free(o);
    free(b5);
}
END_TEST

START_TEST(declared_charset_but_utf8)
{
    /* a page saved as UTF-8 that still declares its old charset */
    captured cap = {0};
    const char *page = "<html><head><meta charset=\"gbk\"><title>标题</title></head><body><p>一是加强</p></body></html>";
    po_outline *o = ingest_one("saved.html", page, strlen(page), &cap);
    ck_assert_str_eq(o->encoding, "UTF-8");
    ck_assert_str_eq(o->text, "一是加强");
    ck_assert(has_warning(o, "charset gbk is declared but the input is UTF-8"));
    ck_assert_int_eq(cap.count, 1);
    po_outline_free(o);
}
END_TEST

/* ---- day files ----------------------------------------------------------------- */

START_TEST(dayfile_real)
{
    size_t len, n;
    unsigned char *data = read_shared("corpus/xwlb/20221027.md", &len);
    po_outline **list = ingest_diag("corpus/xwlb/20221027.md", data, len, &n, NULL);
    ck_assert_uint_eq(n, 14);
    for (size_t i = 0; i < n; i++) {
        po_outline *o = list[i];
        ck_assert_int_eq(o->index, (int)i);
        ck_assert_str_eq(o->format, "dayfile");
        ck_assert_str_eq(o->encoding, "UTF-8");
        ck_assert_str_eq(o->meta.published, "2022-10-27");
        ck_assert_ptr_nonnull(o->meta.url);
        ck_assert(strncmp(o->meta.url, "https://tv.cctv.com/2022/10/27/", 31) == 0);
        ck_assert_ptr_null(strstr(o->text, "查看原文"));
        ck_assert_ptr_null(strstr(o->text, "tv.cctv.com"));
        ck_assert_ptr_null(strstr(o->text, "更新时间戳"));
        ck_assert_ptr_null(strstr(o->text, "<"));
        ck_assert_uint_gt(o->text_chars, 0);
        check_shape(o);
    }
    /* the first ### under 详细新闻, not the 新闻摘要 list */
    ck_assert_str_eq(list[0]->meta.title, "习近平在瞻仰延安革命纪念地时强调 弘扬伟大建党精神和延安精神 "
                                          "为实现党的二十大提出的目标任务而团结奋斗");
    ck_assert_str_eq(list[0]->meta.url, "https://tv.cctv.com/2022/10/27/VIDE3lCYxbHwpWOAUWj0EFZk221027.shtml");
    ck_assert(strncmp(list[0]->text, "央视网消息（新闻联播）：党的二十大闭幕不到一周", 
                      strlen("央视网消息（新闻联播）：党的二十大闭幕不到一周")) == 0);
    ck_assert_str_eq(list[3]->meta.title, "李克强主持召开国务院常务会议");
    ck_assert_str_eq(list[6]->meta.title, "人民日报评论员文章：牢记“三个务必” 坚定历史自信 增强历史主动——论学习贯彻党的二十大精神");
    ck_assert_str_eq(list[13]->meta.title, "俄称打击乌军人员及装备 乌称击退俄军进攻");
    ck_assert_str_eq(list[13]->meta.url, "https://tv.cctv.com/2022/10/27/VIDEU8ggY4Q85JDRAvCiqWRP221027.shtml");
    /* <strong> inside a paragraph does not split it; <br></p><p> does, once */
    size_t tl = strlen(list[13]->text);
    const char *tail = "\n国际人士：美国持续拱火 旨在牟取私利\n国际人士指出，美国持续拱火乌克兰冲突，其目的在于牟取私利。";
    ck_assert(tl > strlen(tail) && strcmp(list[13]->text + tl - strlen(tail), tail) == 0);
    po_test_free_outlines(list, n);
    free(data);
}
END_TEST

/* The test's own count: "### " lines inside a "## 详细新闻" section. */
static size_t detail_articles(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        if (strncmp(p, "## ", 3) == 0 || strncmp(p, "# ", 2) == 0)
            in = strncmp(p, "## 详细新闻", strlen("## 详细新闻")) == 0;
        else if (in && strncmp(p, "### ", 4) == 0)
            n++;
        if (!nl)
            break;
        p = nl + 1;
    }
    return n;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(dayfile_whole_corpus)
{
    char *dir = po_test_shared_path("corpus/xwlb");
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    char **names = NULL;
    size_t n_names = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 3 && strcmp(e->d_name + l - 3, ".md") == 0) {
            names = realloc(names, (n_names + 1) * sizeof *names);
            names[n_names++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n_names, sizeof *names, by_name);
    ck_assert_uint_eq(n_names, 1423);
    size_t total = 0, expected = 0, with_url = 0, links = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t f = 0; f < n_names; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        size_t len, n;
        unsigned char *data = po_test_read(path, &len);
        size_t want = detail_articles((const char *)data);
        for (const char *p = (const char *)data; (p = strstr(p, "[查看原文](")) != NULL; p++)
            links++;
        po_outline **list = ingest_diag(path, data, len, &n, NULL);
        ck_assert_msg(n == want, "%s: %zu articles, %zu ### headings", names[f], n, want);
        char day[16];
        snprintf(day, sizeof day, "%.4s-%.2s-%.2s", names[f], names[f] + 4, names[f] + 6);
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_eq(list[i]->index, (int)i);
            ck_assert_str_eq(list[i]->format, "dayfile");
            ck_assert_str_eq(list[i]->meta.published, day);
            ck_assert_ptr_nonnull(list[i]->meta.title);
            ck_assert_msg(!strstr(list[i]->text, "查看原文") && !strstr(list[i]->text, "更新时间戳"),
                          "%s[%zu] keeps the link or the trailer", names[f], i);
            with_url += list[i]->meta.url != NULL;
        }
        total += n;
        expected += want;
        po_test_free_outlines(list, n);
        free(data);
        free(names[f]);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    free(names);
    free(dir);
    /* what grep -c '^### ' counts over the day files, summed */
    ck_assert_uint_eq(expected, 19876);
    ck_assert_uint_eq(total, 19876);
    ck_assert_uint_eq(with_url, links);
    ck_assert_uint_eq(links, 19861);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "ingest: %zu articles from 1423 day files in %.2f s\n", total, s);
}
END_TEST

START_TEST(dayfile_built)
{
    /* date from the file name when the heading has none; a ### in the
     * summary is not an article; Markdown bodies; inline link; trailer */
    const char *day =
        "# 新闻联播\n\n## 新闻摘要\n\n### 不是文章\n\n1.第一条；\n\n## 详细新闻\n\n"
        "### 第一条 标题  \n\n**要闻**：一是加强[协调](http://x.cn/a)。\n二是推进。[查看原文](https://a.cn/1)\n\n"
        "### 第二条\n\n<p>正文<br>第二段</p>\n\n[查看原文](https://a.cn/2)\n\n"
        "### undefined\n\nundefined\n\n[查看原文](https://a.cn/3)\n\n"
        "### 空的\n\n"
        "---\n\n(更新时间戳: 1666877176739)\n";
    size_t n;
    captured cap = {0};
    po_outline **list = ingest_diag("archive/20230105.txt", day, strlen(day), &n, &cap);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(list[0]->meta.title, "第一条 标题  "); /* exactly as written */
    ck_assert_str_eq(list[0]->meta.published, "2023-01-05");
    ck_assert_str_eq(list[0]->meta.url, "https://a.cn/1");
    ck_assert_str_eq(list[0]->text, "要闻：一是加强协调。\n二是推进。");
    ck_assert_str_eq(list[1]->text, "正文\n第二段");
    ck_assert_str_eq(list[1]->meta.url, "https://a.cn/2");
    ck_assert_str_eq(list[2]->meta.title, "undefined");
    ck_assert_str_eq(list[2]->text, "");
    ck_assert(has_warning(list[2], "no body"));
    ck_assert_str_eq(list[3]->meta.title, "空的");
    ck_assert_str_eq(list[3]->text, "");
    ck_assert_ptr_null(list[3]->meta.url);
    ck_assert_int_eq(list[3]->index, 3);
    po_test_free_outlines(list, n);

    /* the heading's date wins over the name, with a warning; stdin has no name */
    const char *dated = "# 《新闻联播》 (20221027)\n\n## 详细新闻\n\n### 标题\n\n<p>正文</p>\n";
    list = ingest_diag("-", dated, strlen(dated), &n, NULL);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(list[0]->meta.published, "2022-10-27");
    ck_assert_str_eq(list[0]->source, "-");
    po_test_free_outlines(list, n);
    memset(&cap, 0, sizeof cap);
    list = ingest_diag("x/20221028.md", dated, strlen(dated), &n, &cap);
    ck_assert_str_eq(list[0]->meta.published, "2022-10-27");
    ck_assert(has_warning(list[0], "the heading says 2022-10-27, the file name 2022-10-28"));
    ck_assert_int_eq(cap.count, 1);
    po_test_free_outlines(list, n);

    /* a day file without articles is still one outline */
    const char *none = "# 《新闻联播》 (20221027)\n\n## 新闻摘要\n\n1.一条；\n";
    list = ingest_diag("20221027.md", none, strlen(none), &n, NULL);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(list[0]->format, "dayfile");
    ck_assert_str_eq(list[0]->text, "");
    ck_assert(has_warning(list[0], "详细新闻"));
    po_test_free_outlines(list, n);
}
END_TEST

/* ---- HTML ---------------------------------------------------------------------- */

START_TEST(html_main_content_only)
{
    const char *page =
        "<!DOCTYPE html><html><head><title>页面标题</title>"
        "<script>var a = '脚本文字';</script><style>p{color:red} .x&#123;&#125;</style></head><body>"
        "<header>页眉文字</header><nav><a href=/>导航文字</a></nav>"
        "<div id=\"main\"><h1>大标题</h1>"
        "<p>\u3000\u3000第一段<span>连在</span><strong>一起</strong>&amp;&lt;实体&gt;&#x4E00;&nbsp;</p>"
        "<!-- 注释文字 --><noscript>无脚本文字</noscript><iframe src=x>框架文字</iframe>"
        "<div class=\"ad-box\">广告一</div><div id=\"adsense\">广告二</div><div class=\"sideBar\">侧栏</div>"
        "<div class=\"skip\">您的瀏覽器不支援JavaScript功能。</div><a class=\"skipLink\">跳到主要內容區塊</a>"
        "<div style=\"display: none\">隐藏一</div><div hidden>隐藏二</div>"
        "<ul><li>条目一</li><li>条目二</li></ul>"
        "<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>"
        "<blockquote>引用</blockquote><section>节</section><article>文章</article>"
        "<p>行一<br>行二<br/><br>   </p><p> \t </p><p>\u00a0\u3000</p>"
        "<form><input value=x>表单文字</form><aside>旁注文字</aside>"
        "<p>跨\n行</p><p>word\nwrap</p><pre>预格式\n第二行</pre>"
        "</div><footer>页脚文字</footer></body></html>";
    po_outline *o = ingest_str("page.html", page);
    ck_assert_str_eq(o->format, "html");
    ck_assert_str_eq(o->meta.title, "页面标题");
    ck_assert_str_eq(o->text, "大标题\n第一段连在一起&<实体>一\n条目一\n条目二\n甲 乙\n丙\n引用\n节\n文章\n"
                              "行一\n行二\n跨行\nword wrap\n预格式\n第二行");
    check_shape(o);
    po_outline_free(o);
}
END_TEST

START_TEST(html_metadata)
{
    const char *page =
        "<html><head><title>网页标题_某网站</title>"
        "<meta property=\"og:title\" content=\" 开放图谱标题 \">"
        "<meta name=\"author\" content=\"记者 张三\">"
        "<meta property=\"article:published_time\" content=\"2021-11-04T17:21:43+08:00\">"
        "<meta name=\"publishdate\" content=\"2020-01-01\">"
        "<link rel=\"canonical\" href=\"https://example.cn/a.html\">"
        "</head><body><p>正文</p></body></html>";
    po_outline *o = ingest_str("meta.html", page);
    ck_assert_str_eq(o->meta.title, "开放图谱标题");
    ck_assert_str_eq(o->meta.author, "记者 张三");
    ck_assert_str_eq(o->meta.published, "2021-11-04T17:21:43+08:00");
    ck_assert_str_eq(o->meta.url, "https://example.cn/a.html");
    ck_assert_str_eq(o->text, "正文");
    po_outline_free(o);

    o = ingest_str("meta2.html", "<html><head><meta name=\"PubDate\" content=\"2021年11月4日 09:21\">"
                                 "<title>只有标题</title></head><body>正文</body></html>");
    ck_assert_str_eq(o->meta.title, "只有标题");
    ck_assert_str_eq(o->meta.published, "2021-11-04T09:21:00");
    ck_assert_ptr_null(o->meta.author);
    ck_assert_ptr_null(o->meta.url);
    po_outline_free(o);

    /* a fragment: no <html>, no metadata */
    o = ingest_str("frag", "<p>一是</p><p>二是</p>");
    ck_assert_str_eq(o->format, "html");
    ck_assert_str_eq(o->text, "一是\n二是");
    ck_assert_ptr_null(o->meta.title);
    ck_assert_ptr_null(o->meta.published);
    po_outline_free(o);
}
END_TEST

/* ---- Markdown, text, detection ------------------------------------------------- */

START_TEST(markdown_without_html)
{
    const char *md = "# 会议 **标题** #\n\n**会议提出**，一是[加强](http://a.cn/x_(y))协调；  \n"
                     "- 二是推进`改革`；\n> 三是~~删除~~落实。\n\n---\n![图](a.png)\n[ref]: http://a.cn\n"
                     "```\n代码\n```\n\\*星号\\*\n";
    po_outline *o = ingest_str("notes.md", md);
    ck_assert_str_eq(o->format, "markdown");
    ck_assert_str_eq(o->meta.title, "会议 标题");
    ck_assert_str_eq(o->text, "会议 标题\n会议提出，一是加强协调；\n二是推进改革；\n三是删除落实。\n代码\n*星号*");
    check_shape(o);
    po_outline_free(o);

    /* front matter, Markdown body */
    o = ingest_str("fm.md", "---\ntitle: 标题\ndate: 2021-11-04\ncategories: 政策\n---\n## 小标题\n正文[一](u)。\n");
    ck_assert_str_eq(o->meta.title, "标题");
    ck_assert_str_eq(o->meta.published, "2021-11-04");
    ck_assert_uint_eq(o->meta.n_categories, 1);
    ck_assert_str_eq(o->meta.categories[0], "政策");
    ck_assert_str_eq(o->text, "小标题\n正文一。");
    po_outline_free(o);
}
END_TEST

START_TEST(plain_text_and_detection)
{
    po_outline *o = ingest_str("a.txt", "第一段\n\n\u3000\u3000第二段  \n\u00a0\n第三段 a<b");
    ck_assert_str_eq(o->format, "text");
    ck_assert_str_eq(o->text, "第一段\n第二段\n第三段 a<b");
    ck_assert_uint_eq(o->text_chars, 3 + 1 + 3 + 1 + 7);
    po_outline_free(o);
    /* content decides, not the name */
    o = ingest_str("looks.txt", "<div><p>一</p><p>二</p></div>");
    ck_assert_str_eq(o->format, "html");
    ck_assert_str_eq(o->text, "一\n二");
    po_outline_free(o);
    o = ingest_str("looks.html", "# 标题\n\n正文\n");
    ck_assert_str_eq(o->format, "markdown");
    ck_assert_str_eq(o->text, "标题\n正文");
    po_outline_free(o);
    o = ingest_str("notes.md", "只有文字\n第二行");
    ck_assert_str_eq(o->format, "markdown");
    po_outline_free(o);
    size_t n;
    o = ingest_str("mention.md", "# 新闻联播今日要点\n\n### 一条\n\n正文\n");
    ck_assert_str_eq(o->format, "markdown");
    ck_assert_str_eq(o->text, "新闻联播今日要点\n一条\n正文");
    po_outline_free(o);
    const char *day = "## 详细新闻\n\n### 一\n\n正文\n";
    po_outline **list = ingest_diag("day.txt", day, strlen(day), &n, NULL);
    ck_assert_str_eq(list[0]->format, "dayfile");
    ck_assert_ptr_null(list[0]->meta.published);
    ck_assert(has_warning(list[0], "without a date"));
    po_test_free_outlines(list, n);
}
END_TEST

/* ---- dates ----------------------------------------------------------------------- */

START_TEST(published_forms)
{
    static const struct {
        const char *in, *out;
    } OK[] = {
        {"Thu, 04 Nov 2021 09:21:43 GMT", "2021-11-04T09:21:43Z"},
        {"4 Nov 2021 09:21 +0800", "2021-11-04T09:21:00+08:00"},
        {"Thu, 04 Nov 2021 09:21:43 -0000", "2021-11-04T09:21:43Z"},
        {"Thu, 04 Nov 2021 09:21:43 EST", "2021-11-04T09:21:43-05:00"},
        {"Thu, 04 Nov 2021 09:21:43 CST", "2021-11-04T09:21:43"},
        {"2021-11-04", "2021-11-04"},
        {" 2021-11-04T09:21:43Z ", "2021-11-04T09:21:43Z"},
        {"2021-11-04T09:21:43.123+08:00", "2021-11-04T09:21:43+08:00"},
        {"2021-11-04 09:21", "2021-11-04T09:21:00"},
        {"2021/11/4", "2021-11-04"},
        {"20221027", "2022-10-27"},
        {"2021年11月4日", "2021-11-04"},
        {"２０２１年１１月４日", "2021-11-04"},
        {"2021年11月04日 09:21:43", "2021-11-04T09:21:43"},
        {"2024-02-29", "2024-02-29"},
    };
    static const char *const BAD[] = {"", "yesterday", "2021-02-29", "2021-13-01", "Thu, 32 Nov 2021",
                                      "2021-11-04T25:00", "2021年11月", "2021-11-04 junk", "20221327"};
    char out[PO_PUBLISHED_MAX];
    for (size_t i = 0; i < sizeof OK / sizeof *OK; i++) {
        ck_assert_msg(po_published_parse(OK[i].in, out), "'%s' not parsed", OK[i].in);
        ck_assert_str_eq(out, OK[i].out);
    }
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++)
        ck_assert_msg(!po_published_parse(BAD[i], out), "'%s' parsed as %s", BAD[i], out);
}
END_TEST

/* ---- front matter errors ------------------------------------------------------- */

START_TEST(broken_front_matter)
{
    /* two blank lines first: the error is on line 5 of the file, column 9 */
    const char *md = "\n\n---\ntitle: 好标题\nauthor: @bad\n---\n<p>正文一是加强</p>\n";
    captured cap = {0};
    po_outline *o = ingest_one("broken.md", md, strlen(md), &cap);
    ck_assert_int_eq(cap.count, 1);
    ck_assert_str_eq(cap.file, "broken.md");
    ck_assert_int_eq(cap.line, 5);
    ck_assert_int_eq(cap.column, 9);
    ck_assert_ptr_nonnull(strstr(cap.message, "front matter"));
    ck_assert_uint_eq(o->n_warnings, 1);
    ck_assert(strncmp(o->warnings[0], "broken.md:5:9: front matter", 27) == 0);
    ck_assert_str_eq(o->text, "正文一是加强"); /* the body is still read */
    ck_assert_str_eq(o->format, "markdown");
    po_outline_free(o);

    /* never closed: the lines are text, with a warning on the opening line */
    memset(&cap, 0, sizeof cap);
    o = ingest_one("open.md", "---\ntitle: x\n正文\n", strlen("---\ntitle: x\n正文\n"), &cap);
    ck_assert_int_eq(cap.line, 1);
    ck_assert(has_warning(o, "no closing"));
    ck_assert_str_eq(o->text, "title: x\n正文");
    po_outline_free(o);

    /* not a mapping; a date nobody can read; an alias bomb stays small */
    memset(&cap, 0, sizeof cap);
    const char *odd = "---\n- a\n- b\n---\n正文\n";
    o = ingest_one("list.md", odd, strlen(odd), &cap);
    ck_assert(has_warning(o, "list.md:2:1: front matter: not a mapping"));
    po_outline_free(o);
    const char *date = "---\ntitle: t\ndate: 去年某天\n---\n正文\n";
    o = ingest_one("date.md", date, strlen(date), NULL);
    ck_assert_ptr_null(o->meta.published);
    ck_assert(has_warning(o, "date.md:3:7: front matter: date"));
    po_outline_free(o);
    const char *bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ncategories: [*c, *c, *c, *c, *c, *c]\n---\n正文\n";
    o = ingest_str("bomb.md", bomb);
    ck_assert_str_eq(o->text, "正文");
    ck_assert_uint_le(o->meta.n_categories, 6 * 9 * 9 * 9);
    po_outline_free(o);
}
END_TEST

/* 16^4 aliases of two 60-byte strings fanned out through categories: about
 * 120 MB once expanded, from about 500 bytes. Refused at once, with the line of the
 * list that goes over; the body is still read and analysed. A document
 * holding itself is refused the same way. */
static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

START_TEST(alias_fanout_refused)
{
    po_buf y = PO_BUF_INIT;
    po_buf_puts(&y, "---\ntitle: 炸弹\na: &a [\"");
    for (int i = 0; i < 60; i++)
        po_buf_putc(&y, 'x');
    po_buf_puts(&y, "\", \"");
    for (int i = 0; i < 60; i++)
        po_buf_putc(&y, 'y');
    po_buf_puts(&y, "\"]\n");
    /* five levels of 16: unbounded, 16^4 copies of the lists (about
     * 120 MB) and many seconds; refused, a moment */
    const char *levels[] = {"a", "b", "c", "d", "e"};
    for (int l = 1; l <= 5; l++) {
        if (l < 5)
            po_buf_printf(&y, "%s: &%s [", levels[l], levels[l]);
        else
            po_buf_puts(&y, "categories: [");
        for (int k = 0; k < 16; k++)
            po_buf_printf(&y, "%s*%s", k ? "," : "", levels[l - 1]);
        po_buf_puts(&y, "]\n");
    }
    po_buf_puts(&y, "---\n\n会议指出，一是加强领导，二是狠抓落实。\n");
    char *md = po_buf_detach(&y);
    double t0 = now_seconds();
    captured cap = {0};
    size_t n = 0;
    po_outline **list = ingest_diag("bomb.md", md, strlen(md), &n, &cap);
    ck_assert_uint_eq(n, 1);
    po_outline *o = list[0];
    ck_assert(has_warning(o, "bomb.md:7:4: front matter: aliases expand past"));
    ck_assert_int_eq(cap.line, 7);
    ck_assert_ptr_null(o->meta.title);
    ck_assert_uint_eq(o->meta.n_categories, 0);
    ck_assert_int_eq(po_analyze(po_test_rules(), o, NULL), PO_OK);
    ck_assert_uint_eq(o->n_groups, 1);
    ck_assert_uint_eq(o->groups[0].n_items, 2);
    /* generous: a loaded 2-core machine under the sanitizers */
    ck_assert_msg(now_seconds() - t0 < 10.0, "took %.2f s", now_seconds() - t0);
    po_test_free_outlines(list, n);
    free(md);

    const char *self = "---\ntitle: t\nx: &a [1, *a]\n---\n正文\n";
    o = ingest_str("self.md", self);
    ck_assert(has_warning(o, "self.md:3:4: front matter: aliases"));
    ck_assert_ptr_null(o->meta.title);
    ck_assert_str_eq(o->text, "正文");
    po_outline_free(o);
}
END_TEST

/* A date nobody can read is quoted in the warning, cut at 60 characters,
 * never inside one (found by fuzz_ingest: the cut was at 60 bytes). */
START_TEST(unreadable_date_quoted_whole_characters)
{
    /* "x" then Chinese: byte 60 falls inside a character */
    const char *page = "<html><head><meta property=\"article:published_time\" content=\"x"
                       "二〇二四年五月二十一日上午十时许二〇二四年五月二十一日上午十时许\"></head>"
                       "<body><p>正文</p></body></html>";
    const char *md = "---\ndate: x二〇二四年五月二十一日上午十时许二〇二四年五月二十一日上午十时许\n---\n正文\n";
    const char *inputs[][2] = {{"date.html", page}, {"date.md", md}};
    for (size_t k = 0; k < 2; k++) {
        po_outline *o = ingest_str(inputs[k][0], inputs[k][1]);
        ck_assert_uint_ge(o->n_warnings, 1);
        for (size_t i = 0; i < o->n_warnings; i++)
            ck_assert_msg(po_utf8_valid((const unsigned char *)o->warnings[i], strlen(o->warnings[i])),
                          "%s", o->warnings[i]);
        ck_assert(has_warning(o, "not understood"));
        /* 31 characters, 91 bytes: quoted whole */
        ck_assert(has_warning(o, "'x二〇二四年五月二十一日上午十时许二〇二四年五月二十一日上午十时许'"));
        po_outline_free(o);
    }
}
END_TEST

/* Bidi controls stay in the model (they are the document's) with a warning
 * that says how the outputs show them; HTML entities count as well. */
START_TEST(bidi_controls_warned)
{
    po_outline *o = ingest_str("spoof.md", "---\ntitle: \"\u202Egnp.exe\"\n---\n会议指出，一是\u2067加强\u2069领导。\n");
    ck_assert_str_eq(o->meta.title, "\u202Egnp.exe");
    ck_assert(has_warning(o, "3 bidi control characters (first U+202E)"));
    po_outline_free(o);
    o = ingest_str("spoof.html", "<title>&#x202E;gnp.exe</title><p>正文&#8207;</p>");
    ck_assert(has_warning(o, "2 bidi control characters (first U+202E)"));
    po_outline_free(o);
    o = ingest_str("plain.md", "会议指出，一是加强领导。\n");
    ck_assert_uint_eq(o->n_warnings, 0);
    po_outline_free(o);
}
END_TEST

/* ---- inputs built to break things ------------------------------------------------- */

START_TEST(empty_input)
{
    po_outline *o = ingest_one("empty.txt", "", 0, NULL);
    ck_assert_str_eq(o->text, "");
    ck_assert_uint_eq(o->text_chars, 0);
    ck_assert_str_eq(o->format, "text");
    ck_assert_str_eq(o->encoding, "UTF-8");
    ck_assert_uint_eq(o->n_warnings, 0);
    po_outline_free(o);
    o = ingest_one("null", NULL, 0, NULL);
    ck_assert_str_eq(o->text, "");
    po_outline_free(o);
    po_outline **list;
    size_t n;
    ck_assert_int_eq(po_ingest("x", NULL, 5, &list, &n, NULL, NULL), PO_ERR_USAGE);
    o = ingest_str("blank.html", "<html><body>  \n </body></html>");
    ck_assert_str_eq(o->text, "");
    po_outline_free(o);
}
END_TEST

START_TEST(random_bytes)
{
    uint32_t x = 2463534242u;
    size_t len = 1 << 20;
    unsigned char *data = malloc(len);
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            data[i] = (unsigned char)x;
        }
        if (round == 1)
            memcpy(data, "<html>", 6);
        if (round == 2)
            memcpy(data, "---\n", 4);
        if (round == 3)
            memcpy(data, "## 详细新闻\n### ", strlen("## 详细新闻\n### "));
        size_t n;
        po_outline **list = ingest_diag("random.bin", data, len, &n, NULL);
        for (size_t i = 0; i < n; i++)
            check_shape(list[i]);
        ck_assert(has_warning(list[0], "replaced by U+FFFD"));
        ck_assert(has_warning(list[0], "NUL byte"));
        po_test_free_outlines(list, n);
    }
    free(data);
}
END_TEST

START_TEST(truncated_html)
{
    char *page = seed_page("<meta charset=\"utf-8\">");
    size_t len = strlen(page);
    /* cut everywhere, even inside a character */
    for (size_t cut = 0; cut < len; cut += 37) {
        po_outline *o = ingest_one("cut.html", page, cut, NULL);
        check_shape(o);
        po_outline_free(o);
    }
    po_outline *o = ingest_str("open.html", "<html><body><p>一是加强<div><p>二是<span class=\"x");
    ck_assert_str_eq(o->text, "一是加强\n二是");
    po_outline_free(o);
    free(page);
}
END_TEST

static char *nested_divs(size_t depth, bool close)
{
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "<html><body><p>开头</p>");
    for (size_t i = 0; i < depth; i++)
        po_buf_puts(&b, "<div>");
    po_buf_puts(&b, "深处文字");
    for (size_t i = 0; close && i < depth; i++)
        po_buf_puts(&b, "</div>");
    po_buf_puts(&b, "<p>之后的文字</p></body></html>");
    return po_buf_detach(&b);
}

START_TEST(deeply_nested_divs)
{
    for (int close = 0; close < 2; close++) {
        char *page = nested_divs(100000, close);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        po_outline *o = ingest_str("deep.html", page);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        ck_assert_str_eq(o->text, "开头\n深处文字\n之后的文字");
        ck_assert_uint_eq(o->n_warnings, 0);
        ck_assert_int_lt(t1.tv_sec - t0.tv_sec, 20);
        po_outline_free(o);
        free(page);
    }
}
END_TEST

START_TEST(depth_limit_does_not_apply)
{
    /* libxml2 2.9 stops at depth 256 unless told otherwise (XML_PARSE_HUGE)
     * when it builds a tree; the page is read from the parser's events, no
     * tree is built, so even without the option nothing is lost */
    char *page = nested_divs(1000, true);
    captured cap = {0};
    po_ingest_ctx cx = {"deep.html", capture, &cap, NULL, 0, XML_PARSE_HUGE};
    po_outline *o = po_outline_new("deep.html", 0);
    char *text = po_html_text(&cx, o, page, strlen(page), 0);
    ck_assert_str_eq(text, "开头\n深处文字\n之后的文字");
    ck_assert_int_eq(cap.count, 0);
    ck_assert_uint_eq(o->n_warnings, 0);
    free(text);
    po_outline_free(o);
    free(page);
}
END_TEST

START_TEST(stray_end_tags_stay_linear)
{
    /* libxml2 searches its whole stack for each end tag that closes nothing */
    po_buf b = PO_BUF_INIT;
    for (int i = 0; i < 100000; i++)
        po_buf_puts(&b, "<div>");
    po_buf_puts(&b, "深处");
    for (int i = 0; i < 100000; i++)
        po_buf_puts(&b, "</span>");
    po_buf_puts(&b, "<p>之后</p>");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    po_outline *o = ingest_one("stray.html", b.data, b.len, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ck_assert_str_eq(o->text, "深处\n之后");
    ck_assert_int_lt(t1.tv_sec - t0.tv_sec, 10);
    po_outline_free(o);
    /* real pages are passed through untouched */
    size_t len;
    char *page = seed_page("");
    ck_assert_ptr_null(po_html_guard(page, strlen(page), &len));
    char *fixed = po_html_guard(b.data, b.len, &len);
    ck_assert_ptr_nonnull(fixed);
    ck_assert_ptr_null(strstr(fixed, "</span>"));
    ck_assert_uint_eq(len, b.len - 100000 * strlen("</span>"));
    free(fixed);
    free(page);
    po_buf_free(&b);
}
END_TEST

START_TEST(deep_front_matter)
{
    /* libyaml slows down with the square of the flow nesting */
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "---\ntitle: 标题\ncategories: ");
    for (int i = 0; i < 100000; i++)
        po_buf_putc(&b, '[');
    po_buf_puts(&b, "\n---\n正文\n");
    captured cap = {0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    po_outline *o = ingest_one("deep.md", b.data, b.len, &cap);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ck_assert_int_lt(t1.tv_sec - t0.tv_sec, 5);
    ck_assert_int_eq(cap.count, 1);
    ck_assert_int_eq(cap.line, 3);
    ck_assert_int_eq(cap.column, 12 + 257); /* "categories: " then the 257th [ */
    ck_assert_str_eq(o->text, "正文");
    ck_assert_ptr_null(o->meta.title);
    po_outline_free(o);
    po_buf_free(&b);
}
END_TEST

START_TEST(invalid_utf8)
{
    const char in[] = "一是加强\xff\xfe协调\n二是\xe4\xb8推进";
    captured cap = {0};
    po_outline *o = ingest_one("bad.txt", in, sizeof in - 1, &cap);
    ck_assert_str_eq(o->encoding, "UTF-8");
    ck_assert_str_eq(o->text, "一是加强\xEF\xBF\xBD\xEF\xBF\xBD协调\n二是\xEF\xBF\xBD\xEF\xBF\xBD推进");
    ck_assert(has_warning(o, "4 bytes are not valid UTF-8"));
    ck_assert_int_eq(cap.count, 1);
    check_shape(o);
    po_outline_free(o);
    /* a GB18030 page with a broken character: replaced, not fatal */
    size_t len;
    char *gb = convert("GB18030", "UTF-8", "<meta charset=gbk><p>一是加强协调</p>",
                       strlen("<meta charset=gbk><p>一是加强协调</p>"), &len);
    gb[len - 8] = '\x81'; /* 协 loses its second byte */
    gb[len - 7] = '\x20';
    o = ingest_one("bad-gb.html", gb, len, NULL);
    ck_assert_str_eq(o->encoding, "GB18030");
    ck_assert_ptr_nonnull(strstr(o->text, "一是加强\xEF\xBF\xBD"));
    ck_assert(has_warning(o, "not valid GB18030"));
    po_outline_free(o);
    free(gb);
}
END_TEST

START_TEST(nul_bytes)
{
    const char in[] = "第一\0段\n\0\0\n第二段";
    po_outline *o = ingest_one("nul.txt", in, sizeof in - 1, NULL);
    ck_assert_str_eq(o->format, "text");
    ck_assert_str_eq(o->text, "第一段\n第二段");
    ck_assert(has_warning(o, "3 NUL bytes dropped"));
    po_outline_free(o);
    const char html[] = "<html><body><p>一\0是</p><p>二是</p></body></html>";
    o = ingest_one("nul.html", html, sizeof html - 1, NULL);
    ck_assert_str_eq(o->text, "一是\n二是");
    po_outline_free(o);
}
END_TEST

START_TEST(ten_megabyte_line)
{
    /* over libxml2's 10,000,000-byte text node limit */
    size_t reps = 3500000;
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "<p>");
    for (size_t i = 0; i < reps; i++)
        po_buf_append(&b, "一", 3);
    po_buf_puts(&b, "</p><p>尾</p>");
    po_outline *o = ingest_one("long.html", b.data, b.len, NULL);
    ck_assert_uint_eq(o->text_chars, reps + 2);
    ck_assert_uint_eq(o->n_warnings, 0);
    po_outline_free(o);
    /* the same line as text and as Markdown with links that never close */
    o = ingest_one("long.txt", b.data + 3, reps * 3, NULL);
    ck_assert_str_eq(o->format, "text");
    ck_assert_uint_eq(o->text_chars, reps);
    po_outline_free(o);
    po_buf_clear(&b);
    po_buf_puts(&b, "# t\n");
    for (size_t i = 0; i < reps; i++)
        po_buf_append(&b, "[(", 2);
    o = ingest_one("brackets.md", b.data, b.len, NULL);
    ck_assert_uint_eq(o->text_chars, 2 + 2 * reps);
    po_outline_free(o);
    po_buf_free(&b);
}
END_TEST

typedef struct job {
    const unsigned char *data;
    size_t len;
    const char *expected;
    int failures;
} job;

static void *ingest_many(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 20; i++) {
        po_outline **list;
        size_t n;
        if (po_ingest("thread.html", j->data, j->len, &list, &n, NULL, NULL) != PO_OK || n != 1 ||
            strcmp(list[0]->text, j->expected) != 0)
            j->failures++;
        else
            po_test_free_outlines(list, n);
    }
    return NULL;
}

START_TEST(threads_share_nothing)
{
    po_outline *ref = seed_outline();
    char *page = seed_page("<meta charset=\"gb18030\">");
    size_t len;
    char *gb = convert("GB18030", "UTF-8", page, strlen(page), &len);
    pthread_t t[4];
    job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){(const unsigned char *)gb, len, ref->text, 0};
        ck_assert_int_eq(pthread_create(&t[i], NULL, ingest_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        ck_assert_int_eq(jobs[i].failures, 0);
    }
    free(gb);
    free(page);
    po_outline_free(ref);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("ingest");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, seed_metadata_and_text);
    tcase_add_test(tc, seed_as_gb18030_page);
    tcase_add_test(tc, seed_as_big5_page);
    tcase_add_test(tc, seed_with_bom);
    tcase_add_test(tc, short_undeclared_texts);
    tcase_add_test(tc, declared_charset_but_utf8);
    tcase_add_test(tc, dayfile_real);
    tcase_add_test(tc, dayfile_whole_corpus);
    tcase_add_test(tc, dayfile_built);
    tcase_add_test(tc, html_main_content_only);
    tcase_add_test(tc, html_metadata);
    tcase_add_test(tc, markdown_without_html);
    tcase_add_test(tc, plain_text_and_detection);
    tcase_add_test(tc, published_forms);
    tcase_add_test(tc, broken_front_matter);
    tcase_add_test(tc, alias_fanout_refused);
    tcase_add_test(tc, unreadable_date_quoted_whole_characters);
    tcase_add_test(tc, bidi_controls_warned);
    tcase_add_test(tc, empty_input);
    tcase_add_test(tc, random_bytes);
    tcase_add_test(tc, truncated_html);
    tcase_add_test(tc, deeply_nested_divs);
    tcase_add_test(tc, depth_limit_does_not_apply);
    tcase_add_test(tc, stray_end_tags_stay_linear);
    tcase_add_test(tc, deep_front_matter);
    tcase_add_test(tc, invalid_utf8);
    tcase_add_test(tc, nul_bytes);
    tcase_add_test(tc, ten_megabyte_line);
    tcase_add_test(tc, threads_share_nothing);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
