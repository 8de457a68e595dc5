/* rows_read.c - table --from-rows: rows gathered from many machines (table
 * -f jsonl --sheet all) back into tables, for one workbook. */
#include "cli.h"
#include "scale.h"
#include "../table/table.h"

static po_status push_row(const char *line, size_t len, char *why, size_t why_size, void *ctx)
{
    po_table *const *tables = *(po_table *const *const *)ctx;
    return po_table_push_jsonl(tables, line, len, why, why_size);
}

po_status po_table_rows_read(po_table *const *tables, char **files, size_t n, int *status)
{
    return po_cli_read_lines(files, n, status, push_row, &tables);
}
