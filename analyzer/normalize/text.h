/* text.h - an article's plain text, normalised for matching.
 *
 * Normalisation maps one code point to one code point (full-width ASCII to
 * half-width, ASCII clause punctuation to its full-width form, U+3000 and
 * NBSP to a space, traditional Han to simplified as fold.h does), so an
 * offset in code points means the same place in the original and the
 * normalised text: the mapping back is the identity. */
#ifndef PO_TEXT_H
#define PO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy_outline.h"

typedef struct po_text {
    const char *orig;     /* the original UTF-8 plain text (not owned) */
    size_t orig_len;
    uint32_t *ncp;        /* normalised code points, n of them */
    size_t n;
    char *norm;           /* normalised text as UTF-8, for PCRE2 */
    size_t norm_len;
    uint32_t *cp_byte;    /* code point index -> byte offset in norm (n+1) */
    /* code point index -> byte offset in orig: cp_byte plus the delta of
     * the last shift at or before it (where the two offsets start to
     * differ by another amount: a code point whose normalised form is
     * shorter or longer); a dense map (n+1) instead when shifts are many */
    uint32_t *orig_byte;  /* the dense map, or NULL */
    uint32_t *shift_cp;
    int32_t *shift_delta;
    size_t n_shift, cap_shift;
    size_t *para;         /* start of each paragraph (code point index) */
    size_t n_para;
} po_text;

/* Build from UTF-8 plain text (paragraphs split by \n). PO_OK (0);
 * PO_ERR_NOMEM when out of memory; PO_ERR_INPUT when the text is too long
 * for 32-bit offsets (over about 1 GB). About 9 bytes per code point,
 * allocated to size (13 when normalisation changes the length of many code
 * points). */
po_status po_text_init(po_text *t, const char *utf8, size_t len);
void po_text_free(po_text *t);

/* The code point at a normalised byte offset (binary search). */
size_t po_text_cp_at_byte(const po_text *t, size_t byte);

/* Paragraph index of a code point. */
size_t po_text_paragraph(const po_text *t, size_t cp);
/* Start and end (exclusive, before the \n) of paragraph p. */
size_t po_text_para_start(const po_text *t, size_t p);
size_t po_text_para_end(const po_text *t, size_t p);

/* Hide [start, end) from matching: every byte of the normalised text there
 * becomes a space (a wide character becomes several, so byte offsets and the
 * code point map stay valid). */
void po_text_blank(po_text *t, size_t start, size_t end);

/* Punctuation classes of the normalised text (where ASCII ! ? ; are already
 * full-width), the one copy every stage reads: 。！？ and a paragraph break
 * end a sentence; those and ； end a clause. */
static inline bool po_sentence_end(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n';
}
static inline bool po_clause_end(uint32_t c)
{
    return po_sentence_end(c) || c == 0xFF1B;
}

/* The normalised form of one code point. */
uint32_t po_normalize_cp(uint32_t cp, uint32_t prev, uint32_t next);

/* Pointer and byte length of [start, end) in the original text. */
const char *po_text_orig_span(const po_text *t, size_t start, size_t end, size_t *len);

#endif
