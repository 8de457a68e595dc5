/* compare.h - the inside of compare: normalised bigram sets, the corpus
 * store and its clusters. */
#ifndef PO_COMPARE_H
#define PO_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "policy_outline_research.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* A set of character bigrams: sorted, unique 42-bit keys (two 21-bit code
 * points). */
typedef struct po_bigrams {
    uint64_t *keys;
    size_t n;
} po_bigrams;

/* The bigram set of a text after normalisation (see po_similarity).
 * Returns 0, or -1 when out of memory. Free with po_bigrams_free. */
int po_bigrams_of(const char *text, po_bigrams *out);
void po_bigrams_free(po_bigrams *b);

/* Dice coefficient of two sets: 2|A∩B| / (|A|+|B|); 0 when both are empty. */
double po_bigrams_dice(const po_bigrams *a, const po_bigrams *b);

/* The normalised text itself (malloc'd UTF-8), for comparing leads. */
char *po_normalize_for_compare(const char *text);

/* MinHash over an item's bigram set: PO_LSH_BANDS bands of PO_LSH_ROWS
 * fixed-seed hash functions; the band keys are what LSH buckets by. */
#define PO_LSH_BANDS 64
#define PO_LSH_ROWS 3
#define PO_MINHASH_SIZE (PO_LSH_BANDS * PO_LSH_ROWS)

void po_minhash(const po_bigrams *b, uint64_t sig[PO_MINHASH_SIZE]);
void po_lsh_bands(const uint64_t sig[PO_MINHASH_SIZE], uint64_t bands[PO_LSH_BANDS]);

/* One item of a corpus; strings live in the corpus arena. */
typedef struct po_corpus_item {
    const char *doc_id, *item_id, *date, *lead, *text;
    size_t article;          /* index of its article in the corpus */
    po_bigrams bigrams;
    uint64_t *bands;         /* band keys read from a signature (arena), or NULL */
} po_corpus_item;

typedef struct po_cluster {
    size_t *members;         /* indices into items, by date then position */
    size_t n_members, n_articles;
    size_t representative;   /* an index into items */
    const char *first, *last; /* earliest and latest known dates, or "" */
} po_cluster;

struct po_corpus {
    po_arena *arena;
    po_corpus_item *items;
    size_t n_items, cap_items;
    size_t n_articles;
    po_cluster *clusters;
    size_t n_clusters;
    po_cluster_options options;
};

/* Append an item (copied); PO_ERR_NOMEM when out of memory. */
po_status po_corpus_push(po_corpus *c, const po_corpus_item *it);

/* ---- signatures.c: the map and reduce halves of clustering --------------- */

/* Items first..end of the corpus as JSON Lines, one per item:
 *   {"doc_id","item_id","date","lead","text","minhash","bands"}
 * minhash and bands are the 64-bit values as 16 lower-case hex digits each,
 * concatenated. malloc'd; NULL when out of memory. */
char *po_corpus_signatures(const po_corpus *c, size_t first);

/* Add one item from such a line (len bytes). Items of one article are
 * consecutive lines with the same doc_id. PO_ERR_INPUT for a line that is
 * not one (a reason in why, of why_size bytes). */
po_status po_corpus_add_signature(po_corpus *c, const char *line, size_t len, char *why, size_t why_size);

/* Drop the clusters of an earlier run. */
void po_corpus_clear_clusters(po_corpus *c);

/* A Markdown table cell: pipes escaped, line breaks flattened; NULL is "". */
void po_compare_md_cell(po_buf *b, const char *s);

#endif
