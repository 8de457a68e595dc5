/* analyze.c - po_analyze: run the stages over one ingested article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

char *po_analysis_slice(po_analysis *a, size_t start, size_t end)
{
    size_t len;
    const char *p = po_text_orig_span(&a->text, start, end, &len);
    return po_outline_strndup(a->o, p, len);
}

const char *po_analysis_shared_slice(po_analysis *a, size_t start, size_t end)
{
    size_t len;
    const char *p = po_text_orig_span(&a->text, start, end, &len);
    return po_outline_shared(a->o, &a->shared, p, len);
}

const char *po_analysis_pack_str(po_analysis *a, const char *s)
{
    return s ? po_outline_shared(a->o, &a->shared, s, strlen(s)) : NULL;
}

/* A YYYY-MM-DD day (what follows it is not read: a publication time may);
 * false, with zeros, when s is not one. */
static bool parse_day(const char *s, int *y, int *m, int *d)
{
    int yy, mm, dd;
    *y = *m = *d = 0;
    if (po_date_read_iso(s, &yy, &mm, &dd) && mm >= 1 && mm <= 12 && dd >= 1 &&
        dd <= 31) {
        *y = yy;
        *m = mm;
        *d = dd;
        return true;
    }
    return false;
}

/* Boilerplate never reaches the stages: its code points are blanked in the
 * normalised text (offsets stay valid; the original text is untouched), and
 * the scan's places are brought up to date. */
static void blank_boilerplate(po_analysis *a)
{
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "boilerplate", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        bool para = strcmp(po_rule_str(r, "scope", "span"), "paragraph") == 0;
        size_t from = 0;
        po_match m;
        while (from < a->text.n && po_rule_match(&a->m, r, from, a->text.n, 0, &m) == 1) {
            size_t s = m.start, e = m.end;
            if (para) {
                size_t p = po_text_paragraph(&a->text, s);
                s = po_text_para_start(&a->text, p);
                e = po_text_para_end(&a->text, po_text_paragraph(&a->text, e > s ? e - 1 : s));
            }
            po_text_blank(&a->text, s, e);
            (void)po_matcher_blanked(&a->m, s, e);
            from = e > m.start ? e : m.start + 1;
        }
    }
}

/* Metadata written in the text: 原标题：…, 责任编辑：… (the group `value`). */
static void text_metadata(po_analysis *a)
{
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "metadata", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        const char *field = po_rule_str(r, "field", "");
        /* most are `published` (dates_published.c): the first letter
         * settles them */
        const char **slot = field[0] == 'o' && strcmp(field, "original_title") == 0 ? &a->o->meta.original_title
                      : field[0] == 'e' && strcmp(field, "editor") == 0          ? &a->o->meta.editor
                      : field[0] == 'a' && strcmp(field, "author") == 0          ? &a->o->meta.author
                                                                                 : NULL;
        po_match m;
        size_t s, e;
        if (!slot || *slot || po_rule_match(&a->m, r, 0, a->text.n, 0, &m) != 1 ||
            !po_match_group(&a->m, r, "value", &s, &e))
            continue;
        while (e > s && (a->text.ncp[e - 1] == ' ' || a->text.ncp[e - 1] == '\n'))
            e--;
        if (e > s)
            *slot = po_analysis_slice(a, s, e);
    }
}

po_status po_analyze(const po_rules *rules, po_outline *o, const po_options *options)
{
    if (!rules || !o)
        return PO_ERR_USAGE;
    if (o->n_groups || o->n_people || o->n_meetings || o->n_dates)
        return PO_ERR_USAGE; /* analysed already: a second pass would add everything twice */
    po_analysis a;
    memset(&a, 0, sizeof a);
    a.rules = rules;
    a.o = o;
    /* a reference day the caller gives must be one (po_find_published
     * takes it, or the publication day, as the day relative dates count from) */
    int ry, rm, rd;
    if (options && options->reference_date && !parse_day(options->reference_date, &ry, &rm, &rd))
        return PO_ERR_USAGE;
    const char *text = o->text ? o->text : "";
    po_status st = po_text_init(&a.text, text, strlen(text));
    if (st != PO_OK)
        return st;
    if (po_matcher_init(&a.m, &a.text) != 0) {
        po_text_free(&a.text);
        return PO_ERR_NOMEM;
    }
    /* one scan serves every stage: blanking turns text into spaces, so the
     * places of literals after it are among those before, but for literals
     * that hold a space, which po_matcher_blanked looks for where the text
     * changed; a place too many only costs a match attempt. Without the
     * scan (out of memory) every rule simply runs. */
    (void)po_matcher_scan(&a.m, rules);
    text_metadata(&a);
    st = po_find_published(&a, options ? options->reference_date : NULL);
    blank_boilerplate(&a);
    /* each stage needs the ones before: the first failure stops the rest
     * and is the status returned */
    po_status (*const stages[])(po_analysis *) = {po_find_groups, po_find_context, po_find_dates,
                                                  po_find_people, po_find_meetings};
    for (size_t i = 0; st == PO_OK && i < sizeof stages / sizeof *stages; i++)
        st = stages[i](&a);
    if (a.m.errors)
        po_outline_warn(o, "%d pattern match(es) stopped at the PCRE2 match limit; results may be incomplete",
                        a.m.errors);
    po_matcher_free(&a.m);
    po_text_free(&a.text);
    free(a.date_starts);
    return st;
}

const char *po_status_str(po_status s)
{
    switch (s) {
    case PO_OK: return "ok";
    case PO_ERR_NOMEM: return "out of memory";
    case PO_ERR_IO: return "cannot read input";
    case PO_ERR_RULES: return "invalid rule pack";
    case PO_ERR_INPUT: return "input cannot be analysed";
    case PO_ERR_USAGE: return "invalid argument";
    }
    return "unknown status";
}
