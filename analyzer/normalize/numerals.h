/* numerals.h - Chinese and Arabic numerals: the one reading of 〇 … 九,
 * 十 and 百 that markers, dates and counts share. The input is the
 * normalised text's code points (full-width digits already ASCII). */
#ifndef PO_NUMERALS_H
#define PO_NUMERALS_H

#include <stddef.h>
#include <stdint.h>

/* The digit c stands for: ASCII 0-9; 〇 零 ○ and the letter O (二O一一)
 * for 0; 一 … 九; 两 兩 for 2. -1 for any other character. */
int po_numeral_digit(uint32_t c);

/* A number written digit by digit (二〇二〇, 2020) or with 十 and 百
 * (十三, 三十一, 一百二十); -1 when empty, longer than 9 characters (so
 * that it fits an int) or some character is neither a digit nor 十 百. */
int po_numeral_value(const uint32_t *cp, size_t n);

/* An ordinal as a list marker spells it: 一 … 九十九 with at most one 十
 * and one digit on either side of it (十一, 二十, 一十; not 一一, 两 or
 * 〇). 0 for anything else. */
int po_numeral_ordinal(const uint32_t *cp, size_t n);

#endif
