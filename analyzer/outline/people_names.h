/* people_names.h - reading person names out of a subject phrase.
 *
 * A subject phrase is what stands before a role verb (工业和信息化部党组成员、
 * 副部长辛国斌 | 主持召开). It is a list of items; each item is titles then a
 * name, and the item next to the verb may carry a tail (13日, 在北京). Every
 * word list comes from the rule pack (rules/people.yaml); nothing here knows
 * a Chinese word. Spans are code points of the analysis text. */
#ifndef PO_PEOPLE_NAMES_H
#define PO_PEOPLE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"

typedef struct po_span {
    size_t s, e;
} po_span;

/* One person read from a phrase. */
typedef struct po_name_hit {
    po_span name;
    po_span titles[6];
    size_t n_titles;
} po_name_hit;

/* The lexicons and rules the reader needs, looked up once per analysis. */
typedef struct po_name_reader {
    po_analysis *a;
    const po_lexicon *titles, *surnames, *compound, *not_names, *not_in_names, *title_stops,
        *separators, *pieces, *joiners, *suffixes, *enders, *openers, *org_suffixes, *clause_ends,
        *title_cuts, *office_prefixes, *translit,
        *short_stops, *weak_titles, *classes, *rare_surnames, *lead_verbs, *lead_verb_stops, *absence,
        *name_followers;
    const po_rule *const *tails; /* the pack's */
    struct po_hitlist *lists;    /* po_read_subject's, made on first use */
    size_t n_tails;
    /* where a (not weak) title ends in the text, by the two code points
     * after it: known_name's index, built on first use */
    struct po_title_end *title_ends;
    size_t n_title_ends;
    bool title_ends_built;
    int quiet;          /* > 0 while trying readings that may be dropped */
    int uncertain;      /* items that looked like a name but were not taken */
    po_span first_uncertain; /* the first of them, for the warning */
} po_name_reader;

int po_name_reader_init(po_name_reader *r, po_analysis *a);
/* A reader over another analysis a of the same pack, with from's lexicons
 * and rules (looked up once per article, not once per text read). */
void po_name_reader_like(po_name_reader *r, const po_name_reader *from, po_analysis *a);
void po_name_reader_free(po_name_reader *r);

/* Longest word of lex at code point i (ending by end); its length in code
 * points, 0 when none. */
static inline size_t po_lex_at(const po_name_reader *r, const po_lexicon *lex, size_t i, size_t end)
{
    return po_lexicon_at(lex, &r->a->text, i, end);
}
/* Longest word of lex ending exactly at code point e (starting at or after
 * from); its length, 0 when none. */
static inline size_t po_lex_ending(const po_name_reader *r, const po_lexicon *lex, size_t from, size_t e)
{
    return po_lexicon_ending(lex, &r->a->text, from, e);
}

/* Read the people of a subject phrase [s, e) (the verb follows e when
 * verb_side is true). Calls add for each; returns the number found, or -1
 * when out of memory (add returned -1). */
typedef int (*po_name_fn)(const po_name_hit *hit, void *user);
int po_read_subject(po_name_reader *r, size_t s, size_t e, bool verb_side, po_name_fn add, void *user);

/* The organisation of a title (工业和信息化部 of 工业和信息化部党组成员), or
 * false when the title names none. */
bool po_title_org(const po_name_reader *r, po_span title, po_span *org);

#endif
