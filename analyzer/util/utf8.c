#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

uint32_t po_utf8_decode(const unsigned char *s, size_t len, size_t *used)
{
    *used = 1;
    if (len == 0)
        return PO_REPLACEMENT;
    unsigned c = s[0];
    if (c < 0x80)
        return c;
    size_t n;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) {
        n = 2; cp = c & 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3; cp = c & 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4; cp = c & 0x07; min = 0x10000;
    } else {
        return PO_REPLACEMENT;
    }
    if (len < n)
        return PO_REPLACEMENT;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return PO_REPLACEMENT;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return PO_REPLACEMENT;
    *used = n;
    return cp;
}

size_t po_utf8_encoded_len(uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 3; /* U+FFFD */
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

size_t po_utf8_encode(uint32_t cp, char *out)
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

bool po_utf8_valid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t used;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp = po_utf8_decode_fast(s + i, len - i, &used);
        /* a literal U+FFFD in the input is valid; a replacement is not */
        if (cp == PO_REPLACEMENT && used == 1)
            return false;
        i += used;
    }
    return true;
}

char *po_utf8_repair(const unsigned char *s, size_t len, size_t *bad)
{
    /* valid runs are copied whole (the decoder is strict, so a valid
     * sequence re-encodes to the same bytes); only a bad byte or a NUL
     * breaks a run */
    po_buf b = PO_BUF_INIT;
    size_t nbad = 0, i = 0, run = 0;
    po_buf_append(&b, "", 0);
    while (i < len) {
        if (s[i] != 0 && s[i] < 0x80) {
            i++;
            continue;
        }
        size_t used = 1;
        if (s[i] != 0) {
            uint32_t cp = po_utf8_decode_fast(s + i, len - i, &used);
            if (!(cp == PO_REPLACEMENT && used == 1)) {
                i += used;
                continue;
            }
            nbad++;
        }
        po_buf_append(&b, (const char *)s + run, i - run);
        if (s[i] != 0)
            po_buf_put_cp(&b, PO_REPLACEMENT);
        i++;
        run = i;
    }
    po_buf_append(&b, (const char *)s + run, i - run);
    if (bad)
        *bad = nbad;
    return po_buf_detach(&b);
}

size_t po_utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t po_utf8_prefix(const char *s, size_t max)
{
    size_t len = strlen(s), i = 0, used;
    for (size_t n = 0; i < len && n < max; n++, i += used)
        po_utf8_decode((const unsigned char *)s + i, len - i, &used);
    return i;
}

void po_utf8_drop_partial(char *s)
{
    size_t len = strlen(s), start = len;
    /* back to the lead byte of the last sequence (at most 3 continuations) */
    while (start > 0 && len - start < 4 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0 || ((unsigned char)s[start - 1] & 0x80) == 0)
        return;
    start--;
    size_t used;
    po_utf8_decode((const unsigned char *)s + start, len - start, &used);
    if (start + used != len)
        s[start] = '\0';
}

bool po_utf8_is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

size_t po_utf8_count_bidi(const char *s, size_t len, uint32_t *first)
{
    size_t n = 0, used;
    for (size_t i = 0; i < len; i += used) {
        /* every one of them starts with byte D8 or E2: skip the rest fast */
        unsigned char c = (unsigned char)s[i];
        if (c != 0xD8 && c != 0xE2) {
            used = 1;
            continue;
        }
        uint32_t cp = po_utf8_decode((const unsigned char *)s + i, len - i, &used);
        if (po_utf8_is_bidi_control(cp) && n++ == 0 && first)
            *first = cp;
    }
    return n;
}
