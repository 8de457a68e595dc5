/* render_pair.c - a comparison of two meetings as terminal text, Markdown
 * or JSON. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "../render/render_common.h"

#define RED "\x1b[31m"
#define GREEN "\x1b[32m"
#define YELLOW "\x1b[33m"
#define BOLD "\x1b[1m"
#define RESET "\x1b[0m"

typedef struct style {
    bool color;
} style;

static void on(po_buf *b, const style *s, const char *code)
{
    if (s->color)
        po_buf_puts(b, code);
}

/* At most max code points of s, with … when cut; control characters become
 * spaces and bidi controls their names (po_render_cps): nothing from the
 * documents reaches the terminal raw. */
static void put_short(po_buf *b, const char *s, size_t max)
{
    po_render_str_max(b, s, max, po_render_put_plain);
}

static void put_plain(po_buf *b, const char *s)
{
    po_render_str(b, s, po_render_put_plain);
}

static double rounded(double x)
{
    return round(x * 1000.0) / 1000.0;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* g0/2: the item's place in its article, as in item_id. */
static void put_place(po_buf *b, const po_compared_item *it)
{
    po_buf_printf(b, "g%zu/%d", it->group, it->item->ordinal);
}

static void text_header(po_buf *b, const char *side, const po_outline *o, const style *s)
{
    char *id = po_doc_id(o);
    on(b, s, BOLD);
    po_buf_printf(b, "%s  ", side);
    put_plain(b, id);
    on(b, s, RESET);
    po_buf_puts(b, "  ");
    put_plain(b, o->meta.title);
    if (o->meta.published)
        po_buf_printf(b, "  (%.10s)", o->meta.published);
    po_buf_putc(b, '\n');
    free(id);
}

static void text_item(po_buf *b, const char *side, const po_compared_item *it, const style *s,
                      const char *color)
{
    po_buf_puts(b, "  ");
    on(b, s, color);
    po_buf_printf(b, "%s ", side);
    put_place(b, it);
    po_buf_putc(b, ' ');
    put_plain(b, it->item->marker);
    po_buf_putc(b, ' ');
    put_short(b, or_empty(it->item->text), 70);
    on(b, s, RESET);
    po_buf_putc(b, '\n');
}

static char *render_text(const po_comparison *c, const style *s)
{
    po_buf b = PO_BUF_INIT;
    text_header(&b, "A", c->outline_a, s);
    text_header(&b, "B", c->outline_b, s);
    po_buf_printf(&b, "items: %zu in A, %zu in B; paired: %zu (similarity >= %.2f); only in A: %zu; "
                      "only in B: %zu\n",
                  c->n_a, c->n_b, c->n_pairs, c->threshold, c->n_only_a, c->n_only_b);
    if (c->n_pairs) {
        po_buf_puts(&b, "\nPairs\n");
        for (size_t k = 0; k < c->n_pairs; k++) {
            const po_item_pair *p = &c->pairs[k];
            on(&b, s, BOLD);
            po_buf_printf(&b, "%.2f", p->similarity);
            on(&b, s, RESET);
            if (p->lead_changed) {
                on(&b, s, YELLOW);
                po_buf_puts(&b, "  lead changed");
                on(&b, s, RESET);
            }
            po_buf_putc(&b, '\n');
            text_item(&b, "A", &c->a[p->a], s, "");
            text_item(&b, "B", &c->b[p->b], s, "");
        }
    }
    if (c->n_only_a) {
        po_buf_puts(&b, "\nOnly in A\n");
        for (size_t k = 0; k < c->n_only_a; k++)
            text_item(&b, "-", &c->a[c->only_a[k]], s, RED);
    }
    if (c->n_only_b) {
        po_buf_puts(&b, "\nOnly in B\n");
        for (size_t k = 0; k < c->n_only_b; k++)
            text_item(&b, "+", &c->b[c->only_b[k]], s, GREEN);
    }
    size_t changed = 0;
    for (size_t k = 0; k < c->n_pairs; k++)
        changed += c->pairs[k].lead_changed;
    if (changed) {
        po_buf_puts(&b, "\nChanged leads\n");
        for (size_t k = 0; k < c->n_pairs; k++) {
            const po_item_pair *p = &c->pairs[k];
            if (!p->lead_changed)
                continue;
            po_buf_puts(&b, "  A ");
            put_place(&b, &c->a[p->a]);
            po_buf_putc(&b, ' ');
            put_plain(&b, c->a[p->a].item->lead);
            po_buf_putc(&b, '\n');
            po_buf_puts(&b, "  B ");
            put_place(&b, &c->b[p->b]);
            on(&b, s, YELLOW);
            po_buf_putc(&b, ' ');
            put_plain(&b, c->b[p->b].item->lead);
            on(&b, s, RESET);
            po_buf_putc(&b, '\n');
        }
    }
    return po_buf_detach(&b);
}

static void md_cell_put(po_buf *b, uint32_t cp)
{
    if (cp == '|')
        po_buf_puts(b, "\\|");
    else
        po_buf_put_cp(b, cp);
}

/* A Markdown table cell: pipes escaped, line breaks flattened, control
 * characters and bidi controls as po_render_cps shows them. */
void po_compare_md_cell(po_buf *b, const char *s)
{
    po_render_str(b, s, md_cell_put);
}

static void md_item(po_buf *b, const po_compared_item *it)
{
    po_buf_putc(b, '`');
    put_place(b, it);
    po_buf_puts(b, "` ");
    po_compare_md_cell(b, it->item->marker);
    po_buf_putc(b, ' ');
    po_compare_md_cell(b, it->item->text);
}

static void md_header(po_buf *b, const char *side, const po_outline *o)
{
    char *id = po_doc_id(o);
    po_buf_printf(b, "- **%s**: `", side);
    po_compare_md_cell(b, id);
    po_buf_puts(b, "` ");
    po_compare_md_cell(b, o->meta.title);
    if (o->meta.published)
        po_buf_printf(b, " (%.10s)", o->meta.published);
    po_buf_putc(b, '\n');
    free(id);
}

static char *render_markdown(const po_comparison *c)
{
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "# Comparison\n\n");
    md_header(&b, "A", c->outline_a);
    md_header(&b, "B", c->outline_b);
    po_buf_printf(&b, "\nItems: %zu in A, %zu in B; paired: %zu (similarity ≥ %.2f); only in A: %zu; "
                      "only in B: %zu.\n",
                  c->n_a, c->n_b, c->n_pairs, c->threshold, c->n_only_a, c->n_only_b);
    if (c->n_pairs) {
        po_buf_puts(&b, "\n## Pairs\n\n| similarity | A | B | lead |\n|---:|---|---|---|\n");
        for (size_t k = 0; k < c->n_pairs; k++) {
            const po_item_pair *p = &c->pairs[k];
            po_buf_printf(&b, "| %.2f | ", p->similarity);
            md_item(&b, &c->a[p->a]);
            po_buf_puts(&b, " | ");
            md_item(&b, &c->b[p->b]);
            po_buf_printf(&b, " | %s |\n", p->lead_changed ? "changed" : "same");
        }
    }
    const char *titles[2] = {"Only in A", "Only in B"};
    for (int side = 0; side < 2; side++) {
        size_t n = side ? c->n_only_b : c->n_only_a;
        if (!n)
            continue;
        po_buf_printf(&b, "\n## %s\n\n", titles[side]);
        for (size_t k = 0; k < n; k++) {
            po_buf_puts(&b, "- ");
            md_item(&b, side ? &c->b[c->only_b[k]] : &c->a[c->only_a[k]]);
            po_buf_putc(&b, '\n');
        }
    }
    bool any = false;
    for (size_t k = 0; k < c->n_pairs; k++) {
        const po_item_pair *p = &c->pairs[k];
        if (!p->lead_changed)
            continue;
        if (!any)
            po_buf_puts(&b, "\n## Changed leads\n\n| A | lead in A | B | lead in B |\n|---|---|---|---|\n");
        any = true;
        po_buf_puts(&b, "| `");
        put_place(&b, &c->a[p->a]);
        po_buf_puts(&b, "` | ");
        po_compare_md_cell(&b, c->a[p->a].item->lead);
        po_buf_puts(&b, " | `");
        put_place(&b, &c->b[p->b]);
        po_buf_puts(&b, "` | ");
        po_compare_md_cell(&b, c->b[p->b].item->lead);
        po_buf_puts(&b, " |\n");
    }
    return po_buf_detach(&b);
}

static cJSON *json_side(const po_outline *o)
{
    cJSON *j = cJSON_CreateObject();
    char *id = po_doc_id(o);
    cJSON_AddStringToObject(j, "doc_id", id ? id : "");
    free(id);
    cJSON_AddStringToObject(j, "source", or_empty(o->source));
    cJSON_AddItemToObject(j, "title", o->meta.title ? cJSON_CreateString(o->meta.title) : cJSON_CreateNull());
    cJSON_AddItemToObject(j, "published",
                          o->meta.published ? cJSON_CreateString(o->meta.published) : cJSON_CreateNull());
    return j;
}

static cJSON *json_item(const po_compared_item *it)
{
    cJSON *j = cJSON_CreateObject();
    char *id = po_doc_id(it->outline);
    po_buf b = PO_BUF_INIT;
    po_buf_printf(&b, "%s/", id ? id : "");
    put_place(&b, it);
    free(id);
    cJSON_AddStringToObject(j, "item_id", b.data ? b.data : "");
    po_buf_free(&b);
    cJSON_AddNumberToObject(j, "group", (double)it->group);
    cJSON_AddNumberToObject(j, "ordinal", it->item->ordinal);
    cJSON_AddStringToObject(j, "marker", or_empty(it->item->marker));
    cJSON_AddStringToObject(j, "lead", or_empty(it->item->lead));
    cJSON_AddStringToObject(j, "text", or_empty(it->item->text));
    return j;
}

static char *render_json(const po_comparison *c)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON_AddStringToObject(root, "schema", "policy-outline/compare/1");
    cJSON_AddNumberToObject(root, "threshold", rounded(c->threshold));
    cJSON_AddStringToObject(root, "measure", "dice-char-bigrams");
    cJSON_AddItemToObject(root, "a", json_side(c->outline_a));
    cJSON_AddItemToObject(root, "b", json_side(c->outline_b));
    cJSON *pairs = cJSON_AddArrayToObject(root, "pairs");
    for (size_t k = 0; k < c->n_pairs; k++) {
        const po_item_pair *p = &c->pairs[k];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "similarity", rounded(p->similarity));
        cJSON_AddBoolToObject(j, "lead_changed", p->lead_changed);
        cJSON_AddItemToObject(j, "a", json_item(&c->a[p->a]));
        cJSON_AddItemToObject(j, "b", json_item(&c->b[p->b]));
        cJSON_AddItemToArray(pairs, j);
    }
    cJSON *oa = cJSON_AddArrayToObject(root, "only_a");
    for (size_t k = 0; k < c->n_only_a; k++)
        cJSON_AddItemToArray(oa, json_item(&c->a[c->only_a[k]]));
    cJSON *ob = cJSON_AddArrayToObject(root, "only_b");
    for (size_t k = 0; k < c->n_only_b; k++)
        cJSON_AddItemToArray(ob, json_item(&c->b[c->only_b[k]]));
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    return s;
}

char *po_comparison_render(const po_comparison *c, po_compare_format format, unsigned flags)
{
    style s = {(flags & PO_RENDER_COLOR) != 0};
    switch (format) {
    case PO_COMPARE_TEXT: return render_text(c, &s);
    case PO_COMPARE_MARKDOWN: return render_markdown(c);
    case PO_COMPARE_JSON: return render_json(c);
    case PO_COMPARE_CSV: break;
    }
    return NULL;
}
