/* lexicon.c - the index a lexicon gets when its pack compiles.
 *
 * Code asks three questions of a lexicon, often once per position of a
 * text: is this exact string a word, which is the longest word starting
 * here, which is the longest word ending here. A scan of every word with a
 * strlen each made those questions cost the size of the lexicon; the index
 * makes them cost the few words that share a first (or last) code point.
 *
 * Words are kept longest first (byte length, then byte order), so the first
 * word of a bucket that fits is the longest. Tables are open addressing
 * over powers of two, allocated in the pack's arena, read-only afterwards. */
#include <string.h>

#include "lexicon_index.h"
#include "rules.h"
#include "../util/arena.h"
#include "../util/utf8.h"

static void set_cp(uint64_t *bits, uint32_t cp)
{
    bits[(cp % PO_LEX_CP_BITS) / 64] |= (uint64_t)1 << (cp % 64);
}

/* The first and last code points of word w (len > 0) into the bits; a word
 * that is not well-formed UTF-8 sets every bit (its lookups stay exact). */
static void add_word_cps(po_lexicon_index *x, const unsigned char *w, size_t len)
{
    size_t used, b = len;
    uint32_t first = po_utf8_decode(w, len, &used), last;
    while (b > 0 && len - b < 3 && (w[b - 1] & 0xC0) == 0x80)
        b--;
    b = b ? b - 1 : 0;
    last = po_utf8_decode(w + b, len - b, &used);
    if (!po_utf8_valid(w, len) || used != len - b) {
        memset(x->first_cps, 0xFF, sizeof x->first_cps);
        memset(x->last_cps, 0xFF, sizeof x->last_cps);
        return;
    }
    set_cp(x->first_cps, first);
    set_cp(x->last_cps, last);
}

/* The bytes of the code point starting at s (at most len bytes) as a key;
 * 0 when len is 0. The lead byte's length goes in too, so that a truncated
 * sequence never equals a whole one. */
static uint32_t lead_key(const unsigned char *s, size_t len)
{
    if (!len)
        return 0;
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (n > len)
        n = len;
    uint32_t k = 0;
    for (size_t i = 0; i < n && i < 3; i++)
        k = k << 8 | s[i];
    return k ? k : 0x80000000u; /* never 0 (a NUL byte) */
}

/* The key of the code point that ends s[0, len). */
static uint32_t tail_key(const unsigned char *s, size_t len)
{
    size_t b = len;
    while (b > 0 && len - b < 3 && (s[b - 1] & 0xC0) == 0x80)
        b--;
    if (b == 0 || (s[b - 1] & 0xC0) == 0x80)
        b = len; /* no lead byte within reach: key the last byte */
    else
        b--;
    return lead_key(s + b, len - b);
}

static size_t hash_bytes(const char *s, size_t len)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static size_t hash_key(uint32_t k)
{
    return (size_t)(k * 2654435761u);
}

static size_t table_size(size_t n)
{
    size_t size = 8;
    while (size < 2 * n)
        size *= 2;
    return size;
}

static po_lexicon_bucket *bucket_slot(po_lexicon_bucket *t, size_t mask, uint32_t key)
{
    for (size_t h = hash_key(key) & mask;; h = (h + 1) & mask)
        if (t[h].key == key || t[h].key == 0)
            return &t[h];
}

/* Buckets by the key each word gets from keyof; words keep their order. */
static int build_buckets(po_arena *arena, const po_lexicon *l, const size_t *lens, int last,
                         po_lexicon_bucket **table, size_t *mask, uint32_t **words)
{
    size_t size = table_size(l->n_words);
    *table = po_arena_alloc(arena, size * sizeof **table);
    *words = po_arena_alloc(arena, (l->n_words ? l->n_words : 1) * sizeof **words);
    if (!*table || !*words)
        return -1;
    *mask = size - 1;
    for (size_t i = 0; i < l->n_words; i++) {
        const unsigned char *w = (const unsigned char *)l->words[i];
        uint32_t key = last ? tail_key(w, lens[i]) : lead_key(w, lens[i]);
        po_lexicon_bucket *b = bucket_slot(*table, *mask, key);
        b->key = key;
        b->n++;
    }
    uint32_t at = 0;
    for (size_t h = 0; h < size; h++) {
        (*table)[h].start = at;
        at += (*table)[h].n;
        (*table)[h].n = 0;
    }
    for (size_t i = 0; i < l->n_words; i++) {
        const unsigned char *w = (const unsigned char *)l->words[i];
        uint32_t key = last ? tail_key(w, lens[i]) : lead_key(w, lens[i]);
        po_lexicon_bucket *b = bucket_slot(*table, *mask, key);
        (*words)[b->start + b->n++] = (uint32_t)i;
    }
    return 0;
}

int po_lexicon_index_build(po_lexicon *l, struct po_arena *arena)
{
    po_lexicon_index *x = po_arena_alloc(arena, sizeof *x);
    size_t n = l->n_words;
    if (!x || !(x->lens = po_arena_alloc(arena, (n ? n : 1) * sizeof *x->lens)))
        return -1;
    memset(x->first_cps, 0, sizeof x->first_cps);
    memset(x->last_cps, 0, sizeof x->last_cps);
    for (size_t i = 0; i < n; i++) {
        x->lens[i] = strlen(l->words[i]);
        if (x->lens[i])
            add_word_cps(x, (const unsigned char *)l->words[i], x->lens[i]);
    }
    size_t size = table_size(n);
    x->word_slots = po_arena_alloc(arena, size * sizeof *x->word_slots);
    if (!x->word_slots)
        return -1;
    x->word_mask = size - 1;
    for (size_t i = 0; i < n; i++) {
        size_t h = hash_bytes(l->words[i], x->lens[i]) & x->word_mask;
        while (x->word_slots[h])
            h = (h + 1) & x->word_mask;
        x->word_slots[h] = (uint32_t)i + 1;
    }
    if (build_buckets(arena, l, x->lens, 0, &x->first, &x->first_mask, &x->first_words) != 0 ||
        build_buckets(arena, l, x->lens, 1, &x->last, &x->last_mask, &x->last_words) != 0)
        return -1;
    l->index = x;
    return 0;
}

bool po_lexicon_has(const po_lexicon *l, const char *word, size_t len)
{
    if (!l || !l->index)
        return false;
    const po_lexicon_index *x = l->index;
    for (size_t h = hash_bytes(word, len) & x->word_mask; x->word_slots[h]; h = (h + 1) & x->word_mask) {
        size_t i = x->word_slots[h] - 1;
        if (x->lens[i] == len && memcmp(l->words[i], word, len) == 0)
            return true;
    }
    return false;
}

static const po_lexicon_bucket *find_bucket(const po_lexicon_bucket *t, size_t mask, uint32_t key)
{
    for (size_t h = hash_key(key) & mask; t[h].key; h = (h + 1) & mask)
        if (t[h].key == key)
            return &t[h];
    return NULL;
}

size_t po_lexicon_prefix(const po_lexicon *l, const char *s, size_t len, const char **word)
{
    if (!l || !l->index || !len)
        return 0;
    const po_lexicon_index *x = l->index;
    const po_lexicon_bucket *b = find_bucket(x->first, x->first_mask, lead_key((const unsigned char *)s, len));
    for (uint32_t k = 0; b && k < b->n; k++) {
        uint32_t i = x->first_words[b->start + k];
        if (x->lens[i] <= len && memcmp(s, l->words[i], x->lens[i]) == 0) {
            if (word)
                *word = l->words[i];
            return x->lens[i];
        }
    }
    return 0;
}

size_t po_lexicon_suffix(const po_lexicon *l, const char *s, size_t len, const char **word)
{
    if (!l || !l->index || !len)
        return 0;
    const po_lexicon_index *x = l->index;
    const po_lexicon_bucket *b = find_bucket(x->last, x->last_mask, tail_key((const unsigned char *)s, len));
    for (uint32_t k = 0; b && k < b->n; k++) {
        uint32_t i = x->last_words[b->start + k];
        if (x->lens[i] <= len && memcmp(s + len - x->lens[i], l->words[i], x->lens[i]) == 0) {
            if (word)
                *word = l->words[i];
            return x->lens[i];
        }
    }
    return 0;
}

bool po_lexicon_may_start(const po_lexicon *l, uint32_t cp)
{
    return l && l->index && po_lex_cp_bit(l->index->first_cps, cp);
}

bool po_lexicon_may_end(const po_lexicon *l, uint32_t cp)
{
    return l && l->index && po_lex_cp_bit(l->index->last_cps, cp);
}

size_t po_lexicon_word_len(const po_lexicon *l, size_t i)
{
    return l && l->index && i < l->n_words ? l->index->lens[i] : 0;
}
