/* dates_cues.c - the year of a date written without one (26日, 4月份).
 *
 * It is taken around the date named just before it in the sentence, else
 * around the reference day, on the side the words around it point to:
 * 截至 (past), 至 (until), 将于 (ahead), 自…起 (near). The top of
 * rules/dates.yaml gives the order; its lexicons hold the words. */
#include <stdlib.h>
#include <string.h>

#include "dates.h"

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

/* Is a word of lex at code point p, not inside a word of `not` that starts
 * there or one code point before (将领, 少将: not the future 将)? */
static bool cue_word_at(const po_text *t, size_t p, size_t limit, const po_lexicon *lex,
                        const po_lexicon *not)
{
    /* the lexicons' first code points answer most places without a lookup */
    size_t b = t->cp_byte[p];
    if (b >= limit || !po_lexicon_may_start(lex, t->ncp[p]) || !po_lexicon_prefix(lex, t->norm + b, limit - b, NULL))
        return false;
    if (po_lexicon_may_start(not, t->ncp[p]) && po_lexicon_prefix(not, t->norm + b, t->norm_len - b, NULL))
        return false;
    return !(p > 0 && po_lexicon_may_start(not, t->ncp[p - 1]) &&
             po_lexicon_prefix(not, t->norm + t->cp_byte[p - 1], t->norm_len - t->cp_byte[p - 1], NULL));
}

/* Does a word of lex occur in the clause before c (within CUE_WINDOW)? */
static bool cue_in_clause(const po_text *t, const po_date_cand *c, const po_lexicon *lex,
                          const po_lexicon *not)
{
    size_t at = t->cp_byte[c->start];
    for (size_t p = c->start, k = 0; lex && p > 0 && k < CUE_WINDOW; k++) {
        p--;
        if (po_clause_end(t->ncp[p]))
            break;
        if (cue_word_at(t, p, at, lex, not))
            return true;
    }
    return false;
}

/* Does a word of lex follow c in its clause (up to a comma, within
 * `window` code points)? 28日将举行 */
static bool cue_after_in_clause(const po_text *t, const po_date_cand *c, const po_lexicon *lex,
                                const po_lexicon *not, size_t window)
{
    for (size_t p = c->end, k = 0; lex && p < t->n && k < window; p++, k++) {
        if (po_clause_end(t->ncp[p]) || t->ncp[p] == 0xFF0C)
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
static bool cue_after_comma(const po_text *t, const po_date_cand *c, const po_lexicon *lex,
                            const po_lexicon *not)
{
    if (!lex || has_group(c, G_D) || has_group(c, G_D2) || c->end >= t->n || t->ncp[c->end] != 0xFF0C)
        return false;
    po_date_cand next = *c;
    next.end = c->end + 1;
    return cue_after_in_clause(t, &next, lex, not, CUE_WINDOW);
}

bool po_date_cue_just_before(const po_text *t, const po_date_cand *c, const po_lexicon *lex)
{
    return po_lexicon_ending(lex, t, 0, c->start) > 0;
}

bool po_date_cue_just_after(const po_text *t, const po_date_cand *c, const po_lexicon *lex)
{
    return po_lexicon_at(lex, t, c->end, t->n) > 0;
}

/* What the words around a date say about when it is (rules/dates.yaml). */
int po_date_cue_of(const po_date_state *st, const po_date_cand *c)
{
    const po_text *t = &st->a->text;
    /* 9月29日公布的措施: a date that qualifies what was done stays in the
     * past even where the clause speaks of the future (美方将暂停实施…) */
    if (cue_in_clause(t, c, st->cue_past, NULL) || po_date_cue_just_after(t, c, st->cue_past_after))
        return CUE_PAST;
    if (po_date_cue_just_before(t, c, st->cue_until))
        return CUE_UNTIL;
    /* event verbs (将于, 拟于) anywhere later in the clause: unlike a bare 将
     * (also 将…纳入) they do not stand for what comes long after */
    if (cue_in_clause(t, c, st->cue_ahead, st->cue_not) ||
        cue_after_in_clause(t, c, st->cue_ahead, st->cue_not, CUE_AFTER_WINDOW) ||
        cue_after_in_clause(t, c, st->cue_ahead_event, NULL, (size_t)-1) ||
        cue_after_comma(t, c, st->cue_ahead, st->cue_not))
        return CUE_AHEAD;
    if (po_date_cue_just_before(t, c, st->cue_near_before) || po_date_cue_just_after(t, c, st->cue_near_after))
        return CUE_NEAR;
    return CUE_NONE;
}

/* ---- the year (and month) of a date written without them -------------------- */

typedef struct choice {
    int y, m, d;
    long key; /* day number, or month number when d is 0 */
} choice;

/* The date last named, when it lies in the same sentence as c, as a day
 * number (a month counts as its 15th, a year as its 1 July); `adjacent`
 * when c is in parentheses right after it: 明天（3月26日）. */
/* Is there no sentence end in [from, to), and is it short enough for a
 * date there to anchor one written at `to`? */
static bool same_sentence(const po_date_state *st, size_t from, size_t to)
{
    const po_text *t = &st->a->text;
    if (from > to || to - from > ANCHOR_WINDOW)
        return false;
    for (size_t p = from; p < to; p++)
        if (po_sentence_end(t->ncp[p]))
            return false;
    return true;
}

static bool anchor_of(const po_date_state *st, const po_date_cand *c, long *days, int *prec, bool *adjacent)
{
    const po_text *t = &st->a->text;
    if (!st->have_last || !same_sentence(st, st->last_end, c->start))
        return false;
    *prec = st->last_d ? 3 : st->last_m ? 2 : 1;
    /* a bare year holds only within its clause: 2026年春运从2月2日开始 */
    for (size_t p = st->last_end; p < c->start; p++)
        if (*prec == 1 && (po_clause_end(t->ncp[p]) || t->ncp[p] == 0xFF0C))
            return false;
    *days = po_date_day_number(st->last_y, st->last_m ? st->last_m : 7,
                               st->last_d ? st->last_d : st->last_m ? 15 : 1);
    *adjacent = st->last_d && st->last_end + 1 == c->start && t->ncp[st->last_end] == 0xFF08;
    return true;
}

enum { PICK_PAST, PICK_NEAREST, PICK_FIRST_FROM };

/* Fill year (and month, when m is 0) of month m / day d: see the top of
 * rules/dates.yaml. False when nothing to resolve against or no candidate
 * is a real date. */
bool po_date_pick(const po_date_state *st, const po_date_cand *c, int m, int d, int *oy, int *om)
{
    if (m == 0 && d == 0)
        return false;
    long anchor = 0;
    int aprec = 0;
    bool adjacent = false;
    bool anchored = anchor_of(st, c, &anchor, &aprec, &adjacent) && (m || aprec >= 2);
    int cue = adjacent ? CUE_NONE : po_date_cue_of(st, c);
    int how;
    long base; /* the day the candidates are taken around and measured from */
    if (anchored && (adjacent || (aprec == 1 && m))) {
        /* 明天（3月26日）; a month in the clause of its year, whatever the
         * clause says of time: 将2019年增长预期由1月报告中的3.5%下调 */
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
    po_date_from_day_number(base, &by, &bm, &bd);
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
        if (d && !po_date_valid_day(y, mm, d))
            continue;
        cands[n].y = y;
        cands[n].m = mm;
        cands[n].d = d;
        cands[n].key = d ? po_date_day_number(y, mm, d) : po_date_month_number(y, mm);
        n++;
    }
    if (n == 0)
        return false;
    long ref = d ? base : po_date_month_number(by, bm);
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
