/* html.c - the reader's view of one article as a standalone HTML5 page: the
 * article's text with its outline marked in place (html_text.c) beside the
 * outline itself, each linking to the other. Every string is escaped; the
 * page loads nothing and its policy lets only the embedded style and script
 * run. Items carry their offsets in data-start/data-end (and their marker
 * and rule) for tools that link back into the article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_outline.h"
#include "html.h"
#include "render/html_assets.h"

/* & < > " ' everywhere, so one function serves text and attributes. */
void po_html_put(po_buf *b, uint32_t cp)
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

void po_html_esc(po_buf *b, const char *s)
{
    po_render_str(b, s, po_html_put);
}

void po_html_attr(po_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    po_buf_printf(b, " %s=\"", name);
    po_html_esc(b, value);
    po_buf_putc(b, '"');
}

void po_html_prefix(const po_outline *o, char out[PO_HTML_PREFIX_SIZE])
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)(o->source ? o->source : ""); *p; p++)
        h = (h ^ *p) * 16777619u;
    h = (h ^ (uint32_t)o->index) * 16777619u;
    snprintf(out, PO_HTML_PREFIX_SIZE, "a%08x-", (unsigned)h);
}

typedef struct html_ctx {
    po_buf *b;
    const po_outline *o;
    const po_render_tree *t;
    const char *prefix;
    bool explain;
    bool nomem;
} html_ctx;

static void rule_tag(html_ctx *c, const char *rule)
{
    if (c->explain && rule) {
        po_buf_puts(c->b, "<span class=\"rule\">");
        po_html_esc(c->b, rule);
        po_buf_puts(c->b, "</span>");
    }
}

static void html_group(html_ctx *c, size_t g, int depth);

static void html_item(html_ctx *c, size_t g, size_t i, int depth)
{
    const po_item *it = &c->o->groups[g].items[i];
    po_buf *b = c->b;
    po_buf_printf(b, "<li value=\"%d\" id=\"%so%zu-%zu\" data-start=\"%zu\" data-end=\"%zu\"", it->ordinal,
                  c->prefix, g, i, it->start, it->end);
    po_html_attr(b, "data-marker", it->marker);
    po_html_attr(b, "data-rule", it->rule);
    po_buf_printf(b, "><a class=\"to-text\" href=\"#%st%zu-%zu\" title=\"to the text\">", c->prefix, g, i);
    po_render_parts parts;
    po_render_item_parts(c->o, c->t, g, i, &parts);
    po_render_lead lead;
    po_render_split_lead(it, parts.head_len, &lead);
    if (lead.bold_len) {
        po_buf_puts(b, "<strong>");
        po_render_cps(b, lead.bold, lead.bold_len, po_html_put);
        po_buf_puts(b, "</strong>");
        if (lead.separate)
            po_buf_puts(b, " — ");
    }
    po_render_cps(b, lead.rest, lead.rest_len, po_html_put);
    po_buf_puts(b, "</a>");
    rule_tag(c, it->rule);
    const po_render_tree *t = c->t;
    size_t from, to;
    po_render_kids_at(t, g, i, &from, &to);
    for (size_t k = from; k < to; k++) {
        po_buf_putc(b, '\n');
        html_group(c, t->kids[k].group, depth + 1);
    }
    if (parts.tail[0]) {
        po_buf_puts(b, "<p>");
        po_html_esc(b, parts.tail);
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
    po_html_attr(b, "data-style", grp->style);
    po_html_attr(b, "data-kind", grp->kind);
    po_buf_printf(b, ">\n<h%d>", h);
    po_html_esc(b, label);
    free(label);
    if (grp->actor && grp->actor[0]) {
        po_buf_puts(b, " <span class=\"actor\">— ");
        po_html_esc(b, grp->actor);
        po_buf_puts(b, "</span>");
    }
    if (grp->kind && grp->kind[0]) {
        po_buf_puts(b, " <span class=\"kind\">(");
        po_html_esc(b, grp->kind);
        po_buf_puts(b, ")</span>");
    }
    po_buf_printf(b, "</h%d>\n", h);
    if (grp->context.len) {
        po_buf_puts(b, "<blockquote class=\"context\">");
        po_render_cps(b, grp->context.s, grp->context.len, po_html_put);
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
    po_buf_puts(b, "<header>\n<h1><bdi>");
    po_html_esc(b, po_render_title(o));
    po_buf_puts(b, "</bdi></h1>\n<p class=\"meta\">");
    if (o->meta.published && o->meta.published[0]) {
        po_buf_puts(b, "published ");
        po_html_esc(b, o->meta.published);
        po_buf_puts(b, " · ");
    }
    if (o->meta.url && o->meta.url[0]) {
        if (po_render_linkable(o->meta.url)) {
            po_buf_puts(b, "<a href=\"");
            po_html_esc(b, o->meta.url);
            po_buf_puts(b, "\">");
            po_html_esc(b, o->meta.url);
            po_buf_puts(b, "</a>");
        } else {
            po_html_esc(b, o->meta.url);
        }
        po_buf_puts(b, " · ");
    }
    po_buf_puts(b, "source <code>");
    po_html_esc(b, o->source);
    po_buf_puts(b, "</code>");
    if (po_render_numbered(o))
        po_buf_printf(b, " #%d", o->index);
    po_buf_puts(b, "</p>\n");

    for (size_t i = 0; i < o->n_meetings; i++) {
        const po_meeting *m = &o->meetings[i];
        po_buf_printf(b, "<p class=\"meeting\" data-start=\"%zu\" data-end=\"%zu\"", m->start, m->end);
        po_html_attr(b, "data-rule", m->rule);
        po_buf_puts(b, "><strong>Meeting:</strong> ");
        if (!po_render_meeting_line(b, o, i, "meeting", " · chair: ", " · attendees: ", po_html_put)) {
            c->nomem = true;
            return;
        }
        rule_tag(c, m->rule);
        po_buf_puts(b, "</p>\n");
    }

    size_t before = b->len;
    po_buf_puts(b, "<p class=\"people\"><strong>People:</strong> ");
    if (po_render_other_people(b, o, po_html_put))
        po_buf_puts(b, "</p>\n");
    else
        po_render_truncate(b, before);
    po_buf_puts(b, "</header>\n");
}

void po_html_page_head(po_buf *b, const char *title)
{
    po_buf_printf(b,
                  "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'sha256-%s'; script-src 'sha256-%s'; img-src 'none'; base-uri 'none'; "
                  "form-action 'none'\">\n"
                  "<meta name=\"referrer\" content=\"no-referrer\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"policy-outline " PO_VERSION "\">\n<title>",
                  po_html_css_sha256, po_html_js_sha256);
    po_html_esc(b, title);
    po_buf_puts(b, "</title>\n<style>");
    po_buf_puts(b, po_html_css);
    po_buf_puts(b, "</style>\n</head>\n<body>\n");
}

static const char PAGE_END[] = "</body>\n</html>\n";

char *po_render_html_page_start(const char *title)
{
    po_buf b = PO_BUF_INIT;
    po_html_page_head(&b, title ? title : "policy-outline");
    return po_buf_detach(&b);
}

char *po_render_html_page_end(void)
{
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, PAGE_END);
    return po_buf_detach(&b);
}

static void html_dates(html_ctx *c)
{
    const po_outline *o = c->o;
    po_buf *b = c->b;
    if (!o->n_dates)
        return;
    po_buf_puts(b, "<section class=\"dates\">\n<h2>Dates</h2>\n<ul>\n");
    for (size_t i = 0; i < o->n_dates; i++) {
        const po_date *d = &o->dates[i];
        po_buf_printf(b, "<li data-start=\"%zu\" data-end=\"%zu\"", d->start, d->end);
        po_html_attr(b, "data-rule", d->rule);
        po_html_attr(b, "data-kind", d->kind);
        po_buf_printf(b, "><a href=\"#%sd%zu\">", c->prefix, i);
        po_html_esc(b, d->text);
        po_buf_puts(b, "</a>");
        if (d->value && d->value[0]) {
            po_buf_puts(b, " → ");
            po_html_esc(b, d->value);
        }
        if (d->approximate)
            po_buf_puts(b, " (approximate)");
        rule_tag(c, d->rule);
        po_buf_puts(b, "</li>\n");
    }
    po_buf_puts(b, "</ul>\n</section>\n");
}

static void html_warnings(html_ctx *c)
{
    const po_outline *o = c->o;
    if (!o->n_warnings)
        return;
    po_buf_puts(c->b, "<section class=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
    for (size_t i = 0; i < o->n_warnings; i++) {
        po_buf_puts(c->b, "<li>");
        po_html_esc(c->b, o->warnings[i]);
        po_buf_puts(c->b, "</li>\n");
    }
    po_buf_puts(c->b, "</ul>\n</section>\n");
}

char *po_render_html(const po_outline *o, unsigned flags)
{
    po_render_tree t;
    if (!po_render_tree_init(&t, o))
        return NULL;
    po_buf b = PO_BUF_INIT;
    char prefix[PO_HTML_PREFIX_SIZE];
    po_html_prefix(o, prefix);
    html_ctx c = {&b, o, &t, prefix, (flags & PO_RENDER_EXPLAIN) != 0, false};

    if (!(flags & PO_RENDER_FRAGMENT))
        po_html_page_head(&b, po_render_title(o));
    po_buf_printf(&b, "<article class=\"outline\" id=\"%s\"", prefix);
    po_html_attr(&b, "data-source", o->source);
    po_buf_printf(&b, " data-index=\"%d\" data-chars=\"%zu\">\n", o->index, o->text_chars);
    html_header(&c);

    po_buf_puts(&b, "<div class=\"cols\">\n<section class=\"text\" aria-label=\"article\">");
    if (!po_html_marked_text(&b, o, &t, prefix))
        c.nomem = true;
    po_buf_puts(&b, "</section>\n<nav class=\"pane\" aria-label=\"outline\">\n<h2>Outline</h2>\n");
    size_t shown = 0;
    for (size_t g = 0; g < o->n_groups; g++) {
        if (t.top[g]) {
            html_group(&c, g, 0);
            shown++;
        }
    }
    if (!shown)
        po_buf_puts(&b, "<p class=\"empty\">No enumerated directives found.</p>\n");
    html_dates(&c);
    html_warnings(&c);
    po_buf_puts(&b, "</nav>\n</div>\n</article>\n");
    if (!(flags & PO_RENDER_FRAGMENT))
        po_buf_puts(&b, PAGE_END);
    po_render_tree_free(&t);
    if (c.nomem) {
        po_buf_free(&b);
        return NULL;
    }
    return po_buf_detach(&b);
}
