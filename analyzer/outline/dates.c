/* dates.c - date expressions: 26日, 今年4月份, 11月1日至2日, “十四五”时期 …
 *
 * rules/dates.yaml holds the patterns, the words and the resolve mode of
 * every rule; this file runs them and turns the named groups into values.
 * Three passes: every `date` rule is matched over the text (its groups are
 * kept); candidates inside a `not_date` match are dropped and, of those that
 * overlap, the longest is kept; the survivors are resolved in reading order,
 * because some take their value from what came before (明天（3月26日）, 当天,
 * a bare 全年). dates.h lists the files that do each part. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "../util/vec.h"

/* The pattern group of each G_* (dates.h). */
static const char *const GROUP_NAMES[G_COUNT] = {"y",  "ry", "m",  "d",  "y2",   "m2", "d2", "rd",
                                                 "rm", "rw", "ny", "n", "q",  "part", "wd"};

/* 当天 with no day named before it takes the first day named in the next
 * few paragraphs (a visit report that names its day at the end: 当天，…
 * 献花圈。…9日下午，…), not past a sub-heading (the next item of a news
 * roundup). A day named before, even paragraphs back, stays its antecedent:
 * 同日，国务院总理李强向…致贺电 follows the head's 14日. */
enum { SAME_DAY_AHEAD_PARAS = 3, HEADING_MAX = 40 };

/* ---- matching ---------------------------------------------------------------- */

typedef struct vec {
    void *data;
    size_t n, cap;
} vec;

static void *vec_push(vec *v, size_t elem)
{
    return po_vec_push(&v->data, &v->n, &v->cap, elem);
}

/* Every match of every rule of a kind; for `date` rules with their groups. */
static int collect(po_analysis *a, const char *kind, vec *out, bool groups)
{
    size_t n_rules;
    const po_rule *const *rules_of = po_rules_of(a->rules, kind, &n_rules);
    for (size_t i = 0; i < n_rules; i++) {
        const po_rule *r = rules_of[i];
        size_t from = 0;
        po_match m;
        int num[G_COUNT]; /* the groups' numbers, read at the rule's first match */
        bool numbered = false;
        while (from < a->text.n && po_rule_match(&a->m, r, from, a->text.n, 0, &m) == 1) {
            if (m.end > m.start) {
                if (groups) {
                    po_date_cand *c = vec_push(out, sizeof *c);
                    if (!c)
                        return -1;
                    c->start = m.start;
                    c->end = m.end;
                    c->order = i;
                    c->rule = r;
                    if (!numbered)
                        po_rule_group_numbers(r, GROUP_NAMES, G_COUNT, num);
                    numbered = true;
                    for (int g = 0; g < G_COUNT; g++)
                        if (!po_match_group_number(&a->m, num[g], &c->g[g].s, &c->g[g].e))
                            c->g[g].s = c->g[g].e = GROUP_UNSET;
                } else {
                    po_date_span *s = vec_push(out, sizeof *s);
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
    const po_date_cand *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int span_by_start(const void *x, const void *y)
{
    const po_date_span *a = x, *b = y;
    return a->s < b->s ? -1 : a->s > b->s;
}

/* Longest first, then earlier, then the rule listed first. */
static int by_preference(const void *x, const void *y)
{
    const po_date_cand *a = x, *b = y;
    size_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Drop candidates inside a veto span; both arrays sorted by start. */
static size_t drop_vetoed(po_date_cand *c, size_t n, const po_date_span *veto, size_t n_veto)
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
static long keep_preferred(po_date_cand *c, size_t n, size_t text_n)
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

/* ---- formatting ------------------------------------------------------------ */

/* n in exactly `width` digits */
static void put_digits(char *p, int n, int width)
{
    for (int i = width; i-- > 0; n /= 10)
        p[i] = (char)('0' + n % 10);
}

static int put_point(char *buf, size_t cap, int y, int m, int d)
{
    /* what the snprintf below writes, without parsing its format for the
     * common case of every date */
    if (cap >= 11 && y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
        put_digits(buf, y, 4);
        int n = 4;
        if (d || m) {
            buf[n++] = '-';
            put_digits(buf + n, m, 2);
            n += 2;
        }
        if (d) {
            buf[n++] = '-';
            put_digits(buf + n, d, 2);
            n += 2;
        }
        buf[n] = '\0';
        return n;
    }
    if (d)
        return snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
    if (m)
        return snprintf(buf, cap, "%04d-%02d", y, m);
    return snprintf(buf, cap, "%04d", y);
}

static void format_value(const po_date_val *v, char *buf, size_t cap)
{
    int n = put_point(buf, cap, v->y1, v->m1, v->d1);
    if (v->interval && n > 0 && (size_t)n + 1 < cap) {
        buf[n] = '/';
        put_point(buf + n + 1, cap - (size_t)n - 1, v->y2, v->m2, v->d2);
    }
}

/* ---- the stage ------------------------------------------------------------ */

/* The po_date of c, with its value when it has one; none when its mode drops
 * it (当年 with no year named). */
static int emit(po_date_state *st, const po_date_cand *c)
{
    po_analysis *a = st->a;
    po_date_val v = {0};
    bool ok = po_date_resolve(st, c, &v);
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
    po_date_remember(st, c, &v, kind);
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
    return !(po_clause_end(last) || last == 0x201D || last == 0xFF09 || last == 0xFF1A); /* ”）： */
}

/* "YYYY-MM-DD" to a day number. */
static bool parse_day(const char *s, long *days)
{
    int y, m, d;
    char tail;
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !po_date_valid_day(y, m, d))
        return false;
    *days = po_date_day_number(y, m, d);
    return true;
}

/* 当天 with no day named before it: the first day named in the next
 * paragraphs (SAME_DAY_AHEAD_PARAS, not past a sub-heading) when it is not
 * after the reference day (a later day is the next event, not this one);
 * else it stays the reference day. */
static int same_day_ahead(const po_date_state *st, size_t at)
{
    po_outline *o = st->a->o;
    const po_text *t = &st->a->text;
    po_date *sd = po_outline_date_at(o, at);
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

po_status po_find_dates(po_analysis *a)
{
    vec cands = {0}, veto = {0}, pending = {0};
    int rc = -1;
    /* not_date spans only drop candidates: without any, none are looked for */
    if (collect(a, "date", &cands, true) != 0 || (cands.n && collect(a, "not_date", &veto, false) != 0))
        goto done;
    po_date_cand *c = cands.data;
    if (cands.n)
        qsort(c, cands.n, sizeof *c, by_start);
    if (veto.n)
        qsort(veto.data, veto.n, sizeof(po_date_span), span_by_start);
    size_t n = drop_vetoed(c, cands.n, veto.data, veto.n);
    long kept = keep_preferred(c, n, a->text.n);
    if (kept < 0)
        goto done;
    po_date_state st;
    po_date_state_init(&st, a);
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
    if (a->o->n_dates && !(a->date_starts = malloc(a->o->n_dates * sizeof *a->date_starts)))
        goto done;
    for (size_t i = 0; i < a->o->n_dates; i++)
        a->date_starts[i] = (uint32_t)a->o->dates[i].start;
    rc = 0;
done:
    free(cands.data);
    free(veto.data);
    free(pending.data);
    return rc ? PO_ERR_NOMEM : PO_OK;
}
