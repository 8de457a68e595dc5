/* html_index.c - the index page of a report: one row per article with its
 * date, meeting, chair and counts, and filters that run in the page (the
 * embedded script, assets/index.js) over data-* attributes of the rows. */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "render/html_assets.h"

char *po_render_html_index_start(const char *title, size_t n_articles)
{
    po_buf b = PO_BUF_INIT;
    if (!title)
        title = "policy-outline";
    po_html_page_head(&b, title);
    po_buf_puts(&b, "<main>\n<h1><bdi>");
    po_html_esc(&b, title);
    po_buf_printf(&b,
                  "</bdi></h1>\n<form class=\"filters\" id=\"filters\" role=\"search\">\n"
                  "<label>meeting type<select id=\"f-type\"><option value=\"\">any</option></select></label>\n"
                  "<label>from<input id=\"f-from\" type=\"date\"></label>\n"
                  "<label>to<input id=\"f-to\" type=\"date\"></label>\n"
                  "<label>person<input id=\"f-person\" type=\"search\" placeholder=\"李强\"></label>\n"
                  "<label>actor<input id=\"f-actor\" type=\"search\" placeholder=\"各地区\"></label>\n"
                  "<span class=\"count\"><span id=\"shown\">%zu</span> of %zu articles</span>\n</form>\n"
                  "<table class=\"index\" id=\"articles\">\n<thead><tr><th>date</th><th>article</th>"
                  "<th>meeting</th><th>chair</th><th title=\"enumerated directives\">items</th>"
                  "<th class=\"wide\">people</th></tr></thead>\n<tbody>\n",
                  n_articles, n_articles);
    return po_buf_detach(&b);
}

/* One value of a "|"-joined data-* attribute ("|" inside a value becomes a
 * space, so that the script can split them). */
static void join_value(po_buf *b, bool *any, const char *v)
{
    if (!v || !v[0])
        return;
    if (*any)
        po_buf_putc(b, '|');
    *any = true;
    size_t at = b->len;
    po_html_esc(b, v);
    for (size_t k = at; k < b->len; k++)
        if (b->data[k] == '|')
            b->data[k] = ' ';
}

static size_t count_items(const po_outline *o)
{
    size_t n = 0;
    for (size_t g = 0; g < o->n_groups; g++)
        n += o->groups[g].n_items;
    return n;
}

/* The article's day: its publication day, else its first meeting's. */
static void article_day(const po_outline *o, char out[11])
{
    const char *d = o->meta.published;
    if (!d || strlen(d) < 10)
        d = o->n_meetings ? o->meetings[0].date : NULL;
    out[0] = '\0';
    if (d && strlen(d) >= 10) {
        memcpy(out, d, 10);
        out[10] = '\0';
    }
}

char *po_render_html_index_row(const po_outline *o, const char *href)
{
    po_buf b = PO_BUF_INIT;
    char day[11];
    article_day(o, day);
    po_buf_puts(&b, "<tr");
    po_html_attr(&b, "data-date", day);
    bool any = false;
    po_buf_puts(&b, " data-types=\"");
    for (size_t i = 0; i < o->n_meetings; i++)
        join_value(&b, &any, o->meetings[i].type);
    po_buf_puts(&b, "\" data-people=\"");
    any = false;
    for (size_t i = 0; i < o->n_people; i++)
        join_value(&b, &any, o->people[i].name);
    po_buf_puts(&b, "\" data-actors=\"");
    any = false;
    for (size_t i = 0; i < o->n_groups; i++)
        join_value(&b, &any, o->groups[i].actor);
    po_buf_puts(&b, "\"><td>");
    po_html_esc(&b, day);
    po_buf_puts(&b, "</td><td><a");
    po_html_attr(&b, "href", href);
    po_buf_puts(&b, "><bdi>");
    po_html_esc(&b, po_render_title(o));
    po_buf_puts(&b, "</bdi></a></td><td>");
    if (o->n_meetings) {
        const po_meeting *m = &o->meetings[0];
        po_html_esc(&b, m->name ? m->name : m->type);
    }
    po_buf_puts(&b, "</td><td>");
    for (size_t m = 0; m < o->n_meetings; m++)
        for (size_t k = 0; k < o->meetings[m].n_chair; k++) {
            if (m || k)
                po_buf_puts(&b, "、");
            po_html_esc(&b, o->meetings[m].chair[k]);
        }
    po_buf_printf(&b, "</td><td class=\"n\">%zu</td><td class=\"n wide\">%zu</td></tr>\n", count_items(o),
                  o->n_people);
    return po_buf_detach(&b);
}

char *po_render_html_index_end(void)
{
    po_buf b = PO_BUF_INIT;
    po_buf_printf(&b, "</tbody>\n</table>\n</main>\n<script>%s</script>\n</body>\n</html>\n", po_html_js);
    return po_buf_detach(&b);
}
