/* search.h - binary search over a sorted array of 32-bit offsets, the form
 * the text's maps and the prefilter's places share. */
#ifndef PO_SEARCH_H
#define PO_SEARCH_H

#include <stddef.h>
#include <stdint.h>

/* The index of the first of the n sorted values v at or after x (n when
 * none is). */
static inline size_t po_lower_bound_u32(const uint32_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The index of the first of the n sorted values v after x (n when none
 * is). */
static inline size_t po_upper_bound_u32(const uint32_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#endif
