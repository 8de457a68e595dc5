/* utf8.h - decoding, encoding and repairing UTF-8. */
#ifndef PO_UTF8_H
#define PO_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PO_REPLACEMENT 0xFFFDu

/* Decode one code point at s (len bytes available). Stores the number of
 * bytes consumed (at least 1) in *used. Invalid or truncated sequences give
 * PO_REPLACEMENT and consume one byte. */
uint32_t po_utf8_decode(const unsigned char *s, size_t len, size_t *used);

/* The same, with the common cases inline for the loops that read a whole
 * text: ASCII and a well-formed three-byte sequence (the Han characters of
 * the BMP). len > 0. */
static inline uint32_t po_utf8_decode_fast(const unsigned char *s, size_t len, size_t *used)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *used = 1;
        return c;
    }
    if ((c & 0xF0) == 0xE0 && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *used = 3;
            return cp;
        }
    }
    return po_utf8_decode(s, len, used);
}

/* Encode cp into out (4 bytes room); returns the byte count. A surrogate
 * or a value past U+10FFFF is written as U+FFFD. */
static inline size_t po_utf8_encode(uint32_t cp, char *out)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = PO_REPLACEMENT;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
/* The byte count po_utf8_encode gives for cp. */
size_t po_utf8_encoded_len(uint32_t cp);

/* True when the bytes are well-formed UTF-8. */
bool po_utf8_valid(const unsigned char *s, size_t len);

/* A malloc'd NUL-terminated copy of s with each invalid byte replaced by
 * U+FFFD and NUL bytes dropped; *bad counts the replacements and *out_len
 * is the copy's length (either may be NULL). NULL when out of memory. */
char *po_utf8_repair(const unsigned char *s, size_t len, size_t *bad, size_t *out_len);

/* Number of code points in a well-formed string. */
size_t po_utf8_length(const char *s, size_t len);

/* Bytes of s (NUL-terminated) that hold at most max code points: a prefix
 * that never cuts a character, for quoting a value in a message. */
size_t po_utf8_prefix(const char *s, size_t max);

/* Drop an incomplete sequence at the end of s (a buffer that snprintf cut
 * short), so that the string stays well-formed. */
void po_utf8_drop_partial(char *s);

/* True for the characters that change the direction text is drawn in:
 * embeddings and overrides (U+202A-202E), isolates (U+2066-2069) and the
 * marks U+200E, U+200F, U+061C. In a title or an item they can make
 * "gnp.exe" read as "exe.png". */
bool po_utf8_is_bidi_control(uint32_t cp);

/* How many bidi controls the len bytes of s hold; the first in *first
 * (when not NULL and there is one). */
size_t po_utf8_count_bidi(const char *s, size_t len, uint32_t *first);

#endif
