/* dates.h - what the files of the dates stage share (not part of the API):
 *   dates.c           the stage: matching, vetoes, overlaps, the po_date entries
 *   dates_resolve.c   the resolve modes, and what each date leaves for the next
 *   dates_cues.c      the year of a date written without one: cue words, anchors
 *   dates_calendar.c  numerals and calendar arithmetic */
#ifndef PO_DATES_H
#define PO_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis.h"

/* The named groups a date rule may set (rules/dates.yaml). */
enum { G_Y, G_RY, G_M, G_D, G_Y2, G_M2, G_D2, G_RD, G_RM, G_RW, G_NY, G_N, G_Q, G_PART, G_WD, G_COUNT };

/* The start (and end) of a group the match did not set. */
#define GROUP_UNSET ((size_t)-1)

/* [s, e) in code points of the analysis text. */
typedef struct po_date_span {
    size_t s, e;
} po_date_span;

/* One match of a `date` rule, with its groups. */
typedef struct po_date_cand {
    size_t start, end;
    size_t order; /* the rule's place in the pack: breaks ties */
    const po_rule *rule;
    po_date_span g[G_COUNT];
} po_date_cand;

/* A resolved value: a point, or an interval when `interval`. A month or day
 * of 0 is absent (the value is a year or a month). */
typedef struct po_date_val {
    int y1, m1, d1;
    int y2, m2, d2;
    bool interval;
    bool approximate;
    bool drop; /* not a date here after all: 当年 with no year named */
    const char *kind;
} po_date_val;

/* What resolution carries through an article, date by date in reading order. */
typedef struct po_date_state {
    po_analysis *a;
    bool ref;      /* a reference day is known */
    long ref_days; /* the reference day as a day number */
    const po_lexicon *cue_past, *cue_past_after, *cue_until, *cue_ahead, *cue_ahead_event, *cue_not,
        *cue_near_before, *cue_near_after, *weekday_joiners, *weekday_cue_before, *weekday_cue_after;
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
} po_date_state;

/* What the words around a date say about when it is (po_date_cue_of). */
enum { CUE_NONE, CUE_NEAR, CUE_UNTIL, CUE_AHEAD, CUE_PAST };

/* Did the match set group g? */
static inline bool has_group(const po_date_cand *c, int g)
{
    return c->g[g].s != GROUP_UNSET;
}

/* ---- dates_resolve.c ---------------------------------------------------------- */

/* A fresh state for analysis a: its reference day and the cue lexicons. */
void po_date_state_init(po_date_state *st, po_analysis *a);
/* Resolve c by its rule's `resolve` mode into v; false when it has no value. */
bool po_date_resolve(po_date_state *st, const po_date_cand *c, po_date_val *v);
/* Note c (of the given kind, resolved to v) for the dates that follow it. */
void po_date_remember(po_date_state *st, const po_date_cand *c, const po_date_val *v, const char *kind);

/* ---- dates_cues.c ------------------------------------------------------------- */

/* The CUE_* the words around c make of it. */
int po_date_cue_of(const po_date_state *st, const po_date_cand *c);
/* Does a word of lex end right where c starts (比2021年)? */
bool po_date_cue_just_before(const po_text *t, const po_date_cand *c, const po_lexicon *lex);
/* Does a word of lex start right where c ends (周二下午)? */
bool po_date_cue_just_after(const po_text *t, const po_date_cand *c, const po_lexicon *lex);
/* The year (and month, when m is 0) of month m / day d written without them;
 * false when there is nothing to resolve against or no real day fits. */
bool po_date_pick(const po_date_state *st, const po_date_cand *c, int m, int d, int *oy, int *om);

/* ---- dates_calendar.c ---------------------------------------------------------- */

/* The year, month and day of "YYYY-MM-DD…" as sscanf's "%4d-%2d-%2d" reads
 * them (what follows is not read); false when it reads fewer than three. */
bool po_date_read_iso(const char *s, int *y, int *m, int *d);
/* Is y-m-d a real day? */
bool po_date_valid_day(int y, int m, int d);
/* The days of month m (28 to 31). */
int po_date_days_in_month(int y, int m);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long po_date_day_number(int y, int m, int d);
void po_date_from_day_number(long z, int *y, int *m, int *d);
/* Months since year 0, for comparing months. */
long po_date_month_number(int y, int m);
/* The number written in group g of text t (2020, 二〇二〇, 三十一); -1 when
 * unset or not a number. */
int po_date_parse_number(const po_text *t, po_date_span g);

#endif
