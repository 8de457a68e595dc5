/* fold.h - traditional Chinese folded to simplified for matching.
 *
 * One code point maps to one code point (韓 -> 韩, 會 -> 会, 裡 -> 里), so
 * offsets in folded text are offsets in the original: text.c folds every
 * article and the rule pack folds its patterns, words and map keys, and the
 * rules are written once, in simplified characters. Output is taken from the
 * original text, so names stay as written.
 *
 * The table is generated at build time from OpenCC's character dictionaries
 * (gen_fold.c) and is constant: every function here is thread-safe. */
#ifndef PO_FOLD_H
#define PO_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

/* Bit cp (of the BMP) is set when cp folds: a loop over a whole text tests
 * it inline and calls po_fold_cp only for the few that do. */
extern const uint64_t po_fold_bmp[0x10000 / 64];

/* False when cp certainly folds to itself. */
static inline bool po_fold_may(uint32_t cp)
{
    return cp >= 0x10000 || ((po_fold_bmp[cp >> 6] >> (cp & 63)) & 1);
}

/* The simplified form of a traditional or variant Han character; any other
 * code point is returned as it is. */
uint32_t po_fold_cp(uint32_t cp);

/* Append the folded form of the UTF-8 bytes s[0, len) to out (invalid bytes
 * become U+FFFD, as po_utf8_decode reads them). */
void po_fold_append(po_buf *out, const char *s, size_t len);

#endif
