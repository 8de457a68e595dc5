/* cli.h - what the commands share: reading inputs, loading rules, printing
 * diagnostics, and the exit codes the README documents. */
#ifndef PO_CLI_H
#define PO_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "policy_outline.h"
#include "../util/buf.h"

enum {
    PO_EXIT_OK = 0,     /* every input was analysed */
    PO_EXIT_INPUT = 1,  /* some inputs failed; the others were written */
    PO_EXIT_USAGE = 2   /* bad arguments or a broken rule pack; nothing analysed */
};

/* Read a whole file ("-" is standard input) into a malloc'd buffer. Returns
 * 0, or an errno value. */
int po_cli_read(const char *path, unsigned char **data, size_t *len);

/* Diagnostics in the GNU form FILE:LINE:COLUMN: level: message, to stderr,
 * or appended to the po_buf that user points to. */
void po_cli_diag(const po_diag *d, void *user);

/* The default pack, or the pack in dir; NULL after printing the errors. */
po_rules *po_cli_rules(const char *dir);

/* Read, ingest and analyse one input. On success *out holds *n outlines
 * (free with po_cli_free_outlines). On failure returns false after giving
 * the reason, naming the path. Messages (failures and the ingest's warnings)
 * go to stderr, or into msgs when it is not NULL. */
bool po_cli_outlines(const po_rules *rules, const char *path, const po_options *opt,
                     po_outline ***out, size_t *n, po_buf *msgs);
void po_cli_free_outlines(po_outline **list, size_t n);

/* Expand folders (recursively, sorted) into the files whose content looks
 * like a document (not binary, not JSON); "-" reads a list of paths from
 * standard input when stdin_is_list. The result is malloc'd strings. */
char **po_cli_expand_inputs(char **args, size_t n_args, bool stdin_is_list, size_t *n_out);
void po_cli_free_strings(char **list, size_t n);

/* Write data to path atomically: a temporary file beside it, then rename. */
int po_cli_write_atomic(const char *path, const char *data, size_t len);

/* True when s is YYYY-MM-DD naming a real day (--reference-date). */
bool po_cli_valid_day(const char *s);

/* The values of --reference-date and --jobs: false after saying why, for
 * the command cmd. */
bool po_cli_opt_day(const char *cmd, const char *arg, const char **out);
bool po_cli_opt_jobs(const char *cmd, const char *arg, unsigned *out);

/* Run work(i, ctx) for every i < n on `jobs` threads and hand each result
 * to emit(i, result, ctx) on the calling thread, in index order; at most a
 * few results per thread wait for their turn. jobs <= 1, or threads that
 * cannot start, run everything on the calling thread. */
typedef void *(*po_pool_work_fn)(size_t i, void *ctx);
typedef void (*po_pool_emit_fn)(size_t i, void *result, void *ctx);
void po_pool_run(size_t n, unsigned jobs, po_pool_work_fn work, po_pool_emit_fn emit, void *ctx);

/* Analyse every input on `jobs` threads and hand each one's outlines to
 * take(list, n, ctx) on the calling thread, in input order (they are freed
 * after). Failed inputs are reported on stderr, in order; returns how many
 * failed. */
typedef void (*po_cli_take_fn)(po_outline **list, size_t n, void *ctx);
size_t po_cli_each_outlines(const po_rules *rules, char **inputs, size_t n_inputs, const po_options *opt,
                            unsigned jobs, po_cli_take_fn take, void *ctx);

/* The default for --jobs: the processors online, at most 8. */
unsigned po_pool_default_jobs(void);

/* Parse a --jobs value (1 to 64); 0 when it is not one. */
unsigned po_pool_parse_jobs(const char *s);

int po_cmd_outline(int argc, char **argv);
int po_cmd_table(int argc, char **argv);
int po_cmd_compare(int argc, char **argv);

#endif
