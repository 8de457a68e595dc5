/* html_text.c - the article's text with its outline marked in place, so a
 * reader can check every item, person and date against what was written. */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "util/utf8.h"

enum span_kind { SPAN_ITEM, SPAN_MARKER, SPAN_MEETING, SPAN_PERSON, SPAN_DATE };

typedef struct span {
    size_t start, end;  /* code points; end is cut to fit the enclosing mark */
    enum span_kind kind;
    size_t a, b;        /* item: group, item; person: person; meeting, date: index */
    int depth;          /* item: how deep its group is nested */
} span;

static int by_position(const void *x, const void *y)
{
    const span *p = x, *q = y;
    if (p->start != q->start)
        return p->start < q->start ? -1 : 1;
    if (p->end != q->end)
        return p->end > q->end ? -1 : 1;  /* the longer one encloses */
    if (p->kind != q->kind)
        return p->kind < q->kind ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Nesting depth of every group as the outline pane shows it. */
static int *group_depths(const po_outline *o, const po_render_tree *t)
{
    int *depth = calloc(o->n_groups ? o->n_groups : 1, sizeof *depth);
    if (!depth)
        return NULL;
    /* kids are sorted by parent, and a parent's depth is known before its
     * kids' as long as we repeat until nothing changes (depth is bounded) */
    for (int round = 0; round < PO_RENDER_MAX_DEPTH; round++) {
        bool changed = false;
        for (size_t g = 0; g < o->n_groups; g++) {
            for (size_t k = t->first[g]; k < t->first[g + 1]; k++) {
                size_t kid = t->kids[k].group;
                if (depth[kid] != depth[g] + 1) {
                    depth[kid] = depth[g] + 1;
                    changed = true;
                }
            }
        }
        if (!changed)
            break;
    }
    return depth;
}

static size_t count_spans(const po_outline *o)
{
    size_t n = o->n_meetings + o->n_dates;
    for (size_t g = 0; g < o->n_groups; g++)
        n += 2 * o->groups[g].n_items;
    for (size_t p = 0; p < o->n_people; p++)
        n += o->people[p].n_mentions;
    return n;
}

static void add(span *s, size_t *n, size_t start, size_t end, enum span_kind kind, size_t a, size_t b,
                int depth, size_t limit)
{
    if (end > limit)
        end = limit;
    if (start >= end)
        return;
    s[(*n)++] = (span){start, end, kind, a, b, depth};
}

static span *collect(const po_outline *o, const po_render_tree *t, size_t *n_out)
{
    size_t cap = count_spans(o);
    span *s = malloc((cap ? cap : 1) * sizeof *s);
    int *depth = group_depths(o, t);
    if (!s || !depth) {
        free(s);
        free(depth);
        return NULL;
    }
    size_t n = 0, limit = o->text_chars;
    for (size_t g = 0; g < o->n_groups; g++) {
        const po_group *grp = &o->groups[g];
        for (size_t i = 0; i < grp->n_items; i++) {
            const po_item *it = &grp->items[i];
            add(s, &n, it->start, it->end, SPAN_ITEM, g, i, depth[g], limit);
            size_t marker = it->marker ? po_utf8_length(it->marker, strlen(it->marker)) : 0;
            add(s, &n, it->start, it->start + marker, SPAN_MARKER, g, i, depth[g], limit);
        }
    }
    for (size_t m = 0; m < o->n_meetings; m++)
        add(s, &n, o->meetings[m].start, o->meetings[m].end, SPAN_MEETING, m, 0, 0, limit);
    for (size_t p = 0; p < o->n_people; p++)
        for (size_t k = 0; k < o->people[p].n_mentions; k++)
            add(s, &n, o->people[p].mentions[k].start, o->people[p].mentions[k].end, SPAN_PERSON, p, k, 0,
                limit);
    for (size_t d = 0; d < o->n_dates; d++)
        add(s, &n, o->dates[d].start, o->dates[d].end, SPAN_DATE, d, 0, 0, limit);
    free(depth);
    qsort(s, n, sizeof *s, by_position);
    *n_out = n;
    return s;
}

/* "李强 — chair, attendee · 国务院总理" */
static void person_title(po_buf *b, const po_person *p)
{
    po_buf_puts(b, " title=\"");
    po_html_esc(b, p->name);
    for (size_t r = 0; r < p->n_roles; r++) {
        po_buf_puts(b, r ? ", " : " — ");
        po_html_esc(b, p->roles[r]);
    }
    for (size_t k = 0; k < p->n_titles; k++) {
        po_buf_puts(b, k ? ", " : " · ");
        po_html_esc(b, p->titles[k]);
    }
    po_buf_putc(b, '"');
}

static void open_span(po_buf *b, const po_outline *o, const span *s, const char *prefix)
{
    switch (s->kind) {
    case SPAN_ITEM: {
        const po_item *it = &o->groups[s->a].items[s->b];
        po_buf_printf(b, "<mark class=\"item d%d\" id=\"%st%zu-%zu\" data-start=\"%zu\" data-end=\"%zu\"",
                      s->depth > 3 ? 3 : s->depth, prefix, s->a, s->b, it->start, it->end);
        po_html_attr(b, "data-rule", it->rule);
        po_buf_putc(b, '>');
        break;
    }
    case SPAN_MARKER:
        po_buf_printf(b, "<a class=\"marker\" href=\"#%so%zu-%zu\" title=\"to the outline\">", prefix, s->a,
                      s->b);
        break;
    case SPAN_MEETING: {
        const po_meeting *m = &o->meetings[s->a];
        po_buf_printf(b, "<span class=\"meeting-name\" data-start=\"%zu\" data-end=\"%zu\"", m->start, m->end);
        po_html_attr(b, "data-rule", m->rule);
        po_buf_puts(b, " title=\"meeting: ");
        po_html_esc(b, m->name ? m->name : m->type ? m->type : "");
        if (m->date) {
            po_buf_puts(b, " · ");
            po_html_esc(b, m->date);
        }
        po_buf_puts(b, "\">");
        break;
    }
    case SPAN_PERSON: {
        const po_person *p = &o->people[s->a];
        const po_mention *mn = &p->mentions[s->b];
        po_buf_printf(b, "<span class=\"person\" data-start=\"%zu\" data-end=\"%zu\"", mn->start, mn->end);
        po_html_attr(b, "data-rule", mn->rule);
        person_title(b, p);
        po_buf_putc(b, '>');
        break;
    }
    case SPAN_DATE: {
        const po_date *d = &o->dates[s->a];
        po_buf_printf(b, "<span class=\"date\" id=\"%sd%zu\" data-start=\"%zu\" data-end=\"%zu\"", prefix, s->a,
                      d->start, d->end);
        po_html_attr(b, "data-rule", d->rule);
        po_html_attr(b, "data-value", d->value);
        po_buf_puts(b, " title=\"");
        po_html_esc(b, d->value ? d->value : "unresolved");
        if (d->approximate)
            po_buf_puts(b, " (approximate)");
        po_buf_puts(b, "\">");
        break;
    }
    }
}

static const char *close_tag(enum span_kind k)
{
    return k == SPAN_ITEM ? "</mark>" : k == SPAN_MARKER ? "</a>" : "</span>";
}

bool po_html_marked_text(po_buf *b, const po_outline *o, const po_render_tree *t, const char *prefix)
{
    size_t n = 0;
    span *s = collect(o, t, &n);
    span **stack = malloc((n ? n : 1) * sizeof *stack);
    if (!s || !stack) {
        free(s);
        free(stack);
        return false;
    }
    size_t depth = 0, next = 0, pos = 0;
    const unsigned char *p = (const unsigned char *)(o->text ? o->text : "");
    size_t left = strlen((const char *)p);
    for (;;) {
        while (depth && stack[depth - 1]->end <= pos)
            po_buf_puts(b, close_tag(stack[--depth]->kind));
        while (next < n && s[next].start <= pos) {
            span *x = &s[next++];
            /* a mark never crosses the end of the one that holds it */
            if (depth && x->end > stack[depth - 1]->end)
                x->end = stack[depth - 1]->end;
            if (x->start < pos || x->end <= pos)
                continue;
            open_span(b, o, x, prefix);
            stack[depth++] = x;
        }
        if (!left)
            break;
        size_t used;
        uint32_t cp = po_utf8_decode(p, left, &used);
        if (cp == '\n')
            po_buf_putc(b, '\n');
        else
            po_render_cps(b, (const char *)p, used, po_html_put);
        p += used;
        left -= used;
        pos++;
    }
    while (depth)
        po_buf_puts(b, close_tag(stack[--depth]->kind));
    free(stack);
    free(s);
    return true;
}
