/* schema.c - which keys each kind of rule takes. A key not listed here is
 * an error, so a typo in a rule file is caught when the pack loads. */
#include <string.h>

#include "rules.h"

typedef struct kind_schema {
    const char *kind;
    const char *keys[12];
} kind_schema;

/* id, kind, pattern and description are allowed everywhere */
static const kind_schema KINDS[] = {
    /* an enumeration marker; `num` names the ordinal in the pattern */
    {"marker", {"style", "ordinal", "words", "position", NULL}},
    /* rejects a marker candidate matched (anchored) at its start */
    {"trap", {"styles", NULL}},
    /* the phrase that introduces a list: 会议提出, 他强调 */
    {"introducer", {"yields", NULL}},
    /* the addressee of a list, as the group `actor` of the pattern */
    {"actor", {"reject", NULL}},
    /* paragraphs or spans that never reach the analysis */
    {"boilerplate", {"scope", NULL}},
    /* metadata found in the text: 原标题：…, 责任编辑：… */
    {"metadata", {"field", NULL}},
    /* a point where a passage plainly moves on: a new 会议指出, a new speaker */
    {"passage_break", {NULL}},
    /* dates: `resolve` names how the matched groups become a value;
     * `offsets` and `parts` map the words of a group to numbers */
    {"date", {"resolve", "date_kind", "approximate", "value", "offsets", "parts", "era", NULL}},
    /* words that are never dates where they match (“十五五”规划) */
    {"not_date", {NULL}},
    /* people: the verb that gives a role, with the name before/after it */
    {"role", {"role", "side", NULL}},
    /* people: a pattern that finds an organisation as participant */
    {"organization", {"role", NULL}},
    /* people: a span where names are not participants (以…为核心的党中央) */
    {"not_person", {NULL}},
    /* meetings: a meeting noun phrase; `type` from the lexicon or given */
    {"meeting", {"type", "main", "scope", NULL}},
    /* meetings: a location phrase (在北京) */
    {"location", {NULL}},
    /* people: what may stand between a subject and its verb (13日, 在北京) */
    {"subject_tail", {NULL}},
    /* meetings: an article that reports no meeting (快讯, a phone call) */
    {"no_meeting", {"scope", NULL}},
};

static const char *const COMMON[] = {"id", "kind", "pattern", "description", "examples", NULL};

const char *const *po_schema_keys(const char *kind)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].kind, kind) == 0)
            return KINDS[i].keys;
    return NULL;
}

bool po_schema_common_key(const char *key);
bool po_schema_common_key(const char *key)
{
    for (size_t i = 0; COMMON[i]; i++)
        if (strcmp(COMMON[i], key) == 0)
            return true;
    return false;
}
