/* rule_values.h - the `value` of rule examples, checked by the analysis
 * itself: a marker's ordinal, a date's ISO 8601 value. The loader checks
 * that examples match (rules/check.c); what they resolve to is the outline
 * stage's to say, so the check lives here. */
#ifndef PO_RULE_VALUES_H
#define PO_RULE_VALUES_H

#include <stddef.h>

#include "rules/rules.h"

/* Check every example of the pack that gives a `value`. Each failure goes
 * to diag as an error at the example's FILE:LINE:COLUMN. Returns the number
 * of failures (out of memory counts as one); *checked (may be NULL)
 * receives the number of values checked. */
size_t po_rules_check_values(const po_rules *rules, po_diag_fn diag, void *user, size_t *checked);

#endif
