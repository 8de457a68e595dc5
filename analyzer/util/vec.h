/* vec.h - a malloc'd array that grows by doubling: the one growth policy of
 * the arrays a stage collects before it sorts or reads them (the arena's
 * po_arena_push is its twin for arrays an outline keeps). */
#ifndef PO_VEC_H
#define PO_VEC_H

#include <stddef.h>

/* Room for one more item after the *n items of elem bytes at *array (*cap
 * allocated; all three zero to start): returns the new, uninitialised slot
 * and counts it in *n; NULL when out of memory or the size would overflow,
 * the array then as it was (free(*array) either way when done). */
void *po_vec_push(void **array, size_t *n, size_t *cap, size_t elem);

#endif
