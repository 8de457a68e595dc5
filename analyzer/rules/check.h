/* check.h - checking rules against the contract (contract.h) while a pack
 * compiles: keys and their values, the groups of each pattern, patterns
 * that would match the empty string, examples and counter-examples. */
#ifndef PO_CHECK_H
#define PO_CHECK_H

#include <stdarg.h>
#include <yaml.h>

#include "rules.h"
#include "contract.h"

/* Where problems go: diag, with the file being read; errors counts them. */
typedef struct po_reporter {
    po_diag_fn diag;
    void *user;
    const char *file;
    int errors;
} po_reporter;

void po_report(po_reporter *rep, po_diag_level level, int line, int column, const char *rule,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void po_vreport(po_reporter *rep, po_diag_level level, int line, int column, const char *rule, const char *fmt,
                va_list ap);

/* The keys of one rule map and their values: unknown keys, values of the
 * wrong shape or outside what the key accepts, required keys missing.
 * Returns false when the rule should not be kept. */
bool po_check_rule_keys(po_reporter *rep, yaml_document_t *doc, yaml_node_t *map, const char *id,
                        const po_kind_contract *kind);

/* A compiled rule's pattern: the groups its kind needs (and no others),
 * the keys its groups need, and no empty match for kinds that scan;
 * reported at line:column (the pattern's). */
void po_check_rule_pattern(po_reporter *rep, const po_rule *rule, const po_kind_contract *kind, int line,
                           int column);

/* The examples and counter-examples of every rule, on the pattern level
 * (the values of examples are the analysis's: see outline/rule_values.c),
 * and the styles traps name. Reports with each example's file and line. */
void po_check_examples(po_reporter *rep, const po_rules *rules);

/* The lexicons the code reads, each present (whole packs only); a lexicon
 * that nothing uses is a warning. used[i] tells whether lexicon i of the
 * pack is named by some pattern. */
void po_check_lexicons(po_reporter *rep, const po_rules *rules, const bool *used, const char *pack);

/* Words written twice, or beside their traditional twin (会议, 會議), which
 * the pack's folding (normalize/fold.h) makes one word: in the list or the
 * keys of the map `list` (po_check_twin_words), or as two branches of one
 * alternation or two members of one character class of a pattern scalar
 * (po_check_twin_branches). Each is a warning naming both spellings, at the
 * second one; `what` says where (lexicon 'titles'). */
void po_check_twin_words(po_reporter *rep, const char *rule, const char *what, yaml_document_t *doc,
                         yaml_node_t *list);
void po_check_twin_branches(po_reporter *rep, const char *rule, const char *what, const yaml_node_t *pattern);

#endif
