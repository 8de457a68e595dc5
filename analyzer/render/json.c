/* json.c - the outline as a JSON object (schema policy-outline/1, described
 * in docs/outline.schema.json).
 *
 * Written field by field, into one buffer or through a small one to a
 * stream: no tree of the whole outline is built first (an outline of
 * 100,000 items would hold one node per value), and a stream never holds
 * more than a few kilobytes of it. The layout is cJSON's, which earlier versions printed and
 * consumers may have compared byte for byte: compact for jsonl; for json,
 * a member per line indented by tabs, "key":<TAB>value, and arrays on one
 * line with ", " between elements. */
#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "policy_outline.h"
#include "../util/buf.h"

enum { MAX_DEPTH = 16 };

enum { FLUSH_AT = 1 << 16 };

typedef struct jw {
    po_buf b;
    FILE *f;              /* a stream the buffer is flushed to, or NULL */
    bool pretty;
    int depth;
    bool more[MAX_DEPTH]; /* the open container has a member already */
} jw;

static void flush(jw *w)
{
    if (w->f && !w->b.failed && w->b.len) {
        if (fwrite(w->b.data, 1, w->b.len, w->f) != w->b.len)
            w->b.failed = true;
        po_buf_clear(&w->b);
    }
}

/* len bytes at s: a span of the text holds no NUL of its own */
static void put_string_n(jw *w, const char *s, size_t len)
{
    po_buf *b = &w->b;
    po_buf_putc(b, '"');
    const char *run = s, *end = s + len;
    for (const char *p = s; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 32 && c != '"' && c != '\\')
            continue;
        po_buf_append(b, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"': po_buf_puts(b, "\\\""); break;
        case '\\': po_buf_puts(b, "\\\\"); break;
        case '\b': po_buf_puts(b, "\\b"); break;
        case '\f': po_buf_puts(b, "\\f"); break;
        case '\n': po_buf_puts(b, "\\n"); break;
        case '\r': po_buf_puts(b, "\\r"); break;
        case '\t': po_buf_puts(b, "\\t"); break;
        default: po_buf_printf(b, "\\u%04x", c);
        }
    }
    po_buf_append(b, run, (size_t)(end - run));
    po_buf_putc(b, '"');
}

static void put_string(jw *w, const char *s)
{
    put_string_n(w, s, strlen(s));
}

/* Before a value: the separator from the previous one, and in an object
 * the key. */
static void member(jw *w, const char *key)
{
    if (w->f && w->b.len >= FLUSH_AT)
        flush(w);
    bool more = w->more[w->depth];
    w->more[w->depth] = true;
    if (!key) { /* an array element */
        if (more)
            po_buf_puts(&w->b, w->pretty ? ", " : ",");
        return;
    }
    if (more)
        po_buf_append(&w->b, ",\n", w->pretty ? 2 : 1);
    for (int i = 0; w->pretty && i < w->depth; i++)
        po_buf_append(&w->b, "\t", 1);
    /* keys are the schema's: plain ASCII, nothing to escape */
    char k[64];
    size_t n = strlen(key);
    if (n + 4 > sizeof k) {
        put_string(w, key);
        po_buf_append(&w->b, ":\t", w->pretty ? 2 : 1);
        return;
    }
    k[0] = '"';
    memcpy(k + 1, key, n);
    memcpy(k + 1 + n, "\":\t", 3);
    po_buf_append(&w->b, k, n + (w->pretty ? 4 : 3));
}

static void open_(jw *w, const char *key, char c)
{
    member(w, key);
    po_buf_putc(&w->b, c);
    if (w->pretty && c == '{')
        po_buf_putc(&w->b, '\n');
    if (w->depth + 1 >= MAX_DEPTH) {
        w->b.failed = true;
        return;
    }
    w->more[++w->depth] = false;
}

static void close_(jw *w, char c)
{
    if (w->pretty && c == '}') {
        if (w->more[w->depth])
            po_buf_putc(&w->b, '\n');
        for (int i = 0; i < w->depth - 1; i++)
            po_buf_putc(&w->b, '\t');
    }
    po_buf_putc(&w->b, c);
    if (w->depth > 0)
        w->depth--;
}

#define OBJ(w, key) open_((w), (key), '{')
#define ARR(w, key) open_((w), (key), '[')
#define END_OBJ(w) close_((w), '}')
#define END_ARR(w) close_((w), ']')

static void str(jw *w, const char *key, const char *s)
{
    member(w, key);
    put_string(w, s);
}

/* A string, or null when there is none. */
static void str_or_null(jw *w, const char *key, const char *s)
{
    member(w, key);
    if (s)
        put_string(w, s);
    else
        po_buf_puts(&w->b, "null");
}

/* A span of the text, or null when there is none. */
static void span_or_null(jw *w, const char *key, po_text_span sp)
{
    member(w, key);
    if (sp.s)
        put_string_n(w, sp.s, sp.len);
    else
        po_buf_puts(&w->b, "null");
}

/* For fields the schema types as string: a missing value is "". */
static const char *str_or_empty(const char *s)
{
    return s ? s : "";
}

static void null_(jw *w, const char *key)
{
    member(w, key);
    po_buf_puts(&w->b, "null");
}

/* Numbers as cJSON prints its doubles: an int as %d, anything else with
 * the shortest of %.15g and %.17g that reads back the same. */
static void num(jw *w, const char *key, double d)
{
    member(w, key);
    if (isnan(d) || isinf(d)) {
        po_buf_puts(&w->b, "null");
        return;
    }
    int i = d >= INT_MAX ? INT_MAX : d <= (double)INT_MIN ? INT_MIN : (int)d;
    if (d == (double)i) { /* %d, without printf's cost for every offset */
        char tmp[16], *p = tmp + sizeof tmp;
        long long v = i < 0 ? -(long long)i : i;
        do
            *--p = (char)('0' + v % 10);
        while ((v /= 10) > 0);
        if (i < 0)
            *--p = '-';
        po_buf_append(&w->b, p, (size_t)(tmp + sizeof tmp - p));
        return;
    }
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%1.15g", d);
    if (strtod(tmp, NULL) != d)
        snprintf(tmp, sizeof tmp, "%1.17g", d);
    po_buf_puts(&w->b, tmp);
}

static void boolean(jw *w, const char *key, bool v)
{
    member(w, key);
    po_buf_puts(&w->b, v ? "true" : "false");
}

static void str_array(jw *w, const char *key, const char *const *list, size_t n)
{
    ARR(w, key);
    for (size_t i = 0; i < n; i++)
        str(w, NULL, str_or_empty(list[i]));
    END_ARR(w);
}

static void span(jw *w, size_t start, size_t end, const char *rule)
{
    num(w, "start", (double)start);
    num(w, "end", (double)end);
    if (rule)
        str(w, "rule", rule);
}

static void group_json(jw *w, const po_group *g)
{
    OBJ(w, NULL);
    str(w, "style", str_or_empty(g->style));
    str_or_null(w, "kind", g->kind);
    str_or_null(w, "introducer", g->introducer);
    span_or_null(w, "context", g->context);
    str_or_null(w, "actor", g->actor);
    if (g->parent >= 0)
        num(w, "parent", g->parent);
    else
        null_(w, "parent");
    OBJ(w, "rules");
    str_or_null(w, "marker", g->n_items ? g->items[0].rule : NULL);
    str_or_null(w, "introducer", g->introducer_rule);
    str_or_null(w, "actor", g->actor_rule);
    END_OBJ(w);
    ARR(w, "items");
    for (size_t i = 0; i < g->n_items; i++) {
        const po_item *it = &g->items[i];
        OBJ(w, NULL);
        num(w, "ordinal", it->ordinal);
        str(w, "marker", str_or_empty(it->marker));
        str(w, "text", str_or_empty(it->text));
        str(w, "lead", str_or_empty(it->lead));
        num(w, "paragraph", it->paragraph);
        span(w, it->start, it->end, it->rule);
        END_OBJ(w);
    }
    END_ARR(w);
    END_OBJ(w);
}

static void person_json(jw *w, const po_person *p)
{
    OBJ(w, NULL);
    str(w, "name", str_or_empty(p->name));
    str(w, "kind", p->kind == PO_ORGANIZATION ? "organization" : "person");
    str_array(w, "roles", p->roles, p->n_roles);
    str_array(w, "titles", p->titles, p->n_titles);
    str_or_null(w, "organization", p->organization);
    if (p->kind == PO_ORGANIZATION) {
        if (p->count > 0)
            num(w, "count", p->count);
        else
            null_(w, "count");
        str_or_null(w, "type", p->org_type);
        str_array(w, "members", p->members, p->n_members);
    }
    ARR(w, "mentions");
    for (size_t i = 0; i < p->n_mentions; i++) {
        OBJ(w, NULL);
        span(w, p->mentions[i].start, p->mentions[i].end, p->mentions[i].rule);
        END_OBJ(w);
    }
    END_ARR(w);
    END_OBJ(w);
}

static void meeting_json(jw *w, const po_meeting *m)
{
    OBJ(w, NULL);
    str_or_null(w, "name", m->name);
    str_or_null(w, "type", m->type);
    str_or_null(w, "date", m->date);
    str_or_null(w, "date_text", m->date_text);
    str_or_null(w, "location", m->location);
    str_array(w, "chair", m->chair, m->n_chair);
    str_array(w, "participants", m->participants, m->n_participants);
    span(w, m->start, m->end, m->rule);
    END_OBJ(w);
}

static void date_json(jw *w, const po_date *d)
{
    OBJ(w, NULL);
    str(w, "text", str_or_empty(d->text));
    str_or_null(w, "value", d->value);
    str_or_null(w, "kind", d->kind);
    boolean(w, "approximate", d->approximate);
    span(w, d->start, d->end, d->rule);
    END_OBJ(w);
}

static void outline_json(jw *w, const po_outline *ol, unsigned flags);

char *po_render_json(const po_outline *ol, unsigned flags)
{
    if (!ol)
        return NULL;
    jw w;
    memset(&w, 0, sizeof w);
    w.pretty = (flags & PO_RENDER_PRETTY) != 0;
    outline_json(&w, ol, flags);
    return po_buf_detach(&w.b);
}

int po_render_json_to(FILE *f, const po_outline *ol, unsigned flags)
{
    if (!f || !ol)
        return -1;
    jw w;
    memset(&w, 0, sizeof w);
    w.f = f;
    w.pretty = (flags & PO_RENDER_PRETTY) != 0;
    outline_json(&w, ol, flags);
    flush(&w);
    bool failed = w.b.failed;
    po_buf_free(&w.b);
    return failed ? -1 : 0;
}

static void outline_json(jw *w, const po_outline *ol, unsigned flags)
{
    OBJ(w, NULL);
    str(w, "schema", PO_SCHEMA);
    str(w, "source", str_or_empty(ol->source));
    num(w, "index", ol->index);
    str_or_null(w, "format", ol->format);
    str_or_null(w, "encoding", ol->encoding);
    const po_meta *m = &ol->meta;
    str_or_null(w, "title", m->title);
    str_or_null(w, "original_title", m->original_title);
    str_or_null(w, "author", m->author);
    str_or_null(w, "editor", m->editor);
    str_array(w, "categories", m->categories, m->n_categories);
    str_or_null(w, "url", m->url);
    str_or_null(w, "published", m->published);
    str_or_null(w, "published_from", m->published_from);
    num(w, "chars", (double)ol->text_chars);
    if (flags & PO_RENDER_WITH_TEXT)
        str(w, "text", ol->text ? ol->text : "");
    ARR(w, "groups");
    for (size_t i = 0; i < ol->n_groups; i++)
        group_json(w, &ol->groups[i]);
    END_ARR(w);
    ARR(w, "people");
    for (size_t i = 0; i < ol->n_people; i++)
        person_json(w, &ol->people[i]);
    END_ARR(w);
    ARR(w, "meetings");
    for (size_t i = 0; i < ol->n_meetings; i++)
        meeting_json(w, &ol->meetings[i]);
    END_ARR(w);
    ARR(w, "dates");
    for (size_t i = 0; i < ol->n_dates; i++)
        date_json(w, &ol->dates[i]);
    END_ARR(w);
    str_array(w, "warnings", ol->warnings, ol->n_warnings);
    END_OBJ(w);
}
