/* context.c - what introduces each group: the sentence before its first
 * marker (context), the phrase that introduces it (会议提出), whom it
 * addresses (actor), and so what kind of list it is. Only the introducing
 * sentence is searched for the actor: a subject of an earlier sentence does
 * not carry over. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "../util/vec.h"

static bool is_blank(uint32_t c)
{
    return c == ' ' || c == '\n';
}

/* How far back a sentence or an introducer is looked for: real sentences
 * are far shorter, and the bound keeps a text of one endless sentence with
 * many lists linear. */
enum { MAX_SENTENCE = 400, MAX_INTRODUCER_REACH = 800 };

/* Start of the sentence that holds position `at` (scanning back). */
static size_t sentence_start(const po_text *t, size_t at)
{
    size_t stop = at > MAX_SENTENCE ? at - MAX_SENTENCE : 0;
    while (at > stop && !po_sentence_end(t->ncp[at - 1]))
        at--;
    return at;
}

static bool has_words(const po_text *t, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        uint32_t c = t->ncp[i];
        if (!is_blank(c) && c != 0xFF0C && c != 0xFF1A && c != 0xFF1B)
            return true;
    }
    return false;
}

/* The introducing sentence: the part of the marker's sentence before it,
 * or, when the marker opens its sentence, the sentence before. */
static void find_context(const po_text *t, size_t marker, size_t *cs, size_t *ce)
{
    size_t s = sentence_start(t, marker);
    if (has_words(t, s, marker)) {
        *cs = s;
        *ce = marker;
        return;
    }
    size_t e = s;
    while (e > 0 && is_blank(t->ncp[e - 1]))
        e--;
    *ce = e;
    *cs = e > 0 ? sentence_start(t, e - 1) : 0;
}

static void trim(const po_text *t, size_t *s, size_t *e)
{
    while (*s < *e && is_blank(t->ncp[*s]))
        (*s)++;
    while (*e > *s && is_blank(t->ncp[*e - 1]))
        (*e)--;
}

/* Every match of one kind of rule over the whole text, found once: a text
 * with many lists then costs one pass per rule, not one per list. */
typedef struct hit {
    size_t start, end;   /* the match */
    size_t gs, ge;       /* its named group (verb or actor) */
    size_t rule;         /* index among the rules of its kind */
    const po_rule *r;
} hit;

typedef struct hits {
    hit *v;
    size_t n, cap;
} hits;

static int collect(po_analysis *a, const char *kind, const char *group, hits *h)
{
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, kind, &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        size_t pos = 0;
        po_match m;
        while (po_rule_match(&a->m, r, pos, a->text.n, 0, &m) == 1) {
            pos = m.end > m.start ? m.end : m.start + 1;
            hit x = {m.start, m.end, m.start, m.start, i, r};
            if (!po_match_group(&a->m, r, group, &x.gs, &x.ge) && strcmp(group, "actor") == 0)
                continue;
            hit *slot = po_vec_push((void **)&h->v, &h->n, &h->cap, sizeof *slot);
            if (!slot)
                return -1;
            *slot = x;
        }
    }
    return 0;
}

static int by_end(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if (a->rule != b->rule)
        return a->rule < b->rule ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int by_rule_start(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->rule != b->rule)
        return a->rule < b->rule ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* The introducer ending last before the marker and starting after `from`
 * (the context's paragraph start: 会议提出 may stand two sentences before
 * the list); of those ending together, the first rule's. */
static const hit *find_introducer(const hits *h, size_t from, size_t marker)
{
    size_t lo = 0, hi = h->n; /* first hit ending after the marker */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->v[mid].end <= marker)
            lo = mid + 1;
        else
            hi = mid;
    }
    const hit *best = NULL;
    for (size_t i = lo; i-- > 0;) {
        const hit *x = &h->v[i];
        if (best && x->end < best->end)
            break;
        if (x->start >= from)
            best = x; /* walking back, so the first rule of a tie wins */
    }
    return best;
}

/* The first actor of the first rule that has one inside the context. */
static const hit *find_actor(po_analysis *a, const hits *h, size_t cs, size_t ce)
{
    const po_lexicon *reject = po_rules_lexicon(a->rules, "actor_reject");
    size_t i = 0;
    while (i < h->n) {
        size_t rule = h->v[i].rule, lo = i, hi = i;
        while (hi < h->n && h->v[hi].rule == rule)
            hi++;
        size_t j = hi; /* first hit of this rule starting at or after cs */
        while (lo < j) {
            size_t mid = lo + (j - lo) / 2;
            if (h->v[mid].start < cs)
                lo = mid + 1;
            else
                j = mid;
        }
        for (size_t k = lo; k < hi && h->v[k].start < ce; k++) {
            /* the normalised (folded) text, as the pack's words are */
            const char *w = a->text.norm + a->text.cp_byte[h->v[k].gs];
            size_t len = a->text.cp_byte[h->v[k].ge] - a->text.cp_byte[h->v[k].gs];
            if (h->v[k].end <= ce && !po_lexicon_has(reject, w, len))
                return &h->v[k];
        }
        i = hi;
    }
    return NULL;
}

po_status po_find_context(po_analysis *a)
{
    if (a->o->n_groups == 0)
        return PO_OK;
    hits intro = {0}, actors = {0};
    int rc = collect(a, "introducer", "verb", &intro) || collect(a, "actor", "actor", &actors) ? -1 : 0;
    if (intro.n)
        qsort(intro.v, intro.n, sizeof *intro.v, by_end);
    if (actors.n)
        qsort(actors.v, actors.n, sizeof *actors.v, by_rule_start);
    for (size_t gi = 0; !rc && gi < a->o->n_groups; gi++) {
        po_group *g = po_outline_group_at(a->o, gi);
        size_t marker = g->items[0].start, cs, ce;
        find_context(&a->text, marker, &cs, &ce);
        trim(&a->text, &cs, &ce);
        if (ce > cs) /* o->text is the text's original */
            g->context.s = po_text_orig_span(&a->text, cs, ce, &g->context.len);
        const char *kind = NULL;
        size_t from = po_text_para_start(&a->text, po_text_paragraph(&a->text, cs));
        if (marker > MAX_INTRODUCER_REACH && from < marker - MAX_INTRODUCER_REACH)
            from = marker - MAX_INTRODUCER_REACH;
        const hit *h = find_introducer(&intro, from, marker);
        if (h) {
            g->introducer = po_analysis_slice(a, h->start, h->end);
            g->introducer_rule = po_analysis_pack_str(a, h->r->id);
            const char *verb = a->text.norm + a->text.cp_byte[h->gs];
            size_t len = a->text.cp_byte[h->ge] - a->text.cp_byte[h->gs];
            kind = h->ge > h->gs ? po_rule_map_get(h->r, "yields", verb, len) : NULL;
        }
        h = find_actor(a, &actors, cs, ce);
        if (h) {
            g->actor = po_analysis_slice(a, h->gs, h->ge);
            g->actor_rule = po_analysis_pack_str(a, h->r->id);
            kind = "requirements";
        }
        if (!kind)
            kind = strcmp(g->style, "yao") == 0 ? "requirements" : "measures";
        g->kind = po_analysis_pack_str(a, kind);
        if (!g->kind)
            rc = -1;
    }
    free(intro.v);
    free(actors.v);
    return rc ? PO_ERR_NOMEM : PO_OK;
}
