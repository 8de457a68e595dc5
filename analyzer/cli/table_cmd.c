/* table_cmd.c - policy-outline table: spreadsheet rows of directives,
 * people, meetings and dates. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"
#include "policy_outline_research.h"

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
    "                       (csv, tsv, jsonl)\n"
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

typedef struct filling {
    po_table **tables;
    size_t n_tables;
    bool nomem;
} filling;

static void add_rows(po_outline **list, size_t n, void *ctx)
{
    filling *f = ctx;
    for (size_t k = 0; k < n && !f->nomem; k++)
        for (size_t t = 0; t < f->n_tables; t++)
            if (po_table_add(f->tables[t], list[k]) != PO_OK)
                f->nomem = true;
}

/* Write the rows in fmt to out->f, or (xlsx) the workbook over the
 * temporary file. */
static int write_rows(po_table **tables, size_t n_tables, int fmt, bool bom, po_cli_output *out)
{
    if (fmt == FMT_XLSX) {
        char *why = NULL;
        po_status st = po_table_write_xlsx_direct(out->tmp, (const po_table *const *)tables, n_tables, &why);
        if (st != PO_OK)
            po_cli_error("%s: %s", out->path, why ? why : "cannot write the workbook");
        free(why);
        return st == PO_OK ? PO_EXIT_OK : PO_EXIT_INPUT;
    }
    const po_table *t = tables[0];
    char *s = fmt == FMT_CSV ? po_table_csv(t, bom ? PO_TABLE_BOM : 0)
              : fmt == FMT_TSV ? po_table_tsv(t)
                               : po_table_jsonl(t);
    if (!s) {
        po_cli_error("out of memory");
        return PO_EXIT_INPUT;
    }
    fputs(s, out->f);
    free(s);
    return PO_EXIT_OK;
}

typedef struct table_opts {
    int sheet;
    bool sheet_given, bom, records;
    po_shard shard;  /* n == 0 without --shard */
} table_opts;

enum { KEY_BOM = PO_OPT_KEY_OWN, KEY_RECORDS, KEY_SHARD };

static int own_option(int key, const char *arg, void *ctx)
{
    table_opts *t = ctx;
    static const char *const SHEETS[] = {"items", "people", "meetings", "dates"};
    if (key == KEY_BOM) {
        t->bom = true;
    } else if (key == KEY_RECORDS) {
        t->records = true;
    } else if (key == KEY_SHARD) {
        return po_shard_parse("table", arg, &t->shard) ? PO_EXIT_OK : PO_EXIT_USAGE;
    } else if (key == 's') {
        int s = po_cli_choose("table", "sheet", arg, SHEETS, 4);
        if (s < 0 || (t->sheet = po_sheet_parse(SHEETS[s])) < 0)
            return PO_EXIT_USAGE;
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

static int run_table(int argc, char **argv)
{
    static const struct option OWN[] = {
        {"sheet", required_argument, NULL, 's'},
        {"bom", no_argument, NULL, KEY_BOM},
        {"records", no_argument, NULL, KEY_RECORDS},
        {"shard", required_argument, NULL, KEY_SHARD},
        {NULL, 0, NULL, 0},
    };
    po_cli_opts o;
    table_opts t = {PO_SHEET_ITEMS, false, false, false, {0, 0}};
    int rc = po_cli_parse(&o, "table", USAGE,
                          PO_OPT_FORMAT | PO_OPT_OUTPUT | PO_OPT_RULES | PO_OPT_DATE | PO_OPT_JOBS |
                              PO_OPT_INPUTS,
                          OWN, "s:", own_option, &t, argc, argv);
    if (rc >= 0)
        return rc;
    int fmt = po_cli_pick_format(&o, NAMES, N_FORMATS, ALIASES, FMT_CSV);
    if (fmt < 0)
        return PO_EXIT_USAGE;
    if ((rc = po_cli_refuse("table", t.bom && fmt != FMT_CSV, "--bom", "csv")) >= 0 ||
        (rc = po_cli_refuse("table", t.sheet_given && fmt == FMT_XLSX, "--sheet",
                            "csv, tsv and jsonl (a workbook holds every sheet)")) >= 0)
        return rc;
    if ((t.records || t.shard.n) && fmt == FMT_XLSX)
        return po_cli_usage_error("table", "--records and --shard write csv, tsv or jsonl, not xlsx");
    if (t.records && (t.shard.n || o.n_args || o.files_from))
        return po_cli_usage_error("table", "--records reads its documents from standard input alone");
    if (fmt == FMT_XLSX && !o.output)
        return po_cli_usage_error("table", "xlsx needs -o FILE");
    if (t.records || t.shard.n)
        return table_stream(&o, &t, fmt);

    po_cli_inputs in;
    po_rules *rules;
    po_cli_output out;
    if ((rc = po_cli_start(&o, true, &in, &rules, &out)) >= 0)
        return rc;
    po_table *tables[PO_SHEET_COUNT] = {NULL};
    size_t n_tables = fmt == FMT_XLSX ? PO_SHEET_COUNT : 1;
    filling f = {tables, n_tables, false};
    for (size_t k = 0; k < n_tables; k++)
        if (!(tables[k] = po_table_new(fmt == FMT_XLSX ? (po_sheet)k : (po_sheet)t.sheet)))
            f.nomem = true;
    int status = in.errors ? PO_EXIT_INPUT : PO_EXIT_OK;
    po_cli_progress progress;
    po_cli_progress_start(&progress, &o, in.n);
    if (!f.nomem && po_cli_each_outlines(rules, &in, &o, &progress, add_rows, &f))
        status = PO_EXIT_INPUT;
    po_cli_progress_end(&progress);
    bool written = false;
    if (f.nomem) {
        po_cli_error("out of memory");
        status = PO_EXIT_INPUT;
    } else if ((rc = write_rows(tables, n_tables, fmt, t.bom, &out)) != PO_EXIT_OK) {
        status = rc;
    } else {
        written = true;
    }
    if (po_cli_output_close(&out, written) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    for (size_t k = 0; k < n_tables; k++)
        po_table_free(tables[k]);
    po_cli_inputs_free(&in);
    po_rules_free(rules);
    return status;
}

const po_cli_command po_cli_table = {"table", "rows for spreadsheets (csv, tsv, jsonl, xlsx)",
                                     run_table};
