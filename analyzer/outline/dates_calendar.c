/* dates_calendar.c - the arithmetic under date values: day numbers of the
 * proleptic Gregorian calendar, month numbers, and the numerals a date is
 * written in (26, 二〇二〇, 三十一). */
#include "dates.h"

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int po_date_days_in_month(int y, int m)
{
    static const int DIM[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : DIM[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long po_date_day_number(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void po_date_from_day_number(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

bool po_date_valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= po_date_days_in_month(y, m);
}

long po_date_month_number(int y, int m)
{
    return (long)y * 12 + (m - 1);
}

static int cn_digit(uint32_t ch)
{
    if (ch >= '0' && ch <= '9')
        return (int)(ch - '0');
    switch (ch) {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○ */
    case 'O':    /* 二O一一: the letter for the zero */
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

/* A number written in ASCII digits, digit by digit in Chinese (二〇二〇), or
 * with 十 and 百 (三十一, 一百); -1 when unset or not a number. Not
 * po_parse_cn_number (groups.c), which reads only 一 … 九十九: a year is
 * written digit by digit, a day as 两 or 〇. */
int po_date_parse_number(const po_text *t, po_date_span g)
{
    if (g.s == GROUP_UNSET || g.e <= g.s || g.e - g.s > 6)
        return -1;
    bool units = false;
    for (size_t i = g.s; i < g.e; i++)
        if (t->ncp[i] == 0x5341 || t->ncp[i] == 0x767E) /* 十 百 */
            units = true;
    int total = 0, cur = -1;
    for (size_t i = g.s; i < g.e; i++) {
        uint32_t ch = t->ncp[i];
        int dg = cn_digit(ch);
        if (dg >= 0) {
            if (units)
                cur = dg;
            else
                total = total * 10 + dg;
        } else if (ch == 0x5341 || ch == 0x767E) {
            total += (cur < 0 ? 1 : cur) * (ch == 0x5341 ? 10 : 100);
            cur = -1;
        } else {
            return -1;
        }
    }
    if (units && cur >= 0)
        total += cur;
    return total;
}
