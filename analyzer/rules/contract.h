/* contract.h - what the code reads from a rule pack, as data.
 *
 * For each kind: the keys a rule may have (required or with a default),
 * the values each key accepts, the named groups its pattern must have; and
 * the lexicons the code reads by name. The loader checks every pack against
 * these tables (check.c), the `rules` command prints them, and the contract
 * section of rules/README.md is generated from them (a test compares). */
#ifndef PO_CONTRACT_H
#define PO_CONTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

/* The shape of a key's value in YAML. */
typedef enum po_shape { PO_SCALAR, PO_LIST, PO_MAP } po_shape;

/* What each value accepts (a scalar, each item of a list, each value of a map). */
typedef enum po_value_type {
    PO_V_TEXT,    /* any non-empty string */
    PO_V_ONE_OF,  /* one of `values` */
    PO_V_INT,     /* an integer: -1, 0, 12 */
    PO_V_ORDINAL, /* a positive integer, or `last` */
    PO_V_PART,    /* a part of a year or month: ~?(*|N|N/N) */
    PO_V_STYLE    /* the style of a marker rule of the pack */
} po_value_type;

typedef struct po_key_contract {
    const char *key;
    po_shape shape;
    po_value_type type;
    const char *const *values; /* PO_V_ONE_OF: NULL-terminated */
    const char *noun;          /* in messages: "unknown resolve mode 'x'" */
    bool required;
    const char *def;           /* the value the code assumes when absent, or NULL */
    const char *doc;
} po_key_contract;

/* A key that becomes required by a group in the pattern (ry needs offsets)
 * or by another key's value (ordinal: words needs words). */
typedef struct po_key_need {
    const char *group;     /* or NULL */
    const char *key, *value; /* or NULL */
    const char *needs;
} po_key_need;

/* How a date rule's groups become a value (the `resolve` key). */
typedef struct po_mode_contract {
    const char *mode;
    const char *groups; /* required, as in po_kind_contract.groups */
    const char *doc;
} po_mode_contract;

typedef struct po_kind_contract {
    const char *kind;
    const char *doc;
    const po_key_contract *keys; /* terminated by a NULL key */
    /* Groups the pattern must have: space-separated; a|b means either one,
     * and =k counts the key k as that alternative (rd|=value). */
    const char *groups;
    const char *optional_groups; /* space-separated; any other name is refused */
    const po_key_need *needs;    /* terminated by a NULL needs; or NULL */
    /* Run forward over the text (every match, or the first from a point): a
     * pattern that can match the empty string would match everywhere. */
    bool scans;
    /* What an example's `value` means for this kind, or NULL (none). */
    const char *value_doc;
    /* Examples are taken as the analysis takes matches: a marker only at
     * the start its position needs and unless a trap (anchored at its
     * start) matches; a date unless a not_date match spans it. NULL: the
     * pattern alone decides. */
    const char *suppressed_by;
} po_kind_contract;

typedef struct po_lexicon_contract {
    const char *name;
    const char *reader; /* the code that reads it */
    const char *doc;
} po_lexicon_contract;

/* Keys every rule may have. */
extern const po_key_contract po_common_keys[];

/* The kind's contract, or NULL for an unknown kind. */
const po_kind_contract *po_contract_kind(const char *kind);
/* Every kind, in the order rules/README.md lists them. */
const po_kind_contract *po_contract_kinds(size_t *n);
/* The contract of key for kind (a common key or the kind's), or NULL. */
const po_key_contract *po_contract_key(const po_kind_contract *k, const char *key);
/* The date resolve modes. */
const po_mode_contract *po_contract_modes(size_t *n);
const po_mode_contract *po_contract_mode(const char *mode);
/* The lexicons the code reads, each required in a pack. */
const po_lexicon_contract *po_contract_lexicons(size_t *n);
const po_lexicon_contract *po_contract_lexicon(const char *name);

/* The next token of [*cur, end) between separators sep: true with it in
 * *tok and *len (and *cur past it), false at the end. Walks group lists:
 * requirements split by ' ', then their alternatives by '|'. */
bool po_contract_token(const char **cur, const char *end, char sep, const char **tok, size_t *len);

/* Does group name occur in a space-separated group list (a|b alternatives
 * and =key entries included)? */
bool po_contract_group_listed(const char *list, const char *name, size_t len);

/* The expected values of a key for messages: "cn, arabic, circled, words". */
void po_contract_expected(const po_key_contract *key, po_buf *out);

/* The contract as the Markdown of rules/README.md (between its
 * "contract:begin" and "contract:end" comments). */
void po_contract_markdown(po_buf *out);

/* The closest of a NULL-terminated list of names to word (a likely typo:
 * at most a third of its characters differ), or NULL. */
const char *po_closest_name(const char *word, const char *const *names, size_t n);

#endif
