#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Chunks are chained; big requests get a chunk of their own. */
typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
} chunk;

struct po_arena {
    chunk *head;
};

enum { CHUNK_SIZE = 64 * 1024 };

po_arena *po_arena_new(void)
{
    return calloc(1, sizeof(po_arena));
}

void po_arena_free(po_arena *arena)
{
    if (!arena)
        return;
    chunk *c = arena->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(arena);
}

/* size bytes at a multiple of align (a power of two) within a chunk: the
 * chunks' data are aligned for any type. Strings take align 1, so that a
 * short string costs its length, not a slot of max_align_t. */
static void *take(po_arena *arena, size_t size, size_t align)
{
    chunk *c = arena->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->size || c->size - at < size) {
        size_t want = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        chunk *n = malloc(sizeof(chunk) + want);
        if (!n)
            return NULL;
        n->used = 0;
        n->size = want;
        if (c && size > CHUNK_SIZE) {
            /* keep the current chunk on top: it still has room */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            arena->head = n;
        }
        c = n;
        at = 0;
    }
    c->used = at + size;
    return (char *)c->data + at;
}

void *po_arena_alloc(po_arena *arena, size_t size)
{
    if (size > SIZE_MAX - sizeof(chunk))
        return NULL;
    void *p = take(arena, size ? size : 1, _Alignof(max_align_t));
    if (p)
        memset(p, 0, size);
    return p;
}

char *po_arena_strndup(po_arena *arena, const char *s, size_t len)
{
    if (len > SIZE_MAX - sizeof(chunk) - 1)
        return NULL;
    char *p = take(arena, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *po_arena_strdup(po_arena *arena, const char *s)
{
    return s ? po_arena_strndup(arena, s, strlen(s)) : NULL;
}

void *po_arena_grow(po_arena *arena, void *old, size_t old_n, size_t new_n, size_t elem)
{
    if (new_n && elem > SIZE_MAX / new_n)
        return NULL;
    void *p = po_arena_alloc(arena, new_n * elem);
    if (p && old && old_n)
        memcpy(p, old, (old_n < new_n ? old_n : new_n) * elem);
    return p;
}

void *po_arena_push(po_arena *arena, void **array, size_t *n, size_t *cap, size_t elem)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        void *p = po_arena_grow(arena, *array, *n, ncap, elem);
        if (!p)
            return NULL;
        *array = p;
        *cap = ncap;
    }
    return (char *)*array + (*n)++ * elem;
}
