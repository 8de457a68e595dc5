/* table_cmd.c - policy-outline table: spreadsheet rows of directives,
 * people, meetings and dates. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "policy_outline_research.h"

static const char USAGE[] =
    "Usage: policy-outline table [OPTIONS] FILE|FOLDER...\n"
    "\n"
    "Write one row per directive item (or per person, meeting or date) of\n"
    "every article, for spreadsheets. Folders are read recursively; - reads a\n"
    "list of paths, one per line, from standard input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     csv (default; xlsx when -o ends in .xlsx), tsv,\n"
    "                       jsonl, xlsx (all four sheets in one workbook)\n"
    "  -s, --sheet NAME     items (default), people, meetings, dates\n"
    "  -o, --output FILE    write FILE atomically; required for xlsx\n"
    "      --bom            csv: start with a UTF-8 byte order mark (Excel)\n"
    "  -r, --rules DIR      use the rule pack in DIR\n"
    "      --reference-date D  resolve relative dates against D (YYYY-MM-DD)\n"
    "  -j, --jobs N         analyse N inputs at once (default: the processors,\n"
    "                       at most 8); rows keep the input order\n"
    "  -h, --help           this help\n"
    "\n"
    "In csv and tsv a cell starting with = + - @ tab or CR is written with a\n"
    "leading ' so that spreadsheets never evaluate article text as a formula;\n"
    "xlsx writes every text cell as a string.\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed (reported on\n"
    "stderr; the rest are written), 2 usage or rule pack error.\n";

enum { FMT_CSV, FMT_TSV, FMT_JSONL, FMT_XLSX };

static int parse_format(const char *s)
{
    static const char *const NAMES[] = {"csv", "tsv", "jsonl", "xlsx"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, NAMES[i]) == 0)
            return i;
    return -1;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

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

/* Analyse every input into the tables; false when some input failed. */
static bool fill(po_table **tables, size_t n_tables, char **inputs, size_t n_inputs,
                 const po_rules *rules, const po_options *opt, unsigned jobs, bool *nomem)
{
    filling f = {tables, n_tables, false};
    size_t failed = po_cli_each_outlines(rules, inputs, n_inputs, opt, jobs, add_rows, &f);
    *nomem = f.nomem;
    return failed == 0;
}

static int emit(const po_table *t, int fmt, bool bom, const char *out)
{
    char *s = fmt == FMT_CSV ? po_table_csv(t, bom ? PO_TABLE_BOM : 0)
              : fmt == FMT_TSV ? po_table_tsv(t)
                               : po_table_jsonl(t);
    if (!s) {
        fputs("policy-outline table: out of memory\n", stderr);
        return PO_EXIT_INPUT;
    }
    size_t len = strlen(s);
    int rc = PO_EXIT_OK;
    if (out) {
        int err = po_cli_write_atomic(out, s, len);
        if (err) {
            fprintf(stderr, "policy-outline table: %s: %s\n", out, strerror(err));
            rc = PO_EXIT_INPUT;
        }
    } else if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0) {
        perror("policy-outline table: writing output");
        rc = PO_EXIT_INPUT;
    }
    free(s);
    return rc;
}

int po_cmd_table(int argc, char **argv)
{
    static const struct option LONG[] = {
        {"format", required_argument, NULL, 'f'},
        {"sheet", required_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'},
        {"bom", no_argument, NULL, 'b'},
        {"rules", required_argument, NULL, 'r'},
        {"reference-date", required_argument, NULL, 'd'},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int fmt = -1, sheet = PO_SHEET_ITEMS, opt;
    unsigned jobs = po_pool_default_jobs();
    bool bom = false;
    const char *out = NULL, *rules_dir = NULL;
    po_options options = {NULL};
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:s:o:r:j:h", LONG, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if ((fmt = parse_format(optarg)) < 0) {
                fprintf(stderr, "policy-outline table: unknown format '%s'\n", optarg);
                return PO_EXIT_USAGE;
            }
            break;
        case 's':
            if ((sheet = po_sheet_parse(optarg)) < 0) {
                fprintf(stderr, "policy-outline table: unknown sheet '%s'\n", optarg);
                return PO_EXIT_USAGE;
            }
            break;
        case 'o': out = optarg; break;
        case 'b': bom = true; break;
        case 'r': rules_dir = optarg; break;
        case 'd':
            if (!po_cli_opt_day("table", optarg, &options.reference_date))
                return PO_EXIT_USAGE;
            break;
        case 'j':
            if (!po_cli_opt_jobs("table", optarg, &jobs))
                return PO_EXIT_USAGE;
            break;
        case 'h': fputs(USAGE, stdout); return PO_EXIT_OK;
        default: fputs(USAGE, stderr); return PO_EXIT_USAGE;
        }
    }
    if (fmt < 0)
        fmt = out && ends_with(out, ".xlsx") ? FMT_XLSX : FMT_CSV;
    if (optind >= argc) {
        fprintf(stderr, "policy-outline table: no input files\n\n%s", USAGE);
        return PO_EXIT_USAGE;
    }
    if (fmt == FMT_XLSX && !out) {
        fputs("policy-outline table: xlsx needs -o FILE\n", stderr);
        return PO_EXIT_USAGE;
    }
    po_rules *rules = po_cli_rules(rules_dir);
    if (!rules)
        return PO_EXIT_USAGE;
    size_t n_inputs;
    char **inputs = po_cli_expand_inputs(argv + optind, (size_t)(argc - optind), true, &n_inputs);

    po_table *tables[PO_SHEET_COUNT] = {NULL};
    size_t n_tables = fmt == FMT_XLSX ? PO_SHEET_COUNT : 1;
    bool nomem = false;
    for (size_t t = 0; t < n_tables; t++)
        if (!(tables[t] = po_table_new(fmt == FMT_XLSX ? (po_sheet)t : (po_sheet)sheet)))
            nomem = true;
    int status = PO_EXIT_OK;
    if (!nomem && !fill(tables, n_tables, inputs, n_inputs, rules, &options, jobs, &nomem))
        status = PO_EXIT_INPUT;
    if (nomem) {
        fputs("policy-outline table: out of memory\n", stderr);
        status = PO_EXIT_INPUT;
    } else if (fmt == FMT_XLSX) {
        char *why = NULL;
        if (po_table_write_xlsx(out, (const po_table *const *)tables, n_tables, &why) != PO_OK) {
            fprintf(stderr, "policy-outline table: %s\n", why ? why : "cannot write the workbook");
            status = PO_EXIT_INPUT;
        }
        free(why);
    } else {
        int rc = emit(tables[0], fmt, bom, out);
        if (rc != PO_EXIT_OK)
            status = rc;
    }
    for (size_t t = 0; t < n_tables; t++)
        po_table_free(tables[t]);
    po_cli_free_strings(inputs, n_inputs);
    po_rules_free(rules);
    return status;
}
