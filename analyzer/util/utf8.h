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

/* Encode cp into out (4 bytes room); returns the byte count. */
size_t po_utf8_encode(uint32_t cp, char *out);

/* True when the bytes are well-formed UTF-8. */
bool po_utf8_valid(const unsigned char *s, size_t len);

/* A malloc'd NUL-terminated copy of s with each invalid byte replaced by
 * U+FFFD and NUL bytes dropped; *bad counts the replacements. */
char *po_utf8_repair(const unsigned char *s, size_t len, size_t *bad);

/* Number of code points in a well-formed string. */
size_t po_utf8_length(const char *s, size_t len);

#endif
