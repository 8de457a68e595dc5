/* lexicon_index.h - the layout of a lexicon's index (lexicon.c builds it),
 * shared with lexicon_text.c so that its per-place lookups test the code
 * point bits inline. Not for other code: rules.h has the lookups. */
#ifndef PO_LEXICON_INDEX_H
#define PO_LEXICON_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/* Bits over code points (cp mod PO_LEX_CP_BITS) of the first and the last
 * code point of every word: most places of a text start or end no word,
 * and a bit answers that before any key or hash is computed. */
enum { PO_LEX_CP_BITS = 4096 };

struct po_lexicon_index {
    size_t *lens;           /* byte length of each word */
    uint32_t *word_slots;   /* word hash -> word index + 1 (0: empty) */
    size_t word_mask;
    po_lexicon_bucket *first, *last; /* code point key -> words, longest first */
    size_t first_mask, last_mask;
    uint32_t *first_words, *last_words;
    uint64_t first_cps[PO_LEX_CP_BITS / 64], last_cps[PO_LEX_CP_BITS / 64];
};

static inline bool po_lex_cp_bit(const uint64_t *bits, uint32_t cp)
{
    return bits[(cp % PO_LEX_CP_BITS) / 64] >> (cp % 64) & 1;
}

#endif
