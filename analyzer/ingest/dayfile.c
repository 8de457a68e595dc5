/* dayfile.c - a 新闻联播 day file: "# 《新闻联播》 (YYYYMMDD)", a 新闻摘要
 * list, then 详细新闻 with one article per "### " heading, each ending with
 * a [查看原文](URL) link. Every article becomes an outline. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "../outline/model.h"

#define DETAIL "## 详细新闻"
#define ORIGINAL_LINK "[查看原文]("

static bool starts(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static bool is_detail_heading(const char *s, size_t n)
{
    return starts(s, n, DETAIL) && blank(s + strlen(DETAIL), n - strlen(DETAIL));
}

bool po_dayfile_detect(const char *s, size_t len)
{
    const char *end = s + len, *p = s;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
        p++;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t first = (size_t)((nl ? nl : end) - p);
    if (starts(p, first, "# 《新闻联播》"))
        return true;
    for (const char *q = s; (q = memmem(q, (size_t)(end - q), DETAIL, strlen(DETAIL))) != NULL; q++) {
        const char *e = memchr(q, '\n', (size_t)(end - q));
        if ((q == s || q[-1] == '\n') && is_detail_heading(q, (size_t)((e ? e : end) - q)))
            return true;
    }
    return false;
}

/* The first run of exactly eight digits that is a valid date, as ISO. */
static bool date_in(const char *s, size_t n, char iso[PO_PUBLISHED_MAX])
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        size_t k = 0;
        while (i + k < n && s[i + k] >= '0' && s[i + k] <= '9')
            k++;
        if (k == 8) {
            char d[9];
            memcpy(d, s + i, 8);
            d[8] = '\0';
            if (po_published_parse(d, iso))
                return true;
        }
        i += k;
    }
    return false;
}

/* The day from the "# " heading, else from the file name. */
static bool file_date(po_ingest_ctx *cx, const char *s, size_t len, char iso[PO_PUBLISHED_MAX])
{
    char from_head[PO_PUBLISHED_MAX] = "", from_name[PO_PUBLISHED_MAX] = "";
    const char *end = s + len, *p = s;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
        p++;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t first = (size_t)((nl ? nl : end) - p);
    bool head = starts(p, first, "# ") && date_in(p, first, from_head);
    const char *base = strrchr(cx->source, '/');
    base = base ? base + 1 : cx->source;
    bool name = date_in(base, strlen(base), from_name);
    if (head && name && strcmp(from_head, from_name) != 0)
        po_ingest_warn(cx, NULL, 1, 1, "the heading says %s, the file name %s; using the heading", from_head,
                       from_name);
    if (!head && !name) {
        po_ingest_warn(cx, NULL, 0, 0, "day file without a date in its heading or name");
        return false;
    }
    strcpy(iso, head ? from_head : from_name);
    return true;
}

/* Take the [查看原文](URL) links out of a body; the first URL is returned
 * (malloc'd) in *url. */
static char *strip_links(const char *s, size_t len, char **url, size_t *out_len)
{
    po_buf b = PO_BUF_INIT;
    const char *end = s + len;
    *url = NULL;
    size_t k = strlen(ORIGINAL_LINK);
    for (;;) {
        const char *l = memmem(s, (size_t)(end - s), ORIGINAL_LINK, k);
        const char *close = l ? memchr(l + k, ')', (size_t)(end - l - k)) : NULL;
        if (!close) {
            po_buf_append(&b, s, (size_t)(end - s));
            break;
        }
        po_buf_append(&b, s, (size_t)(l - s));
        if (!*url) {
            const char *u = l + k;
            size_t n = (size_t)(close - u);
            po_trim_space(&u, &n);
            *url = n ? strndup(u, n) : NULL;
        }
        s = close + 1;
    }
    po_buf_append(&b, "", 0);
    *out_len = b.len;
    return po_buf_detach(&b);
}

typedef struct article {
    const char *title, *body;
    size_t title_len, body_len;
} article;

static po_outline *make_article(po_ingest_ctx *cx, const article *a, int index, po_encoding enc,
                                const char *published)
{
    po_outline *o = po_outline_new(cx->source, index);
    if (!o)
        return NULL;
    o->format = po_outline_strdup(o, "dayfile");
    o->encoding = po_outline_strdup(o, po_encoding_name(enc));
    o->meta.title = po_outline_strndup(o, a->title, a->title_len);
    if (published)
        po_published_set(o, published);
    char *url = NULL;
    size_t len;
    char *body = strip_links(a->body, a->body_len, &url, &len);
    if (!body || !o->format || !o->encoding || !o->meta.title) {
        free(url);
        free(body);
        po_outline_free(o);
        return NULL;
    }
    if (url)
        o->meta.url = po_outline_strdup(o, url);
    free(url);
    const char *t = body;
    size_t tl = len;
    po_trim_space(&t, &tl);
    char *text = NULL;
    if (tl == 9 && memcmp(t, "undefined", 9) == 0) {
        /* the transcript source failed for this article */
        po_ingest_warn(cx, o, 0, 0, "article %d (%s) has no body ('undefined' in the source)", index + 1,
                       o->meta.title);
        text = strdup("");
    } else if (po_markdown_has_html(body, len)) {
        text = po_html_text(cx, o, body, len, PO_HTML_MARKDOWN);
    } else {
        text = po_markdown_text(body, len);
    }
    free(body);
    if (!text || !po_ingest_set_text(o, text)) {
        free(text);
        po_outline_free(o);
        return NULL;
    }
    free(text);
    return o;
}

static bool push(po_outline ***list, size_t *n, po_outline *o)
{
    po_outline **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l)
        return false;
    l[(*n)++] = o;
    *list = l;
    return true;
}

po_status po_dayfile_split(po_ingest_ctx *cx, const char *s, size_t len, po_encoding enc,
                           po_outline ***list, size_t *n)
{
    char date[PO_PUBLISHED_MAX];
    const char *published = file_date(cx, s, len, date) ? date : NULL;
    const char *end = s + len;
    bool in_detail = false, seen_detail = false;
    article cur = {NULL, NULL, 0, 0};
    int index = 0;
    for (const char *p = s; p <= end; p++) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        const char *e = nl ? nl : end;
        size_t n_line = (size_t)(e - p);
        bool h3 = starts(p, n_line, "### ");
        bool h12 = starts(p, n_line, "## ") || starts(p, n_line, "# ");
        bool rule = n_line >= 3 && memcmp(p, "---", 3) == 0 && blank(p + 3, n_line - 3);
        /* an article ends at the next heading, a --- rule or the end */
        if (cur.title && (h3 || h12 || rule || !nl)) {
            cur.body_len = (size_t)((h3 || h12 || rule ? p : end) - cur.body);
            po_outline *o = make_article(cx, &cur, index, enc, published);
            if (!o || !push(list, n, o)) {
                po_outline_free(o);
                return PO_ERR_NOMEM;
            }
            index++;
            cur.title = NULL;
        }
        if (h3 && in_detail) {
            cur.title = p + 4;
            cur.title_len = n_line - 4;
            cur.body = nl ? nl + 1 : end;
        } else if (h12) {
            in_detail = is_detail_heading(p, n_line);
            seen_detail |= in_detail;
        }
        if (!nl) {
            if (cur.title) { /* a heading on the last line, without a body */
                cur.body_len = 0;
                po_outline *o = make_article(cx, &cur, index, enc, published);
                if (!o || !push(list, n, o)) {
                    po_outline_free(o);
                    return PO_ERR_NOMEM;
                }
            }
            break;
        }
        p = nl;
    }
    if (!seen_detail)
        po_ingest_warn(cx, NULL, 0, 0, "day file without a '## 详细新闻' section: no articles");
    return PO_OK;
}
