/* numerals.c - see numerals.h. */
#include "numerals.h"

#include <stdbool.h>

#define TEN 0x5341u     /* 十 */
#define HUNDRED 0x767Eu /* 百 */

int po_numeral_digit(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    switch (c) {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○ */
    case 'O':
        return 0;
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E24: return 2; /* 两 */
    case 0x5169: return 2; /* 兩 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    }
    return -1;
}

int po_numeral_value(const uint32_t *cp, size_t n)
{
    if (n == 0 || n > 9)
        return -1;
    bool positional = false; /* written with 十 or 百, not digit by digit */
    for (size_t i = 0; i < n; i++)
        if (cp[i] == TEN || cp[i] == HUNDRED)
            positional = true;
    int total = 0;
    int cur = -1;
    for (size_t i = 0; i < n; i++) {
        int d = po_numeral_digit(cp[i]);
        if (d >= 0) {
            if (positional)
                cur = d;
            else
                total = total * 10 + d;
        } else if (cp[i] == TEN || cp[i] == HUNDRED) {
            total += (cur < 0 ? 1 : cur) * (cp[i] == TEN ? 10 : 100);
            cur = -1;
        } else {
            return -1;
        }
    }
    if (positional && cur >= 0)
        total += cur;
    return total;
}

int po_numeral_ordinal(const uint32_t *cp, size_t n)
{
    int tens = 0, units = 0;
    bool seen_ten = false;
    for (size_t i = 0; i < n; i++) {
        if (cp[i] == TEN) {
            if (seen_ten)
                return 0;
            seen_ten = true;
            tens = units ? units : 1;
            units = 0;
            continue;
        }
        /* only 一 … 九 themselves: no ASCII digit, zero or 两 */
        int d = cp[i] > 0x7F && cp[i] != 0x4E24 && cp[i] != 0x5169 ? po_numeral_digit(cp[i]) : -1;
        if (d < 1 || units)
            return 0;
        units = d;
    }
    return tens * 10 + units;
}
