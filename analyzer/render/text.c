/* text.c - the outline as an indented tree for the terminal. With
 * PO_RENDER_EXPLAIN each group, item, meeting, person and date shows the
 * rule behind it and its offsets; with PO_RENDER_COLOR, ANSI colours (never
 * without the flag, so pipes and files stay clean). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_outline.h"
#include "render_common.h"

/* An item line shows the lead; without one, this many characters. */
#define ITEM_PREVIEW 40
/* People lines show this many mentions with --explain, then a count. */
#define MAX_MENTIONS 3

#define SGR_BOLD "1"
#define SGR_DIM "2"
#define SGR_YELLOW "33"

typedef struct text_ctx {
    po_buf *b;
    const po_outline *o;
    const po_render_tree *t;
    unsigned flags;
    bool nomem;
} text_ctx;

static void sgr(text_ctx *c, const char *code)
{
    if (c->flags & PO_RENDER_COLOR)
        po_buf_printf(c->b, "\033[%sm", code);
}

static void reset(text_ctx *c)
{
    if (c->flags & PO_RENDER_COLOR)
        po_buf_puts(c->b, "\033[0m");
}

static void put(text_ctx *c, const char *s)
{
    po_render_str(c->b, s, po_render_put_plain);
}

static void pad(po_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_buf_putc(b, ' ');
}

static bool explaining(const text_ctx *c)
{
    return (c->flags & PO_RENDER_EXPLAIN) != 0;
}

/* "  [rule 12-30]": the rule (or "-") and the span, dimmed. */
static void explain_span(text_ctx *c, const char *rule, size_t start, size_t end)
{
    if (!explaining(c))
        return;
    po_buf_puts(c->b, "  ");
    sgr(c, SGR_DIM);
    po_buf_putc(c->b, '[');
    put(c, rule ? rule : "-");
    po_buf_printf(c->b, " %zu-%zu]", start, end);
    reset(c);
}

static void text_group(text_ctx *c, size_t g, size_t indent);

static void text_item(text_ctx *c, size_t g, size_t i, size_t indent)
{
    const po_item *it = &c->o->groups[g].items[i];
    po_buf *b = c->b;
    pad(b, indent + 2);
    po_buf_printf(b, "%d. ", it->ordinal);
    if (it->marker && it->marker[0]) {
        put(c, it->marker);
        po_buf_putc(b, ' ');
    }
    po_render_lead lead;
    po_render_split_lead(it, SIZE_MAX, &lead);
    if (lead.bold_len) {
        po_render_cps(b, lead.bold, lead.bold_len, po_render_put_plain);
        /* "…" only when more than punctuation follows the lead */
        if (lead.separate || po_render_trim_punct(lead.rest, lead.rest_len) > 0)
            po_buf_puts(b, "…");
    } else {
        po_render_str_max(b, lead.rest, ITEM_PREVIEW, po_render_put_plain);
    }
    explain_span(c, it->rule, it->start, it->end);
    po_buf_putc(b, '\n');
    const po_render_tree *t = c->t;
    size_t from, to;
    po_render_kids_at(t, g, i, &from, &to);
    for (size_t k = from; k < to; k++)
        text_group(c, t->kids[k].group, indent + 4);
}

static void text_group(text_ctx *c, size_t g, size_t indent)
{
    const po_group *grp = &c->o->groups[g];
    po_buf *b = c->b;
    char *label = po_render_group_label(grp);
    if (!label) {
        c->nomem = true;
        return;
    }
    pad(b, indent);
    sgr(c, SGR_BOLD);
    put(c, label);
    free(label);
    if (grp->actor && grp->actor[0]) {
        po_buf_puts(b, " — ");
        put(c, grp->actor);
    }
    reset(c);
    if (grp->kind && grp->kind[0]) {
        po_buf_puts(b, " (");
        put(c, grp->kind);
        po_buf_putc(b, ')');
    }
    if (explaining(c)) {
        po_buf_puts(b, "  ");
        sgr(c, SGR_DIM);
        po_buf_putc(b, '[');
        put(c, grp->n_items && grp->items[0].rule ? grp->items[0].rule : grp->style ? grp->style : "-");
        if (grp->n_items)
            po_buf_printf(b, " %zu-%zu", grp->items[0].start, grp->items[grp->n_items - 1].end);
        if (grp->introducer_rule) {
            po_buf_puts(b, "; introducer ");
            put(c, grp->introducer_rule);
        }
        if (grp->actor_rule) {
            po_buf_puts(b, "; actor ");
            put(c, grp->actor_rule);
        }
        if (grp->parent >= 0)
            po_buf_printf(b, "; parent %d", grp->parent);
        po_buf_putc(b, ']');
        reset(c);
    }
    po_buf_putc(b, '\n');
    for (size_t i = 0; i < grp->n_items; i++)
        text_item(c, g, i, indent);
}

static void text_header(text_ctx *c)
{
    const po_outline *o = c->o;
    po_buf *b = c->b;
    sgr(c, SGR_BOLD);
    put(c, po_render_title(o));
    reset(c);
    po_buf_putc(b, '\n');
    if (o->meta.published && o->meta.published[0]) {
        po_buf_puts(b, "published ");
        put(c, o->meta.published);
        po_buf_puts(b, " · ");
    }
    if (o->meta.url && o->meta.url[0]) {
        po_buf_puts(b, "url ");
        put(c, o->meta.url);
        po_buf_puts(b, " · ");
    }
    po_buf_puts(b, "source ");
    put(c, o->source);
    if (po_render_numbered(o))
        po_buf_printf(b, " #%d", o->index);
    po_buf_putc(b, '\n');
    for (size_t i = 0; i < o->n_meetings; i++) {
        const po_meeting *m = &o->meetings[i];
        po_buf_puts(b, "meeting ");
        if (!po_render_meeting_line(b, o, i, "-", " · chair ", " · attendees ", po_render_put_plain)) {
            c->nomem = true;
            return;
        }
        explain_span(c, m->rule, m->start, m->end);
        po_buf_putc(b, '\n');
    }
}

static void join(text_ctx *c, const char *const *list, size_t n, const char *sep)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            po_buf_puts(c->b, sep);
        put(c, list[i]);
    }
}

static void text_people(text_ctx *c)
{
    const po_outline *o = c->o;
    po_buf *b = c->b;
    po_buf_puts(b, "\npeople\n");
    for (size_t i = 0; i < o->n_people; i++) {
        const po_person *p = &o->people[i];
        po_buf_puts(b, "  ");
        put(c, p->name);
        if (p->kind == PO_ORGANIZATION && (p->count > 0 || p->n_members)) {
            po_buf_puts(b, " (");
            if (p->count > 0)
                po_buf_printf(b, "%d%s", p->count, p->n_members ? ": " : "");
            join(c, p->members, p->n_members, "、");
            po_buf_putc(b, ')');
        }
        if (p->n_roles) {
            po_buf_puts(b, " — ");
            join(c, p->roles, p->n_roles, ", ");
        }
        if (p->n_titles) {
            po_buf_puts(b, " · ");
            join(c, p->titles, p->n_titles, ", ");
        }
        if (p->organization && p->organization[0]) {
            po_buf_puts(b, " · ");
            put(c, p->organization);
        }
        if (explaining(c) && p->n_mentions) {
            po_buf_puts(b, "  ");
            sgr(c, SGR_DIM);
            po_buf_putc(b, '[');
            for (size_t k = 0; k < p->n_mentions && k < MAX_MENTIONS; k++) {
                const po_mention *m = &p->mentions[k];
                if (k)
                    po_buf_puts(b, ", ");
                put(c, m->rule ? m->rule : "-");
                po_buf_printf(b, " %zu-%zu", m->start, m->end);
            }
            if (p->n_mentions > MAX_MENTIONS)
                po_buf_printf(b, ", +%zu", p->n_mentions - MAX_MENTIONS);
            po_buf_putc(b, ']');
            reset(c);
        }
        po_buf_putc(b, '\n');
    }
}

char *po_render_text(const po_outline *o, unsigned flags)
{
    po_render_tree t;
    if (!po_render_tree_init(&t, o))
        return NULL;
    po_buf b = PO_BUF_INIT;
    text_ctx c = {&b, o, &t, flags, false};

    text_header(&c);
    size_t shown = 0;
    for (size_t g = 0; g < o->n_groups; g++) {
        if (!t.top[g])
            continue;
        po_buf_putc(&b, '\n'); /* a blank line before each top-level group */
        shown++;
        text_group(&c, g, 0);
    }
    if (!shown)
        po_buf_puts(&b, "\n(no enumerated directives)\n");
    if (o->n_people)
        text_people(&c);
    if (o->n_dates) {
        po_buf_puts(&b, "\ndates\n");
        for (size_t i = 0; i < o->n_dates; i++) {
            const po_date *d = &o->dates[i];
            po_buf_puts(&b, "  ");
            put(&c, d->text);
            if (d->value && d->value[0]) {
                po_buf_puts(&b, " → ");
                put(&c, d->value);
            }
            if (d->kind && d->kind[0]) {
                po_buf_puts(&b, " (");
                put(&c, d->kind);
                po_buf_puts(&b, d->approximate ? ", approximate)" : ")");
            } else if (d->approximate) {
                po_buf_puts(&b, " (approximate)");
            }
            explain_span(&c, d->rule, d->start, d->end);
            po_buf_putc(&b, '\n');
        }
    }
    if (o->n_warnings) {
        po_buf_putc(&b, '\n');
        for (size_t i = 0; i < o->n_warnings; i++) {
            sgr(&c, SGR_YELLOW);
            po_buf_puts(&b, "warning:");
            reset(&c);
            po_buf_putc(&b, ' ');
            put(&c, o->warnings[i]);
            po_buf_putc(&b, '\n');
        }
    }
    po_render_tree_free(&t);
    if (c.nomem) {
        po_buf_free(&b);
        return NULL;
    }
    return po_buf_detach(&b);
}
