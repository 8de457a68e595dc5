/* html.c - the outline as a standalone HTML5 page: the content of the
 * Markdown notes, every string escaped, items carrying their offsets in
 * data-start/data-end (and their marker and rule) for tools that link back
 * into the article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_outline.h"
#include "render_common.h"

static const char STYLE[] =
    "body{font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",sans-serif;max-width:48rem;"
    "margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}\n"
    "h1{font-size:1.5rem;margin-bottom:.3rem}\n"
    "h2,h3,h4,h5,h6{font-size:1.05rem;margin:1.2rem 0 .3rem}\n"
    ".meta,.kind{color:#666}\n"
    ".meeting,.people{margin:.3rem 0}\n"
    "blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #ccc;color:#555}\n"
    ".actor{font-weight:normal}\n"
    "li>section{margin-top:.4rem}\n"
    ".warnings{color:#a50}\n";

/* & < > " ' everywhere, so one function serves text and attributes. */
static void html_put(po_buf *b, uint32_t cp)
{
    switch (cp) {
    case '&': po_buf_puts(b, "&amp;"); return;
    case '<': po_buf_puts(b, "&lt;"); return;
    case '>': po_buf_puts(b, "&gt;"); return;
    case '"': po_buf_puts(b, "&quot;"); return;
    case '\'': po_buf_puts(b, "&#39;"); return;
    default: po_buf_put_cp(b, cp);
    }
}

static void esc(po_buf *b, const char *s)
{
    po_render_str(b, s, html_put);
}

/* ` name="value"`, nothing when value is NULL. */
static void attr(po_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    po_buf_printf(b, " %s=\"", name);
    esc(b, value);
    po_buf_putc(b, '"');
}

typedef struct html_ctx {
    po_buf *b;
    const po_outline *o;
    const po_render_tree *t;
    bool nomem;
} html_ctx;

static void html_group(html_ctx *c, size_t g, int depth);

static void html_item(html_ctx *c, size_t g, size_t i, int depth)
{
    const po_item *it = &c->o->groups[g].items[i];
    po_buf *b = c->b;
    po_buf_printf(b, "<li value=\"%d\" data-start=\"%zu\" data-end=\"%zu\"", it->ordinal, it->start, it->end);
    attr(b, "data-marker", it->marker);
    attr(b, "data-rule", it->rule);
    po_buf_putc(b, '>');
    po_render_parts parts;
    po_render_item_parts(c->o, c->t, g, i, &parts);
    po_render_lead lead;
    po_render_split_lead(it, parts.head_len, &lead);
    if (lead.bold_len) {
        po_buf_puts(b, "<strong>");
        po_render_cps(b, lead.bold, lead.bold_len, html_put);
        po_buf_puts(b, "</strong>");
        if (lead.separate)
            po_buf_puts(b, " — ");
    }
    po_render_cps(b, lead.rest, lead.rest_len, html_put);
    const po_render_tree *t = c->t;
    size_t from, to;
    po_render_kids_at(t, g, i, &from, &to);
    for (size_t k = from; k < to; k++) {
        po_buf_putc(b, '\n');
        html_group(c, t->kids[k].group, depth + 1);
    }
    if (parts.tail[0]) {
        po_buf_puts(b, "<p>");
        esc(b, parts.tail);
        po_buf_puts(b, "</p>");
    }
    po_buf_puts(b, "</li>\n");
}

static void html_group(html_ctx *c, size_t g, int depth)
{
    const po_group *grp = &c->o->groups[g];
    po_buf *b = c->b;
    char *label = po_render_group_label(grp);
    if (!label) {
        c->nomem = true;
        return;
    }
    int h = depth + 2 > 6 ? 6 : depth + 2;
    po_buf_printf(b, "<section class=\"group\" data-group=\"%zu\"", g);
    attr(b, "data-style", grp->style);
    attr(b, "data-kind", grp->kind);
    po_buf_printf(b, ">\n<h%d>", h);
    esc(b, label);
    free(label);
    if (grp->actor && grp->actor[0]) {
        po_buf_puts(b, " <span class=\"actor\">— ");
        esc(b, grp->actor);
        po_buf_puts(b, "</span>");
    }
    if (grp->kind && grp->kind[0]) {
        po_buf_puts(b, " <span class=\"kind\">(");
        esc(b, grp->kind);
        po_buf_puts(b, ")</span>");
    }
    po_buf_printf(b, "</h%d>\n", h);
    if (grp->context && grp->context[0]) {
        po_buf_puts(b, "<blockquote class=\"context\">");
        esc(b, grp->context);
        po_buf_puts(b, "</blockquote>\n");
    }
    if (grp->n_items) {
        po_buf_puts(b, "<ol>\n");
        for (size_t i = 0; i < grp->n_items; i++)
            html_item(c, g, i, depth);
        po_buf_puts(b, "</ol>\n");
    }
    po_buf_puts(b, "</section>\n");
}

static void html_header(html_ctx *c)
{
    const po_outline *o = c->o;
    po_buf *b = c->b;
    po_buf_puts(b, "<header>\n<h1>");
    esc(b, po_render_title(o));
    po_buf_puts(b, "</h1>\n<p class=\"meta\">");
    if (o->meta.published && o->meta.published[0]) {
        po_buf_puts(b, "published ");
        esc(b, o->meta.published);
        po_buf_puts(b, " · ");
    }
    if (o->meta.url && o->meta.url[0]) {
        if (po_render_linkable(o->meta.url)) {
            po_buf_puts(b, "<a href=\"");
            esc(b, o->meta.url);
            po_buf_puts(b, "\">");
            esc(b, o->meta.url);
            po_buf_puts(b, "</a>");
        } else {
            esc(b, o->meta.url);
        }
        po_buf_puts(b, " · ");
    }
    po_buf_puts(b, "source <code>");
    esc(b, o->source);
    po_buf_puts(b, "</code>");
    if (po_render_numbered(o))
        po_buf_printf(b, " #%d", o->index);
    po_buf_puts(b, "</p>\n");

    for (size_t i = 0; i < o->n_meetings; i++) {
        const po_meeting *m = &o->meetings[i];
        po_buf_printf(b, "<p class=\"meeting\" data-start=\"%zu\" data-end=\"%zu\"", m->start, m->end);
        attr(b, "data-rule", m->rule);
        po_buf_puts(b, "><strong>Meeting:</strong> ");
        if (!po_render_meeting_line(b, o, i, "meeting", " · chair: ", " · attendees: ", html_put)) {
            c->nomem = true;
            return;
        }
        po_buf_puts(b, "</p>\n");
    }

    size_t before = b->len;
    po_buf_puts(b, "<p class=\"people\"><strong>People:</strong> ");
    if (po_render_other_people(b, o, html_put))
        po_buf_puts(b, "</p>\n");
    else
        po_render_truncate(b, before);
    po_buf_puts(b, "</header>\n");
}

static void page_start(po_buf *b, const char *title)
{
    po_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"policy-outline " PO_VERSION "\">\n<title>");
    esc(b, title);
    po_buf_puts(b, "</title>\n<style>\n");
    po_buf_puts(b, STYLE);
    po_buf_puts(b, "</style>\n</head>\n<body>\n");
}

static const char PAGE_END[] = "</body>\n</html>\n";

char *po_render_html_page_start(const char *title)
{
    po_buf b = PO_BUF_INIT;
    page_start(&b, title ? title : "policy-outline");
    return po_buf_detach(&b);
}

char *po_render_html_page_end(void)
{
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, PAGE_END);
    return po_buf_detach(&b);
}

char *po_render_html(const po_outline *o, unsigned flags)
{
    po_render_tree t;
    if (!po_render_tree_init(&t, o))
        return NULL;
    po_buf b = PO_BUF_INIT;
    html_ctx c = {&b, o, &t, false};

    if (!(flags & PO_RENDER_FRAGMENT))
        page_start(&b, po_render_title(o));
    po_buf_puts(&b, "<article class=\"outline\"");
    attr(&b, "data-source", o->source);
    po_buf_printf(&b, " data-index=\"%d\" data-chars=\"%zu\">\n", o->index, o->text_chars);
    html_header(&c);

    size_t shown = 0;
    for (size_t g = 0; g < o->n_groups; g++) {
        if (t.top[g]) {
            html_group(&c, g, 0);
            shown++;
        }
    }
    if (!shown)
        po_buf_puts(&b, "<p class=\"empty\">No enumerated directives found.</p>\n");

    if (o->n_dates) {
        po_buf_puts(&b, "<section class=\"dates\">\n<h2>Dates</h2>\n<ul>\n");
        for (size_t i = 0; i < o->n_dates; i++) {
            const po_date *d = &o->dates[i];
            po_buf_printf(&b, "<li data-start=\"%zu\" data-end=\"%zu\"", d->start, d->end);
            attr(&b, "data-rule", d->rule);
            attr(&b, "data-kind", d->kind);
            po_buf_putc(&b, '>');
            esc(&b, d->text);
            if (d->value && d->value[0]) {
                po_buf_puts(&b, " → ");
                esc(&b, d->value);
            }
            if (d->approximate)
                po_buf_puts(&b, " (approximate)");
            po_buf_puts(&b, "</li>\n");
        }
        po_buf_puts(&b, "</ul>\n</section>\n");
    }
    if (o->n_warnings) {
        po_buf_puts(&b, "<section class=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
        for (size_t i = 0; i < o->n_warnings; i++) {
            po_buf_puts(&b, "<li>");
            esc(&b, o->warnings[i]);
            po_buf_puts(&b, "</li>\n");
        }
        po_buf_puts(&b, "</ul>\n</section>\n");
    }
    po_buf_puts(&b, "</article>\n");
    if (!(flags & PO_RENDER_FRAGMENT))
        po_buf_puts(&b, PAGE_END);
    po_render_tree_free(&t);
    if (c.nomem) {
        po_buf_free(&b);
        return NULL;
    }
    return po_buf_detach(&b);
}
