/* dates_resolve.c - the resolve modes of rules/dates.yaml: what a match's
 * named groups mean as a value (a day, a month, a range, a five-year plan).
 * Dates are resolved in reading order, and each one leaves what the ones
 * after it need: the day 当天 means, the year 当年 and 年内 mean, the date
 * 明天（3月26日） lies next to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/* ---- reading the groups ---------------------------------------------------- */

static int num(const po_date_state *st, const po_date_cand *c, int g)
{
    return po_date_parse_number(&st->a->text, c->g[g]);
}

/* The normalised UTF-8 of a group. */
static const char *group_bytes(const po_date_state *st, const po_date_cand *c, int g, size_t *len)
{
    const po_text *t = &st->a->text;
    *len = t->cp_byte[c->g[g].e] - t->cp_byte[c->g[g].s];
    return t->norm + t->cp_byte[c->g[g].s];
}

/* A relative word's offset from the rule's `offsets` map; false when absent. */
static bool offset_of(const po_date_state *st, const po_date_cand *c, int g, int *off)
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
static int written_year(const po_date_state *st, const po_date_cand *c, int *y)
{
    if (has_group(c, G_Y)) {
        *y = num(st, c, G_Y);
        if (*y > 0)
            *y += atoi(po_rule_str(c->rule, "era", "0"));
        return *y > 0 ? 1 : -1;
    }
    if (has_group(c, G_RY)) {
        int off;
        if (!st->ref || !offset_of(st, c, G_RY, &off))
            return -1;
        *y = st->a->ref_year + off;
        return 1;
    }
    return 0;
}

/* ---- the modes ------------------------------------------------------------- */

static bool calendar(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    int y = 0, m = has_group(c, G_M) ? num(st, c, G_M) : 0;
    int d = has_group(c, G_D) ? num(st, c, G_D) : 0;
    v->kind = d > 0 ? "day" : m > 0 ? "month" : "year";
    if (m < 0 || m > 12 || d < 0 || d > 31)
        return false;
    int known = written_year(st, c, &y);
    if (known < 0)
        return false;
    if (known == 0 && !po_date_pick(st, c, m, d, &y, &m))
        return false;
    if (d && !po_date_valid_day(y, m, d))
        return false;
    v->y1 = y;
    v->m1 = m;
    v->d1 = d;
    return true;
}

static bool range(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    po_date_val s = {0};
    v->kind = "range";
    bool year_written = has_group(c, G_Y) || has_group(c, G_RY);
    if (!year_written && !has_group(c, G_D) && has_group(c, G_M) && has_group(c, G_M2)) {
        /* 1至10月 without a year: statistics of months already over */
        int m1 = num(st, c, G_M), m2 = num(st, c, G_M2);
        if (!st->ref || m1 < 1 || m2 < 1 || m1 > 12 || m2 > 12)
            return false;
        s.y1 = st->a->ref_year;
        if (m2 >= st->a->ref_month && po_date_cue_of(st, c) != CUE_AHEAD)
            s.y1--;
        s.m1 = m1;
    } else if (!calendar(st, c, &s)) {
        return false;
    }
    int y2 = has_group(c, G_Y2) ? num(st, c, G_Y2) : s.y1;
    int m2 = has_group(c, G_M2) ? num(st, c, G_M2) : s.m1;
    int d2 = has_group(c, G_D2) ? num(st, c, G_D2) : 0;
    if (y2 <= 0 || m2 < 0 || m2 > 12 || (s.d1 && d2 <= 0) || (s.m1 && !m2))
        return false;
    long k1 = s.d1 ? po_date_day_number(s.y1, s.m1, s.d1) : s.m1 ? po_date_month_number(s.y1, s.m1) : s.y1;
    long k2 = s.d1 && po_date_valid_day(y2, m2, d2) ? po_date_day_number(y2, m2, d2)
              : s.m1                        ? po_date_month_number(y2, m2)
                                            : y2;
    if (k2 < k1 && !has_group(c, G_Y2)) {
        /* 30日至2日: into the next month; 11月至2月: into the next year */
        if (s.d1 && !has_group(c, G_M2) && ++m2 > 12) {
            m2 = 1;
            y2++;
        } else if (s.m1 && (has_group(c, G_M2) || !s.d1)) {
            y2++;
        }
    }
    if (s.d1 && !po_date_valid_day(y2, m2, d2))
        return false;
    *v = s;
    v->interval = true;
    v->y2 = y2;
    v->m2 = s.m1 ? m2 : 0;
    v->d2 = s.d1 ? d2 : 0;
    v->kind = "range";
    return true;
}

static bool relative_day(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    v->kind = "day";
    int off = 0;
    const char *fixed = po_rule_str(c->rule, "value", NULL);
    if (fixed)
        off = atoi(fixed);
    else if (!has_group(c, G_RD) || !offset_of(st, c, G_RD, &off))
        return false;
    if (!st->ref)
        return false;
    long day = st->ref_days + off;
    if (has_group(c, G_D)) {
        /* 今(8)日: the day written, in the month nearest the day meant */
        int d = num(st, c, G_D), y, m, dd;
        po_date_from_day_number(day, &y, &m, &dd);
        long best = -1;
        for (int k = -1; k <= 1; k++) {
            long mn = po_date_month_number(y, m) + k;
            int yy = (int)(mn / 12), mm = (int)(mn % 12) + 1;
            if (!po_date_valid_day(yy, mm, d))
                continue;
            long cand = po_date_day_number(yy, mm, d);
            if (best < 0 || labs(cand - day) < labs(best - day))
                best = cand;
        }
        if (best < 0)
            return false;
        day = best;
    }
    po_date_from_day_number(day, &v->y1, &v->m1, &v->d1);
    return true;
}

/* A part of month y-m: DD/DD (31 meaning the month's last day), or * for
 * the whole month; a leading ~ makes it approximate. */
static bool month_part(const char *part, int y, int m, po_date_val *v)
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
    int last = po_date_days_in_month(y, m);
    v->d1 = d1 < last ? d1 : last;
    v->interval = true;
    v->y2 = y;
    v->m2 = m;
    v->d2 = d2 < last ? d2 : last;
    v->kind = "range";
    return true;
}

static const char *part_of(const po_date_state *st, const po_date_cand *c)
{
    if (!has_group(c, G_PART))
        return NULL;
    size_t len;
    const char *w = group_bytes(st, c, G_PART, &len);
    return po_rule_map_get(c->rule, "parts", w, len);
}

static bool relative_month(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    const char *part = part_of(st, c);
    v->kind = part && strchr(part, '/') ? "range" : has_group(c, G_D) ? "day" : "month";
    int off;
    if (!st->ref || !has_group(c, G_RM) || !offset_of(st, c, G_RM, &off))
        return false;
    long mn = po_date_month_number(st->a->ref_year, st->a->ref_month) + off;
    int y = (int)(mn / 12), m = (int)(mn % 12) + 1;
    if (has_group(c, G_PART))
        return part && month_part(part, y, m, v);
    int d = has_group(c, G_D) ? num(st, c, G_D) : 0;
    if (d && !po_date_valid_day(y, m, d))
        return false;
    v->y1 = y;
    v->m1 = m;
    v->d1 = d;
    return true;
}

static bool part_of_month(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    const char *part = part_of(st, c);
    v->kind = part && strchr(part, '/') ? "range" : "month";
    int y = 0, m = num(st, c, G_M);
    if (!part || m < 1 || m > 12)
        return false;
    int known = written_year(st, c, &y);
    if (known < 0 || (known == 0 && !po_date_pick(st, c, m, 0, &y, &m)))
        return false;
    return month_part(part, y, m, v);
}

/* A year for a part of a year written without one: the one the article
 * last named (去年…全年), else the reference year. */
static bool context_year(const po_date_state *st, int *y)
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

static bool months_of_year(int y, int m1, int m2, po_date_val *v)
{
    v->y1 = v->y2 = y;
    v->m1 = m1;
    v->m2 = m2;
    v->interval = m1 != m2;
    return true;
}

/* Is the year last named in the same paragraph as c (or, when
 * sentence_only, in its sentence)? */
static bool year_named_before(const po_date_state *st, const po_date_cand *c, bool sentence_only)
{
    const po_text *t = &st->a->text;
    if (!st->have_year || st->named_end > c->start)
        return false;
    for (size_t p = st->named_end; p < c->start; p++)
        if (t->ncp[p] == '\n' || (sentence_only && po_sentence_end(t->ncp[p])))
            return false;
    return true;
}

static bool part_of_year(po_date_state *st, const po_date_cand *c, po_date_val *v)
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

static bool quarter(po_date_state *st, const po_date_cand *c, po_date_val *v)
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
            long ref = po_date_month_number(st->a->ref_year, st->a->ref_month), best = -1;
            for (int k = -1; k <= 1; k++) {
                int yy = st->a->ref_year + k;
                long s = po_date_month_number(yy, 3 * q - 2), e = po_date_month_number(yy, 3 * q);
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
static bool to_date(po_date_state *st, const po_date_cand *c, po_date_val *v, int months_per)
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
        y = st->a->ref_year - (last >= st->a->ref_month && po_date_cue_of(st, c) != CUE_AHEAD);
    }
    return months_of_year(y, 1, last, v);
}

static bool years_ago(po_date_state *st, const po_date_cand *c, po_date_val *v)
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
static bool period(po_date_state *st, const po_date_cand *c, po_date_val *v)
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
static bool this_year(po_date_state *st, const po_date_cand *c, po_date_val *v)
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
static bool named_year_in(po_date_state *st, const po_date_cand *c, po_date_val *v, bool sentence_only)
{
    int m = has_group(c, G_M) ? num(st, c, G_M) : 0, d = has_group(c, G_D) ? num(st, c, G_D) : 0;
    v->kind = d > 0 ? "day" : m > 0 ? "month" : "year";
    int off;
    if (!year_named_before(st, c, sentence_only) || !has_group(c, G_NY) ||
        !offset_of(st, c, G_NY, &off)) {
        v->drop = true;
        return false;
    }
    int y = st->named_y + off;
    if (m < 0 || m > 12 || (d && (!m || !po_date_valid_day(y, m, d))))
        return false;
    v->y1 = y;
    v->m1 = m;
    v->d1 = d;
    return true;
}

static bool named_year(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    return named_year_in(st, c, v, false);
}

/* 当年 is as often "back then" (当年的小树苗): only a year in its sentence */
static bool named_year_in_sentence(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    return named_year_in(st, c, v, true);
}

/* 本周, 上周, 下周: the ISO week (Monday to Sunday) of the reference day,
 * moved by `offsets` weeks. */
static bool relative_week(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    v->kind = "range";
    int off;
    if (!st->ref || !has_group(c, G_RW) || !offset_of(st, c, G_RW, &off))
        return false;
    /* day 0 (1970-01-01) was a Thursday: Monday is 0 below */
    long dow = ((st->ref_days + 3) % 7 + 7) % 7;
    long monday = st->ref_days - dow + 7L * off;
    po_date_from_day_number(monday, &v->y1, &v->m1, &v->d1);
    po_date_from_day_number(monday + 6, &v->y2, &v->m2, &v->d2);
    v->interval = true;
    return true;
}

/* Is c joined to the day named just before it by one word of
 * date_weekday_joiners (下周二和周三)? */
static bool joined_to_last_day(const po_date_state *st, const po_date_cand *c)
{
    const po_text *t = &st->a->text;
    if (!st->have_last || !st->last_d || st->last_end > c->start || !st->weekday_joiners)
        return false;
    size_t gap = t->cp_byte[c->start] - t->cp_byte[st->last_end];
    const char *w = t->norm + t->cp_byte[st->last_end];
    return po_lexicon_has(st->weekday_joiners, w, gap);
}

/* 下周二, 周三: a day of the week (一 … 六, or by `weekdays`: 日 = 7) of the week
 * `offsets` says from the reference day's. A bare 周三 is a date joined to
 * a day named before it (下周二和周三: of that day's week), before the
 * date it is (周三（8月23日）), or with a word that makes it one day
 * (在周一, 周二下午, 星期三将举行: of the reference day's week); elsewhere
 * it is a habit (每周一和周五, 周一闭馆), no date. */
static bool weekday(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    v->kind = "day";
    int wd = num(st, c, G_WD);
    if (wd < 0) { /* 星期日: the rule's `weekdays` */
        size_t len;
        const char *w = group_bytes(st, c, G_WD, &len);
        const char *day = po_rule_map_get(c->rule, "weekdays", w, len);
        wd = day ? atoi(day) : -1;
    }
    if (wd < 1 || wd > 7)
        return false;
    long base;
    int off = 0;
    if (has_group(c, G_RW)) {
        if (!st->ref || !offset_of(st, c, G_RW, &off))
            return false;
        base = st->ref_days;
    } else if (joined_to_last_day(st, c)) {
        base = po_date_day_number(st->last_y, st->last_m, st->last_d);
    } else if ((c->end < st->a->text.n && st->a->text.ncp[c->end] == 0xFF08) ||
               po_date_cue_just_before(&st->a->text, c, st->weekday_cue_before) ||
               po_date_cue_just_after(&st->a->text, c, st->weekday_cue_after)) {
        if (!st->ref)
            return false;
        base = st->ref_days;
    } else {
        v->drop = true;
        return false;
    }
    /* day 0 (1970-01-01) was a Thursday: Monday is 0 below */
    long dow = ((base + 3) % 7 + 7) % 7;
    po_date_from_day_number(base - dow + 7L * off + (wd - 1), &v->y1, &v->m1, &v->d1);
    return true;
}

static bool same_day(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    v->kind = "day";
    int off = atoi(po_rule_str(c->rule, "value", "0"));
    long day;
    if (st->have_day) {
        day = po_date_day_number(st->day_y, st->day_m, st->day_d);
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
    po_date_from_day_number(day + off, &v->y1, &v->m1, &v->d1);
    return true;
}

static bool vague(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    (void)c;
    v->kind = "relative";
    v->approximate = true;
    if (!st->ref)
        return false;
    po_date_from_day_number(st->ref_days, &v->y1, &v->m1, &v->d1);
    return true;
}

typedef bool (*mode_fn)(po_date_state *, const po_date_cand *, po_date_val *);

static bool quarters_to_date(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    return to_date(st, c, v, 3);
}

static bool months_to_date(po_date_state *st, const po_date_cand *c, po_date_val *v)
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
    {"weekday", weekday},
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

bool po_date_resolve(po_date_state *st, const po_date_cand *c, po_date_val *v)
{
    mode_fn fn = mode_of(c->rule);
    return fn && fn(st, c, v);
}

/* ---- the context for what follows ------------------------------------------- */

void po_date_state_init(po_date_state *st, po_analysis *a)
{
    *st = (po_date_state){0};
    st->a = a;
    st->ref = a->ref_year > 0 && po_date_valid_day(a->ref_year, a->ref_month, a->ref_day);
    if (st->ref)
        st->ref_days = po_date_day_number(a->ref_year, a->ref_month, a->ref_day);
    st->comparison = po_rules_lexicon(a->rules, "date_comparison_before");
    st->cue_past = po_rules_lexicon(a->rules, "date_cue_past");
    st->cue_past_after = po_rules_lexicon(a->rules, "date_cue_past_after");
    st->cue_until = po_rules_lexicon(a->rules, "date_cue_until");
    st->cue_ahead = po_rules_lexicon(a->rules, "date_cue_ahead");
    st->cue_ahead_event = po_rules_lexicon(a->rules, "date_cue_ahead_event");
    st->cue_not = po_rules_lexicon(a->rules, "date_cue_not");
    st->cue_near_before = po_rules_lexicon(a->rules, "date_cue_near_before");
    st->cue_near_after = po_rules_lexicon(a->rules, "date_cue_near_after");
    st->weekday_joiners = po_rules_lexicon(a->rules, "date_weekday_joiners");
    st->weekday_cue_before = po_rules_lexicon(a->rules, "date_weekday_cue_before");
    st->weekday_cue_after = po_rules_lexicon(a->rules, "date_weekday_cue_after");
}

void po_date_remember(po_date_state *st, const po_date_cand *c, const po_date_val *v, const char *kind)
{
    bool vague_or_period = strcmp(kind, "relative") == 0 || strcmp(kind, "period") == 0;
    /* 全年 right after its year (比上年全年) names no year of its own */
    bool after_its_year = st->have_year && st->named_end == c->start && st->year_only;
    if (!vague_or_period && !after_its_year && !po_date_cue_just_before(&st->a->text, c, st->comparison))
        st->ctx_year = v->y1;
    if (!v->interval && v->d1 && !vague_or_period) {
        st->have_day = true;
        st->day_y = v->y1;
        st->day_m = v->m1;
        st->day_d = v->d1;
    }
    /* only a year the text writes (2016年, 今年, 50年前, 同年): the year
     * picked for 27日 is no antecedent for 当年 */
    const char *mode = po_rule_str(c->rule, "resolve", "calendar");
    bool year_written = has_group(c, G_Y) || has_group(c, G_RY) || has_group(c, G_Y2) ||
                        has_group(c, G_NY) || strcmp(mode, "years_ago") == 0;
    if (strcmp(kind, "relative") == 0) {
        st->have_vague = true;
        st->vague_end = c->end;
    }
    if (!vague_or_period && year_written) {
        st->have_year = true;
        st->named_y = v->interval ? v->y2 : v->y1;
        st->named_end = c->end;
        st->year_only = !v->interval && !v->m1;
    }
    if (!vague_or_period) {
        /* a range of days is remembered by its last day */
        bool by_end = v->interval && v->d2;
        st->have_last = true;
        st->last_y = by_end ? v->y2 : v->y1;
        st->last_m = v->interval && !v->d2 ? 0 : by_end ? v->m2 : v->m1;
        st->last_d = by_end ? v->d2 : v->interval ? 0 : v->d1;
        st->last_end = c->end;
    }
}
