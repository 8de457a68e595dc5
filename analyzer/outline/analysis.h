/* analysis.h - the state one analysis shares between its stages. Each stage
 * reads the normalised text through the matcher and adds to the outline. */
#ifndef PO_ANALYSIS_H
#define PO_ANALYSIS_H

#include "policy_outline.h"
#include "model.h"
#include "../normalize/text.h"
#include "../rules/rules.h"

typedef struct po_analysis {
    const po_rules *rules;
    po_outline *o;
    po_text text;     /* over o->text */
    po_matcher m;
    int ref_year, ref_month, ref_day; /* 0 when no reference day is known */
    uint32_t *date_starts; /* after the dates stage: o->dates' starts, which
                              it leaves in the order of their start */
    po_shared_strings shared; /* styles, rule ids, kinds, markers */
} po_analysis;

/* Copy [start, end) of the original text into the outline's arena. */
char *po_analysis_slice(po_analysis *a, size_t start, size_t end);
/* The same for a short string that recurs (a marker), through a->shared. */
const char *po_analysis_shared_slice(po_analysis *a, size_t start, size_t end);
/* One copy of a string of the rule pack (a rule's id, a style, a kind): the
 * outline may outlive the pack. NULL for NULL or when out of memory. */
const char *po_analysis_pack_str(po_analysis *a, const char *s);

/* The stages, in the order po_analyze runs them. Each returns PO_OK, or the
 * status of the failure that stopped it (PO_ERR_NOMEM: out of memory; the
 * helpers inside a stage return -1 for that); po_analyze returns it. */
/* dates_published.c: the publication day read from the article when the
 * metadata gives none (o->meta.published, published_from), and the
 * reference day: reference_date when given, else the dateline day, else the
 * publication day. */
po_status po_find_published(po_analysis *a, const char *reference_date);
po_status po_find_groups(po_analysis *a);   /* groups.c: markers -> groups -> items */
po_status po_find_context(po_analysis *a);  /* context.c: introducer, context, actor, kind */
po_status po_find_dates(po_analysis *a);    /* dates.c */
po_status po_find_people(po_analysis *a);   /* people.c */
po_status po_find_meetings(po_analysis *a); /* meetings.c: after people and dates */

/* The ordinal a marker rule's group `num` stands for at [s, e) of t (groups.c):
 * 1, 2 …, or -1 with *last set for a word meaning "the last"; 0 when unreadable. */
int po_marker_ordinal(const po_rule *r, const po_text *t, size_t s, size_t e, bool *last);

#endif
