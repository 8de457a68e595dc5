/* scale.h - running on more than one machine: a stream of records in and
 * one line out per record (Spark's RDD.pipe, Hadoop Streaming), shards of
 * the inputs chosen by a stable hash (Slurm arrays), and the merge of the
 * shards' outputs into what one run over everything writes. */
#ifndef PO_CLI_SCALE_H
#define PO_CLI_SCALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

/* ---- shards (shard.c) ----------------------------------------------------- */

/* Shard k of n (0 <= k < n); n == 0 when no --shard was given (every
 * article is kept). */
typedef struct po_shard {
    unsigned long k, n;
} po_shard;

/* Parse --shard K/N (0 <= K < N <= 1000000): false after a usage error. */
bool po_shard_parse(const char *cmd, const char *arg, po_shard *out);

/* Does the shard hold article `index` of `path`? By a fixed 64-bit hash of
 * the path as given and the index, so the choice depends on nothing else:
 * not on the listing order, the machine or the run. Always true when
 * shard is NULL or n is 0. */
bool po_shard_keeps(const po_shard *shard, const char *path, int index);

/* A shard's output is a sequence of keyed records, one per article (or, in
 * tables, one for the header):
 *     KEY TAB first line of the payload LF
 *     TAB next line of the payload LF          (continuation lines)
 * KEY is 24 lower-case hex digits: the input's position in the expanded
 * input list (16) and the article's index in its file (8), so sorting the
 * keys as bytes gives the order of one run over everything. The header's
 * key is "-", which sorts first. Write one record with payload `s` (a
 * trailing LF in s is not doubled). */
void po_shard_put(FILE *out, size_t input, int index, const char *s);
void po_shard_put_header(FILE *out, const char *s);

/* policy-outline merge and policy-outline inputs. */
extern const po_cli_command po_cli_merge;
extern const po_cli_command po_cli_inputs_list;

/* Ingest, keep the shard's articles of path, analyse those (common.c).
 * Like po_cli_outlines (which is this with shard NULL); *n may be 0 when
 * the shard holds no article of the file. */
bool po_cli_outlines_shard(const po_rules *rules, const char *path, const po_options *opt,
                           size_t max_bytes, const po_shard *shard, po_outline ***out, size_t *n, po_buf *msgs,
                           po_cli_counts *counts);

/* po_cli_each_outlines for the articles of a shard (NULL: all), telling
 * take the input's position in the list (pool.c). */
typedef void (*po_cli_take_at_fn)(size_t input, po_outline **list, size_t n, void *ctx);
size_t po_cli_each_outlines_at(const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                               const po_shard *shard, po_cli_progress *p, po_cli_take_at_fn take,
                               void *ctx);

/* ---- tables of a stream or of a shard (table_stream.c) ------------------------ */

typedef enum po_rows_format { PO_ROWS_CSV, PO_ROWS_TSV, PO_ROWS_JSONL } po_rows_format;

/* table --records: the header (csv, tsv), then the rows of each record as
 * it is read, flushed, to f; a refused record is reported on stderr and,
 * in jsonl, as its error object. Returns the exit status. */
int po_table_records(FILE *f, const po_rules *rules, const po_options *opt, int sheet, po_rows_format fmt,
                     bool bom);

/* table --shard: the header, then each article's rows as a keyed record,
 * to f. Returns the exit status. */
int po_table_shard(FILE *f, const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o, int sheet,
                   po_rows_format fmt, bool bom, const po_shard *shard, po_cli_progress *p);

/* Each non-empty line of files ("-" is standard input), without its line
 * end, to take: a line it refuses (PO_ERR_INPUT, the reason in why) is
 * reported as FILE:LINE: why and the rest is read, as after a file that
 * cannot be read; either sets *status to PO_EXIT_INPUT (lines.c). Stops at
 * and returns PO_ERR_NOMEM; else PO_OK. */
typedef po_status (*po_line_fn)(const char *line, size_t len, char *why, size_t why_size, void *ctx);
po_status po_cli_read_lines(char **files, size_t n, int *status, po_line_fn take, void *ctx);

/* table --from-rows: add the rows of row files ("-" is standard input),
 * written by table -f jsonl --sheet all, in order, each to tables[its
 * sheet] (NULL: passed over). A bad line is reported and sets *status to
 * PO_EXIT_INPUT; returns PO_ERR_NOMEM when memory ran out, else PO_OK. */
struct po_table;
po_status po_table_rows_read(struct po_table *const *tables, char **files, size_t n, int *status);

/* ---- corpus signatures (signatures_cmd.c) ------------------------------------ */

/* compare --signatures: the signature lines of every article's items (see
 * po_corpus_signatures), to f; keyed records when shard is not NULL.
 * Returns the exit status. */
int po_signatures_out(FILE *f, const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                      const po_shard *shard, po_cli_progress *p);

/* compare --from-signatures: add the items of signature files ("-" is
 * standard input), in order. A bad line is reported and sets *status to
 * PO_EXIT_INPUT; returns PO_ERR_NOMEM when memory ran out, else PO_OK. */
struct po_corpus;
po_status po_signatures_read(struct po_corpus *corpus, char **files, size_t n, int *status);

/* ---- batches (batches.c) ---------------------------------------------------- */

/* One run of a command over a list of documents, written to out; returns
 * the exit status that run would give. */
typedef int (*po_batch_fn)(FILE *out, const po_cli_inputs *in, void *ctx);

/* --batches: read requests from `in` until its end, each a list of paths of
 * documents (as 'policy-outline inputs -0' lists them), every path ended by
 * a NUL byte and the list by one more NUL. Answer each on `out`, flushed:
 * the line "STATUS SIZE\n" (run's exit status and the answer's length in
 * bytes), then the SIZE bytes run wrote for that list alone. A path "-" is
 * refused (standard input holds the requests); messages go to stderr as in
 * any run. Memory holds one answer at a time. Returns the highest status. */
int po_cli_batches(FILE *in, FILE *out, po_batch_fn run, void *ctx);

/* ---- records (records.c) ---------------------------------------------------- */

/* One line of the stream. */
typedef struct po_record {
    size_t line;       /* 1-based line number in the stream */
    char *id_json;     /* the "id" value as JSON (string or number); NULL when absent */
    char *id;          /* the id as text (the source of inline bodies) */
} po_record;

/* Called once per record, in stream order: either the record's analysed
 * outlines (n >= 1; an inline body gives one, a "path" one per article of
 * the file), or error != NULL saying why the record was refused. The
 * outlines are freed after the call. */
typedef void (*po_record_fn)(const po_record *rec, po_outline **list, size_t n, const char *error,
                             void *ctx);

/* Read JSON Lines from `in` until its end: each line an object
 *   {"id": string|number, "title"?, "published"?, "url"?,
 *    and one of "html" | "text" | "markdown" | "path"}
 * Blank lines are skipped. A line longer than max_line bytes, that is not
 * such an object, or whose body cannot be read or analysed, is refused with
 * a reason; the stream goes on. Returns the number of refused records. */
size_t po_records_each(FILE *in, size_t max_line, const po_rules *rules, const po_options *opt,
                       po_record_fn fn, void *ctx);

/* The error object written for a refused record (compact JSON, malloc'd):
 * {"schema", "id" (null when unknown), "line", "error"}. */
char *po_record_error_json(const po_record *rec, const char *error);

/* A compact JSON object with "id": rec's id inserted first (malloc'd);
 * NULL when out of memory. */
char *po_record_tag(const po_record *rec, const char *json);

/* The longest record line accepted by default (--records). */
#define PO_RECORD_MAX_LINE ((size_t)64 << 20)

#endif
