/* arena.h - one allocation policy for a document: everything is freed at once. */
#ifndef PO_ARENA_H
#define PO_ARENA_H

#include <stddef.h>

typedef struct po_arena po_arena;

po_arena *po_arena_new(void);
void po_arena_free(po_arena *arena);

/* Zeroed memory, aligned for any type; NULL when out of memory. */
void *po_arena_alloc(po_arena *arena, size_t size);

/* A copy of the first len bytes of s, NUL-terminated. */
char *po_arena_strndup(po_arena *arena, const char *s, size_t len);
char *po_arena_strdup(po_arena *arena, const char *s);

/* Grow an array of elem-sized items from old_n to new_n (copying the old
 * ones). The old block stays in the arena; doubling keeps the waste small. */
void *po_arena_grow(po_arena *arena, void *old, size_t old_n, size_t new_n, size_t elem);

/* Append one item to an arena array with count *n and capacity *cap; returns
 * a pointer to the new zeroed slot or NULL. */
void *po_arena_push(po_arena *arena, void **array, size_t *n, size_t *cap, size_t elem);

#endif
