/* htmlguard.c - keeping libxml2's HTML parser linear on hostile nesting.
 * libxml2 2.9 looks every end tag up in its stack of open elements: with
 * 100,000 open <div>s and as many </span>s that match none of them, that is
 * 10^10 comparisons. On input nested deeper than any real page, end tags of
 * elements that are not open are dropped before parsing; the parser would
 * have ignored them anyway. Everything else passes untouched. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

enum { DEEP = 1024, SLOTS = 1024, NAME_LEN = 16 };

typedef struct tag {
    size_t start, end; /* the bytes of the tag, '<' to after '>' */
    bool closing, self_closing;
    char name[NAME_LEN];
} tag;

static bool is_void(const char *name)
{
    static const char *const VOID[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                       "link", "meta", "param", "source", "track", "wbr"};
    for (size_t i = 0; i < sizeof VOID / sizeof *VOID; i++)
        if (strcmp(name, VOID[i]) == 0)
            return true;
    return false;
}

static bool is_raw(const char *name)
{
    return strcmp(name, "script") == 0 || strcmp(name, "style") == 0 || strcmp(name, "textarea") == 0 ||
           strcmp(name, "title") == 0;
}

static const char *find_ci(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);
    for (; (size_t)(end - s) >= n; s++)
        if (strncasecmp(s, word, n) == 0)
            return s;
    return NULL;
}

/* The next start or end tag at or after pos; false at the end. Comments and
 * the content of raw-text elements are stepped over. */
static bool next_tag(const char *s, size_t len, size_t pos, tag *t)
{
    const char *end = s + len;
    for (const char *p = s + pos; (p = memchr(p, '<', (size_t)(end - p))) != NULL;) {
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *c = find_ci(p + 4, end, "-->");
            if (!c)
                return false;
            p = c + 3;
            continue;
        }
        const char *q = p + 1;
        bool closing = q < end && *q == '/';
        q += closing;
        if (q >= end || !((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))) {
            p++;
            continue;
        }
        size_t n = 0;
        while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9'))) {
            if (n + 1 < NAME_LEN)
                t->name[n++] = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
            q++;
        }
        t->name[n] = '\0';
        const char *gt = memchr(q, '>', (size_t)(end - q));
        if (!gt)
            return false;
        t->start = (size_t)(p - s);
        t->end = (size_t)(gt + 1 - s);
        t->closing = closing;
        t->self_closing = gt > q && gt[-1] == '/';
        return true;
    }
    return false;
}

/* Skip the content of a raw-text element that just opened. */
static size_t skip_raw(const char *s, size_t len, const tag *t)
{
    char close[NAME_LEN + 2] = "</";
    strcat(close, t->name);
    const char *c = find_ci(s + t->end, s + len, close);
    return c ? (size_t)(c - s) : len;
}

typedef struct slot {
    char name[NAME_LEN];
    size_t open;
} slot;

/* Open-element counts by name; NULL when the table is full. */
static slot *lookup(slot *table, const char *name)
{
    size_t h = 5381;
    for (const char *c = name; *c; c++)
        h = h * 33 + (unsigned char)*c;
    for (size_t i = 0; i < SLOTS; i++) {
        slot *sl = &table[(h + i) % SLOTS];
        if (!sl->name[0])
            strcpy(sl->name, name);
        if (strcmp(sl->name, name) == 0)
            return sl;
    }
    return NULL;
}

char *po_html_guard(const char *s, size_t len, size_t *out_len)
{
    /* every start tag opens with '<': with no more of them than DEEP, no
     * nesting can go deeper */
    size_t lt = 0;
    for (const char *p = s, *end = s + len; lt <= DEEP && (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
        lt++;
    if (lt <= DEEP)
        return NULL;
    /* first pass: how deep could the parser's stack get? */
    size_t depth = 0, max = 0;
    tag t;
    for (size_t pos = 0; next_tag(s, len, pos, &t);) {
        pos = t.end;
        if (t.closing) {
            depth -= depth > 0;
        } else if (!t.self_closing && !is_void(t.name)) {
            if (++depth > max)
                max = depth;
            if (is_raw(t.name))
                pos = skip_raw(s, len, &t);
        }
    }
    if (max <= DEEP)
        return NULL;
    slot *table = calloc(SLOTS, sizeof *table);
    po_buf b = PO_BUF_INIT;
    if (!table)
        return NULL;
    size_t copied = 0;
    for (size_t pos = 0; next_tag(s, len, pos, &t);) {
        pos = t.end;
        slot *sl = lookup(table, t.name);
        if (!sl)
            break; /* too many names to track: leave the rest as it is */
        if (t.closing) {
            if (sl->open == 0) {
                po_buf_append(&b, s + copied, t.start - copied);
                copied = t.end;
            } else {
                sl->open--;
            }
        } else if (!t.self_closing && !is_void(t.name)) {
            sl->open++;
            if (is_raw(t.name))
                pos = skip_raw(s, len, &t);
        }
    }
    po_buf_append(&b, s + copied, len - copied);
    free(table);
    *out_len = b.len;
    return po_buf_detach(&b);
}
