/* vec.c - see vec.h. */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

void *po_vec_push(void **array, size_t *n, size_t *cap, size_t elem)
{
    if (*n == *cap) {
        size_t grown = *cap ? *cap * 2 : 16;
        if (grown < *cap || (elem && grown > SIZE_MAX / elem))
            return NULL;
        void *p = realloc(*array, grown * elem);
        if (!p)
            return NULL;
        *array = p;
        *cap = grown;
    }
    return (char *)*array + (*n)++ * elem;
}
