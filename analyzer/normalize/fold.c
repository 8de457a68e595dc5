#include "fold.h"

#include "../util/utf8.h"
#include "normalize/fold_table.h"

uint32_t po_fold_cp(uint32_t cp)
{
    /* below the radicals block nothing folds: ASCII and punctuation stay fast */
    if (cp < fold_pairs[0][0])
        return cp;
    if (!po_fold_may(cp))
        return cp;
    size_t lo = 0, hi = sizeof fold_pairs / sizeof fold_pairs[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fold_pairs[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof fold_pairs / sizeof fold_pairs[0] && fold_pairs[lo][0] == cp ? fold_pairs[lo][1] : cp;
}

void po_fold_append(po_buf *out, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t used;
        uint32_t cp = po_utf8_decode(u + i, len - i, &used);
        if (cp < 0x80)
            po_buf_putc(out, (char)cp);
        else
            po_buf_put_cp(out, po_fold_cp(cp));
        i += used;
    }
}
