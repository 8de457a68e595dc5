/* corpus.c - the items of many articles, copied so that each outline can be
 * freed as soon as it has been added. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "../util/vec.h"

po_corpus *po_corpus_new(void)
{
    po_corpus *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->arena = po_arena_new();
    if (!c->arena) {
        free(c);
        return NULL;
    }
    return c;
}

void po_corpus_clear_clusters(po_corpus *c)
{
    for (size_t k = 0; k < c->n_clusters; k++)
        free(c->clusters[k].members);
    free(c->clusters);
    c->clusters = NULL;
    c->n_clusters = 0;
}

void po_corpus_free(po_corpus *c)
{
    if (!c)
        return;
    po_corpus_clear_clusters(c);
    for (size_t i = 0; i < c->n_items; i++)
        po_bigrams_free(&c->items[i].bigrams);
    free(c->items);
    po_arena_free(c->arena);
    free(c);
}

/* The day an item was seen: the publication day, else the meeting's. */
static const char *day_of(const po_outline *o)
{
    const char *d = o->meta.published;
    for (size_t i = 0; (!d || strlen(d) < 10) && i < o->n_meetings; i++)
        d = o->meetings[i].date;
    return d && strlen(d) >= 10 ? d : "";
}

po_status po_corpus_push(po_corpus *c, const po_corpus_item *it)
{
    po_corpus_item *slot = po_vec_push((void **)&c->items, &c->n_items, &c->cap_items, sizeof *slot);
    if (!slot)
        return PO_ERR_NOMEM;
    *slot = *it;
    return PO_OK;
}

po_status po_corpus_add(po_corpus *c, const po_outline *o)
{
    if (!c || !o)
        return PO_ERR_USAGE;
    size_t n = 0;
    for (size_t g = 0; g < o->n_groups; g++)
        n += o->groups[g].n_items;
    if (n == 0)
        return PO_OK; /* an article without directives adds nothing to compare */
    char *id = po_doc_id(o);
    const char *doc_id = id ? po_arena_strdup(c->arena, id) : NULL;
    free(id);
    const char *day = day_of(o);
    const char *date = po_arena_strndup(c->arena, day, day[0] ? 10 : 0);
    if (!doc_id || !date)
        return PO_ERR_NOMEM;
    size_t article = c->n_articles++;
    for (size_t g = 0; g < o->n_groups; g++)
        for (size_t i = 0; i < o->groups[g].n_items; i++) {
            const po_item *src = &o->groups[g].items[i];
            char item_id[64];
            snprintf(item_id, sizeof item_id, "/g%zu/%d", g, src->ordinal);
            po_buf b = PO_BUF_INIT;
            po_buf_puts(&b, doc_id);
            po_buf_puts(&b, item_id);
            po_corpus_item it = {
                .doc_id = doc_id,
                .item_id = b.data ? po_arena_strdup(c->arena, b.data) : NULL,
                .date = date,
                .lead = po_arena_strdup(c->arena, src->lead ? src->lead : ""),
                .text = po_arena_strdup(c->arena, src->text ? src->text : ""),
                .article = article,
            };
            po_buf_free(&b);
            if (!it.item_id || !it.lead || !it.text || po_bigrams_of(it.text, &it.bigrams) != 0)
                return PO_ERR_NOMEM;
            if (po_corpus_push(c, &it) != PO_OK) {
                po_bigrams_free(&it.bigrams);
                return PO_ERR_NOMEM;
            }
        }
    return PO_OK;
}

size_t po_corpus_items(const po_corpus *c)
{
    return c->n_items;
}

size_t po_corpus_clusters(const po_corpus *c)
{
    return c->n_clusters;
}

bool po_corpus_cluster_info(const po_corpus *c, size_t k, po_cluster_info *info)
{
    if (k >= c->n_clusters)
        return false;
    const po_cluster *cl = &c->clusters[k];
    const po_corpus_item *rep = &c->items[cl->representative];
    info->members = cl->n_members;
    info->articles = cl->n_articles;
    info->first_date = cl->first;
    info->last_date = cl->last;
    info->lead = rep->lead[0] ? rep->lead : rep->text;
    return true;
}
