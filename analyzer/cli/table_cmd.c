/* table_cmd.c - policy-outline table: spreadsheet rows of directives,
 * people, meetings and dates. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"
#include "policy_outline_research.h"
#include "../table/table.h"

static const char USAGE[] =
    "Usage: policy-outline table [OPTIONS] [FILE|FOLDER|-]...\n"
    "\n"
    "Write one row per directive item (or per person, meeting or date) of\n"
    "every article, for spreadsheets. Folders are read recursively; - (or\n"
    "nothing, when standard input is not a terminal) reads a document from\n"
    "standard input; --files-from LIST reads a list of paths.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     csv (default), tsv, jsonl, xlsx (all four sheets in\n"
    "                       one workbook); with -o, the extension decides when\n"
    "                       -f is absent\n"
    "  -s, --sheet NAME     items (default), people, meetings, dates\n"
    "                       (csv, tsv, jsonl); all: every sheet's rows in jsonl,\n"
    "                       each with its \"sheet\" (for --from-rows)\n"
    "  -o, --output FILE    write FILE atomically; required for xlsx\n"
    "      --bom            csv: start with a UTF-8 byte order mark (Excel)\n"
    "  -r, --rules DIR      use the rule pack in DIR\n"
    "      --reference-date D  resolve relative dates against D (YYYY-MM-DD)\n"
    "  -j, --jobs N         analyse N inputs at once (default: the processors,\n"
    "                       at most 8); rows keep the input order\n"
    "      --files-from LIST  also read the paths listed in LIST (- for stdin)\n"
    "      --follow-symlinks  follow symbolic links to folders\n"
    "      --max-bytes SIZE   refuse an input larger than SIZE (default 256M)\n"
    "  -q, --quiet          no progress, summary or notes on stderr\n"
    "  -v, --verbose        name the files passed over in folders\n"
    "      --records        read JSON Lines records from standard input; write\n"
    "                       each record's rows as it is read (csv, tsv, jsonl)\n"
    "      --shard K/N      only shard K of N (0 <= K < N) of the articles, as\n"
    "                       keyed records for 'policy-outline merge' (csv, tsv, jsonl)\n"
    "      --from-rows      read rows written by -f jsonl --sheet all from the\n"
    "                       FILEs (- for standard input), not documents: a\n"
    "                       workbook, or one sheet, of rows gathered elsewhere\n"
    "      --batches        answer lists of paths read from standard input\n"
    "                       (NUL-separated, an empty path after each list),\n"
    "                       each with 'STATUS SIZE' and its rows, for drivers\n"
    "  -h, --help           this help\n"
    "\n"
    "In csv and tsv a cell starting with = + - @ tab or CR is written with a\n"
    "leading ' so that spreadsheets never evaluate article text as a formula;\n"
    "xlsx writes every text cell as a string.\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed (reported on\n"
    "stderr; the rest are written), 2 usage or rule pack error.\n";

enum { FMT_CSV, FMT_TSV, FMT_JSONL, FMT_XLSX, N_FORMATS };

static const char *const NAMES[N_FORMATS] = {"csv", "tsv", "jsonl", "xlsx"};
static const char *const ALIASES[] = {"tab=tsv", "ndjson=jsonl", NULL};

/* The sheets a run fills: every one for a workbook or --sheet all, else
 * the one asked for. */
enum { SHEET_ALL = PO_SHEET_COUNT };

typedef struct table_opts {
    int sheet;       /* a po_sheet, or SHEET_ALL */
    bool sheet_given, bom, records, batches, from_rows;
    po_shard shard;  /* n == 0 without --shard */
} table_opts;

/* One run's tables: tables[s] the table of sheet s when the run fills it,
 * else NULL. */
typedef struct filling {
    po_table *tables[PO_SHEET_COUNT];
    bool nomem;
} filling;

static bool filling_new(filling *f, int fmt, int sheet)
{
    *f = (filling){{NULL}, false};
    for (int k = 0; k < PO_SHEET_COUNT; k++)
        if ((fmt == FMT_XLSX || sheet == SHEET_ALL || sheet == k) && !(f->tables[k] = po_table_new((po_sheet)k)))
            f->nomem = true;
    return !f->nomem;
}

static void filling_free(filling *f)
{
    for (int k = 0; k < PO_SHEET_COUNT; k++)
        po_table_free(f->tables[k]);
}

static void add_rows(po_outline **list, size_t n, void *ctx)
{
    filling *f = ctx;
    for (size_t k = 0; k < n && !f->nomem; k++)
        for (int t = 0; t < PO_SHEET_COUNT; t++)
            if (f->tables[t] && po_table_add(f->tables[t], list[k]) != PO_OK)
                f->nomem = true;
}

/* The text of the filled tables in fmt (not xlsx), malloc'd; NULL when out
 * of memory. --sheet all: each sheet's rows in turn, tagged. */
static char *rows_text(const filling *f, int fmt, bool bom, bool tagged)
{
    po_buf b = PO_BUF_INIT;
    for (int k = 0; k < PO_SHEET_COUNT; k++) {
        const po_table *t = f->tables[k];
        if (!t)
            continue;
        char *s = fmt == FMT_CSV ? po_table_csv(t, bom ? PO_TABLE_BOM : 0)
                  : fmt == FMT_TSV ? po_table_tsv(t)
                                   : po_table_jsonl_rows(t, tagged);
        if (!s) {
            po_buf_free(&b);
            return NULL;
        }
        po_buf_puts(&b, s);
        free(s);
    }
    po_buf_append(&b, "", 0);
    return po_buf_detach(&b);
}

/* Why the workbook was not written, named by the file asked for (the
 * library writes a temporary one beside it). */
static void workbook_error(const po_diag *d, void *user)
{
    const po_cli_output *out = user;
    po_cli_error("%s: %s", out->path, d->message);
}

/* Write the rows in fmt to out->f, or (xlsx) the workbook over the
 * temporary file. */
static int write_rows(const filling *f, int fmt, const table_opts *t, po_cli_output *out)
{
    if (fmt == FMT_XLSX) {
        po_status st = po_table_write_xlsx_direct(out->tmp, (const po_table *const *)f->tables, PO_SHEET_COUNT,
                                                  workbook_error, out);
        return st == PO_OK ? PO_EXIT_OK : PO_EXIT_INPUT;
    }
    char *s = rows_text(f, fmt, t->bom, t->sheet == SHEET_ALL);
    if (!s) {
        po_cli_error("out of memory");
        return PO_EXIT_INPUT;
    }
    fputs(s, out->f);
    free(s);
    return PO_EXIT_OK;
}

/* What every run of the command shares. */
typedef struct tabling {
    const po_rules *rules;
    const po_cli_opts *o;
    const table_opts *t;
    int fmt;
    po_cli_progress *progress;
} tabling;

/* The rows of in's documents (rules) or, with --from-rows, of its row files,
 * written to out: one run. Returns the exit status; *written when the
 * output is complete. */
static int table_inputs(const tabling *g, const po_cli_inputs *in, po_cli_output *out, bool *written)
{
    filling f;
    int status = in->errors ? PO_EXIT_INPUT : PO_EXIT_OK;
    *written = false;
    if (filling_new(&f, g->fmt, g->t->sheet)) {
        if (g->t->from_rows) {
            po_status st = po_table_rows_read(f.tables, in->paths, in->n, &status);
            f.nomem = st == PO_ERR_NOMEM;
        } else if (po_cli_each_outlines(g->rules, in, g->o, g->progress, add_rows, &f)) {
            status = PO_EXIT_INPUT;
        }
    }
    int rc;
    if (f.nomem) {
        po_cli_error("out of memory");
        status = PO_EXIT_INPUT;
    } else if ((rc = write_rows(&f, g->fmt, g->t, out)) != PO_EXIT_OK) {
        status = rc;
    } else {
        *written = true;
    }
    filling_free(&f);
    return status;
}

/* --batches: each request as a run of its own over its documents. */
static int table_batch(FILE *f, const po_cli_inputs *in, void *ctx)
{
    po_cli_output out = {f, NULL, NULL};
    bool written;
    return table_inputs(ctx, in, &out, &written);
}

enum { KEY_BOM = PO_OPT_KEY_OWN, KEY_RECORDS, KEY_SHARD, KEY_BATCHES, KEY_FROM_ROWS };

static int own_option(int key, const char *arg, void *ctx)
{
    table_opts *t = ctx;
    static const char *const SHEETS[] = {"items", "people", "meetings", "dates", "all"};
    if (key == KEY_BOM) {
        t->bom = true;
    } else if (key == KEY_RECORDS) {
        t->records = true;
    } else if (key == KEY_BATCHES) {
        t->batches = true;
    } else if (key == KEY_FROM_ROWS) {
        t->from_rows = true;
    } else if (key == KEY_SHARD) {
        return po_shard_parse("table", arg, &t->shard) ? PO_EXIT_OK : PO_EXIT_USAGE;
    } else if (key == 's') {
        int s = po_cli_choose("table", "sheet", arg, SHEETS, 5);
        if (s < 0)
            return PO_EXIT_USAGE;
        po_sheet one = PO_SHEET_ITEMS;
        if (s < 4 && po_sheet_parse(SHEETS[s], &one) != PO_OK)
            return PO_EXIT_USAGE;
        t->sheet = s == 4 ? SHEET_ALL : (int)one;
        t->sheet_given = true;
    } else {
        return PO_EXIT_USAGE;
    }
    return PO_EXIT_OK;
}

/* --records and --shard: rows written as they come (table_stream.c). */
static int table_stream(const po_cli_opts *o, const table_opts *t, int fmt)
{
    po_rows_format rows = fmt == FMT_TSV ? PO_ROWS_TSV : fmt == FMT_JSONL ? PO_ROWS_JSONL : PO_ROWS_CSV;
    po_cli_inputs in;
    po_rules *rules;
    po_cli_output out;
    int rc = po_cli_start(o, !t->records, &in, &rules, &out);
    if (rc >= 0)
        return rc;
    int status;
    if (t->records) {
        status = po_table_records(out.f, rules, &o->analysis, t->sheet, rows, t->bom);
    } else {
        po_cli_progress progress;
        po_cli_progress_start(&progress, o, in.n);
        status = po_table_shard(out.f, rules, &in, o, t->sheet, rows, t->bom, &t->shard, &progress);
        po_cli_progress_end(&progress);
        if (in.errors)
            status = PO_EXIT_INPUT;
    }
    if (po_cli_output_close(&out, true) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    po_rules_free(rules);
    po_cli_inputs_free(&in);
    return status;
}

/* The modes and formats that do not go together: an exit status after
 * saying why, or -1. */
static int refuse_mixed(const po_cli_opts *o, const table_opts *t, int fmt)
{
    int rc;
    bool stream = t->records || t->shard.n;
    if ((rc = po_cli_refuse("table", t->bom && fmt != FMT_CSV, "--bom", "csv")) >= 0 ||
        (rc = po_cli_refuse("table", t->sheet_given && fmt == FMT_XLSX, "--sheet",
                            "csv, tsv and jsonl (a workbook holds every sheet)")) >= 0 ||
        (rc = po_cli_refuse("table", t->sheet == SHEET_ALL && (fmt != FMT_JSONL || stream), "--sheet all",
                            "jsonl, without --records or --shard")) >= 0)
        return rc;
    if (stream && fmt == FMT_XLSX)
        return po_cli_usage_error("table", "--records and --shard write csv, tsv or jsonl, not xlsx");
    if (t->records && (t->shard.n || o->n_args || o->files_from))
        return po_cli_usage_error("table", "--records reads its documents from standard input alone");
    if (t->batches && (stream || t->from_rows || o->n_args || o->files_from || o->output || fmt == FMT_XLSX))
        return po_cli_usage_error("table", "--batches reads its requests from standard input and answers "
                                           "on standard output alone, in csv, tsv or jsonl");
    if (t->from_rows && (stream || o->files_from || o->n_args == 0))
        return po_cli_usage_error("table", "--from-rows wants row files (- for standard input), and no "
                                           "--records, --shard or --files-from");
    if (fmt == FMT_XLSX && !o->output)
        return po_cli_usage_error("table", "xlsx needs -o FILE");
    return -1;
}

static int run_table(int argc, char **argv)
{
    static const struct option OWN[] = {
        {"sheet", required_argument, NULL, 's'},
        {"bom", no_argument, NULL, KEY_BOM},
        {"records", no_argument, NULL, KEY_RECORDS},
        {"shard", required_argument, NULL, KEY_SHARD},
        {"batches", no_argument, NULL, KEY_BATCHES},
        {"from-rows", no_argument, NULL, KEY_FROM_ROWS},
        {NULL, 0, NULL, 0},
    };
    po_cli_opts o;
    table_opts t = {PO_SHEET_ITEMS, false, false, false, false, false, {0, 0}};
    int rc = po_cli_parse(&o, "table", USAGE,
                          PO_OPT_FORMAT | PO_OPT_OUTPUT | PO_OPT_RULES | PO_OPT_DATE | PO_OPT_JOBS |
                              PO_OPT_INPUTS,
                          OWN, "s:", own_option, &t, argc, argv);
    if (rc >= 0)
        return rc;
    int fmt = po_cli_pick_format(&o, NAMES, N_FORMATS, ALIASES, FMT_CSV);
    if (fmt < 0)
        return PO_EXIT_USAGE;
    if ((rc = refuse_mixed(&o, &t, fmt)) >= 0)
        return rc;
    if (t.records || t.shard.n)
        return table_stream(&o, &t, fmt);

    po_cli_inputs in;
    po_rules *rules = NULL;
    po_cli_output out;
    if (t.from_rows) { /* row files, not documents: no rule pack, no walk */
        in = (po_cli_inputs){o.args, o.n_args, 0, 0};
        if (!po_cli_output_open(&out, o.output))
            return PO_EXIT_INPUT;
    } else if ((rc = po_cli_start(&o, !t.batches, &in, &rules, &out)) >= 0) {
        return rc;
    }
    po_cli_progress progress;
    po_cli_progress_start(&progress, &o, in.n);
    tabling g = {rules, &o, &t, fmt, &progress};
    bool written = true;
    int status;
    if (t.batches) {
        progress.on = false; /* a line per request would only be noise */
        status = po_cli_batches(stdin, out.f, table_batch, &g);
    } else {
        status = table_inputs(&g, &in, &out, &written);
    }
    po_cli_progress_end(&progress);
    if (po_cli_output_close(&out, written) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    if (!t.from_rows)
        po_cli_inputs_free(&in);
    po_rules_free(rules);
    return status;
}

const po_cli_command po_cli_table = {"table", "rows for spreadsheets (csv, tsv, jsonl, xlsx)",
                                     run_table};
