/* html_index.c - the index page of a report. The articles travel as a JSON
 * array inside the page (a data block, never executed) and the embedded
 * script (assets/index.js) draws the rows that pass the filters, a few
 * hundred at a time, so the page opens at once for a corpus of any size. */
#include <cjson/cJSON.h>
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
                  "<noscript><p>The filters and the list need JavaScript; the article pages do not.</p>"
                  "</noscript>\n"
                  "<table class=\"index\" id=\"articles\">\n<thead><tr><th>date</th><th>article</th>"
                  "<th>meeting</th><th>chair</th><th title=\"enumerated directives\">items</th>"
                  "<th class=\"wide\">people</th></tr></thead>\n<tbody></tbody>\n</table>\n"
                  "<p><button type=\"button\" id=\"more\" hidden>show more</button></p>\n</main>\n"
                  "<script type=\"application/json\" id=\"index-data\">[\n",
                  n_articles, n_articles);
    return po_buf_detach(&b);
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

static void add_unique(cJSON *list, const char *s)
{
    if (!s || !s[0])
        return;
    cJSON *x;
    cJSON_ArrayForEach(x, list)
        if (strcmp(x->valuestring, s) == 0)
            return;
    cJSON_AddItemToArray(list, cJSON_CreateString(s));
}

char *po_render_html_index_row(const po_outline *o, const char *href)
{
    char day[11];
    article_day(o, day);
    size_t items = 0;
    for (size_t g = 0; g < o->n_groups; g++)
        items += o->groups[g].n_items;
    const po_meeting *m = o->n_meetings ? &o->meetings[0] : NULL;

    cJSON *r = cJSON_CreateObject();
    cJSON *types = cJSON_CreateArray(), *chairs = cJSON_CreateArray(), *people = cJSON_CreateArray(),
          *actors = cJSON_CreateArray();
    cJSON_AddStringToObject(r, "date", day);
    cJSON_AddStringToObject(r, "title", po_render_title(o));
    cJSON_AddStringToObject(r, "href", href);
    cJSON_AddStringToObject(r, "meeting", m ? (m->name ? m->name : m->type ? m->type : "") : "");
    for (size_t i = 0; i < o->n_meetings; i++) {
        add_unique(types, o->meetings[i].type);
        for (size_t k = 0; k < o->meetings[i].n_chair; k++)
            add_unique(chairs, o->meetings[i].chair[k]);
    }
    for (size_t i = 0; i < o->n_people; i++)
        add_unique(people, o->people[i].name);
    for (size_t g = 0; g < o->n_groups; g++)
        add_unique(actors, o->groups[g].actor);
    cJSON_AddItemToObject(r, "types", types);
    cJSON_AddItemToObject(r, "chairs", chairs);
    cJSON_AddNumberToObject(r, "items", (double)items);
    cJSON_AddItemToObject(r, "people", people);
    cJSON_AddItemToObject(r, "actors", actors);
    char *json = cJSON_PrintUnformatted(r);
    cJSON_Delete(r);
    if (!json)
        return NULL;
    /* inside <script> no "<" may stand raw ("</script>" would end the block):
     * the JSON escape \u003c reads the same */
    po_buf b = PO_BUF_INIT;
    for (const char *p = json; *p; p++) {
        if (*p == '<')
            po_buf_puts(&b, "\\u003c");
        else
            po_buf_putc(&b, *p);
    }
    cJSON_free(json);
    return po_buf_detach(&b);
}

char *po_render_html_index_end(void)
{
    po_buf b = PO_BUF_INIT;
    po_buf_printf(&b, "\n]</script>\n<script>%s</script>\n</body>\n</html>\n", po_html_js);
    return po_buf_detach(&b);
}
