/* context.c - what introduces each group: the sentence before its first
 * marker (context), the phrase that introduces it (会议提出), whom it
 * addresses (actor), and so what kind of list it is. Only the introducing
 * sentence is searched for the actor: a subject of an earlier sentence does
 * not carry over. */
#include <string.h>

#include "analysis.h"

static bool ends_sentence(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n'; /* 。！？ */
}

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
    while (at > stop && !ends_sentence(t->ncp[at - 1]))
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

/* The last introducer ending before the marker, from the start of the
 * context's paragraph: 会议提出 may stand two sentences before the list. */
static bool find_introducer(po_analysis *a, size_t from, size_t marker, po_match *best,
                            const char **kind)
{
    bool found = false;
    size_t n = po_rules_count(a->rules, "introducer");
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = po_rules_get(a->rules, "introducer", i);
        size_t pos = from;
        po_match m;
        while (po_rule_match(&a->m, r, pos, marker, 0, &m) == 1) {
            pos = m.end > m.start ? m.end : m.start + 1;
            if (found && m.end <= best->end)
                continue;
            *best = m;
            found = true;
            size_t vs, ve;
            *kind = NULL;
            if (po_match_group(&a->m, r, "verb", &vs, &ve)) {
                size_t len;
                const char *verb = po_text_orig_span(&a->text, vs, ve, &len);
                *kind = po_rule_map_get(r, "yields", verb, len);
            }
        }
    }
    return found;
}

static bool find_actor(po_analysis *a, size_t cs, size_t ce, po_match *out, size_t *as, size_t *ae)
{
    const po_lexicon *reject = po_rules_lexicon(a->rules, "actor_reject");
    size_t n = po_rules_count(a->rules, "actor");
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = po_rules_get(a->rules, "actor", i);
        size_t pos = cs;
        po_match m;
        while (po_rule_match(&a->m, r, pos, ce, 0, &m) == 1) {
            pos = m.end > m.start ? m.end : m.start + 1;
            size_t s, e, len;
            if (!po_match_group(&a->m, r, "actor", &s, &e))
                continue;
            const char *w = po_text_orig_span(&a->text, s, e, &len);
            if (po_lexicon_has(reject, w, len))
                continue;
            *out = m;
            *as = s;
            *ae = e;
            return true;
        }
    }
    return false;
}

int po_find_context(po_analysis *a)
{
    for (size_t gi = 0; gi < a->o->n_groups; gi++) {
        po_group *g = &a->o->groups[gi];
        size_t marker = g->items[0].start, cs, ce;
        find_context(&a->text, marker, &cs, &ce);
        trim(&a->text, &cs, &ce);
        if (ce > cs && !(g->context = po_analysis_slice(a, cs, ce)))
            return -1;
        po_match m;
        const char *kind = NULL;
        size_t from = po_text_para_start(&a->text, po_text_paragraph(&a->text, cs));
        if (marker > MAX_INTRODUCER_REACH && from < marker - MAX_INTRODUCER_REACH)
            from = marker - MAX_INTRODUCER_REACH;
        if (find_introducer(a, from, marker, &m, &kind)) {
            g->introducer = po_analysis_slice(a, m.start, m.end);
            g->introducer_rule = po_outline_strdup(a->o, m.rule->id);
        }
        size_t as, ae;
        if (find_actor(a, cs, ce, &m, &as, &ae)) {
            g->actor = po_analysis_slice(a, as, ae);
            g->actor_rule = po_outline_strdup(a->o, m.rule->id);
            kind = "requirements";
        }
        if (!kind)
            kind = strcmp(g->style, "yao") == 0 ? "requirements" : "measures";
        g->kind = po_outline_strdup(a->o, kind);
        if (!g->kind)
            return -1;
    }
    return 0;
}
