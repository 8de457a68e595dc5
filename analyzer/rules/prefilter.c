/* prefilter.c - one pass per document over the literals of every rule
 * (see prefilter.h). A literal is keyed by its first two code points (one
 * when it has one); the pass reads the text's code points once and tests
 * the key of each pair of neighbours, and of each code point alone,
 * against a 64K-bit table of the keys (a load or two); the few that pass
 * are looked up exactly, and the literals behind the key compared past it.
 * (Keyed by the first code point alone, the common ones, 会 or 国, each led
 * dozens of literals; a code point that starts a literal is 44% of the text
 * of the news corpus, a pair that does 8%.) */
#define _GNU_SOURCE /* memrchr */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "../util/keymap.h"
#include "../util/search.h"

enum { BLOOM_BITS = 1 << 16 };

typedef struct lit {
    char *s;
    size_t len;
    uint32_t *slots; /* the rules (filter slots) that need it */
    size_t n_slots;
    size_t head;     /* the bytes of its key's code points */
} lit;

/* The literals of one key, by[start, start + n). */
typedef struct bucket {
    uint64_t key; /* 0: empty */
    uint32_t start, n;
} bucket;

struct po_prefilter {
    size_t *max_len; /* per slot */
    uint32_t *stops; /* per slot */
    lit *lits;
    size_t n_lits, cap_lits;
    size_t slots;
    po_keymap lit_index; /* (length, digest) -> literal, while building */
    /* key -> literals */
    bucket *table;
    unsigned table_bits;
    uint32_t *by_key;
    uint64_t bloom[BLOOM_BITS / 64];
    bool spaced; /* a literal holds a space */
    size_t longest; /* the longest literal, in bytes */
};

/* A unit: the bytes of a code point as its first byte announces them (a
 * stray byte counts as the start of one), at most 4, as one number; the
 * normalised text is well-formed, so equal units are equal code points.
 * The key of a literal is its first unit alone when it has one, else its
 * first two; never 0. */
static const uint8_t unit_lens[16] = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4};
static const uint32_t unit_masks[5] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu, 0xFFFFFFFFu};

static inline size_t unit_len(unsigned char c)
{
    return unit_lens[c >> 4];
}

/* The unit of n bytes at s, avail of them readable. */
static inline uint32_t unit_at(const unsigned char *s, size_t avail, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (avail >= 4) {
        uint32_t w;
        memcpy(&w, s, 4);
        return w & unit_masks[n];
    }
#endif
    uint32_t v = 0;
    for (size_t i = 0; i < n && i < avail; i++)
        v |= (uint32_t)s[i] << (8 * i);
    return v;
}

static inline uint64_t pair_key(uint32_t first, uint32_t second)
{
    return (uint64_t)first << 32 | second;
}

static inline uint64_t single_key(uint32_t unit)
{
    return (uint64_t)1 << 63 | unit; /* no pair's: a first unit never is 0x80000000 */
}

static inline uint64_t key_mix(uint64_t key)
{
    return key * 0x9E3779B97F4A7C15u;
}

static inline bool in_bloom(const uint64_t *bloom, uint64_t key)
{
    uint64_t h = key_mix(key) >> 48;
    return (bloom[h >> 6] >> (h & 63)) & 1;
}

/* A literal's key, and the bytes of its key's units. */
static uint64_t lit_key(const lit *l, size_t *head)
{
    const unsigned char *u = (const unsigned char *)l->s;
    size_t a = unit_len(u[0]);
    uint32_t first = unit_at(u, l->len, a);
    if (a >= l->len) {
        *head = l->len;
        return single_key(first);
    }
    size_t b = unit_len(u[a]);
    uint32_t second = unit_at(u + a, l->len - a, b);
    *head = a + b < l->len ? a + b : l->len;
    return pair_key(first, second);
}

po_prefilter *po_prefilter_new(void)
{
    return calloc(1, sizeof(po_prefilter));
}

void po_prefilter_free(po_prefilter *pf)
{
    if (!pf)
        return;
    for (size_t i = 0; i < pf->n_lits; i++) {
        free(pf->lits[i].s);
        free(pf->lits[i].slots);
    }
    free(pf->lits);
    free(pf->max_len);
    free(pf->stops);
    po_keymap_free(&pf->lit_index);
    free(pf->table);
    free(pf->by_key);
    free(pf);
}

size_t po_prefilter_slots(const po_prefilter *pf)
{
    return pf ? pf->slots : 0;
}

typedef struct lit_query {
    const po_prefilter *pf;
    const char *s;
    size_t len;
} lit_query;

static bool is_lit(uint32_t i, void *ctx)
{
    const lit_query *q = ctx;
    const lit *l = &q->pf->lits[i];
    return l->len == q->len && memcmp(l->s, q->s, q->len) == 0;
}

/* The literal's index, added when new; -1 when out of memory. */
static long intern(po_prefilter *pf, const char *s)
{
    size_t len = strlen(s);
    uint32_t key[3] = {(uint32_t)len}, at;
    po_keymap_digest(s, len, key + 1);
    if (po_keymap_find(&pf->lit_index, key, is_lit, &(lit_query){pf, s, len}, &at))
        return (long)at;
    if (pf->n_lits == pf->cap_lits) {
        size_t cap = pf->cap_lits ? 2 * pf->cap_lits : 256;
        lit *v = realloc(pf->lits, cap * sizeof *v);
        if (!v)
            return -1;
        pf->lits = v;
        pf->cap_lits = cap;
    }
    lit *l = &pf->lits[pf->n_lits];
    memset(l, 0, sizeof *l);
    if (!(l->s = malloc(len + 1)))
        return -1;
    memcpy(l->s, s, len + 1);
    l->len = len;
    if (po_keymap_add(&pf->lit_index, key, (uint32_t)pf->n_lits) < 0) {
        free(l->s);
        return -1;
    }
    return (long)pf->n_lits++;
}

size_t po_prefilter_max_len(const po_prefilter *pf, int slot)
{
    return pf && slot >= 0 && (size_t)slot < pf->slots ? pf->max_len[slot] : SIZE_MAX;
}

bool po_prefilter_spaced(const po_prefilter *pf)
{
    return pf && pf->spaced;
}

uint32_t po_prefilter_stops(const po_prefilter *pf, int slot)
{
    return pf && slot >= 0 && (size_t)slot < pf->slots ? pf->stops[slot] : 0;
}

uint32_t po_stop_bit(uint32_t cp)
{
    switch (cp) {
    case '\n': return PO_STOP_NL;
    case ' ': return 1u << 1;
    case 0x3001: return 1u << 2;  /* 、 */
    case 0x3002: return 1u << 3;  /* 。 */
    case 0xFF0C: return 1u << 4;  /* ， */
    case 0xFF1B: return 1u << 5;  /* ； */
    case 0xFF1A: return 1u << 6;  /* ： */
    case 0x201C: return 1u << 7;  /* “ */
    case 0x201D: return 1u << 8;  /* ” */
    case 0xFF08: return 1u << 9;  /* （ */
    case 0xFF09: return 1u << 10; /* ） */
    case 0x300A: return 1u << 11; /* 《 */
    case 0x300B: return 1u << 12; /* 》 */
    case 0xFF01: return 1u << 13; /* ！ */
    case 0xFF1F: return 1u << 14; /* ？ */
    }
    return 0;
}

uint32_t po_stop_all(void)
{
    return (1u << 15) - 1;
}

int po_prefilter_add(po_prefilter *pf, char *const *lits, size_t n, size_t max_len, uint32_t stops)
{
    int slot = (int)pf->slots;
    size_t *m = realloc(pf->max_len, (pf->slots + 1) * sizeof *m);
    if (!m)
        return -1;
    pf->max_len = m;
    m[slot] = max_len;
    uint32_t *o = realloc(pf->stops, (pf->slots + 1) * sizeof *o);
    if (!o)
        return -1;
    pf->stops = o;
    o[slot] = stops;
    for (size_t i = 0; i < n; i++) {
        long k = intern(pf, lits[i]);
        if (k < 0)
            return -1;
        lit *l = &pf->lits[k];
        if (l->n_slots && l->slots[l->n_slots - 1] == (uint32_t)slot)
            continue;
        uint32_t *v = realloc(l->slots, (l->n_slots + 1) * sizeof *v);
        if (!v)
            return -1;
        l->slots = v;
        l->slots[l->n_slots++] = (uint32_t)slot;
    }
    pf->slots++;
    return slot;
}

static bucket *slot_for(bucket *t, unsigned bits, uint64_t key)
{
    size_t mask = ((size_t)1 << bits) - 1;
    for (size_t h = (size_t)(key_mix(key) >> (64 - bits));; h = (h + 1) & mask)
        if (t[h].key == key || t[h].key == 0)
            return &t[h];
}

int po_prefilter_finish(po_prefilter *pf)
{
    unsigned bits = 4;
    while (((size_t)1 << bits) < 2 * pf->n_lits)
        bits++;
    pf->table = calloc((size_t)1 << bits, sizeof *pf->table);
    pf->by_key = malloc((pf->n_lits ? pf->n_lits : 1) * sizeof *pf->by_key);
    if (!pf->table || !pf->by_key)
        return -1;
    pf->table_bits = bits;
    for (size_t i = 0; i < pf->n_lits; i++) {
        pf->spaced |= memchr(pf->lits[i].s, ' ', pf->lits[i].len) != NULL;
        if (pf->lits[i].len > pf->longest)
            pf->longest = pf->lits[i].len;
        uint64_t key = lit_key(&pf->lits[i], &pf->lits[i].head);
        bucket *b = slot_for(pf->table, bits, key);
        b->key = key;
        b->n++;
        uint64_t hk = key_mix(key) >> 48;
        pf->bloom[hk >> 6] |= 1ull << (hk & 63);
    }
    uint32_t at = 0;
    for (size_t h = 0; h < (size_t)1 << bits; h++) {
        pf->table[h].start = at;
        at += pf->table[h].n;
        pf->table[h].n = 0;
    }
    /* in the order the literals were added, within a key */
    for (size_t i = 0; i < pf->n_lits; i++) {
        size_t head;
        bucket *b = slot_for(pf->table, bits, lit_key(&pf->lits[i], &head));
        pf->by_key[b->start + b->n++] = (uint32_t)i;
    }
    po_keymap_free(&pf->lit_index);
    return 0;
}

/* A slot's places are counted against the budget by cap, which doubles
 * from 16; the first REAL_MIN of them lie in chunks the scan shares among
 * its slots (most slots of a document hold a few dozen places: one
 * allocation for many), and only a slot that outgrows them has an array of
 * its own (cap > REAL_MIN). */
enum { REAL_MIN = 64, CHUNK_SLOTS = 16 };

typedef struct chunk {
    struct chunk *next;
    size_t used; /* slots' arrays handed out */
    uint32_t pos[CHUNK_SLOTS][REAL_MIN];
} chunk;

static int grow(po_prefilter_hits *h, size_t slot, size_t cap)
{
    if (h->cap[slot] && cap <= REAL_MIN) {
        h->cap[slot] = cap;
        return 0;
    }
    if (!h->cap[slot]) {
        chunk *c = h->chunks;
        if (!c || c->used == CHUNK_SLOTS) {
            if (!(c = malloc(sizeof *c)))
                return -1;
            c->next = h->chunks;
            c->used = 0;
            h->chunks = c;
        }
        h->pos[slot] = c->pos[c->used++];
        h->touched[h->n_touched++] = (uint32_t)slot;
        h->cap[slot] = cap;
        return 0;
    }
    uint32_t *v;
    if (h->cap[slot] <= REAL_MIN) {
        if (!(v = malloc(cap * sizeof *v)))
            return -1;
        memcpy(v, h->pos[slot], h->n[slot] * sizeof *v);
    } else if (!(v = realloc(h->pos[slot], cap * sizeof *v))) {
        return -1;
    }
    h->pos[slot] = v;
    h->cap[slot] = cap;
    return 0;
}

/* A slot's own array, if it has one. */
static void free_places(po_prefilter_hits *h, size_t slot)
{
    if (h->cap[slot] > REAL_MIN)
        free(h->pos[slot]);
}

void po_prefilter_hits_free(po_prefilter_hits *h)
{
    for (size_t i = 0; h->pos && i < h->n_touched; i++)
        free_places(h, h->touched[i]);
    while (h->chunks) {
        struct chunk *c = h->chunks;
        h->chunks = c->next;
        free(c);
    }
    free(h->pos);
    free(h->touched);
    free(h->n);
    free(h->cap);
    free(h->dense);
    memset(h, 0, sizeof *h);
}

/* Record a place for a slot; a slot past its share of the budget turns
 * dense (its rule runs unfiltered) so that memory stays a fraction of the
 * text. */
static int record(po_prefilter_hits *h, size_t slot, uint32_t at, size_t per_slot, size_t *budget)
{
    if (h->dense[slot] || (h->n[slot] && h->pos[slot][h->n[slot] - 1] == at))
        return 0;
    if (h->n[slot] == h->cap[slot]) {
        size_t cap = h->cap[slot] ? 2 * h->cap[slot] : 16;
        if (h->n[slot] >= per_slot || cap - h->cap[slot] > *budget) {
            h->dense[slot] = true;
            *budget += h->cap[slot];
            free_places(h, slot);
            h->pos[slot] = NULL;
            h->n[slot] = h->cap[slot] = 0;
            return 0;
        }
        size_t was = h->cap[slot];
        if (grow(h, slot, cap) != 0)
            return -1;
        *budget -= cap - was;
    }
    h->pos[slot][h->n[slot]++] = at;
    return 0;
}

typedef int (*lit_fn)(po_prefilter_hits *h, const lit *l, uint32_t at, void *ctx);

/* The literals of key that start at byte at of s[0, len), whose key's code
 * points are already known to be there. */
static int literals_of(const po_prefilter *pf, uint64_t key, const unsigned char *s, size_t len, size_t at,
                       po_prefilter_hits *h, lit_fn fn, void *ctx)
{
    size_t mask = ((size_t)1 << pf->table_bits) - 1;
    for (size_t i = (size_t)(key_mix(key) >> (64 - pf->table_bits)); pf->table[i].key; i = (i + 1) & mask) {
        if (pf->table[i].key != key)
            continue;
        const bucket *bk = &pf->table[i];
        for (uint32_t j = 0; j < bk->n; j++) {
            const lit *l = &pf->lits[pf->by_key[bk->start + j]];
            if (l->len > len - at)
                continue;
            size_t q = l->head;
            while (q < l->len && s[at + q] == (unsigned char)l->s[q])
                q++;
            if (q == l->len && fn(h, l, (uint32_t)at, ctx) != 0)
                return -1;
        }
        break;
    }
    return 0;
}

/* Every literal that starts in s[from, until) (from a code point's first
 * byte), in the order of their places: at each place, the literal of its
 * unit, then those of its pair with the next. */
static int scan_range(const po_prefilter *pf, const unsigned char *s, size_t len, size_t from, size_t until,
                      po_prefilter_hits *h, lit_fn fn, void *ctx)
{
    const uint64_t *bloom = pf->bloom;
    uint32_t prev = 0;
    size_t pb = SIZE_MAX; /* where prev starts; none yet */
    size_t b = from;
    /* while four bytes can be read and the place is in range (the place
     * before the first has no pair to test) */
    size_t fast = len >= 4 ? len - 3 : 0;
    if (fast > until)
        fast = until;
    if (b < fast) {
        size_t n = unit_len(s[b]);
        prev = unit_at(s + b, 4, n);
        uint64_t k = single_key(prev);
        if (in_bloom(bloom, k) && literals_of(pf, k, s, len, b, h, fn, ctx) != 0)
            return -1;
        pb = b;
        b += n;
        while (b < fast) {
            n = unit_len(s[b]);
            uint32_t unit = unit_at(s + b, 4, n);
            k = pair_key(prev, unit);
            if (in_bloom(bloom, k) && literals_of(pf, k, s, len, pb, h, fn, ctx) != 0)
                return -1;
            k = single_key(unit);
            if (in_bloom(bloom, k) && literals_of(pf, k, s, len, b, h, fn, ctx) != 0)
                return -1;
            prev = unit;
            pb = b;
            b += n;
        }
    }
    for (; b < len;) {
        size_t n = unit_len(s[b]);
        uint32_t unit = unit_at(s + b, len - b, n);
        if (pb != SIZE_MAX) {
            uint64_t k = pair_key(prev, unit);
            if (in_bloom(bloom, k) && literals_of(pf, k, s, len, pb, h, fn, ctx) != 0)
                return -1;
        }
        if (b >= until)
            break;
        uint64_t k = single_key(unit);
        if (in_bloom(bloom, k) && literals_of(pf, k, s, len, b, h, fn, ctx) != 0)
            return -1;
        prev = unit;
        pb = b;
        b += n;
    }
    return 0;
}

typedef struct budget {
    size_t left, per_slot;
} budget;

static int record_all(po_prefilter_hits *h, const lit *l, uint32_t at, void *ctx)
{
    budget *bu = ctx;
    for (size_t q = 0; q < l->n_slots; q++)
        if (record(h, l->slots[q], at, bu->per_slot, &bu->left) != 0)
            return -1;
    return 0;
}

/* A place found out of order (po_prefilter_rescan): put in its place
 * unless there already; a dense slot needs none. */
static int insert_all(po_prefilter_hits *h, const lit *l, uint32_t at, void *ctx)
{
    (void)ctx;
    for (size_t q = 0; q < l->n_slots; q++) {
        size_t slot = l->slots[q];
        if (h->dense[slot])
            continue;
        size_t n = h->n[slot];
        uint32_t *v = h->pos[slot];
        size_t lo = po_lower_bound_u32(v, n, at);
        if (lo < n && v[lo] == at)
            continue;
        if (n == h->cap[slot]) {
            if (grow(h, slot, h->cap[slot] ? 2 * h->cap[slot] : 16) != 0)
                return -1;
            v = h->pos[slot];
        }
        memmove(v + lo + 1, v + lo, (n - lo) * sizeof *v);
        v[lo] = at;
        h->n[slot]++;
    }
    return 0;
}

int po_prefilter_rescan(const po_prefilter *pf, const char *text, size_t len, size_t from, size_t until,
                        po_prefilter_hits *h)
{
    if (!pf || !h->active)
        return 0;
    const unsigned char *s = (const unsigned char *)text;
    from = from > pf->longest ? from - pf->longest : 0;
    while (from < len && (s[from] & 0xC0) == 0x80)
        from++; /* to a code point's first byte */
    if (until > len)
        until = len;
    if (scan_range(pf, s, len, from, until, h, insert_all, NULL) != 0) {
        po_prefilter_hits_free(h);
        return -1;
    }
    return 0;
}

int po_prefilter_scan(const po_prefilter *pf, const char *text, size_t len, po_prefilter_hits *h)
{
    memset(h, 0, sizeof *h);
    if (!pf || len > UINT32_MAX)
        return 0;
    h->slots = pf->slots;
    size_t k = h->slots ? h->slots : 1;
    h->pos = calloc(k, sizeof *h->pos);
    h->n = calloc(k, sizeof *h->n);
    h->cap = calloc(k, sizeof *h->cap);
    h->dense = calloc(k, sizeof *h->dense);
    h->touched = malloc(k * sizeof *h->touched);
    if (!h->pos || !h->n || !h->cap || !h->dense || !h->touched) {
        po_prefilter_hits_free(h);
        return -1;
    }
    /* at most one entry per 8 bytes of text in all, one per 32 per slot */
    budget bu = {len / 8 + 4096, len / 32 + 1024};
    const unsigned char *s = (const unsigned char *)text;
    if (scan_range(pf, s, len, 0, len, h, record_all, &bu) != 0) {
        po_prefilter_hits_free(h);
        return -1;
    }
    h->active = true;
    return 0;
}


/* Where a match holding the literal at o may start, looking no further
 * back than floor: after the last of the stops before o. */
static size_t window_start(size_t o, size_t max_len, uint32_t stops, const char *text, size_t floor)
{
    size_t start = max_len != SIZE_MAX && o - floor > max_len ? o - max_len : floor;
    if (stops == PO_STOP_NL && o > start) {
        const char *lf = memrchr(text + start, '\n', o - start);
        if (lf)
            start = (size_t)(lf - text) + 1;
    } else if (stops) {
        /* every stop is ASCII (1) or three bytes led by E2, E3 or EF (3):
         * only those bytes are read further */
        static const uint8_t lead[256] = {['\n'] = 1, [' '] = 1, [0xE2] = 3, [0xE3] = 3, [0xEF] = 3};
        const unsigned char *u = (const unsigned char *)text;
        for (size_t k = o; k-- > start;) {
            unsigned c = u[k];
            if (!lead[c])
                continue;
            if (lead[c] == 1) {
                if (po_stop_bit(c) & stops)
                    return k + 1;
            } else if (o - k >= 3 && (u[k + 1] & 0xC0) == 0x80 && (u[k + 2] & 0xC0) == 0x80) {
                uint32_t cp = (c & 0x0Fu) << 12 | (u[k + 1] & 0x3Fu) << 6 | (u[k + 2] & 0x3Fu);
                if (po_stop_bit(cp) & stops)
                    return k + 3;
            }
        }
    }
    return start;
}

bool po_prefilter_window(const po_prefilter_hits *h, int slot, size_t max_len, uint32_t stops,
                         const char *text, size_t from, size_t until, size_t *start, size_t *limit)
{
    const uint32_t *v = h->pos[slot];
    size_t n = h->n[slot];
    size_t i = po_lower_bound_u32(v, n, from);
    if (i == n || v[i] >= until)
        return false;
    if (max_len == SIZE_MAX && !stops) {
        *start = from;
        *limit = v[po_lower_bound_u32(v, n, until) - 1];
        return true;
    }
    *start = window_start(v[i], max_len, stops, text, from);
    size_t lim = v[i];
    /* the next place's window starts at or before lim + 1: one window (the
     * look back stops at lim + 1, so the text is read once) */
    while (++i < n && v[i] < until && window_start(v[i], max_len, stops, text, lim + 1) <= lim + 1)
        lim = v[i];
    *limit = lim;
    return true;
}
