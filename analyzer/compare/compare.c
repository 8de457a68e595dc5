/* compare.c - aligning the items of two meetings one to one, regardless of
 * their order: every pair at or above the threshold is a candidate, and
 * candidates are taken greedily by descending similarity. */
#include <stdlib.h>
#include <string.h>

#include "compare.h"

static size_t count_items(const po_outline *o)
{
    size_t n = 0;
    for (size_t g = 0; g < o->n_groups; g++)
        n += o->groups[g].n_items;
    return n;
}

static po_compared_item *flatten(const po_outline *o, size_t n)
{
    po_compared_item *v = calloc(n ? n : 1, sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    for (size_t g = 0; g < o->n_groups; g++)
        for (size_t i = 0; i < o->groups[g].n_items; i++)
            v[k++] = (po_compared_item){o, g, &o->groups[g].items[i]};
    return v;
}

static int by_similarity(const void *x, const void *y)
{
    const po_item_pair *p = x, *q = y;
    if (p->similarity != q->similarity)
        return p->similarity > q->similarity ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static int by_position(const void *x, const void *y)
{
    const po_item_pair *p = x, *q = y;
    return (p->a > q->a) - (p->a < q->a);
}

static bool leads_differ(const po_item *a, const po_item *b)
{
    char *x = po_normalize_for_compare(a->lead ? a->lead : a->text);
    char *y = po_normalize_for_compare(b->lead ? b->lead : b->text);
    bool differ = !x || !y || strcmp(x, y) != 0;
    free(x);
    free(y);
    return differ;
}

static void bigrams_free_all(po_bigrams *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        po_bigrams_free(&v[i]);
    free(v);
}

static po_bigrams *bigrams_all(const po_compared_item *v, size_t n)
{
    po_bigrams *b = calloc(n ? n : 1, sizeof *b);
    for (size_t i = 0; b && i < n; i++)
        if (po_bigrams_of(v[i].item->text, &b[i]) != 0) {
            bigrams_free_all(b, n);
            return NULL;
        }
    return b;
}

/* Choose pairs greedily from the candidates sorted best first; mark the
 * unpaired items. */
static po_status assign(po_comparison *c, po_item_pair *cand, size_t n_cand)
{
    qsort(cand, n_cand, sizeof *cand, by_similarity);
    bool *used_a = calloc(c->n_a + 1, 1), *used_b = calloc(c->n_b + 1, 1);
    c->pairs = calloc(n_cand + 1, sizeof *c->pairs);
    c->only_a = calloc(c->n_a + 1, sizeof *c->only_a);
    c->only_b = calloc(c->n_b + 1, sizeof *c->only_b);
    po_status st = used_a && used_b && c->pairs && c->only_a && c->only_b ? PO_OK : PO_ERR_NOMEM;
    for (size_t k = 0; st == PO_OK && k < n_cand; k++) {
        if (used_a[cand[k].a] || used_b[cand[k].b])
            continue;
        used_a[cand[k].a] = used_b[cand[k].b] = true;
        po_item_pair p = cand[k];
        p.lead_changed = leads_differ(c->a[p.a].item, c->b[p.b].item);
        c->pairs[c->n_pairs++] = p;
    }
    if (st == PO_OK) {
        qsort(c->pairs, c->n_pairs, sizeof *c->pairs, by_position); /* a is unique */
        for (size_t i = 0; i < c->n_a; i++)
            if (!used_a[i])
                c->only_a[c->n_only_a++] = i;
        for (size_t i = 0; i < c->n_b; i++)
            if (!used_b[i])
                c->only_b[c->n_only_b++] = i;
    }
    free(used_a);
    free(used_b);
    return st;
}

po_status po_compare(const po_outline *a, const po_outline *b, double threshold,
                     po_comparison **out)
{
    *out = NULL;
    if (!a || !b)
        return PO_ERR_USAGE;
    po_comparison *c = calloc(1, sizeof *c);
    if (!c)
        return PO_ERR_NOMEM;
    c->outline_a = a;
    c->outline_b = b;
    c->threshold = threshold;
    c->n_a = count_items(a);
    c->n_b = count_items(b);
    c->a = flatten(a, c->n_a);
    c->b = flatten(b, c->n_b);
    po_bigrams *ba = c->a ? bigrams_all(c->a, c->n_a) : NULL;
    po_bigrams *bb = c->b ? bigrams_all(c->b, c->n_b) : NULL;
    po_item_pair *cand = ba && bb ? calloc(c->n_a * c->n_b + 1, sizeof *cand) : NULL;
    po_status st = cand ? PO_OK : PO_ERR_NOMEM;
    size_t n_cand = 0;
    for (size_t i = 0; st == PO_OK && i < c->n_a; i++)
        for (size_t j = 0; j < c->n_b; j++) {
            double s = po_bigrams_dice(&ba[i], &bb[j]);
            if (s >= threshold && s > 0)
                cand[n_cand++] = (po_item_pair){i, j, s, false};
        }
    if (st == PO_OK)
        st = assign(c, cand, n_cand);
    free(cand);
    bigrams_free_all(ba, c->n_a);
    bigrams_free_all(bb, c->n_b);
    if (st != PO_OK) {
        po_comparison_free(c);
        return st;
    }
    *out = c;
    return PO_OK;
}

void po_comparison_free(po_comparison *c)
{
    if (!c)
        return;
    free(c->a);
    free(c->b);
    free(c->pairs);
    free(c->only_a);
    free(c->only_b);
    free(c);
}
