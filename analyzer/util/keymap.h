/* keymap.h - a hash table from a key of three 32-bit words to a 32-bit
 * value, for the per-analysis indexes that keep lookups in long texts
 * constant-time (a name's entry, a mention already recorded). A key may be
 * a digest of something longer: a lookup then confirms each candidate with
 * the caller's check, and keys that collide are kept side by side. */
#ifndef PO_KEYMAP_H
#define PO_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct po_keymap_slot {
    uint32_t k[3];
    uint32_t v; /* the value + 1; 0: the slot is empty */
} po_keymap_slot;

typedef struct po_keymap {
    po_keymap_slot *slot;
    size_t cap, n; /* cap: 0 or a power of two */
} po_keymap;

/* Confirms that value v is what the caller looks for (ctx: the caller's). */
typedef bool (*po_keymap_check_fn)(uint32_t v, void *ctx);

/* The value stored under k that check accepts (every one when check is
 * NULL), in *v; false when there is none. */
bool po_keymap_find(const po_keymap *m, const uint32_t k[3], po_keymap_check_fn check, void *ctx, uint32_t *v);

/* Store v under k (beside any value already there). -1 when out of
 * memory (the map is unchanged), else 0. v must be below UINT32_MAX. */
int po_keymap_add(po_keymap *m, const uint32_t k[3], uint32_t v);

/* The digest of n bytes, as two key words (64-bit FNV-1a). */
void po_keymap_digest(const void *s, size_t n, uint32_t out[2]);

/* Free the map's memory; it is empty and usable again. */
void po_keymap_free(po_keymap *m);

#endif
