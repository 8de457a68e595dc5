/* cluster.c - recurring directives: items linked when their bigram sets are
 * similar, found without comparing every pair. MinHash signatures (BANDS x
 * ROWS fixed-seed hash functions over each item's bigram set) are cut into
 * bands; items sharing a band propose candidate pairs (LSH), each verified
 * by the exact Dice coefficient; union-find joins the verified pairs into
 * clusters. Plain single linkage lets a chain of short, loosely similar items
 * drift across topics, so two clusters merge only when their founders (the
 * roots: each cluster's earliest item) are also at least DRIFT x threshold
 * alike. With 64 bands of 3 rows, a pair at Dice 0.5 (Jaccard 1/3) becomes a
 * candidate with probability 0.91, one at Dice 0.7 with 0.9999. Each member
 * of a bucket meets at most WINDOW others, so the work is bounded by items x
 * BANDS x WINDOW verifications: linear in the number of items, not
 * quadratic (100,000 corpus clauses cluster in about 3 s). */
#include <stdlib.h>
#include <string.h>

#include "compare.h"

#define BANDS PO_LSH_BANDS
#define ROWS PO_LSH_ROWS
#define HASHES PO_MINHASH_SIZE
#define WINDOW 128          /* a member of a huge bucket meets its next WINDOW */
#define MEDOID_SAMPLE 200   /* members weighed when choosing the representative */
#define DRIFT 0.6           /* founders of merging clusters must be this x threshold alike */

/* SplitMix64's finaliser: a fixed, well-mixed bijection of 64-bit words. */
static uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

typedef struct entry {
    uint64_t key;
    size_t item;
} entry;

static int by_key(const void *x, const void *y)
{
    const entry *p = x, *q = y;
    if (p->key != q->key)
        return p->key < q->key ? -1 : 1;
    return (p->item > q->item) - (p->item < q->item);
}

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* The smaller root wins, so the forest does not depend on pair order. */
static void unite(size_t *parent, size_t a, size_t b)
{
    if (a < b)
        parent[b] = a;
    else
        parent[a] = b;
}

void po_minhash(const po_bigrams *b, uint64_t sig[PO_MINHASH_SIZE])
{
    for (size_t h = 0; h < HASHES; h++) {
        uint64_t seed = mix(0x706F6C6963790000ull + h); /* fixed: runs are reproducible */
        uint64_t m = UINT64_MAX;
        for (size_t k = 0; k < b->n; k++) {
            uint64_t v = mix(b->keys[k] ^ seed);
            if (v < m)
                m = v;
        }
        sig[h] = m;
    }
}

void po_lsh_bands(const uint64_t sig[PO_MINHASH_SIZE], uint64_t bands[PO_LSH_BANDS])
{
    for (size_t band = 0; band < BANDS; band++) {
        uint64_t k = mix(band);
        for (size_t r = 0; r < ROWS; r++)
            k = mix(k ^ sig[band * ROWS + r]);
        bands[band] = k;
    }
}

/* Propose and verify the pairs of every band; join the similar ones. The
 * band keys of items read from signatures are taken as they were written. */
static po_status link_similar(const po_corpus *c, double threshold, size_t *parent)
{
    size_t n = c->n_items;
    uint64_t *keys = malloc((n ? n : 1) * BANDS * sizeof *keys);
    entry *e = malloc((n ? n : 1) * sizeof *e);
    if (!keys || !e) {
        free(keys);
        free(e);
        return PO_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (c->items[i].bands) {
            memcpy(keys + i * BANDS, c->items[i].bands, BANDS * sizeof *keys);
        } else {
            uint64_t sig[HASHES];
            po_minhash(&c->items[i].bigrams, sig);
            po_lsh_bands(sig, keys + i * BANDS);
        }
    }
    for (size_t band = 0; band < BANDS; band++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (c->items[i].bigrams.n) /* an item without wording matches nothing */
                e[m++] = (entry){keys[i * BANDS + band], i};
        qsort(e, m, sizeof *e, by_key);
        for (size_t lo = 0; lo < m;) {
            size_t hi = lo + 1;
            while (hi < m && e[hi].key == e[lo].key)
                hi++;
            for (size_t p = lo; p < hi; p++)
                for (size_t q = p + 1; q < hi && q <= p + WINDOW; q++) {
                    size_t a = find(parent, e[p].item), b = find(parent, e[q].item);
                    if (a == b)
                        continue;
                    if (po_bigrams_dice(&c->items[e[p].item].bigrams,
                                        &c->items[e[q].item].bigrams) >= threshold &&
                        po_bigrams_dice(&c->items[a].bigrams, &c->items[b].bigrams) >=
                            threshold * DRIFT)
                        unite(parent, a, b);
                }
            lo = hi;
        }
    }
    free(keys);
    free(e);
    return PO_OK;
}

/* Dates compare as strings (ISO); unknown dates sort last. */
static int cmp_date(const char *a, const char *b)
{
    if (!a[0] || !b[0])
        return (!a[0]) - (!b[0]);
    return strcmp(a, b);
}

static int by_date_then_index(const void *x, const void *y, const po_corpus *c)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int d = cmp_date(c->items[i].date, c->items[j].date);
    if (d)
        return d;
    return (i > j) - (i < j);
}

/* A stable insertion-merge sort on indices: qsort has no context argument
 * in C11, and the corpus must not live in a global. */
static void sort_members(size_t *v, size_t n, const po_corpus *c, size_t *tmp)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_members(v, h, c, tmp);
    sort_members(v + h, n - h, c, tmp);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = by_date_then_index(&v[j], &v[i], c) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* The member most similar to the others (among the first MEDOID_SAMPLE). */
static size_t medoid(const po_corpus *c, const po_cluster *cl)
{
    size_t n = cl->n_members < MEDOID_SAMPLE ? cl->n_members : MEDOID_SAMPLE;
    size_t best = cl->members[0];
    double best_sum = -1;
    for (size_t i = 0; i < n; i++) {
        double sum = 0;
        for (size_t j = 0; j < n; j++)
            if (i != j)
                sum += po_bigrams_dice(&c->items[cl->members[i]].bigrams,
                                       &c->items[cl->members[j]].bigrams);
        if (sum > best_sum) {
            best_sum = sum;
            best = cl->members[i];
        }
    }
    return best;
}

static int cmp_cluster(const po_cluster *p, const po_cluster *q)
{
    if (p->n_articles != q->n_articles)
        return p->n_articles > q->n_articles ? -1 : 1;
    if (p->n_members != q->n_members)
        return p->n_members > q->n_members ? -1 : 1;
    int d = cmp_date(p->first, q->first);
    if (d)
        return d;
    return (p->members[0] > q->members[0]) - (p->members[0] < q->members[0]);
}

static int by_rank(const void *x, const void *y)
{
    return cmp_cluster(x, y);
}

/* Gather components with at least min_size articles into clusters. */
static po_status collect(po_corpus *c, size_t *parent, size_t min_size)
{
    size_t n = c->n_items;
    /* Counting sort by root keeps members in item order within a root. */
    size_t *count = calloc(n + 1, sizeof *count), *start = calloc(n + 1, sizeof *start);
    size_t *order = malloc((n ? n : 1) * sizeof *order), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    po_cluster *out = calloc(n ? n : 1, sizeof *out);
    po_status st = count && start && order && tmp && out ? PO_OK : PO_ERR_NOMEM;
    size_t n_out = 0;
    if (st == PO_OK) {
        for (size_t i = 0; i < n; i++)
            count[find(parent, i)]++;
        for (size_t r = 0, acc = 0; r < n; r++) {
            start[r] = acc;
            acc += count[r];
        }
        size_t *fill = tmp;
        memcpy(fill, start, n * sizeof *fill);
        for (size_t i = 0; i < n; i++)
            order[fill[parent[i]]++] = i; /* parent[i] is the root after find() */
    }
    for (size_t r = 0; st == PO_OK && r < n; r++) {
        if (count[r] < 2)
            continue;
        size_t *m = order + start[r];
        /* Items are stored article by article, so articles change only
         * between consecutive members. */
        size_t articles = 1;
        for (size_t k = 1; k < count[r]; k++)
            articles += c->items[m[k]].article != c->items[m[k - 1]].article;
        if (articles < min_size || articles < 2)
            continue;
        po_cluster *cl = &out[n_out];
        cl->members = malloc(count[r] * sizeof *cl->members);
        if (!cl->members) {
            st = PO_ERR_NOMEM;
            break;
        }
        n_out++;
        memcpy(cl->members, m, count[r] * sizeof *m);
        cl->n_members = count[r];
        cl->n_articles = articles;
    }
    for (size_t k = 0; st == PO_OK && k < n_out; k++) {
        po_cluster *cl = &out[k];
        sort_members(cl->members, cl->n_members, c, tmp);
        cl->first = cl->last = "";
        for (size_t j = 0; j < cl->n_members; j++) {
            const char *d = c->items[cl->members[j]].date;
            if (d[0]) {
                if (!cl->first[0])
                    cl->first = d;
                cl->last = d;
            }
        }
        cl->representative = medoid(c, cl);
    }
    if (st == PO_OK && n_out > 1)
        qsort(out, n_out, sizeof *out, by_rank); /* full tie-break: order is total */
    free(count);
    free(start);
    free(order);
    free(tmp);
    if (st != PO_OK) {
        for (size_t k = 0; k < n_out; k++)
            free(out[k].members);
        free(out);
        return st;
    }
    c->clusters = out;
    c->n_clusters = n_out;
    return PO_OK;
}

po_status po_corpus_cluster(po_corpus *c, const po_cluster_options *options)
{
    if (!c || !options || options->threshold <= 0 || options->threshold > 1)
        return PO_ERR_USAGE;
    po_corpus_clear_clusters(c);
    c->options = *options;
    size_t n = c->n_items;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    if (!parent)
        return PO_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    po_status st = link_similar(c, options->threshold, parent);
    if (st == PO_OK) {
        for (size_t i = 0; i < n; i++)
            parent[i] = find(parent, i);
        st = collect(c, parent, options->min_size);
    }
    free(parent);
    return st;
}
