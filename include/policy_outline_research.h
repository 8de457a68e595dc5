/*
 * policy_outline_research.h - tables and comparisons built on outlines.
 *
 * Tables flatten analysed outlines into spreadsheet rows (one sheet each for
 * items, people, meetings and dates) and write them as CSV, TSV, JSON Lines
 * or an XLSX workbook. Comparisons align the directives of two meetings, or
 * cluster the recurring directives of a whole corpus.
 *
 * Ownership: a po_table, po_comparison or po_corpus copies what it needs
 * from the outlines given to it (except po_comparison, which borrows its two
 * outlines: keep them alive until po_comparison_free). Strings returned by
 * functions named *_csv, *_jsonl, *_render and po_doc_id are malloc'd and
 * belong to the caller (free()). Strings returned by accessors belong to
 * their object. Nothing here keeps global state or prints. Errors follow
 * policy_outline.h: a po_status, with details through a po_diag_fn where
 * there are any; NULL from a constructor or renderer means out of memory.
 *
 * Identifiers, shared by every output so that rows can be joined:
 *   doc_id   the source path; for an article of a day file, path#N with N
 *            the article's 0-based index in the file (po_outline.index)
 *   item_id  doc_id/gG/O: G the 0-based group index, O the item's ordinal
 */
#ifndef POLICY_OUTLINE_RESEARCH_H
#define POLICY_OUTLINE_RESEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "policy_outline.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The article's doc_id (malloc'd), or NULL when out of memory. */
char *po_doc_id(const po_outline *outline);

/* ---- tables ------------------------------------------------------------- */

typedef enum po_sheet { PO_SHEET_ITEMS, PO_SHEET_PEOPLE, PO_SHEET_MEETINGS, PO_SHEET_DATES } po_sheet;
#define PO_SHEET_COUNT 4

/* How a column is written to a workbook (CSV and TSV write everything as
 * text; JSON Lines writes numbers as numbers). */
typedef enum po_column_type {
    PO_COLUMN_TEXT,    /* a short string */
    PO_COLUMN_LONG,    /* a long string: wrapped, wide column */
    PO_COLUMN_NUMBER,  /* an integer */
    PO_COLUMN_DATE     /* ISO 8601; a date cell when it is a whole day or time */
} po_column_type;

/* "items", "people", "meetings", "dates". */
const char *po_sheet_name(po_sheet sheet);
/* The sheet named name into *out: PO_OK, or PO_ERR_USAGE for an unknown
 * name (or NULL), *out untouched. */
po_status po_sheet_parse(const char *name, po_sheet *out);

typedef struct po_table po_table;

/* An empty table of one sheet; NULL when out of memory. */
po_table *po_table_new(po_sheet sheet);
/* Does nothing for NULL. */
void po_table_free(po_table *table);

/* Append the rows of one analysed outline (copied). */
po_status po_table_add(po_table *table, const po_outline *outline);

po_sheet po_table_sheet(const po_table *table);
size_t po_table_rows(const po_table *table);
size_t po_table_columns(const po_table *table);
const char *po_table_column_name(const po_table *table, size_t col);
po_column_type po_table_column_type(const po_table *table, size_t col);
/* The cell's text; "" when empty. */
const char *po_table_cell(const po_table *table, size_t row, size_t col);

enum {
    PO_TABLE_BOM = 1u << 0 /* csv: start with a UTF-8 byte order mark */
};

/* The header and every row. CSV follows RFC 4180 (CRLF, fields quoted when
 * they hold a comma, quote, CR or LF). TSV separates with tabs, ends lines
 * with LF and turns tab, CR and LF inside a field into spaces. In both, a
 * cell starting with = + - @ tab or CR gets a ' prefix, so that no
 * spreadsheet reads it as a formula. NULL when out of memory. */
char *po_table_csv(const po_table *table, unsigned flags);
char *po_table_tsv(const po_table *table);
/* One JSON object per row, keys in column order, empty cells null. */
char *po_table_jsonl(const po_table *table);

/* Write the tables as the sheets of one workbook at path: header row frozen
 * and filtered, long text wrapped, dates as date cells, every string as a
 * string (never a formula). The workbook is written under a temporary name
 * beside path and renamed, so path never holds half a workbook. Returns
 * PO_OK; PO_ERR_IO when it cannot be written (a sheet with more rows than
 * a worksheet holds, a file system error), PO_ERR_USAGE when n is 0,
 * PO_ERR_NOMEM; the reason goes to diag (may be NULL) as one error whose
 * file is path. */
po_status po_table_write_xlsx(const char *path, const po_table *const *tables, size_t n,
                              po_diag_fn diag, void *user);
/* The same workbook written at path itself, with no temporary name: for a
 * caller that manages its own temporary file (the command line removes
 * its file when interrupted). */
po_status po_table_write_xlsx_direct(const char *path, const po_table *const *tables, size_t n,
                                     po_diag_fn diag, void *user);

/* ---- similarity ---------------------------------------------------------- */

/* Sørensen-Dice coefficient of the sets of character bigrams of two texts
 * after normalisation (punctuation, symbols and white space removed,
 * full-width ASCII folded, Latin letters lower-cased): 2|A∩B| / (|A|+|B|),
 * in [0, 1]. A text of one character counts that character as its bigram;
 * two empty texts have similarity 0. */
double po_similarity(const char *a, const char *b);

/* ---- two meetings --------------------------------------------------------- */

typedef struct po_compared_item {
    const po_outline *outline;
    size_t group;            /* index into outline->groups */
    const po_item *item;
} po_compared_item;

typedef struct po_item_pair {
    size_t a, b;             /* indices into po_comparison.a / .b */
    double similarity;
    bool lead_changed;       /* the normalised leads differ */
} po_item_pair;

typedef struct po_comparison {
    const po_outline *outline_a, *outline_b;   /* borrowed */
    po_compared_item *a, *b; size_t n_a, n_b;  /* every item, in reading order */
    po_item_pair *pairs; size_t n_pairs;       /* in A's reading order */
    size_t *only_a; size_t n_only_a;           /* unpaired, in reading order */
    size_t *only_b; size_t n_only_b;
    double threshold;
} po_comparison;

/* Align the items of two outlines one to one: every pair at or above
 * threshold is a candidate, and the most similar candidates are taken
 * first (ties by position in A, then B). Sets *out (free with
 * po_comparison_free). */
po_status po_compare(const po_outline *a, const po_outline *b, double threshold,
                     po_comparison **out);
void po_comparison_free(po_comparison *comparison);

typedef enum po_compare_format { PO_COMPARE_TEXT, PO_COMPARE_MARKDOWN, PO_COMPARE_JSON, PO_COMPARE_CSV } po_compare_format;

/* text (PO_RENDER_COLOR for ANSI colours), markdown or json. NULL when out
 * of memory or for csv. */
char *po_comparison_render(const po_comparison *comparison, po_compare_format format,
                           unsigned flags);

/* ---- a corpus ------------------------------------------------------------- */

typedef struct po_corpus po_corpus;

typedef struct po_cluster_options {
    double threshold;   /* minimum similarity (as po_similarity) to link two items */
    size_t min_size;    /* minimum number of distinct articles in a cluster */
} po_cluster_options;

/* An empty corpus; NULL when out of memory. */
po_corpus *po_corpus_new(void);
void po_corpus_free(po_corpus *corpus);

/* Copy the items of one analysed outline into the corpus. */
po_status po_corpus_add(po_corpus *corpus, const po_outline *outline);
size_t po_corpus_items(const po_corpus *corpus);

/* Cluster the items: MinHash signatures over character bigrams, LSH
 * banding to propose candidate pairs, each verified by the exact
 * similarity, then union-find. Replaces earlier clusters. Deterministic:
 * the same items added in the same order give the same clusters. */
po_status po_corpus_cluster(po_corpus *corpus, const po_cluster_options *options);

/* Clusters found by the last po_corpus_cluster, by descending number of
 * articles, then first date, then first member. */
size_t po_corpus_clusters(const po_corpus *corpus);

/* Cluster k (0-based) of the last clustering: its member count, the number
 * of distinct articles, its first and last dates (YYYY-MM-DD, "" when
 * unknown) and its representative lead (the member most similar to the
 * others). Returns false when k is out of range. The strings belong to the
 * corpus. */
typedef struct po_cluster_info {
    size_t members, articles;
    const char *first_date, *last_date, *lead;
} po_cluster_info;
bool po_corpus_cluster_info(const po_corpus *corpus, size_t k, po_cluster_info *info);

/* markdown, json or csv (one row per member). NULL when out of memory or
 * for text. */
char *po_corpus_render(const po_corpus *corpus, po_compare_format format);

#ifdef __cplusplus
}
#endif

#endif
