/* marker.c - where a marker candidate counts; see rules.h. */
#include <string.h>

#include "rules.h"
#include "../util/utf8.h"

bool po_marker_placed(const po_rules *rules, const po_rule *marker, const po_text *t, size_t s)
{
    while (s > 0 && t->ncp[s - 1] == ' ')
        s--;
    if (s == 0 || t->ncp[s - 1] == '\n')
        return true;
    if (strcmp(po_rule_str(marker, "position", "clause"), "paragraph") == 0)
        return false;
    /* _any: the example checks run before the loader has made sure of it */
    char w[4];
    return po_lexicon_has(po_rules_lexicon_any(rules, "clause_openers"), w, po_utf8_encode(t->ncp[s - 1], w));
}

bool po_trap_applies(const po_rule *trap, const char *style)
{
    const po_attr *styles = po_rule_attr(trap, "styles");
    if (!styles || !styles->n_items)
        return true;
    for (size_t k = 0; k < styles->n_items; k++)
        if (strcmp(styles->items[k], style) == 0)
            return true;
    return false;
}
