/* groups.c - enumeration markers to groups of items.
 *
 * Every marker rule is run over the whole text; each candidate must stand at
 * a clause (or paragraph) start and survive the traps. Candidates are then
 * read in order, one open group per style: ordinal 1 opens a group, n+1
 * extends it, anything else is a stray. Groups of fewer than two items are
 * dropped. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "../normalize/numerals.h"
#include "../util/vec.h"

/* A marker rule and its style; candidates name theirs by index, so that a
 * paragraph of 100,000 lists holds 16 bytes per marker found, not 40. */
typedef struct marker_kind {
    const po_rule *rule;
    const char *style;
} marker_kind;

typedef struct cand {
    uint32_t start, end; /* the marker (po_text keeps offsets within 32 bits) */
    int32_t ordinal;
    uint32_t kind : 31;  /* index into the marker kinds */
    uint32_t last : 1;   /* 最后: closes its list */
} cand;

typedef struct cand_vec {
    cand *v;
    size_t n, cap;
    marker_kind *kinds;  /* one per marker rule */
} cand_vec;

static const char *style_of(const cand_vec *cv, const cand *c)
{
    return cv->kinds[c->kind].style;
}

static int push_cand(cand_vec *cv, const cand *c)
{
    if (cv->n >= UINT32_MAX - 1) /* runs index candidates in 32 bits */
        return -1;
    cand *slot = po_vec_push((void **)&cv->v, &cv->n, &cv->cap, sizeof *slot);
    if (!slot)
        return -1;
    *slot = *c;
    return 0;
}

static int circled_value(uint32_t c)
{
    if (c >= 0x2460 && c <= 0x2473)
        return (int)(c - 0x2460) + 1;
    if (c >= 0x3251 && c <= 0x325F)
        return (int)(c - 0x3251) + 21;
    if (c >= 0x32B1 && c <= 0x32BF)
        return (int)(c - 0x32B1) + 36;
    return 0;
}

int po_marker_ordinal(const po_rule *r, const po_text *t, size_t s, size_t e, bool *last)
{
    const char *how = po_rule_str(r, "ordinal", "cn");
    const uint32_t *cp = t->ncp + s;
    size_t n = e - s;
    *last = false;
    if (strcmp(how, "cn") == 0)
        return po_numeral_ordinal(cp, n);
    if (strcmp(how, "arabic") == 0) {
        int v = 0;
        for (size_t i = 0; i < n && i < 3; i++) {
            if (cp[i] < '0' || cp[i] > '9')
                return 0;
            v = v * 10 + (int)(cp[i] - '0');
        }
        return v;
    }
    if (strcmp(how, "circled") == 0)
        return n == 1 ? circled_value(cp[0]) : 0;
    if (strcmp(how, "words") == 0) {
        /* the normalised (folded) text, as the map's keys are */
        const char *w = t->norm + t->cp_byte[s];
        size_t len = t->cp_byte[e] - t->cp_byte[s];
        const char *v = po_rule_map_get(r, "words", w, len);
        if (!v)
            return 0;
        if (strcmp(v, "last") == 0) {
            *last = true;
            return -1;
        }
        return atoi(v);
    }
    return 0;
}

static bool trapped(po_analysis *a, size_t s, const char *style)
{
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "trap", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *t = rules_of[i];
        po_match m;
        if (po_trap_applies(t, style) && po_rule_match(&a->m, t, s, a->text.n, PO_MATCH_ANCHORED, &m) == 1)
            return true;
    }
    return false;
}

static int collect(po_analysis *a, cand_vec *cv)
{
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "marker", &n);
    if (n > INT32_MAX || !(cv->kinds = malloc((n ? n : 1) * sizeof *cv->kinds)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        const char *style = po_rule_str(r, "style", r->id);
        cv->kinds[i] = (marker_kind){r, style};
        size_t from = 0;
        po_match m;
        while (po_rule_match(&a->m, r, from, a->text.n, 0, &m) == 1) {
            from = m.end > m.start ? m.end : m.start + 1;
            size_t ns, ne;
            if (!po_marker_placed(a->rules, r, &a->text, m.start) || trapped(a, m.start, style) ||
                !po_match_group(&a->m, r, "num", &ns, &ne))
                continue;
            bool last;
            cand c = {(uint32_t)m.start, (uint32_t)m.end, po_marker_ordinal(r, &a->text, ns, ne, &last),
                      (uint32_t)i, last};
            if ((c.ordinal > 0 || c.last) && push_cand(cv, &c) != 0)
                return -1;
        }
    }
    return 0;
}

static int by_start(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end; /* longer first */
}

/* A run of candidates forming one list: its members are chained through
 * next[] in candidate order. */
typedef struct run {
    uint32_t first, last; /* candidate indexes (fewer than UINT32_MAX) */
    uint32_t n;
    int32_t ordinal;      /* of the last member */
    bool closed;          /* 最后 ended it */
} run;

enum { NO_NEXT = UINT32_MAX };

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\n';
}

/* The end of the last item: its paragraph's end, or earlier where a
 * passage break (a new 会议指出, a new speaker) starts a sentence. */
static size_t last_item_end(po_analysis *a, size_t body, size_t limit)
{
    size_t end = po_text_para_end(&a->text, po_text_paragraph(&a->text, body));
    if (limit < end)
        end = limit; /* the next list of this style starts here */
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "passage_break", &n);
    for (size_t i = 0; i < n; i++) {
        po_match m;
        if (po_rule_match(&a->m, rules_of[i], body, end, 0, &m) == 1 &&
            m.start > body && m.start < end)
            end = m.start;
    }
    return end;
}

static int build_group(po_analysis *a, const cand_vec *cv, const cand *members, size_t n, size_t limit)
{
    po_group *g = po_outline_add_group(a->o);
    if (!g || !po_outline_reserve_items(a->o, g, n))
        return -1;
    g->style = po_analysis_pack_str(a, style_of(cv, &members[0]));
    int ordinal = 0;
    for (size_t i = 0; i < n; i++) {
        const cand *c = &members[i];
        po_item *it = po_outline_add_item(a->o, g);
        if (!it)
            return -1;
        ordinal = c->last ? ordinal + 1 : c->ordinal;
        size_t body = c->end;
        while (body < a->text.n) {
            uint32_t ch = a->text.ncp[body];
            if (ch != ' ' && ch != 0xFF0C && ch != 0x3001 && ch != 0xFF1A && ch != '.')
                break;
            body++;
        }
        size_t end = i + 1 < n ? members[i + 1].start : last_item_end(a, body, limit);
        while (end > body && is_space(a->text.ncp[end - 1]))
            end--;
        size_t lead_end = body;
        while (lead_end < end && a->text.ncp[lead_end] != 0xFF0C && a->text.ncp[lead_end] != 0xFF1B &&
               a->text.ncp[lead_end] != 0x3002 && a->text.ncp[lead_end] != '\n')
            lead_end++;
        it->ordinal = ordinal;
        it->marker = po_analysis_shared_slice(a, c->start, c->end);
        it->text = po_analysis_slice(a, body, end);
        it->lead = po_analysis_slice(a, body, lead_end);
        it->paragraph = (int)po_text_paragraph(&a->text, c->start);
        it->start = c->start;
        it->end = end > c->end ? end : c->end;
        it->rule = po_analysis_pack_str(a, cv->kinds[c->kind].rule->id);
        if (!it->marker || !it->text || !it->lead || !it->rule)
            return -1;
    }
    return 0;
}

/* A nested list belongs to the item of another list that contains it.
 * Groups come in order of their first marker; a stack holds those that may
 * still contain what follows, so the pass stays linear for flat texts. */
static size_t group_end(const po_group *g)
{
    return g->items[g->n_items - 1].end;
}

static bool item_contains(const po_group *h, size_t s)
{
    size_t lo = 0, hi = h->n_items; /* the last item starting before s */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->items[mid].start < s)
            lo = mid;
        else
            hi = mid;
    }
    return h->items[lo].start < s && s < h->items[lo].end;
}

static int link_parents(po_outline *o)
{
    size_t *stack = malloc((o->n_groups + 1) * sizeof *stack), top = 0;
    if (!stack)
        return -1;
    for (size_t gi = 0; gi < o->n_groups; gi++) {
        po_group *g = po_outline_group_at(o, gi);
        size_t s = g->items[0].start;
        while (top && group_end(&o->groups[stack[top - 1]]) <= s)
            top--;
        for (size_t k = top; k-- > 0;) {
            const po_group *h = &o->groups[stack[k]];
            if (group_end(h) > s && strcmp(h->style, g->style) != 0 && item_contains(h, s)) {
                g->parent = (int)stack[k]; /* the innermost */
                break;
            }
        }
        stack[top++] = gi;
    }
    free(stack);
    return 0;
}

/* Read the candidates in order, one open run per style: ordinal 1 opens a
 * run (closing the style's previous one), n+1 extends it, anything else is
 * a stray. Returns the number of runs. */
static size_t form_runs(const cand_vec *cv, run *runs, uint32_t *next)
{
    enum { MAX_STYLES = 32 };
    const char *style[MAX_STYLES];
    size_t open[MAX_STYLES], n_styles = 0, n_runs = 0;
    for (size_t i = 0; i < cv->n; i++) {
        const cand *c = &cv->v[i];
        size_t k = 0;
        while (k < n_styles && strcmp(style[k], style_of(cv, c)) != 0)
            k++;
        run *r = k < n_styles && !runs[open[k]].closed ? &runs[open[k]] : NULL;
        next[i] = NO_NEXT;
        if (c->ordinal == 1) {
            if (r)
                r->closed = true;
            if (k == n_styles) {
                if (n_styles == MAX_STYLES)
                    continue;
                style[n_styles++] = style_of(cv, c);
            }
            open[k] = n_runs;
            runs[n_runs++] = (run){(uint32_t)i, (uint32_t)i, 1, 1, false};
        } else if (r && (c->last || c->ordinal == r->ordinal + 1)) {
            next[r->last] = (uint32_t)i;
            r->last = (uint32_t)i;
            r->n++;
            r->ordinal = c->last ? r->ordinal + 1 : c->ordinal;
            r->closed = c->last;
        }
    }
    return n_runs;
}

po_status po_find_groups(po_analysis *a)
{
    cand_vec cv = {0};
    int rc = collect(a, &cv);
    if (rc || cv.n == 0) {
        free(cv.v);
        free(cv.kinds);
        return rc ? PO_ERR_NOMEM : PO_OK;
    }
    qsort(cv.v, cv.n, sizeof *cv.v, by_start);
    cand *members = malloc(cv.n * sizeof *members);
    run *runs = malloc(cv.n * sizeof *runs);
    uint32_t *next = malloc(cv.n * sizeof *next);
    rc = members && runs && next ? 0 : -1;
    size_t n_runs = rc ? 0 : form_runs(&cv, runs, next), n_groups = 0;
    for (size_t r = 0; r < n_runs; r++)
        n_groups += runs[r].n >= 2;
    if (!rc && !po_outline_reserve_groups(a->o, n_groups))
        rc = -1;
    for (size_t r = 0; !rc && r < n_runs; r++) {
        if (runs[r].n < 2)
            continue;
        size_t m = 0;
        for (uint32_t i = runs[r].first; i != NO_NEXT; i = next[i])
            members[m++] = cv.v[i];
        /* bound the last item by the next run of its style, so that a
         * paragraph of a million markers stays linear */
        size_t limit = a->text.n;
        for (size_t q = r + 1; q < n_runs; q++)
            if (strcmp(style_of(&cv, &cv.v[runs[q].first]), style_of(&cv, &members[0])) == 0) {
                limit = cv.v[runs[q].first].start;
                break;
            }
        rc = build_group(a, &cv, members, m, limit);
    }
    if (!rc)
        rc = link_parents(a->o);
    free(members);
    free(runs);
    free(next);
    free(cv.v);
    free(cv.kinds);
    return rc ? PO_ERR_NOMEM : PO_OK;
}
