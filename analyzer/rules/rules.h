/* rules.h - the compiled rule pack and the per-document matcher.
 *
 * A pack is a set of YAML files. Each file may hold three sections:
 *   defs:     name -> regex fragment, used in patterns as {name}
 *   lexicons: name -> list of words, used in patterns as {lex:name}
 *             (an alternation, longest word first) and readable by code
 *   rules:    a list of mappings; every rule has an id and a kind, most a
 *             pattern, and the keys its kind allows.
 * What each kind takes is the contract (contract.h), checked when a pack
 * compiles (check.c) and documented in rules/README.md. */
#ifndef PO_RULES_H
#define PO_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy_outline.h"
#include "../normalize/text.h"
#include "prefilter.h"

/* A rule's attribute: a scalar (value), or a list / map (items; a map holds
 * key, value, key, value ...). */
typedef struct po_attr {
    const char *key;
    const char *value;
    const char **items;
    size_t n_items;
    bool is_map;
    int line, column; /* of the value in its file */
} po_attr;

/* An example (or, when counter, a counter-example) of a rule, as written. */
typedef struct po_example {
    const char *text;
    const char *value;   /* the expected value (see the kind's contract), or NULL */
    const char *ref;     /* the reference day for value, or NULL */
    const char **groups; /* group name, expected capture, name, capture ... */
    size_t n_groups;     /* entries in groups (twice the pairs) */
    bool counter;
    int line, column;
} po_example;

typedef struct po_rule {
    const char *id;
    const char *kind;
    const char *file;
    int line, column;
    const char *pattern; /* after {def} expansion; NULL when the rule has none */
    pcre2_code *re;
    bool jit;          /* re is JIT-compiled: the matcher calls the JIT directly */
    uint32_t captures; /* re's capture groups */
    int filter; /* prefilter slot + 1 (prefilter.h); 0: always run */
    size_t max_len;  /* with a slot: its longest match in bytes (SIZE_MAX: unbounded) */
    uint32_t stops;  /* and the stops no match holds (prefilter.h) */
    const struct po_kind_contract *contract; /* its kind's (contract.h), once compiled */
    po_attr *attrs;
    size_t n_attrs;
    po_example *examples; /* examples, then counter-examples */
    size_t n_examples;
} po_rule;

/* A lexicon: its words, longest first, and an index built when the pack
 * compiles (lexicon.c), so that lookups cost the words sharing a first or
 * last code point, not the whole list. */
typedef struct po_lexicon_index po_lexicon_index;
typedef struct po_lexicon_bucket {
    uint32_t key, start, n;
} po_lexicon_bucket;

typedef struct po_lexicon {
    const char *name;
    const char **words;
    size_t n_words;
    const po_lexicon_index *index; /* NULL until the pack is compiled */
    const char *file;              /* where it is first defined */
    int line, column;
    bool declared;                 /* in rules/contract.c (set when the pack is compiled) */
} po_lexicon;

/* A YAML source: a display name for messages and its text. */
typedef struct po_rule_source {
    const char *name;
    const char *text;
    size_t len;
} po_rule_source;

/* Compile sources into a pack. Reports errors through diag. */
po_status po_rules_compile(const po_rule_source *sources, size_t n, po_rules **out,
                           po_diag_fn diag, void *user);

/* The same for a part of a pack (tests): the lexicons the code reads are
 * not required. */
enum { PO_COMPILE_FRAGMENT = 1u };
po_status po_rules_compile_flags(const po_rule_source *sources, size_t n, unsigned flags,
                                 po_rules **out, po_diag_fn diag, void *user);

/* Every rule of the pack, in pack order. */
size_t po_rules_all(const po_rules *rules, const po_rule **first);
/* Every lexicon of the pack. */
size_t po_rules_lexicons(const po_rules *rules, const po_lexicon **first);

/* The rules of one kind, in pack order (file name order, then file order). */
size_t po_rules_count(const po_rules *rules, const char *kind);
const po_rule *po_rules_get(const po_rules *rules, const char *kind, size_t i);
/* The same at once: the array of the kind's rules (owned by the pack), and
 * their count in *n (0, with a NULL array, for a kind without rules). */
const po_rule *const *po_rules_of(const po_rules *rules, const char *kind, size_t *n);
const po_rule *po_rules_find(const po_rules *rules, const char *id);

/* A lexicon the code reads (the contract lists it, so a pack has it). */
const po_lexicon *po_rules_lexicon(const po_rules *rules, const char *name);
/* Any lexicon by name, also one only patterns use (tests, `rules list`), or NULL. */
const po_lexicon *po_rules_lexicon_any(const po_rules *rules, const char *name);

/* Whether word[0, len) is a word of lex (false for a NULL lex). */
bool po_lexicon_has(const po_lexicon *lex, const char *word, size_t len);
/* The longest word of lex that s[0, len) starts with (prefix) or ends with
 * (suffix): its byte length, 0 when none (or lex is NULL); *word (when
 * word is not NULL) is set to it. */
size_t po_lexicon_prefix(const po_lexicon *lex, const char *s, size_t len, const char **word);
size_t po_lexicon_suffix(const po_lexicon *lex, const char *s, size_t len, const char **word);
/* The same at code points of a text's normalised form (lexicon_text.c):
 * the longest word of lex starting at i and ending by end, or ending at e
 * and starting at or after from; its length in code points, 0 when none
 * (or lex is NULL, or the span is empty or past the text). */
size_t po_lexicon_at(const po_lexicon *lex, const po_text *t, size_t i, size_t end);
size_t po_lexicon_ending(const po_lexicon *lex, const po_text *t, size_t from, size_t e);
/* False when no word of lex starts (ends) with code point cp; true may be
 * a false alarm. A cheap test before a lookup at every place of a text. */
bool po_lexicon_may_start(const po_lexicon *lex, uint32_t cp);
bool po_lexicon_may_end(const po_lexicon *lex, uint32_t cp);
/* The byte length of word i. */
size_t po_lexicon_word_len(const po_lexicon *lex, size_t i);
/* Build lex's index in arena (the pack's); 0, or -1 when out of memory. */
struct po_arena;
int po_lexicon_index_build(po_lexicon *lex, struct po_arena *arena);

/* A rule attribute; NULL when the rule has none. */
const po_attr *po_rule_attr(const po_rule *rule, const char *key);
/* Its scalar value, or def when absent. */
const char *po_rule_str(const po_rule *rule, const char *key, const char *def);
/* The value for key in a map attribute (attr) of the rule, or NULL. */
const char *po_rule_map_get(const po_rule *rule, const char *attr, const char *key, size_t keylen);

/* ---- matching ------------------------------------------------------------- */

enum { PO_MATCH_ANCHORED = 1u };

typedef struct po_matcher {
    const po_text *text;
    pcre2_match_data *md;
    pcre2_match_context *mc;
    int errors; /* matches stopped by a limit or an error */
    po_prefilter_hits hits; /* where rules may match; inactive until scanned */
    const po_prefilter *pf;
    pcre2_match_data *sd; /* po_matcher_string's, apart from md's last match */
} po_matcher;

typedef struct po_match {
    size_t start, end; /* code points */
    const po_rule *rule;
} po_match;

int po_matcher_init(po_matcher *m, const po_text *text);
/* A matcher that only holds places (po_matcher_scan, po_matcher_may_match):
 * no match data, so po_rule_match is not for it. po_matcher_free frees it. */
void po_matcher_init_places(po_matcher *m, const po_text *text);
void po_matcher_free(po_matcher *m);
/* Find where the pack's rules may match in the text as it is now (the text
 * must not change afterwards); until then, and when this fails for want of
 * memory, every rule runs over all of its range. Matches are the same
 * either way. 0, or -1 when out of memory. */
int po_matcher_scan(po_matcher *m, const po_rules *rules);
/* After po_text_blank(start, end) of m's text: the places of literals that
 * blanking made (only literals that hold a space can gain one). 0, or -1
 * when out of memory (every rule then simply runs). */
int po_matcher_blanked(po_matcher *m, size_t start, size_t end);
/* The pack's prefilter; NULL in the reference mode. */
const po_prefilter *po_rules_prefilter(const po_rules *rules);

/* The first match of rule in [from, until) of the normalised text (until
 * bounds the subject). 1 found, 0 none, -1 stopped by a limit or error. */
int po_rule_match(po_matcher *m, const po_rule *rule, size_t from, size_t until, unsigned flags,
             po_match *out);

/* After a match of rule: the span of a named group; false when unset. */
bool po_match_group(const po_matcher *m, const po_rule *rule, const char *name, size_t *start,
                    size_t *end);
/* The same by the group's number, looked up once (po_rule_group_number)
 * for many matches of a rule; false too for a number below 0. */
int po_rule_group_number(const po_rule *rule, const char *name); /* -1 when none */
/* The same for n names at once: num[i] for names[i]. */
void po_rule_group_numbers(const po_rule *rule, const char *const *names, size_t n, int *num);
bool po_match_group_number(const po_matcher *m, int num, size_t *start, size_t *end);

/* Match a rule against a standalone, valid UTF-8 string (whole string). Returns
 * 1 with the byte span of the match (and of group `name` when non-NULL), 0, or -1. */
int po_match_string(const po_rule *rule, const char *s, size_t len, const char *name,
                    size_t *start, size_t *end);
/* The same with the matcher's match data, made once per analysis rather
 * than once per call; po_match_group still reads the last po_rule_match.
 * s is not checked for valid UTF-8 (a slice of a normalised text is). */
int po_matcher_string(po_matcher *m, const po_rule *rule, const char *s, size_t len, const char *name,
                      size_t *start, size_t *end);
/* Whether rule may match within bytes [from, until) of m's normalised text:
 * false only when m's scan found none of the rule's literals starting
 * there (every match holds one), so that a short string cut from the text
 * need not be run at all. */
bool po_matcher_may_match(const po_matcher *m, const po_rule *rule, size_t from, size_t until);

/* Markers (marker.c): the one reading of where a candidate counts, shared by
 * the analysis (groups.c) and the example checks (check.c). */
/* Does a marker rule's match starting at code point s of t stand where its
 * `position` counts: at a paragraph start, or for clause markers right after
 * a clause_openers character? White space before it does not count. */
bool po_marker_placed(const po_rules *rules, const po_rule *marker, const po_text *t, size_t s);
/* Does a trap rule apply to markers of style (its `styles`, or all)? */
bool po_trap_applies(const po_rule *trap, const char *style);

#endif
