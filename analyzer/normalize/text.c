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

uint32_t po_normalize_cp(uint32_t cp, uint32_t prev, uint32_t next)
{
    switch (cp) {
    case 0x3000: case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200B:
    case '\t': case '\r':
        return ' ';
    case ',':
        /* 1,000 is a number, not a clause break */
        return (is_digit(prev) && is_digit(next)) ? ',' : 0xFF0C;
    case ';': return 0xFF1B;
    case ':':
        return (is_digit(prev) && is_digit(next)) ? ':' : 0xFF1A;
    case '(': return 0xFF08;
    case ')': return 0xFF09;
    case '!': return 0xFF01;
    case '?': return 0xFF1F;
    case 0xFF0E: return '.';
    case 0x3001: return 0x3001;
    }
    /* full-width digits and letters to ASCII; keep full-width punctuation
     * that the rules spell in its Chinese form */
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return cp - 0xFEE0;
    return po_fold_cp(cp);
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

po_status po_text_init(po_text *t, const char *utf8, size_t len)
{
    memset(t, 0, sizeof *t);
    t->orig = utf8;
    t->orig_len = len;
    const unsigned char *u = (const unsigned char *)utf8;
    /* first the counts, so that every array is allocated to size */
    size_t i = 0, n = 0, np = 1, used;
    while (i < len) {
        if (po_utf8_decode_fast(u + i, len - i, &used) == '\n')
            np++;
        n++;
        i += used;
    }
    if (len >= UINT32_MAX / 4 || n >= UINT32_MAX / 4)
        return PO_ERR_INPUT;
    t->n = n;
    t->ncp = malloc((n + 1) * sizeof *t->ncp);
    t->cp_byte = malloc((n + 1) * sizeof *t->cp_byte);
    t->para = malloc(np * sizeof *t->para);
    if (!t->ncp || !t->cp_byte || !t->para)
        goto fail;
    /* the normalised code points, looking one original code point ahead */
    size_t b = 0;
    int32_t delta = 0; /* orig - norm offsets so far */
    uint32_t prev = 0, cur = 0, next = 0;
    size_t cur_used = 0, next_used = 0;
    i = 0;
    if (n)
        next = po_utf8_decode_fast(u, len, &next_used);
    t->para[0] = 0;
    t->n_para = 1;
    for (size_t k = 0; k < n; k++) {
        prev = cur;
        cur = next;
        cur_used = next_used;
        next = i + cur_used < len ? po_utf8_decode_fast(u + i + cur_used, len - i - cur_used, &next_used) : 0;
        if (k + 1 >= n)
            next = 0;
        t->ncp[k] = po_normalize_cp(cur, k ? prev : 0, next);
        t->cp_byte[k] = (uint32_t)b;
        int32_t d = (int32_t)((int64_t)i - (int64_t)b);
        if ((d != delta || t->orig_byte) && shift(t, k, d) != 0)
            goto fail;
        delta = d;
        b += po_utf8_encoded_len(t->ncp[k]);
        if (cur == '\n')
            t->para[t->n_para++] = k + 1;
        i += cur_used;
    }
    t->cp_byte[n] = (uint32_t)b;
    if (shift(t, n, (int32_t)((int64_t)len - (int64_t)b)) != 0)
        goto fail;
    t->norm = malloc(b + 1);
    if (!t->norm)
        goto fail;
    for (size_t k = 0; k < n; k++)
        po_utf8_encode(t->ncp[k], t->norm + t->cp_byte[k]);
    t->norm[b] = '\0';
    t->norm_len = b;
    return PO_OK;
fail:
    po_text_free(t);
    return PO_ERR_NOMEM;
}

void po_text_free(po_text *t)
{
    free(t->ncp);
    free(t->norm);
    free(t->cp_byte);
    free(t->orig_byte);
    free(t->shift_cp);
    free(t->shift_delta);
    free(t->para);
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
