#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "../util/search.h"
#include "../util/utf8.h"

static int is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* ASCII's normalised forms: a tab or carriage return is a space, clause
 * punctuation full-width (',' and ':' between digits excepted, below). */
static const uint16_t ascii_norm[128] = {
    ['\t'] = ' ', ['\r'] = ' ',
    [','] = 0xFF0C, [';'] = 0xFF1B, [':'] = 0xFF1A, ['('] = 0xFF08, [')'] = 0xFF09,
    ['!'] = 0xFF01, ['?'] = 0xFF1F,
};

/* The normalised form of cp, but for the context of ',' and ':'. */
static inline uint32_t normalize_free(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_norm[cp] ? ascii_norm[cp] : cp;
    /* the ideographs: only folding applies */
    if (cp >= 0x3400 && cp < 0xFF00)
        return po_fold_may(cp) ? po_fold_cp(cp) : cp;
    switch (cp) {
    case 0x3000: case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200B:
        return ' ';
    case 0xFF0E: return '.';
    }
    /* full-width digits and letters to ASCII; keep full-width punctuation
     * that the rules spell in its Chinese form */
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return cp - 0xFEE0;
    return po_fold_cp(cp);
}

uint32_t po_normalize_cp(uint32_t cp, uint32_t prev, uint32_t next)
{
    /* 1,000 is a number, not a clause break; nor is 10:30 */
    if ((cp == ',' || cp == ':') && is_digit(prev) && is_digit(next))
        return cp;
    return normalize_free(cp);
}

/* Record that from code point k on, orig offsets are norm offsets plus
 * delta; past one shift in 8 code points the dense map is cheaper. */
static int shift(po_text *t, size_t k, int32_t delta)
{
    if (t->orig_byte) {
        t->orig_byte[k] = (uint32_t)((int64_t)t->cp_byte[k] + delta);
        return 0;
    }
    if (t->n_shift && t->shift_delta[t->n_shift - 1] == delta)
        return 0;
    if (!t->n_shift && delta == 0)
        return 0;
    if (t->n_shift > 64 && t->n_shift > t->n / 8) {
        t->orig_byte = malloc((t->n + 1) * sizeof *t->orig_byte);
        if (!t->orig_byte)
            return -1;
        size_t j = 0;
        for (size_t q = 0; q < k; q++) {
            while (j < t->n_shift && t->shift_cp[j] <= q)
                j++;
            t->orig_byte[q] = (uint32_t)((int64_t)t->cp_byte[q] + (j ? t->shift_delta[j - 1] : 0));
        }
        t->orig_byte[k] = (uint32_t)((int64_t)t->cp_byte[k] + delta);
        free(t->shift_cp);
        free(t->shift_delta);
        t->shift_cp = NULL;
        t->shift_delta = NULL;
        t->n_shift = t->cap_shift = 0;
        return 0;
    }
    if (t->n_shift == t->cap_shift) {
        size_t cap = t->cap_shift ? 2 * t->cap_shift : 16;
        uint32_t *c = realloc(t->shift_cp, cap * sizeof *c);
        if (c)
            t->shift_cp = c;
        int32_t *d = realloc(t->shift_delta, cap * sizeof *d);
        if (d)
            t->shift_delta = d;
        if (!c || !d)
            return -1;
        t->cap_shift = cap;
    }
    t->shift_cp[t->n_shift] = (uint32_t)k;
    t->shift_delta[t->n_shift++] = delta;
    return 0;
}

static size_t orig_of(const po_text *t, size_t k)
{
    if (t->orig_byte)
        return t->orig_byte[k];
    size_t lo = po_upper_bound_u32(t->shift_cp, t->n_shift, k);
    return lo ? (size_t)((int64_t)t->cp_byte[k] + t->shift_delta[lo - 1]) : t->cp_byte[k];
}

/* The code points of u[0, len) as po_utf8_decode reads them, when the
 * text is well-formed (else fewer: an ill-formed sequence only adds code
 * points). A code point starts at every byte but a continuation byte
 * (10xxxxxx): eight bytes are counted at a time. */
static size_t count_cps(const unsigned char *u, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    size_t cont = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        cont += (((w & ~(w << 1) & high) >> 7) * ones) >> 56;
    }
    for (; i < len; i++)
        cont += (u[i] & 0xC0) == 0x80;
    return len - cont;
}

static size_t count_lines(const char *s, size_t len)
{
    size_t n = 0;
    for (const char *p = s, *end = s + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        n++;
    return n;
}

/* Room in norm for the rest of the text: a code point read the slow way
 * writes at most 4 bytes; one read the fast way no more than it reads.
 * The rest is taken to grow as the text so far did (i bytes read). */
static int norm_room(po_text *t, size_t *cap, size_t b, size_t i, size_t rest)
{
    if (b + 4 + rest <= *cap)
        return 0;
    size_t want = b + 4 + rest + (b > i ? (size_t)((double)rest * (double)(b - i) / (double)i) : 0) + 64;
    char *v = realloc(t->norm, want + 1);
    if (!v)
        return -1;
    t->norm = v;
    *cap = want;
    return 0;
}

po_status po_text_init(po_text *t, const char *utf8, size_t len)
{
    memset(t, 0, sizeof *t);
    t->orig = utf8;
    t->orig_len = len;
    const unsigned char *u = (const unsigned char *)utf8;
    if (len >= UINT32_MAX / 4)
        return PO_ERR_INPUT;
    /* the maps and the paragraphs in one block, allocated to size from a
     * count of the code points that is exact on well-formed text
     * (ill-formed text is counted again) */
    size_t n = count_cps(u, len), lf = count_lines(utf8, len);
    bool exact = false;
    size_t cap = len + 16; /* norm: as long as the text unless some code point grows */
again:
    t->n = n;
    t->para = malloc((lf + 1) * sizeof *t->para + 2 * (n + 1) * sizeof(uint32_t));
    t->norm = malloc(cap + 1);
    if (!t->para || !t->norm)
        goto fail;
    t->cp_byte = (uint32_t *)(t->para + lf + 1);
    t->ncp = t->cp_byte + n + 1;
    uint32_t *ncp = t->ncp, *cp_byte = t->cp_byte, *ob = NULL;
    char *out = t->norm;
    size_t b = 0, i = 0, k = 0;
    int32_t delta = 0; /* orig - norm offsets so far */
    uint32_t prev = 0;
    t->para[0] = 0;
    t->n_para = 1;
    /* The common code points (the ideographs that do not fold, ASCII but
     * for a few) stay as they are: their bytes are copied, and the two
     * offsets keep their difference. The others are read the slow way. */
    size_t len2 = len > 2 ? len - 2 : 0;
    for (;;) {
        while (i < len2) {
            unsigned c = u[i], c1 = u[i + 1], c2 = u[i + 2];
            /* three bytes that can be neither overlong nor a surrogate */
            if (c - 0xE1u >= 15 || c == 0xED || ((c1 ^ 0x80) | (c2 ^ 0x80)) >= 0x40)
                break;
            uint32_t cp = (c & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 | (c2 & 0x3Fu);
            if (cp < 0x3400 || cp >= 0xFF00 || po_fold_may(cp))
                break;
            ncp[k] = cp;
            cp_byte[k] = (uint32_t)b;
            if (ob)
                ob[k] = (uint32_t)i;
            out[b] = (char)c;
            out[b + 1] = (char)c1;
            out[b + 2] = (char)c2;
            b += 3;
            i += 3;
            k++;
            prev = cp;
        }
        if (i >= len)
            break;
        unsigned c = u[i];
        cp_byte[k] = (uint32_t)b;
        if (ob)
            ob[k] = (uint32_t)i;
        if (c < 0x80 && !ascii_norm[c]) {
            ncp[k] = c;
            out[b++] = (char)c;
            i++;
            prev = c;
            k++;
            if (c == '\n')
                t->para[t->n_para++] = k;
            continue;
        }
        if (!exact && (c & 0xC0) == 0x80)
            goto recount; /* a stray continuation byte: a code point not counted */
        size_t used;
        uint32_t cur = po_utf8_decode_fast(u + i, len - i, &used), nc;
        if (cur == ',' || cur == ':') {
            size_t nu;
            uint32_t next = i + 1 < len ? po_utf8_decode_fast(u + i + 1, len - i - 1, &nu) : 0;
            nc = po_normalize_cp(cur, k ? prev : 0, next);
        } else {
            nc = normalize_free(cur);
        }
        ncp[k] = nc;
        size_t wrote;
        if (nc == cur && cur != PO_REPLACEMENT) {
            for (size_t q = 0; q < used; q++)
                out[b + q] = (char)u[i + q];
            wrote = used;
        } else {
            /* (sized exactly when counted again) */
            if (!exact && norm_room(t, &cap, b, i + used, len - i - used) != 0)
                goto fail;
            out = t->norm;
            wrote = po_utf8_encode(nc, out + b);
        }
        b += wrote;
        i += used;
        prev = cur;
        if (wrote != used) {
            /* the offsets differ by another amount from the next code point on */
            int32_t d = (int32_t)((int64_t)i - (int64_t)b);
            if (d != delta && k + 1 < n) {
                cp_byte[k + 1] = (uint32_t)b;
                if (shift(t, k + 1, d) != 0)
                    goto fail;
                ob = t->orig_byte;
            }
            delta = d;
        }
        k++;
    }
    if (k != n)
        goto recount; /* cannot happen: the count is exact or low */
    cp_byte[n] = (uint32_t)b;
    if (shift(t, n, (int32_t)((int64_t)len - (int64_t)b)) != 0)
        goto fail;
    out[b] = '\0';
    t->norm_len = b;
    if (cap > b + 64) {
        char *v = realloc(t->norm, b + 1);
        if (v)
            t->norm = v;
    }
    return PO_OK;
recount:
    if (exact)
        goto fail;
    po_text_free(t);
    t->orig = utf8;
    t->orig_len = len;
    /* the code points and the normalised length, exactly */
    n = 0;
    cap = 0;
    uint32_t before = 0;
    for (size_t q = 0, used; q < len; q += used, n++) {
        uint32_t cp = po_utf8_decode_fast(u + q, len - q, &used), next = 0;
        if ((cp == ',' || cp == ':') && q + 1 < len) {
            size_t nu;
            next = po_utf8_decode_fast(u + q + 1, len - q - 1, &nu);
        }
        cap += po_utf8_encoded_len(po_normalize_cp(cp, before, next));
        before = cp;
    }
    exact = true;
    goto again;
fail:
    po_text_free(t);
    return PO_ERR_NOMEM;
}

void po_text_free(po_text *t)
{
    free(t->para); /* with ncp and cp_byte */
    free(t->norm);
    free(t->orig_byte);
    free(t->shift_cp);
    free(t->shift_delta);
    memset(t, 0, sizeof *t);
}

size_t po_text_cp_at_byte(const po_text *t, size_t byte)
{
    return po_lower_bound_u32(t->cp_byte, t->n, byte);
}

size_t po_text_paragraph(const po_text *t, size_t cp)
{
    size_t lo = 0, hi = t->n_para;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->para[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t po_text_para_start(const po_text *t, size_t p)
{
    return p < t->n_para ? t->para[p] : t->n;
}

size_t po_text_para_end(const po_text *t, size_t p)
{
    return p + 1 < t->n_para ? t->para[p + 1] - 1 : t->n;
}

const char *po_text_orig_span(const po_text *t, size_t start, size_t end, size_t *len)
{
    if (start > t->n)
        start = t->n;
    if (end > t->n)
        end = t->n;
    if (end < start)
        end = start;
    size_t os = orig_of(t, start);
    *len = orig_of(t, end) - os;
    return t->orig + os;
}

void po_text_blank(po_text *t, size_t start, size_t end)
{
    if (end > t->n)
        end = t->n;
    for (size_t k = start; k < end; k++) {
        if (t->ncp[k] == '\n')
            continue; /* paragraphs stay paragraphs */
        t->ncp[k] = ' ';
        memset(t->norm + t->cp_byte[k], ' ', t->cp_byte[k + 1] - t->cp_byte[k]);
    }
}
