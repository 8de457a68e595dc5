/* test_render.c - the markdown, text and html renderers on outlines built
 * by hand, so that they are tested before (and apart from) the analysis. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "outline/model.h"
#include "util/buf.h"
#include "util/utf8.h"

/* A context as the renderers see one: bytes with no NUL of their own (the
 * analysis points into the outline's text; a copy stands in for it here),
 * followed by a character that must not be shown. */
static po_text_span span_of(po_outline *o, const char *s)
{
    size_t n = strlen(s);
    char *copy = po_outline_strndup(o, s, n); /* n bytes and a NUL */
    copy[n] = 'X';
    return (po_text_span){copy, n};
}

static void add_item(po_outline *o, po_group *g, int ordinal, const char *marker, const char *text,
                     const char *lead, size_t start, size_t end)
{
    po_item *it = po_outline_add_item(o, g);
    ck_assert_ptr_nonnull(it);
    it->ordinal = ordinal;
    it->marker = po_outline_strdup(o, marker);
    it->text = po_outline_strdup(o, text);
    it->lead = lead ? po_outline_strdup(o, lead) : NULL;
    it->start = start;
    it->end = end;
    it->rule = g->style && strcmp(g->style, "yao") == 0 ? "marker.yao" : "marker.shi";
}

/* The seed article as the analysis should see it, plus a nested group and
 * strings that need escaping. */
static po_outline *seed_outline(void)
{
    po_outline *o = po_outline_new("samples/seed.md", 0);
    ck_assert_ptr_nonnull(o);
    o->meta.title = po_outline_strdup(o, "工信部：推动惠企减负政策落实 进一步稳定企业预期");
    o->meta.published = po_outline_strdup(o, "2021-11-04T09:21:43Z");
    o->meta.url = po_outline_strdup(o, "https://finance.sina.com.cn/a.shtml?x=1&y=2");

    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    g->kind = po_outline_strdup(o, "measures");
    g->introducer = po_outline_strdup(o, "会议提出");
    g->introducer_rule = "introducer.huiyi";
    add_item(o, g, 1, "一是", "着力抓好工业稳增长政策措施的贯彻实施，加大对企业的支持力度；",
             "着力抓好工业稳增长政策措施的贯彻实施，", 100, 140);
    add_item(o, g, 2, "二是", "着力加强协调调度；", "着力加强协调调度；", 140, 160);

    g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "yao");
    g->kind = po_outline_strdup(o, "requirements");
    g->introducer = po_outline_strdup(o, "会议强调");
    g->actor = po_outline_strdup(o, "各行业协会");
    g->context = span_of(o, "会议强调，各行业协会要充分发挥桥梁纽带作用。");
    g->actor_rule = "actor.yao";
    add_item(o, g, 1, "一要", "加强预测预警，a*b<c>&\"d\"'e'_[x](y) ①第一小项；②第二小项。尾句", "加强预测预警，",
             200, 230);
    add_item(o, g, 2, "二要", "加强企业帮扶。", "加强企业帮扶。", 230, 260);

    /* nested inside item 1 of group 1 */
    g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "circled");
    g->parent = 1;
    add_item(o, g, 1, "①", "第一小项；", "第一小项；", 210, 215);
    add_item(o, g, 2, "②", "第二小项。", "第二小项。", 215, 220);

    po_person *p = po_outline_add_person(o);
    p->name = po_outline_strdup(o, "辛国斌");
    p->kind = PO_PERSON;
    po_outline_add_string(o, &p->roles, &p->n_roles, "chair");
    po_outline_add_string(o, &p->titles, &p->n_titles, "副部长");
    po_mention *m = po_outline_add_mention(o, p);
    m->start = 30;
    m->end = 33;
    m->rule = "role.chair";
    p = po_outline_add_person(o);
    p->name = po_outline_strdup(o, "重点行业协会");
    p->kind = PO_ORGANIZATION;
    p->count = 13;
    po_outline_add_string(o, &p->roles, &p->n_roles, "attendee");
    po_outline_add_string(o, &p->members, &p->n_members, "钢铁");
    po_outline_add_string(o, &p->members, &p->n_members, "有色");
    p = po_outline_add_person(o);
    p->name = po_outline_strdup(o, "王某");
    p->kind = PO_PERSON;
    po_outline_add_string(o, &p->roles, &p->n_roles, "speaker");

    po_meeting *mt = po_outline_add_meeting(o);
    mt->name = po_outline_strdup(o, "重点行业协会工业稳增长工作座谈会");
    mt->type = po_outline_strdup(o, "座谈会");
    mt->date = po_outline_strdup(o, "2021-11-03");
    mt->start = 35;
    mt->end = 51;
    mt->rule = "meeting.zuotanhui";
    po_outline_add_string(o, &mt->chair, &mt->n_chair, "辛国斌");
    po_outline_add_string(o, &mt->participants, &mt->n_participants, "重点行业协会");

    po_date *d = po_outline_add_date(o);
    d->text = po_outline_strdup(o, "11月3日");
    d->value = po_outline_strdup(o, "2021-11-03");
    d->kind = po_outline_strdup(o, "day");
    d->start = 20;
    d->end = 25;
    d->rule = "date.md";
    po_outline_warn(o, "1. a warning <b>");
    return o;
}

/* One pass with explicit lengths: ASan's strstr measures the whole string
 * on every call, which makes counting in a large output quadratic. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, len = strlen(hay), nl = strlen(needle);
    for (size_t i = 0; i + nl <= len; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nl) == 0)
            n++;
    return n;
}

static void assert_before(const char *s, const char *a, const char *b)
{
    const char *pa = strstr(s, a), *pb = strstr(s, b);
    ck_assert_msg(pa && pb && pa < pb, "expected '%s' before '%s' in:\n%s", a, b, s);
}

#define ck_assert_has(s, sub) ck_assert_msg(strstr((s), (sub)) != NULL, "missing '%s' in:\n%s", (sub), (s))

START_TEST(markdown_outline)
{
    po_outline *o = seed_outline();
    char *s = po_render_markdown(o, 0);
    ck_assert_ptr_nonnull(s);
    ck_assert(strncmp(s, "# 工信部：推动惠企减负政策落实 进一步稳定企业预期\n\n", 70) == 0);
    ck_assert_has(s, "published 2021-11-04T09:21:43Z · <https://finance.sina.com.cn/a.shtml?x=1&y=2> · source samples/seed.md");
    ck_assert_has(s, "**Meeting:** 重点行业协会工业稳增长工作座谈会 · 2021-11-03 · chair: 辛国斌 · attendees: 重点行业协会 (13)\n");
    ck_assert_has(s, "**People:** 王某 (speaker)\n");
    ck_assert_has(s, "\n**会议提出** (measures)\n\n1. **着力抓好工业稳增长政策措施的贯彻实施**，加大对企业的支持力度；\n");
    ck_assert_has(s, "\n2. **着力加强协调调度**；\n");
    ck_assert_has(s, "\n**会议强调** — 各行业协会 (requirements)\n\n> 会议强调，各行业协会要充分发挥桥梁纽带作用。\n");
    /* markdown specials escaped; quotes need not be */
    ck_assert_has(s, "1. **加强预测预警**，a\\*b\\<c\\>\\&\"d\"'e'\\_\\[x\\](y)\n");
    /* the nested group sits under the item that holds it, indented */
    ck_assert_has(s, "\n   **①…②**\n\n   1. **第一小项**；\n   2. **第二小项**。\n\n   尾句\n2. **加强企业帮扶**");
    assert_before(s, "**Meeting:**", "**会议提出**");
    assert_before(s, "**会议强调**", "   **①…②**");
    assert_before(s, "   2. **第二小项**", "2. **加强企业帮扶**");
    assert_before(s, "## Dates\n\n- 11月3日 → 2021-11-03\n", "## Warnings\n\n- 1\\. a warning \\<b\\>\n");
    ck_assert_uint_eq(count(s, "**①…②**"), 1);
    free(s);
    po_outline_free(o);
}
END_TEST

START_TEST(text_outline_plain_explain_color)
{
    po_outline *o = seed_outline();
    char *s = po_render_text(o, 0);
    ck_assert_ptr_nonnull(s);
    ck_assert(strchr(s, '\033') == NULL);
    ck_assert(strncmp(s, "工信部", 9) == 0);
    ck_assert_has(s, "meeting 重点行业协会工业稳增长工作座谈会 · 2021-11-03 · chair 辛国斌 · attendees 重点行业协会 (13)\n");
    ck_assert_has(s, "\n\n会议提出 (measures)\n  1. 一是 着力抓好工业稳增长政策措施的贯彻实施…\n  2. 二是 着力加强协调调度\n\n");
    ck_assert_has(s, "\n会议强调 — 各行业协会 (requirements)\n  1. 一要 加强预测预警…\n    ①…②\n      1. ① 第一小项\n");
    ck_assert_has(s, "  重点行业协会 (13: 钢铁、有色) — attendee\n");
    ck_assert_has(s, "  11月3日 → 2021-11-03 (day)\n");
    ck_assert(strstr(s, "[marker.shi") == NULL);
    free(s);

    s = po_render_text(o, PO_RENDER_EXPLAIN);
    ck_assert(strchr(s, '\033') == NULL);
    ck_assert_has(s, "  1. 一是 着力抓好工业稳增长政策措施的贯彻实施…  [marker.shi 100-140]\n");
    ck_assert_has(s, "会议提出 (measures)  [marker.shi 100-160; introducer introducer.huiyi]\n");
    ck_assert_has(s, "[marker.yao 200-260; actor actor.yao]");
    ck_assert_has(s, "; parent 1]");
    ck_assert_has(s, "  辛国斌 — chair · 副部长  [role.chair 30-33]\n");
    ck_assert_has(s, "  11月3日 → 2021-11-03 (day)  [date.md 20-25]\n");
    ck_assert_has(s, "  [meeting.zuotanhui 35-51]\n");
    free(s);

    s = po_render_text(o, PO_RENDER_EXPLAIN | PO_RENDER_COLOR);
    ck_assert(strncmp(s, "\033[1m工信部", 13) == 0);
    ck_assert_has(s, "\033[2m[marker.shi 100-140]\033[0m");
    free(s);
    po_outline_free(o);
}
END_TEST

START_TEST(html_page_escaped)
{
    po_outline *o = seed_outline();
    char *s = po_render_html(o, 0);
    ck_assert_ptr_nonnull(s);
    ck_assert(strncmp(s, "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">", 62) == 0);
    ck_assert_has(s, "<title>工信部：推动惠企减负政策落实 进一步稳定企业预期</title>");
    ck_assert_has(s, "<a href=\"https://finance.sina.com.cn/a.shtml?x=1&amp;y=2\">");
    ck_assert_has(s, "<strong>加强预测预警</strong>，a*b&lt;c&gt;&amp;&quot;d&quot;&#39;e&#39;_[x](y)");
    ck_assert_has(s, "data-start=\"100\" data-end=\"140\" data-marker=\"一是\" data-rule=\"marker.shi\">"
                     "<a class=\"to-text\" href=\"#a");
    ck_assert_has(s, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-");
    ck_assert_has(s, "<h2>会议强调 <span class=\"actor\">— 各行业协会</span> <span class=\"kind\">(requirements)</span></h2>");
    ck_assert_has(s, "&#39;e&#39;_[x](y)</a>\n<section");
    ck_assert_has(s, "<h3>①…②</h3>");
    ck_assert_has(s, "<blockquote class=\"context\">会议强调，各行业协会要充分发挥桥梁纽带作用。</blockquote>");
    ck_assert_has(s, "</section>\n<p>尾句</p></li>");
    ck_assert_has(s, "attendees: 重点行业协会 (13)</p>");
    ck_assert_has(s, "<li>1. a warning &lt;b&gt;</li>");
    ck_assert(strstr(s, "<b>") == NULL);
    ck_assert_uint_eq(count(s, "<section"), count(s, "</section>"));
    ck_assert_uint_eq(count(s, "<li"), count(s, "</li>"));
    ck_assert(strlen(s) > 20 && strcmp(s + strlen(s) - 8, "</html>\n") == 0);
    free(s);
    po_outline_free(o);
}
END_TEST

/* The reader's view marks the text in place: items from their markers,
 * nested items inside their host, a person's mention that runs past an
 * item's end cut there, paragraphs kept, text escaped. */
START_TEST(html_marks_text)
{
    po_outline *o = po_outline_new("m.txt", 0);
    const char *text = "会议要求：一是甲①乙②丙；二是丁<戊\n尾";
    o->text = po_outline_strdup(o, text);
    o->text_chars = 20;
    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    add_item(o, g, 1, "一是", "甲①乙②丙；", NULL, 5, 13);
    add_item(o, g, 2, "二是", "丁<戊", NULL, 13, 18);
    po_group *k = po_outline_add_group(o);
    k->style = po_outline_strdup(o, "circled");
    k->parent = 0;
    add_item(o, k, 1, "①", "乙", NULL, 8, 10);
    add_item(o, k, 2, "②", "丙；", NULL, 10, 13);
    po_person *p = po_outline_add_person(o);
    p->name = po_outline_strdup(o, "丙二");
    p->kind = PO_PERSON;
    po_outline_add_string(o, &p->roles, &p->n_roles, "chair");
    po_mention *m = po_outline_add_mention(o, p);
    m->start = 11;
    m->end = 15;
    char *s = po_render_html(o, PO_RENDER_FRAGMENT);
    ck_assert_ptr_nonnull(s);
    const char *t = strstr(s, "<section class=\"text\"");
    ck_assert_ptr_nonnull(t);
    /* item 2 of the nested group holds the person's mention, cut at its end */
    ck_assert_has(t, "会议要求：<mark class=\"item d0\" id=\"");
    ck_assert_has(t, "t0-0\" data-start=\"5\" data-end=\"13\" data-rule=\"marker.shi\"><a class=\"marker\" href=\"#");
    ck_assert_has(t, "o0-0\" title=\"to the outline\">一是</a>甲<mark class=\"item d1\"");
    ck_assert_has(t, "o1-1\" title=\"to the outline\">②</a><span class=\"person\" data-start=\"11\" "
                     "data-end=\"15\" title=\"丙二 — chair\">丙；</span></mark></mark><mark class=\"item d0\"");
    ck_assert_has(t, "二是</a>丁&lt;戊</mark>\n尾</section>");
    ck_assert_uint_eq(count(t, "<mark"), 4);
    ck_assert_uint_eq(count(t, "</mark>"), 4);
    free(s);
    po_outline_free(o);
}
END_TEST

/* Nothing analysed: each renderer still gives a page naming the source. */
START_TEST(empty_outline)
{
    po_outline *o = po_outline_new("empty.txt", 0);
    char *md = po_render_markdown(o, 0), *tx = po_render_text(o, PO_RENDER_EXPLAIN | PO_RENDER_COLOR),
         *ht = po_render_html(o, 0);
    ck_assert_str_eq(md, "# empty.txt\n\nsource empty.txt\n\n*No enumerated directives found.*\n");
    ck_assert_has(tx, "empty.txt");
    ck_assert_has(tx, "(no enumerated directives)");
    ck_assert_has(ht, "<h1><bdi>empty.txt</bdi></h1>");
    free(md);
    free(tx);
    free(ht);
    po_outline_free(o);
}
END_TEST

/* Broken parents (cycles, out of range, not inside any item) never lose or
 * repeat a group. */
START_TEST(nesting_survives_bad_parents)
{
    po_outline *o = po_outline_new("x", 0);
    const int parents[] = {1, 0, 7, -5, 3, 4, 5, 6, 7};
    const size_t n = sizeof parents / sizeof parents[0];
    for (size_t i = 0; i < n; i++) {
        po_group *g = po_outline_add_group(o);
        g->style = po_outline_strdup(o, "shi");
        char text[32];
        snprintf(text, sizeof text, "组%zu内容", i);
        add_item(o, g, 1, "一是", text, NULL, 10, 100);
        add_item(o, g, 2, "二是", "二", NULL, 100, 200);
        g->parent = parents[i];
    }
    unsigned flags[] = {0, PO_RENDER_EXPLAIN};
    for (int f = 0; f < 2; f++) {
        char *outs[] = {po_render_markdown(o, flags[f]), po_render_text(o, flags[f]), po_render_html(o, flags[f])};
        for (int k = 0; k < 3; k++) {
            ck_assert_ptr_nonnull(outs[k]);
            for (size_t i = 0; i < n; i++) {
                char text[32];
                snprintf(text, sizeof text, "组%zu内容", i);
                ck_assert_msg(count(outs[k], text) == 1, "group %zu shown %zu times in:\n%s", i,
                              count(outs[k], text), outs[k]);
            }
            free(outs[k]);
        }
    }
    po_outline_free(o);
}
END_TEST

/* Bad bytes and control characters in the model never reach the output. */
START_TEST(invalid_utf8_and_controls)
{
    po_outline *o = po_outline_new("bad\xff.txt", 0);
    o->meta.title = po_outline_strdup(o, "t\x1b[31m\xe4\xb8 x\r\n\x7f\xc2\x9b");
    o->meta.url = po_outline_strdup(o, "javascript:alert(1)");
    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    add_item(o, g, 1, "一是", "\xff\xfe", "\xff", 0, 2);
    add_item(o, g, 2, "二是", "ok", "", 2, 4);
    char *outs[] = {po_render_markdown(o, 0), po_render_text(o, PO_RENDER_EXPLAIN), po_render_html(o, 0)};
    for (int k = 0; k < 3; k++) {
        ck_assert_ptr_nonnull(outs[k]);
        ck_assert(po_utf8_valid((const unsigned char *)outs[k], strlen(outs[k])));
        ck_assert(strchr(outs[k], '\033') == NULL);
        ck_assert(strchr(outs[k], '\r') == NULL);
        ck_assert(strstr(outs[k], "\xc2\x9b") == NULL);
        ck_assert(strstr(outs[k], "href=\"javascript") == NULL);
        ck_assert(strstr(outs[k], "<javascript") == NULL);
        free(outs[k]);
    }
    po_outline_free(o);
}
END_TEST

/* Every bidi control in any string: none reaches markdown, text or html
 * raw; each is shown by name, so "\u202Egnp.exe" reads as it is stored. */
START_TEST(bidi_controls_shown_by_name)
{
    static const char *const CONTROLS[] = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
                                           "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"};
    po_outline *o = po_outline_new("\u202Efdp.md", 0);
    o->meta.title = po_outline_strdup(o, "\u202Egnp.exe");
    o->meta.url = po_outline_strdup(o, "https://example.org/\u202Ea");
    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    g->context = span_of(o, "会议\u2067指出\u2069，");
    po_buf all = PO_BUF_INIT;
    for (size_t i = 0; i < sizeof CONTROLS / sizeof *CONTROLS; i++)
        po_buf_printf(&all, "%s字", CONTROLS[i]);
    add_item(o, g, 1, "一是", all.data, "\u200F加强", 0, 2);
    po_buf_free(&all);
    po_outline_warn(o, "warning \u061C here");
    char *outs[] = {po_render_markdown(o, 0), po_render_text(o, PO_RENDER_EXPLAIN), po_render_html(o, 0)};
    for (int k = 0; k < 3; k++) {
        ck_assert_ptr_nonnull(outs[k]);
        for (size_t i = 0; i < sizeof CONTROLS / sizeof *CONTROLS; i++)
            ck_assert_msg(strstr(outs[k], CONTROLS[i]) == NULL, "output %d holds control %zu", k, i);
        /* markdown escapes the brackets */
        ck_assert_ptr_nonnull(strstr(outs[k], k == 0 ? "\\[U+202E\\]gnp.exe" : "[U+202E]gnp.exe"));
        ck_assert_msg(strstr(outs[k], k == 0 ? "\\[U+061C\\]" : "[U+061C]"), "%s", outs[k]);
        free(outs[k]);
    }
    /* the JSON keeps the document's characters */
    char *json = po_render_json(o, 0);
    ck_assert_ptr_nonnull(strstr(json, "\u202Egnp.exe"));
    free(json);
    po_outline_free(o);
}
END_TEST

/* A group of 200,000 items and 20,000 nested groups render in linear time. */
START_TEST(large_outline)
{
    po_outline *o = po_outline_new("big", 0);
    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    for (int i = 0; i < 200000; i++)
        add_item(o, g, i + 1, "一是", "加强，管理", "加强，", (size_t)i * 10, (size_t)i * 10 + 10);
    for (int k = 0; k < 20000; k++) {
        po_group *c = po_outline_add_group(o);
        c->style = po_outline_strdup(o, "circled");
        c->parent = 0;
        add_item(o, c, 1, "①", "甲", NULL, (size_t)k * 100 + 1, (size_t)k * 100 + 2);
        add_item(o, c, 2, "②", "乙", NULL, (size_t)k * 100 + 2, (size_t)k * 100 + 3);
    }
    char *outs[] = {po_render_markdown(o, 0), po_render_text(o, PO_RENDER_EXPLAIN), po_render_html(o, 0)};
    for (int k = 0; k < 3; k++) {
        ck_assert_ptr_nonnull(outs[k]);
        ck_assert_uint_eq(count(outs[k], "甲"), 20000);
        free(outs[k]);
    }
    po_outline_free(o);
}
END_TEST

/* A string the analysis left NULL keeps its key (as ""), so the object still
 * has the shape docs/outline.schema.json gives it. */
START_TEST(json_keeps_keys_of_missing_strings)
{
    po_outline *o = po_outline_new("x.txt", 0);
    po_group *g = po_outline_add_group(o);
    po_item *it = po_outline_add_item(o, g);
    it->ordinal = 1;
    po_person *p = po_outline_add_person(o);
    p->kind = PO_PERSON;
    po_outline_add_date(o);
    char *s = po_render_json(o, 0);
    cJSON *j = cJSON_Parse(s);
    ck_assert_ptr_nonnull(j);
    cJSON *grp = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "groups"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(grp, "style")->valuestring, "");
    cJSON *item = cJSON_GetArrayItem(cJSON_GetObjectItem(grp, "items"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(item, "marker")->valuestring, "");
    ck_assert_str_eq(cJSON_GetObjectItem(item, "text")->valuestring, "");
    ck_assert_str_eq(cJSON_GetObjectItem(item, "lead")->valuestring, "");
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(grp, "context")));
    ck_assert_ptr_nonnull(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "people"), 0), "name"));
    ck_assert_ptr_nonnull(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "dates"), 0), "text"));
    cJSON_Delete(j);
    free(s);
    po_outline_free(o);
}
END_TEST

static Suite *render_suite(void)
{
    Suite *s = suite_create("render");
    TCase *tc = tcase_create("render");
    tcase_set_timeout(tc, 120); /* the large outline under sanitizers */
    tcase_add_test(tc, markdown_outline);
    tcase_add_test(tc, text_outline_plain_explain_color);
    tcase_add_test(tc, html_page_escaped);
    tcase_add_test(tc, html_marks_text);
    tcase_add_test(tc, empty_outline);
    tcase_add_test(tc, nesting_survives_bad_parents);
    tcase_add_test(tc, invalid_utf8_and_controls);
    tcase_add_test(tc, bidi_controls_shown_by_name);
    tcase_add_test(tc, large_outline);
    tcase_add_test(tc, json_keeps_keys_of_missing_strings);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return po_test_run(render_suite());
}
