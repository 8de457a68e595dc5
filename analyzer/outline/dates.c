/* dates.c - date expressions: 26日, 今年4月份, 11月1日至2日, “十四五”时期 …
 *
 * rules/dates.yaml holds the patterns, the words and the resolve mode of
 * every rule; this file runs them and turns the named groups into values.
 * Three passes: every `date` rule is matched over the text (its groups are
 * kept); candidates inside a `not_date` match are dropped and, of those that
 * overlap, the longest is kept; the survivors are resolved in reading order,
 * because some take their value from what came before (明天（3月26日）, 当天,
 * a bare 全年). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

enum { G_Y, G_RY, G_M, G_D, G_Y2, G_M2, G_D2, G_RD, G_RM, G_RW, G_NY, G_N, G_Q, G_PART, G_COUNT };
static const char *const GROUP_NAMES[G_COUNT] = {"y",  "ry", "m",  "d",  "y2", "m2", "d2",  "rd",
                                                 "rm", "rw", "ny", "n", "q",  "part"};

#define UNSET ((size_t)-1)

/* A bare day up to a month after the reference day (a month: the next one)
 * is read as ahead: news gives the year of a day a year back, so 12月6日 in
 * a notice of 12月1日 is five days ahead, not a year ago. */
enum { NEAR_DAYS = 30, NEAR_MONTHS = 1 };
/* After 起, 自 …, which often announce what is coming: up to a season. */
enum { NEAR_CUE_DAYS = 92, NEAR_CUE_MONTHS = 3 };
/* How far back (in code points, within its sentence) a date named before
 * fixes the year of one written without it. */
enum { ANCHOR_WINDOW = 80 };
/* How far back in its clause a cue such as 将于 is looked for, and how far
 * on (28日将举行). */
enum { CUE_WINDOW = 20, CUE_AFTER_WINDOW = 12 };
/* 当天 with no day named before it takes the first day named in the next
 * few paragraphs (a visit report that names its day at the end: 当天，…
 * 献花圈。…9日下午，…), not past a sub-heading (the next item of a news
 * roundup). A day named before, even paragraphs back, stays its antecedent:
 * 同日，国务院总理李强向…致贺电 follows the head's 14日. */
enum { SAME_DAY_AHEAD_PARAS = 3, HEADING_MAX = 40 };

typedef struct span {
    size_t s, e;
} span;

typedef struct cand {
    size_t start, end;
    size_t order; /* the rule's place in the pack: breaks ties */
    const po_rule *rule;
    span g[G_COUNT];
} cand;

/* A resolved value: a point, or an interval when `interval`. A month or day
 * of 0 is absent (the value is a year or a month). */
typedef struct dval {
    int y1, m1, d1;
    int y2, m2, d2;
    bool interval;
    bool approximate;
    bool drop; /* not a date here after all: 当年 with no year named */
    const char *kind;
} dval;

typedef struct rstate {
    po_analysis *a;
    bool ref;      /* a reference day is known */
    long ref_days; /* the reference day as a day number */
    const po_lexicon *cue_past, *cue_until, *cue_ahead, *cue_ahead_event, *cue_not,
        *cue_near_before, *cue_near_after;
    /* the last single day emitted, for 当天 */
    bool have_day;
    int day_y, day_m, day_d;
    /* the last year written (2016年, 今年) and where it ends, for
     * 当年, 同年, 次年, 年内, and 全年 right after it (2025年全年) */
    bool have_year;
    int named_y;
    size_t named_end;
    bool year_only; /* that date was a year and nothing finer */
    /* set by same_day when it had no day before it to go by */
    bool same_day_unanchored;
    /* where the last 日前, 近日 ended: 日前在埃及开园…出席当天的开园仪式 */
    bool have_vague;
    size_t vague_end;
    /* the last date emitted with a year, for 明天（3月26日）, 2月2日开始，3月13日结束 */
    bool have_last;
    int last_y, last_m, last_d;
    size_t last_end;
    /* the year the article last named (not in a comparison: 比2021年), for
     * a bare 全年, 年末 */
    int ctx_year;
    const po_lexicon *comparison;
} rstate;

/* ---- calendar arithmetic ---------------------------------------------------- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int DIM[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : DIM[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long day_number(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void from_day_number(long z, int *y, int *m, int *d)
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

static bool valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* ---- reading the groups ---------------------------------------------------- */

static bool has(const cand *c, int g)
{
    return c->g[g].s != UNSET;
}

static int cn_digit(uint32_t ch)
{
    if (ch >= '0' && ch <= '9')
        return (int)(ch - '0');
    switch (ch) {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○ */
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
 * with 十 and 百 (三十一, 一百); -1 when unset or not a number. */
static int parse_number(const po_text *t, span g)
{
    if (g.s == UNSET || g.e <= g.s || g.e - g.s > 6)
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

static int num(const rstate *st, const cand *c, int g)
{
    return parse_number(&st->a->text, c->g[g]);
}

/* The normalised UTF-8 of a group. */
static const char *group_bytes(const rstate *st, const cand *c, int g, size_t *len)
{
    const po_text *t = &st->a->text;
    *len = t->cp_byte[c->g[g].e] - t->cp_byte[c->g[g].s];
    return t->norm + t->cp_byte[c->g[g].s];
}

/* A relative word's offset from the rule's `offsets` map; false when absent. */
static bool offset_of(const rstate *st, const cand *c, int g, int *off)
{
    size_t len;
    const char *w = group_bytes(st, c, g, &len);
    const char *v = po_rule_map_get(c->rule, "offsets", w, len);
    if (!v)
        return false;
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end)
        return false;
    *off = (int)x;
    return true;
}

/* The year of groups y / ry: 1 known, 0 no year written, -1 a relative year
 * that cannot be resolved (no reference day, or not in `offsets`). */
static int written_year(const rstate *st, const cand *c, int *y)
{
    if (has(c, G_Y)) {
        *y = num(st, c, G_Y);
        return *y > 0 ? 1 : -1;
    }
    if (has(c, G_RY)) {
        int off;
        if (!st->ref || !offset_of(st, c, G_RY, &off))
            return -1;
        *y = st->a->ref_year + off;
        return 1;
    }
    return 0;
}

/* ---- cues for a date without its year ---------------------------------------- */

static bool word_at(const po_text *t, size_t byte, size_t limit, const char *w)
{
    size_t n = strlen(w);
    return byte + n <= limit && memcmp(t->norm + byte, w, n) == 0;
}

/* Is a word of lex at code point p, not inside a word of `not` that starts
 * there or one code point before (将领, 少将: not the future 将)? */
static bool cue_word_at(const po_text *t, size_t p, size_t limit, const po_lexicon *lex,
                        const po_lexicon *not)
{
    for (size_t i = 0; i < lex->n_words; i++) {
        if (!word_at(t, t->cp_byte[p], limit, lex->words[i]))
            continue;
        for (size_t k = 0; not && k < not->n_words; k++)
            if (word_at(t, t->cp_byte[p], t->norm_len, not->words[k]) ||
                (p > 0 && word_at(t, t->cp_byte[p - 1], t->norm_len, not->words[k])))
                return false;
        return true;
    }
    return false;
}

static bool clause_end(uint32_t ch)
{
    return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0xFF1B || ch == '\n' ||
           ch == '!' || ch == '?';
}

enum { CUE_NONE, CUE_NEAR, CUE_UNTIL, CUE_AHEAD, CUE_PAST };

/* Does a word of lex occur in the clause before c (within CUE_WINDOW)? */
static bool cue_in_clause(const po_text *t, const cand *c, const po_lexicon *lex,
                          const po_lexicon *not)
{
    size_t at = t->cp_byte[c->start];
    for (size_t p = c->start, k = 0; lex && p > 0 && k < CUE_WINDOW; k++) {
        p--;
        if (clause_end(t->ncp[p]))
            break;
        if (cue_word_at(t, p, at, lex, not))
            return true;
    }
    return false;
}

/* Does a word of lex follow c in its clause (up to a comma, within
 * `window` code points)? 28日将举行 */
static bool cue_after_in_clause(const po_text *t, const cand *c, const po_lexicon *lex,
                                const po_lexicon *not, size_t window)
{
    for (size_t p = c->end, k = 0; lex && p < t->n && k < window; p++, k++) {
        if (clause_end(t->ncp[p]) || t->ncp[p] == 0xFF0C)
            break;
        if (cue_word_at(t, p, t->norm_len, lex, not))
            return true;
    }
    return false;
}

/* A month standing before a comma opens the clause it times: 4月，第四批耗材
 * 集采将落地. Is a word of lex in that next clause (within CUE_WINDOW)? Not
 * for a day: 24日，国家防总将… is yesterday's decision, 30日，缅方决定将到案
 * 的…移交 a 将 that is 把. */
static bool cue_after_comma(const po_text *t, const cand *c, const po_lexicon *lex,
                            const po_lexicon *not)
{
    if (!lex || has(c, G_D) || has(c, G_D2) || c->end >= t->n || t->ncp[c->end] != 0xFF0C)
        return false;
    cand next = *c;
    next.end = c->end + 1;
    return cue_after_in_clause(t, &next, lex, not, CUE_WINDOW);
}

static bool cue_just_before(const po_text *t, const cand *c, const po_lexicon *lex)
{
    size_t at = t->cp_byte[c->start];
    for (size_t i = 0; lex && i < lex->n_words; i++) {
        size_t n = strlen(lex->words[i]);
        if (n <= at && memcmp(t->norm + at - n, lex->words[i], n) == 0)
            return true;
    }
    return false;
}

static bool cue_just_after(const po_text *t, const cand *c, const po_lexicon *lex)
{
    for (size_t i = 0; lex && i < lex->n_words; i++)
        if (word_at(t, t->cp_byte[c->end], t->norm_len, lex->words[i]))
            return true;
    return false;
}

/* What the words around a date say about when it is (rules/dates.yaml). */
static int cue_of(const rstate *st, const cand *c)
{
    const po_text *t = &st->a->text;
    if (cue_in_clause(t, c, st->cue_past, NULL))
        return CUE_PAST;
    if (cue_just_before(t, c, st->cue_until))
        return CUE_UNTIL;
    /* event verbs (将于, 拟于) anywhere later in the clause: unlike a bare 将
     * (also 将…纳入) they do not stand for what comes long after */
    if (cue_in_clause(t, c, st->cue_ahead, st->cue_not) ||
        cue_after_in_clause(t, c, st->cue_ahead, st->cue_not, CUE_AFTER_WINDOW) ||
        cue_after_in_clause(t, c, st->cue_ahead_event, NULL, (size_t)-1) ||
        cue_after_comma(t, c, st->cue_ahead, st->cue_not))
        return CUE_AHEAD;
    if (cue_just_before(t, c, st->cue_near_before) || cue_just_after(t, c, st->cue_near_after))
        return CUE_NEAR;
    return CUE_NONE;
}

/* ---- choosing the year (and month) of a date written without them ---------- */

typedef struct choice {
    int y, m, d;
    long key; /* day number, or month number when d is 0 */
} choice;

static long month_number(int y, int m)
{
    return (long)y * 12 + (m - 1);
}

static bool sentence_end(uint32_t ch)
{
    return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == '\n' || ch == '!' || ch == '?';
}

/* The date last named, when it lies in the same sentence as c, as a day
 * number (a month counts as its 15th, a year as its 1 July); `adjacent`
 * when c is in parentheses right after it: 明天（3月26日）. */
static bool anchor_of(const rstate *st, const cand *c, long *days, int *prec, bool *adjacent)
{
    const po_text *t = &st->a->text;
    if (!st->have_last || st->last_end > c->start || c->start - st->last_end > ANCHOR_WINDOW)
        return false;
    *prec = st->last_d ? 3 : st->last_m ? 2 : 1;
    /* a bare year holds only within its clause: 2026年春运从2月2日开始 */
    for (size_t p = st->last_end; p < c->start; p++)
        if (sentence_end(t->ncp[p]) || (*prec == 1 && (clause_end(t->ncp[p]) || t->ncp[p] == 0xFF0C)))
            return false;
    *days = day_number(st->last_y, st->last_m ? st->last_m : 7,
                       st->last_d ? st->last_d : st->last_m ? 15 : 1);
    *adjacent = st->last_d && st->last_end + 1 == c->start && t->ncp[st->last_end] == 0xFF08;
    return true;
}

enum { PICK_PAST, PICK_NEAREST, PICK_FIRST_FROM };

/* Fill year (and month, when m is 0) of month m / day d: see the top of
 * rules/dates.yaml. False when nothing to resolve against or no candidate
 * is a real date. */
static bool pick(const rstate *st, const cand *c, int m, int d, int *oy, int *om)
{
    if (m == 0 && d == 0)
        return false;
    long anchor = 0;
    int aprec = 0;
    bool adjacent = false;
    bool anchored = anchor_of(st, c, &anchor, &aprec, &adjacent) && (m || aprec >= 2);
    int cue = adjacent ? CUE_NONE : cue_of(st, c);
    int how;
    long base; /* the day the candidates are taken around and measured from */
    if (anchored && adjacent) {
        how = PICK_NEAREST, base = anchor;
    } else if (cue == CUE_PAST && st->ref) {
        how = PICK_PAST, base = st->ref_days;
    } else if (cue == CUE_UNTIL && anchored && aprec == 3) {
        how = PICK_FIRST_FROM, base = anchor; /* 从2月15日开始至3月31日 */
    } else if ((cue == CUE_UNTIL || cue == CUE_AHEAD) && st->ref) {
        how = PICK_FIRST_FROM, base = st->ref_days;
    } else if (anchored) {
        how = PICK_NEAREST, base = anchor;
    } else if (st->ref) {
        how = PICK_PAST, base = st->ref_days;
    } else {
        return false;
    }
    int by, bm, bd;
    from_day_number(base, &by, &bm, &bd);
    choice cands[3];
    size_t n = 0;
    for (int k = -1; k <= 1; k++) {
        int y = by, mm = m;
        if (m) {
            y += k;
        } else {
            mm = bm + k;
            if (mm < 1) {
                mm = 12;
                y--;
            } else if (mm > 12) {
                mm = 1;
                y++;
            }
        }
        if (d && !valid_day(y, mm, d))
            continue;
        cands[n].y = y;
        cands[n].m = mm;
        cands[n].d = d;
        cands[n].key = d ? day_number(y, mm, d) : month_number(y, mm);
        n++;
    }
    if (n == 0)
        return false;
    long ref = d ? base : month_number(by, bm);
    int past = -1, ahead = -1; /* latest <= ref, earliest > ref */
    for (size_t i = 0; i < n; i++) {
        if (cands[i].key <= ref && (past < 0 || cands[i].key > cands[past].key))
            past = (int)i;
        if (cands[i].key > ref && (ahead < 0 || cands[i].key < cands[ahead].key))
            ahead = (int)i;
    }
    int best = past >= 0 ? past : ahead;
    if (how == PICK_NEAREST) {
        for (size_t i = 0; i < n; i++)
            if (labs(cands[i].key - ref) < labs(cands[best].key - ref))
                best = (int)i;
    } else if (how == PICK_FIRST_FROM) {
        /* the first one from the base day on: 将于今晚（3月15日） is today */
        for (size_t i = 0; i < n; i++)
            if (cands[i].key >= ref && (cands[best].key < ref || cands[i].key < cands[best].key))
                best = (int)i;
    } else if (past >= 0 && ahead >= 0 && cue != CUE_PAST) {
        /* ahead when near: within a month, or a season after 起 or 自 */
        long reach = cue == CUE_NEAR ? (d ? NEAR_CUE_DAYS : NEAR_CUE_MONTHS) : (d ? NEAR_DAYS : NEAR_MONTHS);
        if (cands[ahead].key - ref <= reach && cands[ahead].key - ref < ref - cands[past].key)
            best = ahead;
    }
    *oy = cands[best].y;
    *om = cands[best].m;
    return true;
}

/* ---- the modes ------------------------------------------------------------- */

static bool calendar(rstate *st, const cand *c, dval *v)
{
    int y = 0, m = has(c, G_M) ? num(st, c, G_M) : 0, d = has(c, G_D) ? num(st, c, G_D) : 0;
    v->kind = d > 0 ? "day" : m > 0 ? "month" : "year";
    if (m < 0 || m > 12 || d < 0 || d > 31)
        return false;
    int known = written_year(st, c, &y);
    if (known < 0)
        return false;
    if (known == 0 && !pick(st, c, m, d, &y, &m))
        return false;
    if (d && !valid_day(y, m, d))
        return false;
    v->y1 = y;
    v->m1 = m;
    v->d1 = d;
    return true;
}

static bool range(rstate *st, const cand *c, dval *v)
{
    dval s = {0};
    v->kind = "range";
    bool year_written = has(c, G_Y) || has(c, G_RY);
    if (!year_written && !has(c, G_D) && has(c, G_M) && has(c, G_M2)) {
        /* 1至10月 without a year: statistics of months already over */
        int m1 = num(st, c, G_M), m2 = num(st, c, G_M2);
        if (!st->ref || m1 < 1 || m2 < 1 || m1 > 12 || m2 > 12)
            return false;
        s.y1 = st->a->ref_year;
        if (m2 >= st->a->ref_month && cue_of(st, c) != CUE_AHEAD)
            s.y1--;
        s.m1 = m1;
    } else if (!calendar(st, c, &s)) {
        return false;
    }
    int y2 = has(c, G_Y2) ? num(st, c, G_Y2) : s.y1;
    int m2 = has(c, G_M2) ? num(st, c, G_M2) : s.m1;
    int d2 = has(c, G_D2) ? num(st, c, G_D2) : 0;
    if (y2 <= 0 || m2 < 0 || m2 > 12 || (s.d1 && d2 <= 0) || (s.m1 && !m2))
        return false;
    long k1 = s.d1 ? day_number(s.y1, s.m1, s.d1) : s.m1 ? month_number(s.y1, s.m1) : s.y1;
    long k2 = s.d1 && valid_day(y2, m2, d2) ? day_number(y2, m2, d2)
              : s.m1                        ? month_number(y2, m2)
                                            : y2;
    if (k2 < k1 && !has(c, G_Y2)) {
        /* 30日至2日: into the next month; 11月至2月: into the next year */
        if (s.d1 && !has(c, G_M2) && ++m2 > 12) {
            m2 = 1;
            y2++;
        } else if (s.m1 && (has(c, G_M2) || !s.d1)) {
            y2++;
        }
    }
    if (s.d1 && !valid_day(y2, m2, d2))
        return false;
    *v = s;
    v->interval = true;
    v->y2 = y2;
    v->m2 = s.m1 ? m2 : 0;
    v->d2 = s.d1 ? d2 : 0;
    v->kind = "range";
    return true;
}

static bool relative_day(rstate *st, const cand *c, dval *v)
{
    v->kind = "day";
    int off = 0;
    const char *fixed = po_rule_str(c->rule, "value", NULL);
    if (fixed)
        off = atoi(fixed);
    else if (!has(c, G_RD) || !offset_of(st, c, G_RD, &off))
        return false;
    if (!st->ref)
        return false;
    from_day_number(st->ref_days + off, &v->y1, &v->m1, &v->d1);
    return true;
}

/* A part of month y-m: DD/DD (31 meaning the month's last day), or * for
 * the whole month; a leading ~ makes it approximate. */
static bool month_part(const char *part, int y, int m, dval *v)
{
    v->y1 = y;
    v->m1 = m;
    if (*part == '~') {
        v->approximate = true;
        part++;
    }
    if (strcmp(part, "*") == 0)
        return true;
    int d1, d2;
    if (sscanf(part, "%d/%d", &d1, &d2) != 2)
        return false;
    int last = days_in_month(y, m);
    v->d1 = d1 < last ? d1 : last;
    v->interval = true;
    v->y2 = y;
    v->m2 = m;
    v->d2 = d2 < last ? d2 : last;
    v->kind = "range";
    return true;
}

static const char *part_of(const rstate *st, const cand *c)
{
    if (!has(c, G_PART))
        return NULL;
    size_t len;
    const char *w = group_bytes(st, c, G_PART, &len);
    return po_rule_map_get(c->rule, "parts", w, len);
}

static bool relative_month(rstate *st, const cand *c, dval *v)
{
    const char *part = part_of(st, c);
    v->kind = part && strchr(part, '/') ? "range" : has(c, G_D) ? "day" : "month";
    int off;
    if (!st->ref || !has(c, G_RM) || !offset_of(st, c, G_RM, &off))
        return false;
    long mn = month_number(st->a->ref_year, st->a->ref_month) + off;
    int y = (int)(mn / 12), m = (int)(mn % 12) + 1;
    if (has(c, G_PART))
        return part && month_part(part, y, m, v);
    int d = has(c, G_D) ? num(st, c, G_D) : 0;
    if (d && !valid_day(y, m, d))
        return false;
    v->y1 = y;
    v->m1 = m;
    v->d1 = d;
    return true;
}

static bool part_of_month(rstate *st, const cand *c, dval *v)
{
    const char *part = part_of(st, c);
    v->kind = part && strchr(part, '/') ? "range" : "month";
    int y = 0, m = num(st, c, G_M);
    if (!part || m < 1 || m > 12)
        return false;
    int known = written_year(st, c, &y);
    if (known < 0 || (known == 0 && !pick(st, c, m, 0, &y, &m)))
        return false;
    return month_part(part, y, m, v);
}

/* A year for a part of a year written without one: the one the article
 * last named (去年…全年), else the reference year. */
static bool context_year(const rstate *st, int *y)
{
    if (st->ctx_year) {
        *y = st->ctx_year;
        return true;
    }
    if (!st->ref)
        return false;
    *y = st->a->ref_year;
    return true;
}

static bool months_of_year(int y, int m1, int m2, dval *v)
{
    v->y1 = v->y2 = y;
    v->m1 = m1;
    v->m2 = m2;
    v->interval = m1 != m2;
    return true;
}

/* Is the year last named in the same paragraph as c (or, when
 * sentence_only, in its sentence)? */
static bool year_named_before(const rstate *st, const cand *c, bool sentence_only)
{
    const po_text *t = &st->a->text;
    if (!st->have_year || st->named_end > c->start)
        return false;
    for (size_t p = st->named_end; p < c->start; p++)
        if (t->ncp[p] == '\n' || (sentence_only && sentence_end(t->ncp[p])))
            return false;
    return true;
}

static bool part_of_year(rstate *st, const cand *c, dval *v)
{
    const char *part = part_of(st, c);
    v->kind = !part ? "year" : strchr(part, '/') ? "range" : strcmp(part, "*") == 0 ? "year" : "month";
    int y = 0;
    int known = written_year(st, c, &y);
    if (known == 0 && st->have_year && st->year_only && st->named_end == c->start) {
        /* 2025年全年, 比上年全年: the year just before, comparison or not */
        y = st->named_y;
        known = 1;
    }
    if (!part || known < 0 || (known == 0 && !context_year(st, &y)))
        return false;
    if (*part == '~') {
        v->approximate = true;
        part++;
    }
    v->y1 = y;
    if (strcmp(part, "*") == 0)
        return true;
    int m1, m2;
    int got = sscanf(part, "%d/%d", &m1, &m2);
    if (got < 1 || m1 < 1 || m1 > 12)
        return false;
    if (got == 1)
        m2 = m1;
    if (m2 < m1 || m2 > 12)
        return false;
    return months_of_year(y, m1, m2, v);
}

static bool quarter(rstate *st, const cand *c, dval *v)
{
    v->kind = "range";
    int q = num(st, c, G_Q), y = 0;
    if (q < 1 || q > 4)
        return false;
    int known = written_year(st, c, &y);
    if (known < 0)
        return false;
    if (known == 0) {
        if (st->ref) {
            /* the quarter nearest the reference month: 四季度 in January is
             * the one just over, in July the one ahead */
            long ref = month_number(st->a->ref_year, st->a->ref_month), best = -1;
            for (int k = -1; k <= 1; k++) {
                int yy = st->a->ref_year + k;
                long s = month_number(yy, 3 * q - 2), e = month_number(yy, 3 * q);
                long dist = ref < s ? s - ref : ref > e ? ref - e : 0;
                if (best < 0 || dist < best) {
                    best = dist;
                    y = yy;
                }
            }
        } else {
            return false;
        }
    }
    return months_of_year(y, 3 * q - 2, 3 * q, v);
}

/* 前三季度, 前10个月: the first months of a year; without a year written,
 * the latest year in which they are over (figures are reported after). */
static bool to_date(rstate *st, const cand *c, dval *v, int months_per)
{
    v->kind = "range";
    int n = num(st, c, G_N), y = 0;
    if (n < 1 || n * months_per > 12)
        return false;
    int last = n * months_per;
    int known = written_year(st, c, &y);
    if (known < 0)
        return false;
    if (known == 0) {
        if (!st->ref)
            return false;
        y = st->a->ref_year - (last >= st->a->ref_month && cue_of(st, c) != CUE_AHEAD);
    }
    return months_of_year(y, 1, last, v);
}

static bool years_ago(rstate *st, const cand *c, dval *v)
{
    v->kind = "year";
    int n = num(st, c, G_N);
    if (!st->ref || n < 1 || n >= st->a->ref_year)
        return false;
    v->y1 = st->a->ref_year - n;
    return true;
}

/* The n-th five-year plan: the 1st began in 1953, the 2nd in 1958; after
 * the 1963-65 adjustment the 3rd began in 1966 and each lasts five years. */
static bool period(rstate *st, const cand *c, dval *v)
{
    v->kind = "period";
    int n = num(st, c, G_N);
    if (n < 1 || n > 99)
        return false;
    int start = n == 1 ? 1953 : n == 2 ? 1958 : 1966 + 5 * (n - 3);
    v->y1 = start;
    v->y2 = start + 4;
    v->interval = true;
    return true;
}

/* 年内: the year named before in the sentence, else the reference year. */
static bool this_year(rstate *st, const cand *c, dval *v)
{
    v->kind = "year";
    if (year_named_before(st, c, true))
        v->y1 = st->named_y;
    else if (st->ref)
        v->y1 = st->a->ref_year;
    else
        return false;
    return true;
}

/* 当年, 同年, 次年 (and 同年10月1日): a year relative to the one named
 * before in the paragraph (in the sentence: sentence_only). Without one it
 * is 当年 "back then", not a date. */
static bool named_year_in(rstate *st, const cand *c, dval *v, bool sentence_only)
{
    int m = has(c, G_M) ? num(st, c, G_M) : 0, d = has(c, G_D) ? num(st, c, G_D) : 0;
    v->kind = d > 0 ? "day" : m > 0 ? "month" : "year";
    int off;
    if (!year_named_before(st, c, sentence_only) || !has(c, G_NY) ||
        !offset_of(st, c, G_NY, &off)) {
        v->drop = true;
        return false;
    }
    int y = st->named_y + off;
    if (m < 0 || m > 12 || (d && (!m || !valid_day(y, m, d))))
        return false;
    v->y1 = y;
    v->m1 = m;
    v->d1 = d;
    return true;
}

static bool named_year(rstate *st, const cand *c, dval *v)
{
    return named_year_in(st, c, v, false);
}

/* 当年 is as often "back then" (当年的小树苗): only a year in its sentence */
static bool named_year_in_sentence(rstate *st, const cand *c, dval *v)
{
    return named_year_in(st, c, v, true);
}

/* 本周, 上周, 下周: the ISO week (Monday to Sunday) of the reference day,
 * moved by `offsets` weeks. */
static bool relative_week(rstate *st, const cand *c, dval *v)
{
    v->kind = "range";
    int off;
    if (!st->ref || !has(c, G_RW) || !offset_of(st, c, G_RW, &off))
        return false;
    /* day 0 (1970-01-01) was a Thursday: Monday is 0 below */
    long dow = ((st->ref_days + 3) % 7 + 7) % 7;
    long monday = st->ref_days - dow + 7L * off;
    from_day_number(monday, &v->y1, &v->m1, &v->d1);
    from_day_number(monday + 6, &v->y2, &v->m2, &v->d2);
    v->interval = true;
    return true;
}

static bool same_day(rstate *st, const cand *c, dval *v)
{
    v->kind = "day";
    int off = atoi(po_rule_str(c->rule, "value", "0"));
    long day;
    if (st->have_day) {
        day = day_number(st->day_y, st->day_m, st->day_d);
    } else {
        /* for now: po_find_dates looks ahead once all is read, unless the
         * day is the one a 日前 before it in the paragraph stands for */
        const po_text *t = &st->a->text;
        bool after_vague = st->have_vague && st->vague_end <= c->start && st->vague_end > 0 &&
                           po_text_paragraph(t, st->vague_end - 1) == po_text_paragraph(t, c->start);
        st->same_day_unanchored = off == 0 && !after_vague;
        if (!st->ref)
            return false;
        v->approximate = true;
        day = st->ref_days;
    }
    from_day_number(day + off, &v->y1, &v->m1, &v->d1);
    return true;
}

static bool vague(rstate *st, const cand *c, dval *v)
{
    (void)c;
    v->kind = "relative";
    v->approximate = true;
    if (!st->ref)
        return false;
    from_day_number(st->ref_days, &v->y1, &v->m1, &v->d1);
    return true;
}

typedef bool (*mode_fn)(rstate *, const cand *, dval *);

static bool quarters_to_date(rstate *st, const cand *c, dval *v)
{
    return to_date(st, c, v, 3);
}

static bool months_to_date(rstate *st, const cand *c, dval *v)
{
    return to_date(st, c, v, 1);
}

static const struct {
    const char *name;
    mode_fn fn;
} MODES[] = {
    {"calendar", calendar},
    {"range", range},
    {"relative_day", relative_day},
    {"relative_month", relative_month},
    {"part_of_year", part_of_year},
    {"part_of_month", part_of_month},
    {"quarter", quarter},
    {"quarters_to_date", quarters_to_date},
    {"months_to_date", months_to_date},
    {"years_ago", years_ago},
    {"period", period},
    {"same_day", same_day},
    {"this_year", this_year},
    {"named_year", named_year},
    {"named_year_in_sentence", named_year_in_sentence},
    {"relative_week", relative_week},
    {"vague", vague},
};

static mode_fn mode_of(const po_rule *r)
{
    const char *name = po_rule_str(r, "resolve", "calendar");
    for (size_t i = 0; i < sizeof MODES / sizeof MODES[0]; i++)
        if (strcmp(MODES[i].name, name) == 0)
            return MODES[i].fn;
    return NULL;
}

/* ---- formatting ------------------------------------------------------------ */

static int put_point(char *buf, size_t cap, int y, int m, int d)
{
    if (d)
        return snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
    if (m)
        return snprintf(buf, cap, "%04d-%02d", y, m);
    return snprintf(buf, cap, "%04d", y);
}

static void format_value(const dval *v, char *buf, size_t cap)
{
    int n = put_point(buf, cap, v->y1, v->m1, v->d1);
    if (v->interval && n > 0 && (size_t)n + 1 < cap) {
        buf[n] = '/';
        put_point(buf + n + 1, cap - (size_t)n - 1, v->y2, v->m2, v->d2);
    }
}

/* ---- matching ---------------------------------------------------------------- */

typedef struct vec {
    void *data;
    size_t n, cap;
} vec;

static void *vec_push(vec *v, size_t elem)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 16;
        void *p = realloc(v->data, cap * elem);
        if (!p)
            return NULL;
        v->data = p;
        v->cap = cap;
    }
    return (char *)v->data + elem * v->n++;
}

/* Every match of every rule of a kind; for `date` rules with their groups. */
static int collect(po_analysis *a, const char *kind, vec *out, bool groups)
{
    size_t n_rules = po_rules_count(a->rules, kind);
    for (size_t i = 0; i < n_rules; i++) {
        const po_rule *r = po_rules_get(a->rules, kind, i);
        size_t from = 0;
        po_match m;
        while (from < a->text.n && po_rule_match(&a->m, r, from, a->text.n, 0, &m) == 1) {
            if (m.end > m.start) {
                if (groups) {
                    cand *c = vec_push(out, sizeof *c);
                    if (!c)
                        return -1;
                    c->start = m.start;
                    c->end = m.end;
                    c->order = i;
                    c->rule = r;
                    for (int g = 0; g < G_COUNT; g++)
                        if (!po_match_group(&a->m, r, GROUP_NAMES[g], &c->g[g].s, &c->g[g].e))
                            c->g[g].s = c->g[g].e = UNSET;
                } else {
                    span *s = vec_push(out, sizeof *s);
                    if (!s)
                        return -1;
                    s->s = m.start;
                    s->e = m.end;
                }
            }
            from = m.end > m.start ? m.end : m.start + 1;
        }
    }
    return 0;
}

static int by_start(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int span_by_start(const void *x, const void *y)
{
    const span *a = x, *b = y;
    return a->s < b->s ? -1 : a->s > b->s;
}

/* Longest first, then earlier, then the rule listed first. */
static int by_preference(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    size_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Drop candidates inside a veto span; both arrays sorted by start. */
static size_t drop_vetoed(cand *c, size_t n, const span *veto, size_t n_veto)
{
    size_t kept = 0, j = 0, reach = 0;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        while (j < n_veto && veto[j].s <= c[i].start) {
            if (!any || veto[j].e > reach)
                reach = veto[j].e;
            any = true;
            j++;
        }
        if (!(any && reach >= c[i].end))
            c[kept++] = c[i];
    }
    return kept;
}

/* Keep the preferred of overlapping candidates; returns the count kept, in
 * reading order. */
static long keep_preferred(cand *c, size_t n, size_t text_n)
{
    if (n == 0)
        return 0;
    unsigned char *taken = calloc(text_n + 1, 1);
    if (!taken)
        return -1;
    qsort(c, n, sizeof *c, by_preference);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        bool free_span = true;
        for (size_t p = c[i].start; p < c[i].end && free_span; p++)
            free_span = !taken[p];
        if (!free_span)
            continue;
        memset(taken + c[i].start, 1, c[i].end - c[i].start);
        c[kept++] = c[i];
    }
    free(taken);
    qsort(c, kept, sizeof *c, by_start);
    return (long)kept;
}

/* ---- the stage ------------------------------------------------------------ */

static int emit(rstate *st, const cand *c)
{
    po_analysis *a = st->a;
    dval v = {0};
    mode_fn fn = mode_of(c->rule);
    bool ok = fn && fn(st, c, &v);
    if (v.drop)
        return 0;
    po_date *d = po_outline_add_date(a->o);
    if (!d)
        return -1;
    d->text = po_analysis_slice(a, c->start, c->end);
    d->start = c->start;
    d->end = c->end;
    d->rule = c->rule->id;
    const char *kind = po_rule_str(c->rule, "date_kind", v.kind ? v.kind : "day");
    d->kind = po_outline_strdup(a->o, kind);
    d->approximate = v.approximate || strcmp(po_rule_str(c->rule, "approximate", "false"), "true") == 0;
    if (!d->text || !d->kind)
        return -1;
    if (!ok)
        return 0;
    char buf[64];
    format_value(&v, buf, sizeof buf);
    if (!(d->value = po_outline_strdup(a->o, buf)))
        return -1;
    /* context for what follows */
    bool vague_or_period = strcmp(kind, "relative") == 0 || strcmp(kind, "period") == 0;
    /* 全年 right after its year (比上年全年) names no year of its own */
    bool after_its_year = st->have_year && st->named_end == c->start && st->year_only;
    if (!vague_or_period && !after_its_year && !cue_just_before(&a->text, c, st->comparison))
        st->ctx_year = v.y1;
    if (!v.interval && v.d1 && !vague_or_period) {
        st->have_day = true;
        st->day_y = v.y1;
        st->day_m = v.m1;
        st->day_d = v.d1;
    }
    /* only a year the text writes (2016年, 今年, 50年前, 同年): the year
     * picked for 27日 is no antecedent for 当年 */
    const char *mode = po_rule_str(c->rule, "resolve", "calendar");
    bool year_written = has(c, G_Y) || has(c, G_RY) || has(c, G_Y2) || has(c, G_NY) ||
                        strcmp(mode, "years_ago") == 0;
    if (strcmp(kind, "relative") == 0) {
        st->have_vague = true;
        st->vague_end = c->end;
    }
    if (!vague_or_period && year_written) {
        st->have_year = true;
        st->named_y = v.interval ? v.y2 : v.y1;
        st->named_end = c->end;
        st->year_only = !v.interval && !v.m1;
    }
    if (!vague_or_period) {
        /* a range of days is remembered by its last day */
        bool by_end = v.interval && v.d2;
        st->have_last = true;
        st->last_y = by_end ? v.y2 : v.y1;
        st->last_m = v.interval && !v.d2 ? 0 : by_end ? v.m2 : v.m1;
        st->last_d = by_end ? v.d2 : v.interval ? 0 : v.d1;
        st->last_end = c->end;
    }
    return 0;
}

/* A sub-heading: a short paragraph that is no sentence (no 。！？ at its
 * end), such as the title of the next item of a news roundup. */
static bool heading_para(const po_text *t, size_t para)
{
    size_t s = po_text_para_start(t, para), e = po_text_para_end(t, para);
    while (e > s && (t->ncp[e - 1] == ' ' || t->ncp[e - 1] == 0x3000))
        e--;
    if (e == s || e - s > HEADING_MAX)
        return false;
    uint32_t last = t->ncp[e - 1];
    return !(sentence_end(last) || last == 0x201D || last == 0xFF09 || last == 0xFF1A ||
             last == 0xFF1B);
}

/* "YYYY-MM-DD" to a day number. */
static bool parse_day(const char *s, long *days)
{
    int y, m, d;
    char tail;
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !valid_day(y, m, d))
        return false;
    *days = day_number(y, m, d);
    return true;
}

/* 当天 with no day named before it: the first day named in the next
 * paragraphs (SAME_DAY_AHEAD_PARAS, not past a sub-heading) when it is not
 * after the reference day (a later day is the next event, not this one);
 * else it stays the reference day. */
static int same_day_ahead(const rstate *st, size_t at)
{
    po_outline *o = st->a->o;
    const po_text *t = &st->a->text;
    po_date *sd = &o->dates[at];
    size_t para = po_text_paragraph(t, sd->start), seen = para;
    for (size_t i = at + 1; i < o->n_dates; i++) {
        const po_date *d = &o->dates[i];
        size_t dp = po_text_paragraph(t, d->start);
        if (dp > para + SAME_DAY_AHEAD_PARAS)
            return 0;
        for (; seen < dp; seen++)
            if (seen > para && heading_para(t, seen))
                return 0;
        if (dp != para && heading_para(t, dp))
            return 0;
        const po_rule *r = po_rules_find(st->a->rules, d->rule);
        long day;
        if (!r || strcmp(po_rule_str(r, "resolve", "calendar"), "calendar") != 0 || d->approximate ||
            !parse_day(d->value, &day))
            continue;
        if (st->ref && day > st->ref_days)
            return 0;
        if (!(sd->value = po_outline_strdup(o, d->value)))
            return -1;
        sd->approximate = false;
        return 0;
    }
    return 0;
}

int po_find_dates(po_analysis *a)
{
    vec cands = {0}, veto = {0}, pending = {0};
    int rc = -1;
    if (collect(a, "date", &cands, true) != 0 || collect(a, "not_date", &veto, false) != 0)
        goto done;
    cand *c = cands.data;
    if (cands.n)
        qsort(c, cands.n, sizeof *c, by_start);
    if (veto.n)
        qsort(veto.data, veto.n, sizeof(span), span_by_start);
    size_t n = drop_vetoed(c, cands.n, veto.data, veto.n);
    long kept = keep_preferred(c, n, a->text.n);
    if (kept < 0)
        goto done;
    rstate st = {0};
    st.a = a;
    st.ref = a->ref_year > 0 && valid_day(a->ref_year, a->ref_month, a->ref_day);
    if (st.ref)
        st.ref_days = day_number(a->ref_year, a->ref_month, a->ref_day);
    st.comparison = po_rules_lexicon(a->rules, "date_comparison_before");
    st.cue_past = po_rules_lexicon(a->rules, "date_cue_past");
    st.cue_until = po_rules_lexicon(a->rules, "date_cue_until");
    st.cue_ahead = po_rules_lexicon(a->rules, "date_cue_ahead");
    st.cue_ahead_event = po_rules_lexicon(a->rules, "date_cue_ahead_event");
    st.cue_not = po_rules_lexicon(a->rules, "date_cue_not");
    st.cue_near_before = po_rules_lexicon(a->rules, "date_cue_near_before");
    st.cue_near_after = po_rules_lexicon(a->rules, "date_cue_near_after");
    for (long i = 0; i < kept; i++) {
        st.same_day_unanchored = false;
        if (emit(&st, &c[i]) != 0)
            goto done;
        if (st.same_day_unanchored) {
            size_t *at = vec_push(&pending, sizeof *at);
            if (!at)
                goto done;
            *at = a->o->n_dates - 1;
        }
    }
    for (size_t i = 0; i < pending.n; i++)
        if (same_day_ahead(&st, ((size_t *)pending.data)[i]) != 0)
            goto done;
    rc = 0;
done:
    free(cands.data);
    free(veto.data);
    free(pending.data);
    return rc;
}
