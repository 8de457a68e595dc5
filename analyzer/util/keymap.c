/* keymap.c - open addressing with linear probing, at most half full. */
#include "keymap.h"

#include <stdlib.h>
#include <string.h>

static size_t home(const uint32_t k[3], size_t cap)
{
    uint64_t h = ((uint64_t)k[0] * 0x9E3779B97F4A7C15u) ^ ((uint64_t)k[1] * 0xC2B2AE3D27D4EB4Fu) ^
                 ((uint64_t)k[2] * 0x165667B19E3779F9u);
    h ^= h >> 29;
    return (size_t)h & (cap - 1);
}

bool po_keymap_find(const po_keymap *m, const uint32_t k[3], po_keymap_check_fn check, void *ctx, uint32_t *v)
{
    if (!m->cap)
        return false;
    for (size_t i = home(k, m->cap);; i = (i + 1) & (m->cap - 1)) {
        const po_keymap_slot *s = &m->slot[i];
        if (!s->v)
            return false;
        if (s->k[0] == k[0] && s->k[1] == k[1] && s->k[2] == k[2] && (!check || check(s->v - 1, ctx))) {
            *v = s->v - 1;
            return true;
        }
    }
}

static void place(po_keymap_slot *slot, size_t cap, const uint32_t k[3], uint32_t v1)
{
    size_t i = home(k, cap);
    while (slot[i].v)
        i = (i + 1) & (cap - 1);
    memcpy(slot[i].k, k, sizeof slot[i].k);
    slot[i].v = v1;
}

int po_keymap_add(po_keymap *m, const uint32_t k[3], uint32_t v)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        po_keymap_slot *slot = cap <= SIZE_MAX / sizeof *slot ? calloc(cap, sizeof *slot) : NULL;
        if (!slot)
            return -1;
        for (size_t i = 0; i < m->cap; i++)
            if (m->slot[i].v)
                place(slot, cap, m->slot[i].k, m->slot[i].v);
        free(m->slot);
        m->slot = slot;
        m->cap = cap;
    }
    place(m->slot, m->cap, k, v + 1);
    m->n++;
    return 0;
}

void po_keymap_digest(const void *s, size_t n, uint32_t out[2])
{
    uint64_t h = 0xCBF29CE484222325u;
    for (const unsigned char *p = s, *e = p + n; p < e; p++)
        h = (h ^ *p) * 0x100000001B3u;
    out[0] = (uint32_t)h;
    out[1] = (uint32_t)(h >> 32);
}

void po_keymap_free(po_keymap *m)
{
    free(m->slot);
    *m = (po_keymap){0};
}
