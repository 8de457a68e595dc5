/* render_corpus.c - the clusters of a corpus as Markdown, JSON or CSV (one
 * row per member, through the table module's neutralising CSV writer). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "compare.h"
#include "../table/table.h"

static char *render_markdown(const po_corpus *c)
{
    po_buf b = PO_BUF_INIT;
    po_buf_printf(&b, "# Recurring directives\n\n%zu items from %zu articles; %zu clusters "
                      "spanning at least %zu articles (similarity ≥ %.2f).\n",
                  c->n_items, c->n_articles, c->n_clusters,
                  c->options.min_size > 2 ? c->options.min_size : 2, c->options.threshold);
    for (size_t k = 0; k < c->n_clusters; k++) {
        po_cluster_info info;
        po_corpus_cluster_info(c, k, &info);
        po_buf_printf(&b, "\n## %zu. ", k + 1);
        po_compare_md_cell(&b, info.lead);
        po_buf_printf(&b, "\n\n%zu articles, %zu items, %s … %s\n\n| item_id | date | text |\n"
                          "|---|---|---|\n",
                      info.articles, info.members, info.first_date[0] ? info.first_date : "?",
                      info.last_date[0] ? info.last_date : "?");
        const po_cluster *cl = &c->clusters[k];
        for (size_t j = 0; j < cl->n_members; j++) {
            const po_corpus_item *it = &c->items[cl->members[j]];
            po_buf_puts(&b, "| `");
            po_compare_md_cell(&b, it->item_id);
            po_buf_puts(&b, "` | ");
            po_buf_puts(&b, it->date);
            po_buf_puts(&b, " | ");
            po_compare_md_cell(&b, it->text);
            po_buf_puts(&b, " |\n");
        }
    }
    return po_buf_detach(&b);
}

static char *render_json(const po_corpus *c)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON_AddStringToObject(root, "schema", "policy-outline/clusters/1");
    cJSON_AddStringToObject(root, "measure", "dice-char-bigrams");
    cJSON_AddNumberToObject(root, "threshold", round(c->options.threshold * 1000) / 1000);
    cJSON_AddNumberToObject(root, "items", (double)c->n_items);
    cJSON_AddNumberToObject(root, "articles", (double)c->n_articles);
    cJSON *list = cJSON_AddArrayToObject(root, "clusters");
    for (size_t k = 0; k < c->n_clusters; k++) {
        po_cluster_info info;
        po_corpus_cluster_info(c, k, &info);
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "articles", (double)info.articles);
        cJSON_AddNumberToObject(j, "size", (double)info.members);
        cJSON_AddStringToObject(j, "first", info.first_date);
        cJSON_AddStringToObject(j, "last", info.last_date);
        cJSON_AddStringToObject(j, "lead", info.lead);
        cJSON *members = cJSON_AddArrayToObject(j, "members");
        const po_cluster *cl = &c->clusters[k];
        for (size_t m = 0; m < cl->n_members; m++) {
            const po_corpus_item *it = &c->items[cl->members[m]];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "doc_id", it->doc_id);
            cJSON_AddStringToObject(o, "item_id", it->item_id);
            cJSON_AddStringToObject(o, "date", it->date);
            cJSON_AddStringToObject(o, "text", it->text);
            cJSON_AddItemToArray(members, o);
        }
        cJSON_AddItemToArray(list, j);
    }
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    return s;
}

static char *render_csv(const po_corpus *c)
{
    static const char *const HEAD[] = {"cluster", "articles", "size", "first", "last", "lead",
                                       "doc_id", "item_id", "date", "text"};
    po_buf b = PO_BUF_INIT;
    for (size_t i = 0; i < sizeof HEAD / sizeof *HEAD; i++)
        po_csv_field(&b, HEAD[i], ',', i == 0);
    po_csv_end(&b, ',');
    for (size_t k = 0; k < c->n_clusters; k++) {
        po_cluster_info info;
        po_corpus_cluster_info(c, k, &info);
        char num[3][24];
        snprintf(num[0], sizeof num[0], "%zu", k + 1);
        snprintf(num[1], sizeof num[1], "%zu", info.articles);
        snprintf(num[2], sizeof num[2], "%zu", info.members);
        const po_cluster *cl = &c->clusters[k];
        for (size_t m = 0; m < cl->n_members; m++) {
            const po_corpus_item *it = &c->items[cl->members[m]];
            const char *row[] = {num[0], num[1], num[2], info.first_date, info.last_date,
                                 info.lead, it->doc_id, it->item_id, it->date, it->text};
            for (size_t i = 0; i < sizeof row / sizeof *row; i++)
                po_csv_field(&b, row[i], ',', i == 0);
            po_csv_end(&b, ',');
        }
    }
    return po_buf_detach(&b);
}

char *po_corpus_render(const po_corpus *c, po_compare_format format)
{
    switch (format) {
    case PO_COMPARE_MARKDOWN: return render_markdown(c);
    case PO_COMPARE_JSON: return render_json(c);
    case PO_COMPARE_CSV: return render_csv(c);
    case PO_COMPARE_TEXT: break;
    }
    return NULL;
}
