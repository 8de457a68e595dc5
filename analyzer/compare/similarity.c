/* similarity.c - text similarity: the Dice coefficient of character bigram
 * sets over a normalised text (punctuation, symbols and white space
 * removed, full-width ASCII folded, Latin letters lower-cased), so that
 * wording matters and layout does not. */
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "../util/utf8.h"

/* Characters that carry no wording: ASCII non-alphanumerics, Latin-1 and
 * general punctuation, symbols and arrows, CJK and full-width punctuation. */
static bool is_noise(uint32_t c)
{
    if (c < 0x80)
        return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (c <= 0xBF || c == 0xD7 || c == 0xF7)
        return true;
    if (c >= 0x2000 && c <= 0x2BFF)
        return true;
    if (c >= 0x3000 && c <= 0x303F)
        return c != 0x3007; /* 〇 writes the digit zero */
    if (c == 0x30FB || (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F))
        return true;
    if (c >= 0xFF00 && c <= 0xFF65) /* full-width forms: alphanumerics were folded */
        return true;
    return c == PO_REPLACEMENT || c == 0xFEFF;
}

static uint32_t fold(uint32_t c)
{
    if (c >= 0xFF10 && c <= 0xFF5A && c != 0xFF20) {
        uint32_t a = c - 0xFEE0;
        if ((a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z'))
            c = a;
    }
    if (c >= 'A' && c <= 'Z')
        c += 32;
    return c;
}

/* Normalised code points of text (malloc'd); *n their count. */
static uint32_t *normalize(const char *text, size_t *n)
{
    size_t len = strlen(text);
    uint32_t *cp = malloc((len + 1) * sizeof *cp);
    if (!cp)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        size_t used;
        uint32_t c = fold(po_utf8_decode((const unsigned char *)text + i, len - i, &used));
        i += used;
        if (!is_noise(c))
            cp[k++] = c;
    }
    *n = k;
    return cp;
}

char *po_normalize_for_compare(const char *text)
{
    size_t n;
    uint32_t *cp = normalize(text ? text : "", &n);
    if (!cp)
        return NULL;
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++)
        po_buf_put_cp(&b, cp[i]);
    free(cp);
    return po_buf_detach(&b);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int po_bigrams_of(const char *text, po_bigrams *out)
{
    out->keys = NULL;
    out->n = 0;
    size_t n;
    uint32_t *cp = normalize(text ? text : "", &n);
    if (!cp)
        return -1;
    size_t m = n >= 2 ? n - 1 : n;
    out->keys = malloc((m ? m : 1) * sizeof *out->keys);
    if (!out->keys) {
        free(cp);
        return -1;
    }
    if (n == 1)
        out->keys[0] = (uint64_t)cp[0] << 21 | 0x1FFFFF; /* no real code point */
    for (size_t i = 0; i + 1 < n; i++)
        out->keys[i] = (uint64_t)cp[i] << 21 | cp[i + 1];
    free(cp);
    if (m > 1)
        qsort(out->keys, m, sizeof *out->keys, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || out->keys[i] != out->keys[u - 1])
            out->keys[u++] = out->keys[i];
    out->n = u;
    return 0;
}

void po_bigrams_free(po_bigrams *b)
{
    free(b->keys);
    b->keys = NULL;
    b->n = 0;
}

double po_bigrams_dice(const po_bigrams *a, const po_bigrams *b)
{
    if (a->n + b->n == 0)
        return 0.0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->keys[i] < b->keys[j])
            i++;
        else if (a->keys[i] > b->keys[j])
            j++;
        else {
            common++;
            i++;
            j++;
        }
    }
    return 2.0 * (double)common / (double)(a->n + b->n);
}

double po_similarity(const char *a, const char *b)
{
    po_bigrams x, y;
    if (po_bigrams_of(a, &x) != 0)
        return 0.0;
    if (po_bigrams_of(b, &y) != 0) {
        po_bigrams_free(&x);
        return 0.0;
    }
    double d = po_bigrams_dice(&x, &y);
    po_bigrams_free(&x);
    po_bigrams_free(&y);
    return d;
}
