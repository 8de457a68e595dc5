/* fuzz_table.c - ingest, analysis, then every sheet's rows written as CSV
 * (with and without BOM), TSV and JSON Lines in memory, and, for one input
 * in eight, all four sheets as an XLSX workbook in a temporary file. */
#include <stdio.h>
#include <stdlib.h>

#include "policy_outline_research.h"
#include "fuzz_common.h"

/* Every cell reads as a string, "" when empty. */
static void check_cells(const po_table *t)
{
    for (size_t r = 0; r < po_table_rows(t); r++)
        for (size_t c = 0; c < po_table_columns(t); c++)
            if (!po_table_cell(t, r, c))
                fuzz_fail("every cell is a string");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_split(data, size, &in);
    size_t n;
    po_outline **list = fuzz_outlines(&in, NULL, 1, &n);
    po_table *tables[PO_SHEET_COUNT];
    for (int s = 0; s < PO_SHEET_COUNT; s++) {
        tables[s] = po_table_new((po_sheet)s);
        if (!tables[s])
            fuzz_fail("po_table_new");
        for (size_t i = 0; i < n; i++)
            if (po_table_add(tables[s], list[i]) != PO_OK)
                fuzz_fail("po_table_add of an analysed outline");
        check_cells(tables[s]);
        char *out[] = {po_table_csv(tables[s], 0), po_table_csv(tables[s], PO_TABLE_BOM), po_table_tsv(tables[s])};
        for (size_t k = 0; k < 3; k++) {
            if (!out[k])
                fuzz_fail("a table writer returns NULL only when out of memory");
            free(out[k]);
        }
        char *jsonl = po_table_jsonl(tables[s]);
        fuzz_check_json(jsonl, 1);
        free(jsonl);
    }
    if (size % 8 == 0) {
        if (po_table_write_xlsx(fuzz_temp_file("t.xlsx", NULL), (const po_table *const *)tables, PO_SHEET_COUNT,
                                NULL, NULL) != PO_OK)
            fuzz_fail("the workbook is written");
    }
    for (int s = 0; s < PO_SHEET_COUNT; s++)
        po_table_free(tables[s]);
    fuzz_free(list, n);
    return 0;
}
