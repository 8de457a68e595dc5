/* contract.c - the contract between rule packs and the code, as tables.
 *
 * Code that reads a key, a group or a lexicon from the pack needs it listed
 * here: the loader refuses a pack that lacks it or misspells its values,
 * and rules/README.md documents exactly these tables. */
#include <string.h>

#include "contract.h"
#include "../util/closest.h"

#define VALUES(...) ((const char *const[]){__VA_ARGS__, NULL})

const po_key_contract po_common_keys[] = {
    {"id", PO_SCALAR, PO_V_TEXT, NULL, "id", true, NULL, "unique in the pack; shown by --explain"},
    {"kind", PO_SCALAR, PO_V_TEXT, NULL, "kind", true, NULL, "one of the kinds below"},
    {"pattern", PO_SCALAR, PO_V_TEXT, NULL, "pattern", true, NULL,
     "a PCRE2 pattern; {name} and {lex:name} expand definitions and lexicons"},
    {"description", PO_SCALAR, PO_V_TEXT, NULL, "description", false, NULL, "prose"},
    {"examples", PO_LIST, PO_V_TEXT, NULL, "example", false, NULL,
     "texts the pattern must match: a string, or {text, a group's expected capture, value}"},
    {"counter", PO_LIST, PO_V_TEXT, NULL, "counter-example", false, NULL,
     "texts the rule must not match"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract MARKER_KEYS[] = {
    {"style", PO_SCALAR, PO_V_TEXT, NULL, "style", true, NULL,
     "the list style; candidates of one style form one list"},
    {"ordinal", PO_SCALAR, PO_V_ONE_OF, VALUES("cn", "arabic", "circled", "words"), "ordinal", false, "cn",
     "how the group `num` reads: 一 … 九十九, 1 … 99, ① … ㊿, or by `words`"},
    {"words", PO_MAP, PO_V_ORDINAL, NULL, "ordinal word value", false, NULL,
     "word → its ordinal; `last` is the item after the one before, and ends the list"},
    {"position", PO_SCALAR, PO_V_ONE_OF, VALUES("clause", "paragraph"), "position", false, "clause",
     "where a marker counts: after a paragraph start or a clause_openers character, or at a paragraph start"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_need MARKER_NEEDS[] = {
    {NULL, "ordinal", "words", "words"},
    {NULL, NULL, NULL, NULL},
};

static const po_key_contract TRAP_KEYS[] = {
    {"styles", PO_LIST, PO_V_STYLE, NULL, "marker style", false, NULL,
     "the marker styles it rejects (default: all)"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract INTRODUCER_KEYS[] = {
    {"yields", PO_MAP, PO_V_ONE_OF, VALUES("measures", "requirements"), "list kind", true, NULL,
     "the group `verb` → the kind of the list it introduces"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract NO_KEYS[] = {
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract BOILERPLATE_KEYS[] = {
    {"scope", PO_SCALAR, PO_V_ONE_OF, VALUES("span", "paragraph"), "boilerplate scope", false, "span",
     "hide the match, or its whole paragraph"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract METADATA_KEYS[] = {
    {"field", PO_SCALAR, PO_V_ONE_OF, VALUES("original_title", "editor", "author", "published"),
     "metadata field", true, NULL,
     "the field the group `value` fills; published: the day of groups y, m, d, when the metadata has none"},
    {"from", PO_SCALAR, PO_V_ONE_OF, VALUES("info-table", "date-line", "url", "dateline", "signature"),
     "publication day source", false, NULL,
     "published: where the day is read (the outline's published_from); url matches the page's address"},
    {"take", PO_SCALAR, PO_V_ONE_OF, VALUES("first", "last"), "match taken", false, "first",
     "published: the first match, or the last (a signature)"},
    {"era", PO_SCALAR, PO_V_INT, NULL, "era", false, "0", "published: years added to the year y"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_need METADATA_NEEDS[] = {
    {NULL, "field", "published", "from"},
    {NULL, NULL, NULL, NULL},
};

static const char *const DATE_MODES[] = {
    "calendar", "range", "relative_day", "relative_month", "part_of_year", "part_of_month",
    "quarter", "quarters_to_date", "months_to_date", "years_ago", "period", "same_day",
    "this_year", "named_year", "named_year_in_sentence", "relative_week", "weekday", "vague", NULL,
};

static const po_key_contract DATE_KEYS[] = {
    {"resolve", PO_SCALAR, PO_V_ONE_OF, DATE_MODES, "resolve mode", false, "calendar",
     "how the groups become a value (the modes below)"},
    {"date_kind", PO_SCALAR, PO_V_ONE_OF, VALUES("day", "month", "year", "range", "period", "relative"),
     "date kind", false, NULL, "the kind reported, instead of the one the value implies"},
    {"approximate", PO_SCALAR, PO_V_ONE_OF, VALUES("true", "false"), "approximate flag", false, "false",
     "mark every result approximate"},
    {"value", PO_SCALAR, PO_V_INT, NULL, "day offset", false, NULL,
     "relative_day, same_day: days from the day in question"},
    {"era", PO_SCALAR, PO_V_INT, NULL, "era", false, "0",
     "years added to the year written (民國108年: 1911)"},
    {"offsets", PO_MAP, PO_V_INT, NULL, "offset", false, NULL,
     "a relative word (groups ry, rd, rm, rw, ny) → years, days, months or weeks from the reference"},
    {"parts", PO_MAP, PO_V_PART, NULL, "part", false, NULL,
     "the group `part` → months (MM, MM/MM) or days (DD/DD) or * (all); a leading ~ is approximate"},
    {"weekdays", PO_MAP, PO_V_INT, NULL, "weekday", false, NULL,
     "the group `wd` → its day of the week (1 Monday … 7 Sunday), for a word no numeral reads (日)"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_need DATE_NEEDS[] = {
    {"ry", NULL, NULL, "offsets"}, {"rd", NULL, NULL, "offsets"}, {"rm", NULL, NULL, "offsets"},
    {"rw", NULL, NULL, "offsets"}, {"ny", NULL, NULL, "offsets"}, {"part", NULL, NULL, "parts"},
    {NULL, NULL, NULL, NULL},
};

static const char *const ROLES[] = {"chair", "attendee", "speaker", "reporter", NULL};

static const po_key_contract ROLE_KEYS[] = {
    {"role", PO_SCALAR, PO_V_ONE_OF, ROLES, "role", false, "attendee", "the role the verb gives"},
    {"side", PO_SCALAR, PO_V_ONE_OF, VALUES("before", "after"), "side", false, "before",
     "where the names stand: before the verb (its subject) or after it"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract ORGANIZATION_KEYS[] = {
    {"role", PO_SCALAR, PO_V_ONE_OF, ROLES, "role", false, "attendee", "the role of the organisation"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract MEETING_KEYS[] = {
    {"type", PO_SCALAR, PO_V_TEXT, NULL, "meeting type", false, NULL,
     "the meeting's type, instead of the meeting_types word its name ends with"},
    {"main", PO_SCALAR, PO_V_ONE_OF, VALUES("chaired", "heading"), "main", false, NULL,
     "the article's meeting when neither the title nor the lead names one (the first in the text): a meeting "
     "somebody chaired, or a heading line that names it"},
    {"scope", PO_SCALAR, PO_V_ONE_OF, VALUES("any", "title"), "meeting scope", false, "any",
     "title: matched against the title only"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_key_contract NO_MEETING_KEYS[] = {
    {"scope", PO_SCALAR, PO_V_ONE_OF, VALUES("title", "lead"), "no_meeting scope", false, "title",
     "matched against the title or the lead paragraph"},
    {NULL, 0, 0, NULL, NULL, false, NULL, NULL},
};

static const po_kind_contract KINDS[] = {
    {"marker", "An enumeration marker: 一是, （三）, 第二, ①", MARKER_KEYS, "num", "", MARKER_NEEDS, true,
     "the ordinal the marker stands for (11, or last)", "trap"},
    {"trap", "Matched at a marker candidate's start, rejects it (第一要务, 一是一、二是二)", TRAP_KEYS, "", "",
     NULL, true, NULL, NULL},
    {"introducer", "The phrase that introduces a list (会议提出)", INTRODUCER_KEYS, "verb", "", NULL, true,
     NULL, NULL},
    {"actor", "The addressee of a list (各行业协会要…)", NO_KEYS, "actor", "", NULL, true, NULL, NULL},
    {"passage_break", "Where a list's last item ends early (a new 会议强调)", NO_KEYS, "", "", NULL, true, NULL,
     NULL},
    {"boilerplate", "Text hidden from every other rule", BOILERPLATE_KEYS, "", "", NULL, true, NULL, NULL},
    {"metadata", "Metadata written in the text (原标题：…, 发布日期：…)", METADATA_KEYS, "value|d", "y m",
     METADATA_NEEDS, true, NULL, NULL},
    {"date", "A date expression", DATE_KEYS, "", "y ry m d y2 m2 d2 rd rm rw ny n q part wd", DATE_NEEDS, true,
     "the date's ISO 8601 value (2011-10-17, 2022-10, 2021/2025); `ref` gives the reference day",
     "not_date"},
    {"not_date", "A span whose dates are dropped (《…》, “十五五”规划)", NO_KEYS, "", "", NULL, true, NULL, NULL},
    {"role", "The verb that gives a role to the names beside it (主持, 出席); `who`, when set, is where the names stand",
     ROLE_KEYS, "", "who", NULL, true, NULL, NULL},
    {"organization", "An organisation taking part (钢铁、有色等13家重点行业协会参加)", ORGANIZATION_KEYS,
     "name|type", "members count", NULL, true, NULL, NULL},
    {"not_person", "A span whose names are not participants (以…为核心的党中央)", NO_KEYS, "", "", NULL, true,
     NULL, NULL},
    {"subject_tail", "What may stand between a name and its verb (26日, 在北京), matched whole", NO_KEYS, "",
     "co", NULL, false, NULL, NULL},
    {"meeting", "A meeting noun phrase", MEETING_KEYS, "name", "", NULL, true, NULL, NULL},
    {"no_meeting", "An article that reports no meeting (快讯, a phone call), matched on the title or lead",
     NO_MEETING_KEYS, "", "", NULL, false, NULL, NULL},
    {"location", "Where a meeting was held (在北京)", NO_KEYS, "loc", "", NULL, true, NULL, NULL},
    {"meeting_day", "The main meeting's day in a header (开会日期, 会议时间：): the first day in the group `day`",
     NO_KEYS, "day", "", NULL, true, NULL, NULL},
};

static const po_mode_contract MODES[] = {
    {"calendar", "y|ry|m|d", "the finest of year, month, day given; a missing year is inferred"},
    {"range", "y|ry|m|d y2|m2|d2", "a start (as calendar) and an end; what the end lacks comes from the start"},
    {"relative_day", "rd|=value", "days from the reference day (`offsets` of rd, or `value`); with d, that day of the nearest month"},
    {"relative_month", "rm", "months from the reference month; optional d or part"},
    {"part_of_year", "part", "a part of year y or ry (else the year in context)"},
    {"part_of_month", "m part", "a part of month m"},
    {"quarter", "q", "the q-th quarter"},
    {"quarters_to_date", "n", "the first n quarters"},
    {"months_to_date", "n", "the first n months"},
    {"years_ago", "n", "the reference year minus n"},
    {"period", "n", "the n-th five-year plan"},
    {"same_day", "", "the day named before (`value` days after it)"},
    {"this_year", "", "the year named before in the sentence, else the reference year"},
    {"named_year", "ny", "ny (`offsets`) from the year named before in the paragraph"},
    {"named_year_in_sentence", "ny", "the same within the sentence"},
    {"relative_week", "rw", "the ISO week of the reference day, moved by rw (`offsets`)"},
    {"weekday", "wd", "day wd of the week (a numeral, or by `weekdays`): of rw's week (`offsets`), of a day named just before, or of the reference day's"},
    {"vague", "", "the reference day, approximate"},
};

static const po_lexicon_contract LEXICONS[] = {
    {"clause_openers", "groups.c", "a clause-position marker counts after one of these characters"},
    {"actor_reject", "context.c", "subjects never taken as the addressee of a list"},
    {"meeting_types", "meetings.c", "the type of a meeting, read from the end of its name"},
    {"talk_types", "meetings.c", "talks and audiences, named by their word"},
    {"ceremonies", "meetings.c", "a ceremony of a meeting, taken off its name"},
    {"trip_words", "meetings.c", "after a span of days, a trip's span rather than a meeting's"},
    {"dateline_marks", "meetings.c", "a date right before these is a dateline's, not a meeting's (电)"},
    {"titles", "people_names.c", "office words that end a title"},
    {"surnames", "people_names.c", "single-character surnames; a bare name needs one"},
    {"compound_surnames", "people_names.c", "two-character surnames"},
    {"not_names", "people_names.c", "words shaped like a name that are none"},
    {"not_in_names", "people_names.c", "characters never inside a name"},
    {"title_stops", "people_names.c", "words never inside a title"},
    {"list_separators", "people_names.c", "separators inside a list of names"},
    {"piece_separators", "people_names.c", "separators that may continue a list or start a clause"},
    {"name_joiners", "people_names.c", "words joining two names (和, 及)"},
    {"name_suffixes", "people_names.c", "words after a name that end it (同志, 等)"},
    {"subject_openers", "people_names.c", "the subject starts after these inside a clause (由)"},
    {"org_suffixes", "people_names.c", "words that end an organisation's name"},
    {"clause_ends", "people_names.c", "a subject never reaches back over these"},
    {"list_enders", "people_names.c", "an item ends here: what follows is a class"},
    {"title_cuts", "people_names.c", "a title starts after these (的)"},
    {"office_prefixes", "people_names.c", "modifiers between an organisation and its office"},
    {"transliteration", "people_names.c", "characters of transliterated names"},
    {"short_name_stops", "people_names.c", "never the given name of a two-character name"},
    {"rare_surnames", "people_names.c", "surnames that make a name only inside a list of names"},
    {"lead_verbs", "people_names.c", "the subject before these leads; those led are no names (率领)"},
    {"lead_verb_stops", "people_names.c", "words holding a lead verb that are none (率先)"},
    {"absence_marks", "people_names.c", "a note in brackets after a listed name: not there (请假)"},
    {"name_followers", "people_names.c", "what may follow a whole name in a clause (在, 是)"},
    {"weak_titles", "people_names.c", "titles that are also verbs"},
    {"people_classes", "people_names.c", "words that end a class of attendees"},
    {"date_comparison_before", "dates_resolve.c", "a date after these is a comparison"},
    {"date_cue_past", "dates_resolve.c", "a date without its year after these is past"},
    {"date_cue_past_after", "dates_resolve.c", "right after a date: it names when something was done"},
    {"date_cue_until", "dates_resolve.c", "a date after these ends a span"},
    {"date_cue_ahead", "dates_resolve.c", "a date near these is ahead"},
    {"date_cue_ahead_event", "dates_resolve.c", "future event verbs anywhere after the date in its clause"},
    {"date_cue_not", "dates_resolve.c", "words holding a cue word that are no cue (将领)"},
    {"date_cue_near_before", "dates_resolve.c", "before a date: it may lie up to 3 months ahead"},
    {"date_cue_near_after", "dates_resolve.c", "after a date: it may lie up to 3 months ahead"},
    {"date_weekday_cue_before", "dates_resolve.c", "before a bare weekday: it is one day (在周一)"},
    {"date_weekday_cue_after", "dates_resolve.c", "after a bare weekday: it is one day (周二下午, 星期三将举行)"},
    {"date_weekday_joiners", "dates_resolve.c", "what joins a weekday to the day before it (下周二和周三)"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const po_kind_contract *po_contract_kinds(size_t *n)
{
    *n = COUNT(KINDS);
    return KINDS;
}

const po_kind_contract *po_contract_kind(const char *kind)
{
    for (size_t i = 0; kind && i < COUNT(KINDS); i++)
        if (strcmp(KINDS[i].kind, kind) == 0)
            return &KINDS[i];
    return NULL;
}

const po_key_contract *po_contract_key(const po_kind_contract *k, const char *key)
{
    /* the code names keys by literals the linker merges with these: the
     * pointers settle most lookups; else keys differ mostly in their first
     * byte, and strcmp runs only when it agrees */
    for (const po_key_contract *c = k ? k->keys : NULL; c && c->key; c++)
        if (c->key == key)
            return c;
    for (const po_key_contract *c = po_common_keys; c->key; c++)
        if (c->key == key)
            return c;
    for (const po_key_contract *c = po_common_keys; c->key; c++)
        if (c->key[0] == key[0] && strcmp(c->key, key) == 0)
            return c;
    for (const po_key_contract *c = k ? k->keys : NULL; c && c->key; c++)
        if (c->key[0] == key[0] && strcmp(c->key, key) == 0)
            return c;
    return NULL;
}

const po_mode_contract *po_contract_modes(size_t *n)
{
    *n = COUNT(MODES);
    return MODES;
}

const po_mode_contract *po_contract_mode(const char *mode)
{
    for (size_t i = 0; i < COUNT(MODES); i++)
        if (strcmp(MODES[i].mode, mode) == 0)
            return &MODES[i];
    return NULL;
}

const po_lexicon_contract *po_contract_lexicons(size_t *n)
{
    *n = COUNT(LEXICONS);
    return LEXICONS;
}

const po_lexicon_contract *po_contract_lexicon(const char *name)
{
    for (size_t i = 0; i < COUNT(LEXICONS); i++)
        if (strcmp(LEXICONS[i].name, name) == 0)
            return &LEXICONS[i];
    return NULL;
}

bool po_contract_token(const char **cur, const char *end, char sep, const char **tok, size_t *len)
{
    const char *p = *cur;
    while (p < end && *p == sep)
        p++;
    const char *e = p;
    while (e < end && *e != sep)
        e++;
    *cur = e;
    *tok = p;
    *len = (size_t)(e - p);
    return e > p;
}

bool po_contract_group_listed(const char *list, const char *name, size_t len)
{
    const char *cur = list, *end = list + strlen(list), *term, *alt;
    size_t tl, al;
    while (po_contract_token(&cur, end, ' ', &term, &tl))
        for (const char *c = term; po_contract_token(&c, term + tl, '|', &alt, &al);)
            if (al == len && memcmp(alt, name, len) == 0)
                return true;
    return false;
}

void po_contract_expected(const po_key_contract *key, po_buf *out)
{
    switch (key->type) {
    case PO_V_ONE_OF:
        for (size_t i = 0; key->values[i]; i++)
            po_buf_printf(out, "%s%s", i ? ", " : "", key->values[i]);
        break;
    case PO_V_INT:
        po_buf_puts(out, "an integer");
        break;
    case PO_V_ORDINAL:
        po_buf_puts(out, "a positive integer or last");
        break;
    case PO_V_PART:
        po_buf_puts(out, "*, N or N/N, after an optional ~");
        break;
    case PO_V_STYLE:
        po_buf_puts(out, "the style of a marker rule");
        break;
    case PO_V_TEXT:
        po_buf_puts(out, "a string");
        break;
    }
}

/* ---- the README section ------------------------------------------------ */

/* "y|ry m" as "`y`/`ry`, `m`" (and =key as "key `key`") */
static void groups_md(po_buf *b, const char *list)
{
    const char *cur = list, *end = list + strlen(list), *term, *alt;
    size_t tl, al;
    for (bool first = true; po_contract_token(&cur, end, ' ', &term, &tl); first = false) {
        po_buf_puts(b, first ? "" : ", ");
        for (const char *c = term; po_contract_token(&c, term + tl, '|', &alt, &al);) {
            bool key = *alt == '=';
            po_buf_printf(b, "%s%s`%.*s`", alt > term ? "/" : "", key ? "key " : "", (int)(al - key), alt + key);
        }
    }
}

static void key_row(po_buf *b, const po_key_contract *k)
{
    po_buf_printf(b, "| `%s` | %s | ", k->key, k->required ? "required" : "optional");
    if (k->shape == PO_LIST && k->type == PO_V_TEXT) {
        po_buf_puts(b, "list of strings");
    } else {
        po_buf_puts(b, k->shape == PO_LIST ? "list of: " : k->shape == PO_MAP ? "map to: " : "");
        po_contract_expected(k, b);
    }
    po_buf_printf(b, " | %s%s%s | %s |\n", k->def ? "`" : "", k->def ? k->def : "", k->def ? "`" : "", k->doc);
}

static void keys_table(po_buf *b, const po_key_contract *keys)
{
    po_buf_puts(b, "\n| key | | value | default | meaning |\n|---|---|---|---|---|\n");
    for (const po_key_contract *c = keys; c->key; c++)
        key_row(b, c);
}

/* "The groups `ry`, `rd` need `offsets`; `part` needs `parts`." */
static void needs_md(po_buf *b, const po_key_need *needs)
{
    for (const po_key_need *n = needs; n->needs; n++) {
        if (!n->group) {
            po_buf_printf(b, "\n`%s: %s` needs the key `%s`.\n", n->key, n->value, n->needs);
            continue;
        }
        bool seen = false;
        for (const po_key_need *m = needs; m < n && !seen; m++)
            seen = m->group && strcmp(m->needs, n->needs) == 0;
        if (seen)
            continue;
        size_t count = 0;
        po_buf_puts(b, "\nThe group");
        for (const po_key_need *m = n; m->needs; m++)
            if (m->group && strcmp(m->needs, n->needs) == 0)
                po_buf_printf(b, "%s `%s`", count++ ? "," : "", m->group);
        po_buf_printf(b, " need%s the key `%s`.\n", count > 1 ? "" : "s", n->needs);
    }
}

void po_contract_markdown(po_buf *b)
{
    po_buf_puts(b, "Every rule has these keys:\n");
    keys_table(b, po_common_keys);
    po_buf_puts(b, "\nA pattern names the groups the code reads (`(?<num>…)`); any other named group is "
                   "refused (write `(?:…)`). Rules of every kind but");
    size_t whole = 0;
    for (size_t i = 0; i < COUNT(KINDS); i++)
        if (!KINDS[i].scans)
            po_buf_printf(b, "%s `%s`", whole++ ? " and" : "", KINDS[i].kind);
    po_buf_puts(b, " are run along the text, so their patterns may not match the empty string.\n");
    for (size_t i = 0; i < COUNT(KINDS); i++) {
        const po_kind_contract *k = &KINDS[i];
        po_buf_printf(b, "\n### `%s`\n\n%s.", k->kind, k->doc);
        if (*k->groups) {
            po_buf_puts(b, " Groups: ");
            groups_md(b, k->groups);
            po_buf_puts(b, " (required)");
        }
        if (*k->optional_groups) {
            po_buf_puts(b, *k->groups ? ", " : " Groups: ");
            groups_md(b, k->optional_groups);
            po_buf_puts(b, strcmp(k->kind, "date") == 0 ? " (as the mode needs)" : " (optional)");
        }
        if (*k->groups || *k->optional_groups)
            po_buf_putc(b, '.');
        if (k->value_doc)
            po_buf_printf(b, " An example's `value`: %s.", k->value_doc);
        if (k->suppressed_by && strcmp(k->suppressed_by, "trap") == 0)
            po_buf_puts(b, " Examples and counter-examples are taken as the analysis takes them: a match "
                           "counts at the start its `position` needs, unless a `trap` rejects it.");
        else if (k->suppressed_by)
            po_buf_printf(b, " Examples and counter-examples are taken as the analysis takes them: a match "
                             "inside a `%s` match does not count.", k->suppressed_by);
        po_buf_putc(b, '\n');
        if (k->keys->key)
            keys_table(b, k->keys);
        if (k->needs)
            needs_md(b, k->needs);
    }
    po_buf_puts(b, "\n### Date resolve modes\n\nThe groups each mode needs (`a`/`b`: either).\n\n"
                   "| mode | groups | value |\n|---|---|---|\n");
    for (size_t i = 0; i < COUNT(MODES); i++) {
        po_buf_printf(b, "| `%s` | ", MODES[i].mode);
        groups_md(b, MODES[i].groups);
        po_buf_printf(b, " | %s |\n", MODES[i].doc);
    }
    po_buf_puts(b, "\n### Lexicons the code reads\n\nEach is required: a pack without one is refused.\n\n"
                   "| lexicon | read by | meaning |\n|---|---|---|\n");
    for (size_t i = 0; i < COUNT(LEXICONS); i++)
        po_buf_printf(b, "| `%s` | %s | %s |\n", LEXICONS[i].name, LEXICONS[i].reader, LEXICONS[i].doc);
}

/* ---- suggestions ---------------------------------------------------------- */

const char *po_closest_name(const char *word, const char *const *names, size_t n)
{
    size_t third = strlen(word) / 3;
    return po_closest(word, names, n, third ? third : 1);
}
