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

/* Bytes at the start of s that are well-formed UTF-8 (and, with stop_nul,
 * hold no NUL). Eight ASCII bytes, and each three-byte sequence (the bulk
 * of Chinese text), are taken in one test; the rest goes through the
 * strict decoder. */
static size_t valid_prefix(const unsigned char *s, size_t len, bool stop_nul)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* no high bit, and (with stop_nul) no zero byte */
            if (!(w & highs) && !(stop_nul && ((w - ones) & ~w & highs))) {
                i += 8;
                continue;
            }
        }
        /* runs of 1110xxxx 10xxxxxx 10xxxxxx, two and then one at a time,
         * read as little-endian words; the lead's low bits and bit 5 of the
         * second byte rule out the overlong E0 80-9F and the surrogates
         * ED A0-BF (keys 0 and 0x1B) */
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u)
                break;
            uint64_t k = (w & 0x0F00000Fu) << 1 | ((w >> 13) & 0x01000001u);
            unsigned k1 = (unsigned)(k & 0x1F), k2 = (unsigned)(k >> 24 & 0x1F);
            if (k1 == 0 || k1 == 0x1B || k2 == 0 || k2 == 0x1B)
                break;
            i += 6;
        }
        while (len - i >= 4) {
            uint32_t w;
            memcpy(&w, s + i, 4);
            if ((w & 0xC0C0F0u) != 0x8080E0u)
                break;
            unsigned key = (w & 0x0Fu) << 1 | ((w >> 13) & 1u);
            if (key == 0 || key == 0x1B)
                break;
            i += 3;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0 && stop_nul)
                return i;
            i++;
            continue;
        }
        size_t used;
        uint32_t cp = po_utf8_decode(s + i, len - i, &used);
        /* a literal U+FFFD in the input is valid; a replacement is not */
        if (cp == PO_REPLACEMENT && used == 1)
            return i;
        i += used;
    }
    return len;
}

bool po_utf8_valid(const unsigned char *s, size_t len)
{
    return valid_prefix(s, len, false) == len;
}

char *po_utf8_repair(const unsigned char *s, size_t len, size_t *bad, size_t *out_len)
{
    /* valid runs are copied whole; only a bad byte or a NUL breaks a run */
    po_buf b = PO_BUF_INIT;
    size_t nbad = 0, i = 0;
    po_buf_append(&b, "", 0);
    while (i < len) {
        size_t run = valid_prefix(s + i, len - i, true);
        po_buf_append(&b, (const char *)s + i, run);
        i += run;
        if (i >= len)
            break;
        if (s[i] != 0) {
            po_buf_append(&b, "\xEF\xBF\xBD", 3);
            nbad++;
        }
        i++;
    }
    if (bad)
        *bad = nbad;
    if (out_len)
        *out_len = b.len;
    return po_buf_detach(&b);
}

size_t po_utf8_length(const char *s, size_t len)
{
    /* code points = bytes - continuation bytes (10xxxxxx); each word's
     * continuation bytes become 1s in byte lanes, summed lane-wise for up to
     * 255 words, then across the lanes */
    const uint64_t highs = 0x8080808080808080u, pairs = 0x00FF00FF00FF00FFu;
    size_t cont = 0, i = 0;
    while (len - i >= 8) {
        uint64_t lanes = 0;
        for (size_t k = 0; k < 255 && len - i >= 8; k++, i += 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            lanes += (w & ~(w << 1) & highs) >> 7; /* high bit set, next clear */
        }
        lanes = (lanes & pairs) + ((lanes >> 8) & pairs);
        cont += (size_t)((lanes * 0x0001000100010001u) >> 48);
    }
    for (; i < len; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return len - cont;
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
    /* every one of them starts with byte D8 or E2: memchr finds those */
    size_t n = 0, first_at = len;
    const char *end = s + len;
    for (int k = 0; k < 2; k++) {
        unsigned char lead = k ? 0xD8 : 0xE2;
        for (const char *p = s; (p = memchr(p, lead, (size_t)(end - p))) != NULL; p++) {
            size_t used;
            uint32_t cp = po_utf8_decode((const unsigned char *)p, (size_t)(end - p), &used);
            if (!po_utf8_is_bidi_control(cp))
                continue;
            n++;
            if (first && (size_t)(p - s) < first_at) {
                first_at = (size_t)(p - s);
                *first = cp;
            }
        }
    }
    return n;
}
