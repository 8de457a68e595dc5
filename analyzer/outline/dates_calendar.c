/* dates_calendar.c - the arithmetic under date values: day numbers of the
 * proleptic Gregorian calendar, month numbers, and the numerals a date is
 * written in (26, 二〇二〇, 三十一). */
#include <stdio.h>

#include "dates.h"
#include "../normalize/numerals.h"

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int number(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool po_date_read_iso(const char *s, int *y, int *m, int *d)
{
    if (!s)
        return false;
    /* every day the metadata gives: no format to parse */
    if (digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2)) {
        *y = number(s, 4);
        *m = number(s + 5, 2);
        *d = number(s + 8, 2);
        return true;
    }
    return sscanf(s, "%4d-%2d-%2d", y, m, d) == 3;
}

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

/* A year is written digit by digit (二〇二〇), a day with 十 or as 两 or 〇:
 * the numerals module reads both. -1 when unset or not a number. */
int po_date_parse_number(const po_text *t, po_date_span g)
{
    enum { MAX_DIGITS = 6 };
    if (g.s == GROUP_UNSET || g.e <= g.s || g.e - g.s > 2 * MAX_DIGITS)
        return -1;
    /* a number set apart character by character (二 ○ ○ 四, in press
     * releases that space every character) reads as the number */
    uint32_t cps[2 * MAX_DIGITS];
    size_t n = 0;
    for (size_t i = g.s; i < g.e; i++)
        if (t->ncp[i] != ' ')
            cps[n++] = t->ncp[i];
    if (!n || n > MAX_DIGITS)
        return -1;
    return po_numeral_value(cps, n);
}
