/* closest.h - "did you mean": the nearest of a list of names to a typo. */
#ifndef PO_CLOSEST_H
#define PO_CLOSEST_H

#include <stddef.h>

/* Edits between two names (bytes): a character inserted, deleted or
 * replaced, or two neighbours swapped (rnage -> range), each counting one.
 * (size_t)-1 when either is 48 bytes or longer. */
size_t po_edit_distance(const char *a, const char *b);

/* The name of names (n of them, or up to a NULL entry) fewest edits from
 * word when that is at most max edits, else NULL; the first of equals. */
const char *po_closest(const char *word, const char *const *names, size_t n, size_t max);

#endif
