/* table_stream.c - table rows written as they come: one record of a
 * stream at a time (--records), or keyed by article for a shard (--shard).
 * Each article's rows are those of a table holding that article alone,
 * without the header, so the concatenation in order is the table of one
 * run over everything. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"
#include "policy_outline_research.h"
#include "../table/table.h"

static char *render(const po_table *t, po_rows_format fmt, bool bom)
{
    return fmt == PO_ROWS_CSV ? po_table_csv(t, bom ? PO_TABLE_BOM : 0)
           : fmt == PO_ROWS_TSV ? po_table_tsv(t)
                                : po_table_jsonl(t);
}

/* The header line(s) of a table of this sheet ("" for jsonl), malloc'd. */
static char *header(int sheet, po_rows_format fmt, bool bom)
{
    po_table *t = po_table_new((po_sheet)sheet);
    char *s = t ? render(t, fmt, bom) : NULL;
    po_table_free(t);
    return s;
}

/* The rows of one article (no header), malloc'd; NULL when out of memory.
 * Their doc_id is made from name (a record's id), or the source path when
 * name is NULL. */
static char *rows_of(const po_outline *o, const char *name, int sheet, po_rows_format fmt)
{
    po_table *t = po_table_new((po_sheet)sheet);
    char *s = NULL;
    if (t && po_table_add_named(t, o, name) == PO_OK)
        s = render(t, fmt, false);
    po_table_free(t);
    if (s && fmt != PO_ROWS_JSONL) {
        char *nl = strchr(s, '\n'); /* the header is one line */
        size_t skip = nl ? (size_t)(nl + 1 - s) : strlen(s);
        memmove(s, s + skip, strlen(s + skip) + 1);
    }
    return s;
}

typedef struct streaming {
    FILE *f;
    int sheet;
    po_rows_format fmt;
    bool nomem;
} streaming;

static void record_rows(const po_record *rec, po_outline **list, size_t n, const char *error, void *ctx)
{
    streaming *st = ctx;
    for (size_t k = 0; k < n; k++) {
        /* a record's rows carry its id, whether it held the article or
         * named a file of it (id#N for the articles of a day file) */
        char *s = rows_of(list[k], rec->id, st->sheet, st->fmt);
        if (s)
            fputs(s, st->f);
        else
            st->nomem = true;
        free(s);
    }
    if (error && st->fmt == PO_ROWS_JSONL) {
        char *e = po_record_error_json(rec, error);
        if (e)
            fprintf(st->f, "%s\n", e);
        free(e);
    }
    fflush(st->f);
}

static int finish(bool failed, bool nomem)
{
    if (nomem)
        po_cli_error("out of memory");
    return failed || nomem ? PO_EXIT_INPUT : PO_EXIT_OK;
}

int po_table_records(FILE *f, const po_rules *rules, const po_options *opt, int sheet, po_rows_format fmt,
                     bool bom)
{
    char *head = header(sheet, fmt, bom);
    if (head)
        fputs(head, f);
    free(head);
    fflush(f);
    streaming st = {f, sheet, fmt, !head};
    size_t refused = po_records_each(stdin, PO_RECORD_MAX_LINE, rules, opt, record_rows, &st);
    return finish(refused > 0, st.nomem);
}

static void shard_rows(size_t input, po_outline **list, size_t n, void *ctx)
{
    streaming *st = ctx;
    for (size_t k = 0; k < n; k++) {
        char *s = rows_of(list[k], NULL, st->sheet, st->fmt);
        if (s && *s)
            po_shard_put(st->f, input, list[k]->index, s);
        else if (!s)
            st->nomem = true;
        free(s);
    }
}

int po_table_shard(FILE *f, const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o, int sheet,
                   po_rows_format fmt, bool bom, const po_shard *shard, po_cli_progress *p)
{
    char *head = header(sheet, fmt, bom);
    if (head && *head)
        po_shard_put_header(f, head);
    streaming st = {f, sheet, fmt, !head};
    free(head);
    size_t failed = po_cli_each_outlines_at(rules, in, o, shard, p, shard_rows, &st);
    return finish(failed > 0, st.nomem);
}
