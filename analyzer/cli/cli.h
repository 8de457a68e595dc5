/* cli.h - what the commands share: the command table, the options every
 * command understands, inputs (files, folders, standard input, lists of
 * paths), atomic output, progress, diagnostics and the exit codes the README
 * documents.
 *
 * A new command is one file defining a po_cli_command, one line in
 * main.c's table and one in meson.build. */
#ifndef PO_CLI_H
#define PO_CLI_H

#include <getopt.h>
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

typedef struct po_cli_output po_cli_output; /* below, with -o */

/* ---- commands ----------------------------------------------------------- */

typedef struct po_cli_command {
    const char *name;     /* outline */
    const char *summary;  /* one line for the main help */
    int (*run)(int argc, char **argv); /* argv[0] is the command's name */
} po_cli_command;

extern const po_cli_command po_cli_outline;
extern const po_cli_command po_cli_table;
extern const po_cli_command po_cli_compare;
extern const po_cli_command po_cli_report;
extern const po_cli_command po_cli_rules_cmd;

/* ---- messages ----------------------------------------------------------- */

/* Every message starts with "policy-outline: ". po_cli_error prints one
 * line to stderr; po_cli_usage_error adds the hint to see the command's
 * help, on the same line, and returns PO_EXIT_USAGE. */
void po_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int po_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Diagnostics in the form policy-outline: FILE:LINE:COLUMN: level: message,
 * to stderr, or appended to the po_buf that user points to. */
void po_cli_diag(const po_diag *d, void *user);

/* ---- options ------------------------------------------------------------ */

/* The options several commands share; a command names the ones it takes
 * with these bits, and its own with a struct option table. */
enum {
    PO_OPT_FORMAT = 1u << 0,   /* -f, --format NAME */
    PO_OPT_OUTPUT = 1u << 1,   /* -o, --output FILE (atomic) */
    PO_OPT_RULES = 1u << 2,    /* -r, --rules DIR */
    PO_OPT_DATE = 1u << 3,     /* --reference-date YYYY-MM-DD */
    PO_OPT_JOBS = 1u << 4,     /* -j, --jobs N */
    PO_OPT_COLOR = 1u << 5,    /* --color, --no-color */
    PO_OPT_INPUTS = 1u << 6,   /* --files-from, --follow-symlinks, -q, -v, --max-bytes */
};

/* Keys of long options without a short form: commands number theirs from
 * PO_OPT_KEY_OWN up. */
enum {
    PO_OPT_KEY_DATE = 256, PO_OPT_KEY_COLOR, PO_OPT_KEY_NO_COLOR, PO_OPT_KEY_FILES_FROM,
    PO_OPT_KEY_FOLLOW, PO_OPT_KEY_MAX_BYTES, PO_OPT_KEY_OWN = 300
};

typedef struct po_cli_opts {
    const char *cmd;            /* the command's name, for messages */
    const char *usage;          /* its --help text */
    const char *format;         /* -f as given; NULL when not given */
    const char *output;         /* -o; NULL: standard output */
    const char *rules_dir;      /* NULL: the built-in pack */
    po_options analysis;        /* --reference-date */
    unsigned jobs;
    bool jobs_given;            /* -j was given (commands that use it in one mode only) */
    int color;                  /* 1, 0, or -1: when stdout is a terminal */
    bool quiet, verbose, follow_symlinks;
    const char *files_from;     /* --files-from FILE, "-" for stdin */
    size_t max_bytes;           /* --max-bytes: larger inputs are refused */
    char **args;                /* operands, and how many */
    size_t n_args;
} po_cli_opts;

/* A command's own option: getopt_long calls own(key, optarg, ctx), which
 * returns PO_EXIT_OK or, after saying why, PO_EXIT_USAGE. */
typedef int (*po_cli_own_fn)(int key, const char *arg, void *ctx);

/* Parse argv (argv[0] is the command) into o: the shared options in
 * `shared`, plus own/own_short handled by own(). Returns -1 to go on, or
 * the exit status to return at once: 0 after --help, 2 after a usage error
 * (one line, with a hint). */
int po_cli_parse(po_cli_opts *o, const char *cmd, const char *usage, unsigned shared,
                 const struct option *own, const char *own_short, po_cli_own_fn fn, void *ctx,
                 int argc, char **argv);

/* The index of name in names (n of them), or -1 after a usage error naming
 * the valid ones (and the nearest, when one is close). `what` is "format",
 * "sheet"... */
int po_cli_choose(const char *cmd, const char *what, const char *name, const char *const *names,
                  size_t n);

/* The format that a file name's extension stands for, among names (n of
 * them); aliases maps extensions to names, "ext=name" ("htm=html"). -1 when
 * none does. */
int po_cli_format_of_path(const char *path, const char *const *names, size_t n,
                          const char *const *aliases);

/* The format of a command's output: -f (aliases name formats too: "md"),
 * else the extension of -o, else fallback. A -f that the extension of -o
 * contradicts, or an extension that names no format without -f, is a usage
 * error: returns -1 after saying so. */
int po_cli_pick_format(const po_cli_opts *o, const char *const *names, size_t n,
                       const char *const *aliases, int fallback);

/* Refuse an option the chosen format does not use: returns PO_EXIT_USAGE
 * after saying so when given, else -1. */
int po_cli_refuse(const char *cmd, bool given, const char *option, const char *applies_to);

/* True when s is YYYY-MM-DD naming a real day (--reference-date). */
bool po_cli_valid_day(const char *s);

/* ---- inputs ------------------------------------------------------------- */

typedef struct po_cli_inputs {
    char **paths;       /* the documents to read, in order; "-" is stdin */
    size_t n;
    size_t skipped;     /* files passed over in folders */
    size_t errors;      /* folders without a document, loops, unreadable lists */
} po_cli_inputs;

/* The inputs of a command: its operands (files; folders expanded to the
 * documents below them, in name order; "-" standard input as a document),
 * the paths listed in --files-from, or standard input as one document when
 * nothing is named and it is not a terminal. Passed-over files are counted
 * (and named with --verbose); a folder without a document is an error.
 * Returns -1 to go on, or PO_EXIT_USAGE after a usage error (nothing named
 * and standard input a terminal; "-" twice). */
int po_cli_inputs_collect(const po_cli_opts *o, po_cli_inputs *in);
void po_cli_inputs_free(po_cli_inputs *in);

/* Read a whole file ("-" is standard input) into a malloc'd buffer. Returns
 * 0, or an errno value. */
int po_cli_read(const char *path, size_t max_bytes, unsigned char **data, size_t *len);

/* ---- analysis ----------------------------------------------------------- */

/* The default pack, or the pack in dir; NULL after printing the errors. */
po_rules *po_cli_rules(const char *dir);

/* Ready a command to run: its inputs (when collect), the rule pack and its
 * output. Returns -1 to go on, or the exit status after saying why (every
 * named folder empty: 1; broken pack: 2; output not writable: 1). */
int po_cli_start(const po_cli_opts *o, bool collect, po_cli_inputs *in, po_rules **rules,
                 po_cli_output *out);

/* What analysing one input gave, for the progress line and the summary. */
typedef struct po_cli_counts {
    size_t articles, with_groups, warnings;
} po_cli_counts;

/* Read, ingest and analyse one input. On success *out holds *n outlines
 * (free with po_cli_free_outlines). On failure returns false after giving
 * the reason, naming the path. Messages (failures and the ingest's warnings)
 * go to stderr, or into msgs when it is not NULL; counts (may be NULL)
 * receives the articles and warnings. */
bool po_cli_outlines(const po_rules *rules, const char *path, const po_options *opt,
                     size_t max_bytes, po_outline ***out, size_t *n, po_buf *msgs,
                     po_cli_counts *counts);
void po_cli_free_outlines(po_outline **list, size_t n);

/* Run work(i, ctx) for every i < n on `jobs` threads and hand each result
 * to emit(i, result, ctx) on the calling thread, in index order; at most a
 * few results per thread wait for their turn. jobs <= 1, or threads that
 * cannot start, run everything on the calling thread. */
typedef void *(*po_pool_work_fn)(size_t i, void *ctx);
typedef void (*po_pool_emit_fn)(size_t i, void *result, void *ctx);
void po_pool_run(size_t n, unsigned jobs, po_pool_work_fn work, po_pool_emit_fn emit, void *ctx);

/* ---- progress ----------------------------------------------------------- */

/* A progress line on stderr (inputs, articles, rate, time left), redrawn a
 * few times a second, and a one-line summary at the end: only when stderr
 * is a terminal and not --quiet. */
typedef struct po_cli_progress {
    bool on;
    size_t total, inputs, failed;
    po_cli_counts counts;
    double start, last_draw;
} po_cli_progress;

void po_cli_progress_start(po_cli_progress *p, const po_cli_opts *o, size_t total);
/* One input done: failed, or what it gave (counts may be NULL). */
void po_cli_progress_step(po_cli_progress *p, bool failed, const po_cli_counts *counts);
/* Write one input's messages to stderr, clearing the progress line first. */
void po_cli_progress_messages(po_cli_progress *p, const char *msgs);
/* Clear the line and print the summary. */
void po_cli_progress_end(po_cli_progress *p);

/* Analyse every input on o->jobs threads and hand each one's outlines to
 * take(list, n, ctx) on the calling thread, in input order (they are freed
 * after). Failed inputs are reported on stderr, in order; progress is
 * counted in p (may be NULL). Returns how many failed. */
typedef void (*po_cli_take_fn)(po_outline **list, size_t n, void *ctx);
size_t po_cli_each_outlines(const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                            po_cli_progress *p, po_cli_take_fn take, void *ctx);

/* The default for --max-bytes: 256 MiB. An input is read whole, and its
 * analysis needs a few times its size; beyond this the reader is told,
 * rather than left waiting on a machine that runs out of memory. */
#define PO_CLI_MAX_BYTES ((size_t)256 << 20)

/* Parse a --max-bytes value: bytes, or with a K, M or G suffix (powers of
 * 1024); 0 when it is not one. */
size_t po_cli_parse_bytes(const char *s);

/* The default for --jobs: the processors online, at most 8. */
unsigned po_pool_default_jobs(void);

/* Parse a --jobs value (1 to 64); 0 when it is not one. */
unsigned po_pool_parse_jobs(const char *s);

/* ---- output ------------------------------------------------------------- */

/* Where a command writes: standard output, or (with -o) a temporary file
 * beside the destination, hidden (.NAME.XXXXXX.tmp, so a folder walk never
 * takes it for a document), renamed over the destination only when
 * complete. On SIGINT, SIGTERM or SIGHUP the temporary file is removed
 * before the process ends; the destination is untouched. One at a time. */
struct po_cli_output {
    FILE *f;           /* write here */
    const char *path;  /* the destination; NULL for standard output */
    char *tmp;         /* the temporary file */
};

/* Open the output (path NULL: standard output). False after saying why. */
bool po_cli_output_open(po_cli_output *out, const char *path);
/* Finish: when keep, flush, sync and rename (or flush standard output);
 * otherwise remove the temporary file. Returns PO_EXIT_OK, or
 * PO_EXIT_INPUT after saying why. */
int po_cli_output_close(po_cli_output *out, bool keep);

#endif
