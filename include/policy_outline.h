/*
 * policy_outline.h - the public API of libpolicy-outline.
 *
 * The pipeline: bytes --po_ingest--> outlines holding metadata and plain
 * text --po_analyze--> outlines holding groups, people, meetings and dates
 * --po_render_*--> JSON, Markdown, text.
 *
 * Ownership: every pointer inside a po_outline (strings and arrays) is
 * const: it belongs to that outline and lives until po_outline_free().
 * Strings returned by the po_render_* functions are malloc'd and belong to
 * the caller (free()).
 * A po_rules set is immutable once built: share it between threads freely;
 * each po_outline must be used by one thread at a time. The library keeps no
 * global mutable state and never prints: diagnostics go to a callback.
 *
 * Errors, one convention for this header and policy_outline_research.h:
 * - a function that can fail in more than one way returns a po_status,
 *   PO_OK or the kind of failure; its results go to out-parameters, to be
 *   read only after PO_OK (po_analyze excepted: see there);
 * - the details (file, line, rule, message) go, as PO_DIAG_ERROR
 *   diagnostics, to the po_diag_fn of the functions that take one (NULL:
 *   no details); nothing is printed and no error string is returned;
 * - a function whose only failure is running out of memory (constructors,
 *   renderers, po_doc_id) returns NULL instead; lookups that cannot fail
 *   return their value.
 * Problems inside one document that do not stop its analysis (a pattern
 * stopped at its match limit) are warnings in the outline
 * (po_outline.warnings), not errors.
 *
 * Offsets (start/end) count Unicode code points in the outline's plain text
 * (po_outline.text), end exclusive.
 */
#ifndef POLICY_OUTLINE_H
#define POLICY_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PO_VERSION "0.1.0"
#define PO_SCHEMA "policy-outline/1"

typedef enum po_status {
    PO_OK = 0,
    PO_ERR_NOMEM,  /* an allocation failed */
    PO_ERR_IO,     /* a file could not be read */
    PO_ERR_RULES,  /* a rule pack is malformed; details went to the callback */
    PO_ERR_INPUT,  /* an input could not be analysed at all */
    PO_ERR_USAGE   /* an argument is invalid */
} po_status;

/* A short English description of a status code; never NULL. */
const char *po_status_str(po_status status);

/* ---- diagnostics ---------------------------------------------------- */

typedef enum po_diag_level { PO_DIAG_NOTE, PO_DIAG_WARNING, PO_DIAG_ERROR } po_diag_level;

/* One message. line and column are 1-based, 0 when unknown; file, rule may
 * be NULL. The strings are valid only during the callback. */
typedef struct po_diag {
    po_diag_level level;
    const char *file;
    int line;
    int column;
    const char *rule;
    const char *message;
} po_diag;

typedef void (*po_diag_fn)(const po_diag *diag, void *user);

/* ---- rules ------------------------------------------------------------ */

/* A compiled rule pack (YAML compiled to PCRE2). Immutable, thread-safe. */
typedef struct po_rules po_rules;

/* The pack embedded in the library at build time. */
po_status po_rules_new_default(po_rules **out, po_diag_fn diag, void *user);

/* Every *.yaml file of a folder, in name order. Errors are reported as
 * FILE:LINE:COLUMN through the callback; nothing is returned on error. */
po_status po_rules_new_from_dir(const char *dir, po_rules **out, po_diag_fn diag, void *user);

/* Does nothing for NULL. */
void po_rules_free(po_rules *rules);

/* Number of rules in the pack (all kinds). */
size_t po_rules_size(const po_rules *rules);

/* ---- the model --------------------------------------------------------- */

/* Every string and array an outline points to is const: it belongs to the
 * outline (its arena), is written only by the library (po_ingest,
 * po_analyze) and lives until po_outline_free. Copy what must outlive it. */

typedef struct po_item {
    int ordinal;        /* 1, 2, 3 ... (十一是 -> 11) */
    int paragraph;      /* 0-based paragraph of the marker */
    const char *marker; /* as written: 一是, （三）, 第二 */
    const char *text;   /* the item without its marker */
    const char *lead;   /* text up to the first ，；。 */
    size_t start, end;  /* the whole item, marker included */
    const char *rule;   /* id of the marker rule */
} po_item;

/* A piece of po_outline.text, not a copy: len bytes of UTF-8 at s, without
 * a NUL of their own (s is NULL and len 0 for none). It lives as long as the
 * text does. */
typedef struct po_text_span {
    const char *s;
    size_t len;
} po_text_span;

typedef struct po_group {
    const char *style;  /* shi, yao, di, paren-cn, dun-cn, arabic, ... */
    const char *kind;   /* "measures" or "requirements" */
    const char *introducer; /* 会议提出, or NULL */
    /* the sentence that introduces the list, or {NULL, 0}: a span of the
     * text, since the sentences of many lists overlap (a paragraph of
     * 100,000 lists would otherwise hold 100,000 copies) */
    po_text_span context;
    const char *actor;  /* who is asked, or NULL */
    const char *introducer_rule;
    const char *actor_rule;
    int parent;         /* index of the enclosing group, -1 for none */
    const po_item *items;
    size_t n_items;
} po_group;

typedef struct po_mention {
    size_t start, end;
    const char *rule;
} po_mention;

typedef enum po_entity_kind { PO_PERSON, PO_ORGANIZATION } po_entity_kind;

typedef struct po_person {
    const char *name;
    po_entity_kind kind;
    const char *const *roles;  size_t n_roles; /* chair, attendee, speaker, reporter */
    const char *const *titles; size_t n_titles;
    const char *organization; /* or NULL */
    int count;          /* organisations: 13家 -> 13; else 0 */
    const char *org_type; /* organisations: 重点行业协会 */
    const char *const *members; size_t n_members; /* organisations: 钢铁, 有色 */
    const po_mention *mentions; size_t n_mentions;
} po_person;

typedef struct po_meeting {
    const char *name;
    const char *type;   /* 座谈会, 常务会议, 会谈 ... */
    const char *date;   /* ISO 8601 or NULL */
    const char *date_text; /* as written, or NULL */
    const char *location; /* or NULL */
    const char *const *chair; size_t n_chair;
    const char *const *participants; size_t n_participants;
    size_t start, end;
    const char *rule;
} po_meeting;

typedef struct po_date {
    const char *text;   /* as written */
    const char *value;  /* ISO 8601 (day, month, year or interval), or NULL */
    const char *kind;   /* day, month, year, range, period, relative */
    bool approximate;
    size_t start, end;
    const char *rule;
} po_date;

typedef struct po_meta {
    const char *title;
    const char *original_title;
    const char *author;
    const char *editor;
    const char *const *categories; size_t n_categories;
    const char *url;
    const char *published; /* ISO 8601: 2021-11-04T09:21:43Z or 2021-11-04 */
    const char *published_from; /* where published was read: metadata, or,
                                   from the article, info-table, date-line,
                                   url, dateline, signature; NULL when
                                   published is */
} po_meta;

typedef struct po_outline {
    const char *source; /* the file it came from ("-" for stdin) */
    int index;          /* 0-based position of the article in its file */
    const char *format; /* detected input format: markdown, html, text, dayfile */
    const char *encoding; /* detected input encoding: UTF-8, GB18030, BIG5 */
    po_meta meta;
    const char *text;   /* the article's plain text, paragraphs split by \n */
    size_t text_chars;  /* its length in code points */
    const po_group *groups;     size_t n_groups;
    const po_person *people;    size_t n_people;
    const po_meeting *meetings; size_t n_meetings;
    const po_date *dates;       size_t n_dates;
    const char *const *warnings; size_t n_warnings;
    struct po_arena *arena; /* private: owns everything above */
} po_outline;

/* ---- ingest ------------------------------------------------------------ */

/* Split one input (a whole file's bytes) into articles: Markdown with front
 * matter, HTML, plain text or a day file of many articles; UTF-8, GB18030 or
 * Big5. source names the input in the outlines and in diagnostics.
 * On PO_OK *out is a malloc'd array of *n_out outlines (free each with
 * po_outline_free, then the array with free). An input that holds no text
 * still gives one (empty) outline, so that every input is accounted for. */
po_status po_ingest(const char *source, const unsigned char *data, size_t len,
                    po_outline ***out, size_t *n_out, po_diag_fn diag, void *user);

/* Like po_ingest, for one article whose format the caller knows (a record
 * of a stream): format is "html", "markdown" or "text"; the content is not
 * searched for day files or another format, and the result is always one
 * outline. Markdown front matter is still read. PO_ERR_USAGE for another
 * format. */
po_status po_ingest_as(const char *source, const char *format, const unsigned char *data, size_t len,
                       po_outline ***out, size_t *n_out, po_diag_fn diag, void *user);

/* ---- analysis ----------------------------------------------------------- */

typedef struct po_options {
    /* YYYY-MM-DD: resolves relative dates; NULL uses the publication day,
     * and with neither, relative dates stay unresolved. */
    const char *reference_date;
} po_options;

/* Fill groups, people, meetings and dates of an ingested outline, once.
 * options may be NULL. Returns PO_OK; PO_ERR_USAGE for an outline that
 * holds some already or a reference_date that is not YYYY-MM-DD (nothing is
 * changed); PO_ERR_INPUT for a text too long to index (over about 1 GB;
 * nothing is changed); PO_ERR_NOMEM when memory ran out, in whichever stage
 * (the outline holds what the stages before it found). Safe to call from
 * many threads on distinct outlines sharing one po_rules. */
po_status po_analyze(const po_rules *rules, po_outline *outline, const po_options *options);

/* Does nothing for NULL. */
void po_outline_free(po_outline *outline);

/* ---- rendering ----------------------------------------------------------- */

enum {
    PO_RENDER_PRETTY = 1u << 0,    /* json: indented; jsonl is compact */
    PO_RENDER_WITH_TEXT = 1u << 1, /* json: add the plain text as "text" */
    PO_RENDER_EXPLAIN = 1u << 2,   /* text: show the rule behind each line */
    PO_RENDER_COLOR = 1u << 3,     /* text: ANSI colours */
    PO_RENDER_FRAGMENT = 1u << 4   /* html: the <article> alone, for a page of many */
};

/* Each returns a malloc'd NUL-terminated string, or NULL when out of memory. */
char *po_render_json(const po_outline *outline, unsigned flags);
char *po_render_markdown(const po_outline *outline, unsigned flags);
char *po_render_text(const po_outline *outline, unsigned flags);
char *po_render_html(const po_outline *outline, unsigned flags);

/* The head and tail of an HTML page that holds several PO_RENDER_FRAGMENT
 * articles (title NULL: a generic one). */
char *po_render_html_page_start(const char *title);
char *po_render_html_page_end(void);

/* An index page of a report, in three parts: its head (title NULL: a
 * generic one) with the filter form and the count of n_articles; one entry
 * per article (a JSON object: day, title, meeting, chairs, people, actors,
 * the number of items, and href, the article's page, taken as given), the
 * entries joined with ",\n" in the order the list shows them; its tail with
 * the embedded script that draws the rows and filters them. Each returns a
 * malloc'd string, or NULL when out of memory. */
char *po_render_html_index_start(const char *title, size_t n_articles);
char *po_render_html_index_row(const po_outline *outline, const char *href);
char *po_render_html_index_end(void);

#ifdef __cplusplus
}
#endif

#endif
