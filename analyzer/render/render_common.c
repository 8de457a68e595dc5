/* render_common.c - helpers shared by the markdown, text and html renderers. */
#include "render_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/utf8.h"

/* A meeting line lists at most this many attendees, then "… (+N)": a long
 * list of names helps nobody reading an outline. */
#define MAX_ATTENDEES 30

void po_render_put_plain(po_buf *b, uint32_t cp)
{
    po_buf_put_cp(b, cp);
}

void po_render_cps(po_buf *b, const char *s, size_t len, po_render_put_fn put)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (p && i < len) {
        size_t used;
        uint32_t cp = po_utf8_decode(p + i, len - i, &used);
        i += used;
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
            cp = ' ';
        } else if (po_utf8_is_bidi_control(cp)) {
            char name[16];
            snprintf(name, sizeof name, "[U+%04X]", (unsigned)cp);
            for (const char *c = name; *c; c++)
                put(b, (uint32_t)*c);
            continue;
        }
        put(b, cp);
    }
}

void po_render_str(po_buf *b, const char *s, po_render_put_fn put)
{
    if (s)
        po_render_cps(b, s, strlen(s), put);
}

void po_render_str_max(po_buf *b, const char *s, size_t max, po_render_put_fn put)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s), i = 0, n = 0;
    while (i < len && n < max) {
        size_t used;
        po_utf8_decode(p + i, len - i, &used);
        i += used;
        n++;
    }
    po_render_cps(b, s, i, put);
    if (i < len)
        put(b, 0x2026);
}

bool po_render_is_punct(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
               (cp >= 0x7B && cp <= 0x7E);
    return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E) ||
           (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE1F) ||
           (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

/* White space too: Markdown's closing ** must not follow a space either. */
size_t po_render_trim_punct(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    while (len > 0) {
        size_t start = len - 1;
        while (start > 0 && len - start < 4 && (p[start] & 0xC0) == 0x80)
            start--;
        size_t used;
        uint32_t cp = po_utf8_decode(p + start, len - start, &used);
        if (start + used != len)
            break; /* a broken sequence: leave it to the escaping */
        if (!(po_render_is_punct(cp) || cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0))
            break;
        len = start;
    }
    return len;
}

void po_render_truncate(po_buf *b, size_t len)
{
    if (b->data && len <= b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

const char *po_render_title(const po_outline *o)
{
    if (o->meta.title && o->meta.title[0])
        return o->meta.title;
    if (o->meta.original_title && o->meta.original_title[0])
        return o->meta.original_title;
    return o->source ? o->source : "-";
}

bool po_render_linkable(const char *url)
{
    if (!url || !(strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0))
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7F || *p == '<' || *p == '>' || *p == '"' || *p == '\'' || *p == '`' ||
            *p == '\\')
            return false;
    /* a link is written as it is: one that would draw backwards is text */
    return po_utf8_count_bidi(url, strlen(url), NULL) == 0;
}

static const po_person *find_person(const po_outline *o, const char *name)
{
    for (size_t i = 0; i < o->n_people; i++)
        if (o->people[i].name && strcmp(o->people[i].name, name) == 0)
            return &o->people[i];
    return NULL;
}

static bool has_role(const po_person *p, const char *role)
{
    for (size_t i = 0; i < p->n_roles; i++)
        if (p->roles[i] && strcmp(p->roles[i], role) == 0)
            return true;
    return false;
}

/* A list of names being joined: duplicates are dropped, and after max names
 * the rest are only counted. */
typedef struct name_list {
    po_buf buf;
    const char *shown[MAX_ATTENDEES];
    size_t n_shown, n_more, max;
} name_list;

static void name_add(name_list *l, const po_outline *o, const char *name)
{
    if (!name || !name[0])
        return;
    for (size_t i = 0; i < l->n_shown; i++)
        if (strcmp(l->shown[i], name) == 0)
            return;
    if (l->n_shown == l->max) {
        l->n_more++;
        return;
    }
    l->shown[l->n_shown++] = name;
    if (l->buf.len)
        po_buf_puts(&l->buf, "、");
    po_buf_puts(&l->buf, name);
    const po_person *p = o ? find_person(o, name) : NULL;
    if (p && p->kind == PO_ORGANIZATION && p->count > 0) {
        char num[24];
        snprintf(num, sizeof num, "%d", p->count);
        if (!strstr(name, num)) /* 13家重点行业协会 already says it */
            po_buf_printf(&l->buf, " (%s)", num);
    }
}

static bool name_finish(name_list *l, char **out)
{
    if (l->n_more)
        po_buf_printf(&l->buf, "… (+%zu)", l->n_more);
    *out = NULL;
    if (l->buf.failed) {
        po_buf_free(&l->buf);
        return false;
    }
    if (l->buf.len)
        *out = po_buf_detach(&l->buf);
    return true;
}

bool po_render_meeting_parts(const po_outline *o, size_t meeting, po_render_meeting *out)
{
    out->chair = out->attendees = NULL;
    if (meeting >= o->n_meetings)
        return true;
    const po_meeting *m = &o->meetings[meeting];
    name_list chairs = {PO_BUF_INIT, {NULL}, 0, 0, MAX_ATTENDEES};
    name_list att = {PO_BUF_INIT, {NULL}, 0, 0, MAX_ATTENDEES};
    for (size_t i = 0; i < m->n_chair; i++)
        name_add(&chairs, o, m->chair[i]);
    for (size_t i = 0; i < m->n_participants; i++)
        name_add(&att, o, m->participants[i]);
    if (meeting == 0) {
        for (size_t i = 0; i < o->n_people; i++) {
            const po_person *p = &o->people[i];
            if (has_role(p, "chair"))
                name_add(&chairs, o, p->name);
            else if (has_role(p, "attendee"))
                name_add(&att, o, p->name);
        }
    }
    bool ok = name_finish(&chairs, &out->chair);
    ok = name_finish(&att, &out->attendees) && ok;
    if (!ok)
        po_render_meeting_free(out);
    return ok;
}

void po_render_meeting_free(po_render_meeting *m)
{
    free(m->chair);
    free(m->attendees);
    m->chair = m->attendees = NULL;
}

static bool listed(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] && strcmp(list[i], name) == 0)
            return true;
    return false;
}

bool po_render_person_in_meeting(const po_outline *o, const po_person *p)
{
    if (o->n_meetings == 0 || !p->name)
        return false;
    if (has_role(p, "chair") || has_role(p, "attendee"))
        return true;
    for (size_t i = 0; i < o->n_meetings; i++) {
        const po_meeting *m = &o->meetings[i];
        if (listed(m->chair, m->n_chair, p->name) || listed(m->participants, m->n_participants, p->name))
            return true;
    }
    return false;
}

bool po_render_other_people(po_buf *b, const po_outline *o, po_render_put_fn put)
{
    size_t shown = 0, more = 0;
    for (size_t i = 0; i < o->n_people; i++) {
        const po_person *p = &o->people[i];
        if (!p->name || !p->name[0] || po_render_person_in_meeting(o, p))
            continue;
        if (shown == MAX_ATTENDEES) {
            more++;
            continue;
        }
        if (shown++)
            po_buf_puts(b, ", ");
        po_render_str(b, p->name, put);
        if (p->kind == PO_ORGANIZATION && p->count > 0)
            po_buf_printf(b, " ×%d", p->count);
        for (size_t r = 0; r < p->n_roles; r++) {
            po_buf_puts(b, r ? ", " : " (");
            po_render_str(b, p->roles[r], put);
            if (r + 1 == p->n_roles)
                po_buf_putc(b, ')');
        }
    }
    if (more)
        po_buf_printf(b, ", … (+%zu)", more);
    return shown > 0;
}

char *po_render_group_label(const po_group *g)
{
    if (g->introducer && g->introducer[0])
        return strdup(g->introducer);
    po_buf b = PO_BUF_INIT;
    if (g->n_items && g->items[0].marker) {
        po_buf_puts(&b, g->items[0].marker);
        if (g->n_items > 1 && g->items[g->n_items - 1].marker) {
            po_buf_puts(&b, "…");
            po_buf_puts(&b, g->items[g->n_items - 1].marker);
        }
    } else {
        po_buf_puts(&b, g->style ? g->style : "list");
    }
    return po_buf_detach(&b);
}

/* ---- nesting ------------------------------------------------------------ */

#define NO_HOST ((size_t)-1)

/* The item of group g's parent that holds g's first item, or NO_HOST. */
static size_t find_host(const po_outline *o, size_t g)
{
    const po_group *grp = &o->groups[g];
    if (grp->parent < 0 || (size_t)grp->parent >= o->n_groups || (size_t)grp->parent == g || grp->n_items == 0)
        return NO_HOST;
    const po_group *par = &o->groups[grp->parent];
    size_t s = grp->items[0].start;
    /* items come in reading order: the last one starting at or before s */
    size_t lo = 0, hi = par->n_items;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (par->items[mid].start <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && s < par->items[lo - 1].end)
        return lo - 1;
    return NO_HOST;
}

static int cmp_child(const void *a, const void *b)
{
    const po_render_child *x = a, *y = b;
    if (x->host != y->host)
        return x->host < y->host ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;
}

bool po_render_tree_init(po_render_tree *t, const po_outline *o)
{
    size_t n = o->n_groups;
    t->top = calloc(n + 1, sizeof *t->top);
    t->kids = calloc(n + 1, sizeof *t->kids);
    t->first = calloc(n + 2, sizeof *t->first);
    size_t *host = calloc(n + 1, sizeof *host);
    int *depth = calloc(n + 1, sizeof *depth);
    size_t *path = calloc(n + 1, sizeof *path);
    bool ok = t->top && t->kids && t->first && host && depth && path;
    enum { UNKNOWN = -1, VISITING = -2 };
    for (size_t g = 0; ok && g < n; g++) {
        host[g] = find_host(o, g);
        depth[g] = UNKNOWN;
    }
    /* depth = parent's depth + 1, walked iteratively; a cycle is cut where it
     * closes, and a group nested too deeply starts again at top level */
    for (size_t g = 0; ok && g < n; g++) {
        size_t len = 0, cur = g;
        while (depth[cur] == UNKNOWN && host[cur] != NO_HOST) {
            depth[cur] = VISITING;
            path[len++] = cur;
            cur = (size_t)o->groups[cur].parent;
        }
        if (depth[cur] == UNKNOWN || depth[cur] == VISITING)
            depth[cur] = 0;
        while (len > 0) {
            size_t c = path[--len];
            if (depth[c] != VISITING)
                continue;
            int d = depth[o->groups[c].parent] + 1;
            depth[c] = d > PO_RENDER_MAX_DEPTH ? 0 : d;
        }
    }
    size_t n_kids = 0;
    for (size_t g = 0; ok && g < n; g++) {
        t->top[g] = depth[g] == 0;
        if (!t->top[g]) {
            t->first[o->groups[g].parent + 1]++;
            t->kids[n_kids].host = host[g];
            t->kids[n_kids++].group = g;
        }
    }
    if (ok) {
        for (size_t g = 0; g < n; g++)
            t->first[g + 1] += t->first[g];
        /* place each kid under its parent (counting sort), then order the
         * kids of each parent by item */
        po_render_child *sorted = calloc(n_kids + 1, sizeof *sorted);
        size_t *next = calloc(n + 1, sizeof *next);
        ok = sorted && next;
        if (ok) {
            memcpy(next, t->first, n * sizeof *next);
            for (size_t k = 0; k < n_kids; k++)
                sorted[next[o->groups[t->kids[k].group].parent]++] = t->kids[k];
            for (size_t g = 0; g < n; g++)
                if (t->first[g + 1] - t->first[g] > 1)
                    qsort(sorted + t->first[g], t->first[g + 1] - t->first[g], sizeof *sorted, cmp_child);
            free(t->kids);
            t->kids = sorted;
            sorted = NULL;
        }
        free(sorted);
        free(next);
    }
    free(host);
    free(depth);
    free(path);
    if (!ok)
        po_render_tree_free(t);
    return ok;
}

/* kids are sorted by host within a parent: two binary searches, so a list of
 * many items costs no more than its length */
static size_t kids_bound(const po_render_tree *t, size_t lo, size_t hi, size_t item, bool upper)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->kids[mid].host < item || (upper && t->kids[mid].host == item))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void po_render_kids_at(const po_render_tree *t, size_t g, size_t item, size_t *from, size_t *to)
{
    size_t lo = t->first[g], hi = t->first[g + 1];
    *from = kids_bound(t, lo, hi, item, false);
    *to = kids_bound(t, *from, hi, item, true);
}

void po_render_tree_free(po_render_tree *t)
{
    free(t->top);
    free(t->kids);
    free(t->first);
    t->top = NULL;
    t->kids = NULL;
    t->first = NULL;
}

static bool is_closer(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x300B ||
           cp == 0x3009 || cp == 0x3011 || cp == ')' || cp == ']' || cp == '"' || cp == '\'';
}

/* Give the bold part back the closing quotes it ends with (“友谊勋章” not
 * “友谊勋章), as long as Markdown still closes the emphasis after them: that
 * needs punctuation, a space or the end to follow. */
static size_t keep_closers(const char *text, size_t len, size_t bold, size_t limit)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t end = bold, used;
    while (end < limit && is_closer(po_utf8_decode(p + end, len - end, &used)))
        end += used;
    if (end == bold)
        return bold;
    if (end < len) {
        uint32_t next = po_utf8_decode(p + end, len - end, &used);
        if (!(po_render_is_punct(next) || next == ' ' || next == 0x3000))
            return bold;
    }
    return end;
}

void po_render_split_lead(const po_item *it, size_t text_len, po_render_lead *out)
{
    const char *text = it->text ? it->text : "";
    const char *lead = it->lead ? it->lead : "";
    size_t full = strlen(text), ll = strlen(lead);
    size_t tl = text_len < full ? text_len : full;
    size_t common = ll < tl ? ll : tl;
    out->separate = false;
    out->bold = text;
    out->bold_len = 0;
    if (ll && ll <= full && memcmp(text, lead, common) == 0) {
        out->bold_len = keep_closers(text, tl, po_render_trim_punct(text, common), common);
    } else if (ll) {
        out->bold = lead;
        out->bold_len = po_render_trim_punct(lead, ll);
        out->separate = out->bold_len > 0;
    }
    out->rest = out->separate ? text : text + out->bold_len;
    out->rest_len = tl - (size_t)(out->rest - text);
}

static bool is_space_or_punct(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x3000 || cp == 0xA0 || po_render_is_punct(cp);
}

/* Where item `it` (a marker, up to three spaces or punctuation, then the
 * start of its text) occurs in text; NULL when it does not. */
static const char *find_item(const char *text, const po_item *it)
{
    const char *m = it->marker, *body = it->text;
    if (!m || !m[0] || !body || !body[0])
        return NULL;
    /* the first dozen code points of the item are distinctive enough */
    size_t pl = 0, n = 0, blen = strlen(body), used;
    while (pl < blen && n < 12) {
        po_utf8_decode((const unsigned char *)body + pl, blen - pl, &used);
        pl += used;
        n++;
    }
    size_t ml = strlen(m);
    for (const char *q = strstr(text, m); q; q = strstr(q + 1, m)) {
        const char *r = q + ml;
        for (int skip = 0; skip <= 3 && *r; skip++) {
            if (strncmp(r, body, pl) == 0)
                return q;
            uint32_t cp = po_utf8_decode((const unsigned char *)r, strlen(r), &used);
            if (!is_space_or_punct(cp))
                break;
            r += used;
        }
    }
    return NULL;
}

void po_render_item_parts(const po_outline *o, const po_render_tree *t, size_t g, size_t i,
                          po_render_parts *out)
{
    const po_item *it = &o->groups[g].items[i];
    const char *text = it->text ? it->text : "";
    out->head_len = strlen(text);
    out->tail = "";
    size_t from, to;
    po_render_kids_at(t, g, i, &from, &to);
    if (from == to)
        return;
    const po_group *first = &o->groups[t->kids[from].group];
    const po_group *last = &o->groups[t->kids[to - 1].group];
    const char *cut = first->n_items ? find_item(text, &first->items[0]) : NULL;
    if (!cut)
        return;
    size_t head = (size_t)(cut - text);
    while (head > 0 && (text[head - 1] == ' ' || text[head - 1] == '\n' || text[head - 1] == '\t'))
        head--;
    out->head_len = head;
    const po_item *li = last->n_items ? &last->items[last->n_items - 1] : NULL;
    const char *p = li && li->text && li->text[0] ? strstr(cut, li->text) : NULL;
    if (p) {
        p += strlen(li->text);
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
        out->tail = p;
    }
}

bool po_render_meeting_line(po_buf *b, const po_outline *o, size_t meeting, const char *fallback,
                            const char *chair_label, const char *attendees_label, po_render_put_fn put)
{
    const po_meeting *m = &o->meetings[meeting];
    po_render_meeting parts;
    if (!po_render_meeting_parts(o, meeting, &parts))
        return false;
    po_render_str(b, m->name && m->name[0] ? m->name : m->type && m->type[0] ? m->type : fallback, put);
    const char *date = m->date && m->date[0] ? m->date : m->date_text;
    const char *fields[] = {date, m->location};
    for (size_t k = 0; k < 2; k++)
        if (fields[k] && fields[k][0]) {
            po_buf_puts(b, " · ");
            po_render_str(b, fields[k], put);
        }
    if (parts.chair) {
        po_buf_puts(b, chair_label);
        po_render_str(b, parts.chair, put);
    }
    if (parts.attendees) {
        po_buf_puts(b, attendees_label);
        po_render_str(b, parts.attendees, put);
    }
    po_render_meeting_free(&parts);
    return true;
}

bool po_render_numbered(const po_outline *o)
{
    return o->index > 0 || (o->format && strcmp(o->format, "dayfile") == 0);
}
