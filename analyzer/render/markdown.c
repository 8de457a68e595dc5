/* markdown.c - the outline as Markdown notes: title, source line, meeting
 * line, one bold line and numbered list per group (nested groups indented
 * under the item that holds them), then dates and warnings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_outline.h"
#include "render_common.h"

/* Characters that would start emphasis, code, links, HTML, tables,
 * strikethrough, a closing heading sequence or an entity. */
static void md_put(po_buf *b, uint32_t cp)
{
    switch (cp) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
    case '|': case '~': case '#': case '&':
        po_buf_putc(b, '\\');
        po_buf_putc(b, (char)cp);
        return;
    default:
        po_buf_put_cp(b, cp);
    }
}

static void md_inline(po_buf *b, const char *s)
{
    while (s && (*s == ' ' || *s == '\t'))
        s++;
    po_render_str(b, s, md_put);
}

/* Text that begins a block (a list item, a quote): leading white space would
 * make code, and 1. - + = would make a list or a heading. */
static void md_block(po_buf *b, const char *s, size_t len)
{
    while (len && (unsigned char)*s <= 0x20) {
        s++;
        len--;
    }
    size_t digits = 0;
    while (digits < len && digits < 10 && s[digits] >= '0' && s[digits] <= '9')
        digits++;
    if (digits && digits < len && (s[digits] == '.' || s[digits] == ')')) {
        po_buf_append(b, s, digits);
        po_buf_putc(b, '\\');
        po_buf_putc(b, s[digits]);
        s += digits + 1;
        len -= digits + 1;
    } else if (len && (*s == '-' || *s == '+' || *s == '=')) {
        po_buf_putc(b, '\\');
        po_buf_putc(b, *s);
        s++;
        len--;
    }
    po_render_cps(b, s, len, md_put);
}

static void md_block_str(po_buf *b, const char *s)
{
    if (s)
        md_block(b, s, strlen(s));
}

static void pad(po_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_buf_putc(b, ' ');
}

typedef struct md_ctx {
    po_buf *b;
    const po_outline *o;
    const po_render_tree *t;
    bool nomem;
} md_ctx;

static void md_group(md_ctx *c, size_t g, size_t indent);

static void md_item(md_ctx *c, size_t g, size_t i, size_t indent)
{
    const po_group *grp = &c->o->groups[g];
    const po_item *it = &grp->items[i];
    po_buf *b = c->b;
    /* CommonMark takes at most nine digits as a list number */
    int num = it->ordinal > 0 && it->ordinal < 1000000000 ? it->ordinal : (int)(i + 1);
    char mark[16];
    int w = snprintf(mark, sizeof mark, "%d. ", num);
    pad(b, indent);
    po_buf_puts(b, mark);
    po_render_parts parts;
    po_render_item_parts(c->o, c->t, g, i, &parts);
    po_render_lead lead;
    po_render_split_lead(it, parts.head_len, &lead);
    if (lead.bold_len) {
        po_buf_puts(b, "**");
        po_render_cps(b, lead.bold, lead.bold_len, md_put);
        po_buf_puts(b, "**");
        if (lead.separate)
            po_buf_puts(b, " — ");
        po_render_cps(b, lead.rest, lead.rest_len, md_put);
    } else {
        md_block(b, lead.rest, lead.rest_len);
    }
    po_buf_putc(b, '\n');
    const po_render_tree *t = c->t;
    size_t from, to;
    po_render_kids_at(t, g, i, &from, &to);
    for (size_t k = from; k < to; k++) {
        po_buf_putc(b, '\n');
        md_group(c, t->kids[k].group, indent + (size_t)w);
    }
    if (parts.tail[0]) {
        po_buf_putc(b, '\n');
        pad(b, indent + (size_t)w);
        md_block_str(b, parts.tail);
        po_buf_putc(b, '\n');
    }
}

static void md_group(md_ctx *c, size_t g, size_t indent)
{
    const po_group *grp = &c->o->groups[g];
    po_buf *b = c->b;
    char *label = po_render_group_label(grp);
    if (!label) {
        c->nomem = true;
        return;
    }
    pad(b, indent);
    po_buf_puts(b, "**");
    md_inline(b, label);
    po_buf_puts(b, "**");
    free(label);
    if (grp->actor && grp->actor[0]) {
        po_buf_puts(b, " — ");
        md_inline(b, grp->actor);
    }
    if (grp->kind && grp->kind[0]) {
        po_buf_puts(b, " (");
        md_inline(b, grp->kind);
        po_buf_putc(b, ')');
    }
    po_buf_puts(b, "\n\n");
    if (grp->context.len) {
        pad(b, indent);
        po_buf_puts(b, "> ");
        md_block(b, grp->context.s, grp->context.len);
        po_buf_puts(b, "\n\n");
    }
    for (size_t i = 0; i < grp->n_items; i++)
        md_item(c, g, i, indent);
}

static void sep(po_buf *b, bool *first)
{
    if (!*first)
        po_buf_puts(b, " · ");
    *first = false;
}

static void md_meta(po_buf *b, const po_outline *o)
{
    bool first = true;
    if (o->meta.published && o->meta.published[0]) {
        sep(b, &first);
        po_buf_puts(b, "published ");
        md_inline(b, o->meta.published);
    }
    if (o->meta.url && o->meta.url[0]) {
        sep(b, &first);
        if (po_render_linkable(o->meta.url)) {
            po_buf_putc(b, '<');
            po_buf_puts(b, o->meta.url);
            po_buf_putc(b, '>');
        } else {
            md_inline(b, o->meta.url);
        }
    }
    sep(b, &first);
    po_buf_puts(b, "source ");
    md_inline(b, o->source);
    if (po_render_numbered(o))
        po_buf_printf(b, " #%d", o->index);
    po_buf_puts(b, "\n\n");
}

static bool md_meetings(po_buf *b, const po_outline *o)
{
    for (size_t i = 0; i < o->n_meetings; i++) {
        po_buf_puts(b, "**Meeting:** ");
        if (!po_render_meeting_line(b, o, i, "meeting", " · chair: ", " · attendees: ", md_put))
            return false;
        po_buf_puts(b, "\n\n");
    }
    return true;
}

char *po_render_markdown(const po_outline *o, unsigned flags)
{
    (void)flags; /* explain and colour are for the terminal */
    po_render_tree t;
    if (!po_render_tree_init(&t, o))
        return NULL;
    po_buf b = PO_BUF_INIT;
    md_ctx c = {&b, o, &t, false};

    po_buf_puts(&b, "# ");
    md_inline(&b, po_render_title(o));
    po_buf_puts(&b, "\n\n");
    md_meta(&b, o);
    if (!md_meetings(&b, o))
        c.nomem = true;
    /* the label goes first; an empty list takes it back */
    size_t before = b.len;
    po_buf_puts(&b, "**People:** ");
    if (po_render_other_people(&b, o, md_put))
        po_buf_puts(&b, "\n\n");
    else
        po_render_truncate(&b, before);

    size_t shown = 0;
    for (size_t g = 0; g < o->n_groups; g++) {
        if (!t.top[g])
            continue;
        if (shown++)
            po_buf_putc(&b, '\n');
        md_group(&c, g, 0);
    }
    if (!shown)
        po_buf_puts(&b, "*No enumerated directives found.*\n");

    if (o->n_dates) {
        po_buf_puts(&b, "\n## Dates\n\n");
        for (size_t i = 0; i < o->n_dates; i++) {
            const po_date *d = &o->dates[i];
            po_buf_puts(&b, "- ");
            md_block_str(&b, d->text);
            if (d->value && d->value[0]) {
                po_buf_puts(&b, " → ");
                md_inline(&b, d->value);
            }
            if (d->approximate)
                po_buf_puts(&b, " (approximate)");
            po_buf_putc(&b, '\n');
        }
    }
    if (o->n_warnings) {
        po_buf_puts(&b, "\n## Warnings\n\n");
        for (size_t i = 0; i < o->n_warnings; i++) {
            po_buf_puts(&b, "- ");
            md_block_str(&b, o->warnings[i]);
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
