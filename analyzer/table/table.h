/* table.h - the inside of a po_table: one sheet's column schema and its rows
 * of strings, plus the CSV field writer that compare's CSV output shares. */
#ifndef PO_TABLE_H
#define PO_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "policy_outline_research.h"
#include "../util/arena.h"
#include "../util/buf.h"

typedef struct po_column {
    const char *name;
    po_column_type type;
    double width;       /* XLSX column width, in characters */
} po_column;

struct po_table {
    po_sheet sheet;
    const po_column *columns;
    size_t n_columns;
    const char **cells;  /* rows * n_columns, row-major; strings in arena */
    size_t rows, cap_rows;
    po_arena *arena;
};

/* The schema of a sheet. */
const po_column *po_sheet_columns(po_sheet sheet, size_t *n);

/* Append a row of n_columns cells (NULL means empty); copies the strings. */
po_status po_table_push(po_table *t, const char *const *cells);

/* Fill the rows of one sheet from an outline (rows.c). */
po_status po_table_rows_items(po_table *t, const po_outline *o, const char *doc_id);
po_status po_table_rows_people(po_table *t, const po_outline *o, const char *doc_id);
po_status po_table_rows_meetings(po_table *t, const po_outline *o, const char *doc_id);
po_status po_table_rows_dates(po_table *t, const po_outline *o, const char *doc_id);

/* po_doc_id with `name` in place of the source path (NULL: the source):
 * the id of a record of a stream, which may name a file of many articles. */
char *po_doc_id_named(const po_outline *o, const char *name);
/* po_table_add with doc_ids made from `name` (NULL: the source path). */
po_status po_table_add_named(po_table *t, const po_outline *o, const char *name);

/* The rows as JSON Lines (po_table_jsonl); when tagged, each object starts
 * with "sheet": the sheet's name, so that the rows of several sheets can
 * share one stream. NULL when out of memory. */
char *po_table_jsonl_rows(const po_table *t, bool tagged);

/* Append the row of one tagged line (above) to the table of its sheet,
 * tables[sheet] (PO_SHEET_COUNT of them; a NULL one takes nothing): the
 * cells as they were written. PO_ERR_INPUT, with the reason in why, when
 * the line is not such a row; PO_ERR_NOMEM when out of memory. */
po_status po_table_push_jsonl(po_table *const *tables, const char *line, size_t len, char *why,
                              size_t why_size);

/* A cell a spreadsheet would take for a formula or a control: it starts
 * with = + - @ tab or CR. */
bool po_cell_risky(const char *s);

/* Append one field to a CSV (sep ',') or TSV (sep '\t') line, with the
 * separator before it unless first. Risky cells get a ' prefix. */
void po_csv_field(po_buf *b, const char *s, char sep, bool first);
/* End a line: CRLF for CSV, LF for TSV. */
void po_csv_end(po_buf *b, char sep);

#endif
