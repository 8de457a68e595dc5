/* jsonl.c - a table as JSON Lines: one object per row, keyed by column; and
 * back, so that rows written on many machines make one workbook. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

char *po_table_jsonl_rows(const po_table *t, bool tagged)
{
    po_buf b = PO_BUF_INIT;
    for (size_t r = 0; r < t->rows; r++) {
        cJSON *o = cJSON_CreateObject();
        if (!o || (tagged && !cJSON_AddStringToObject(o, "sheet", po_sheet_name(t->sheet)))) {
            cJSON_Delete(o);
            po_buf_free(&b);
            return NULL;
        }
        for (size_t c = 0; c < t->n_columns; c++) {
            const char *v = t->cells[r * t->n_columns + c];
            const char *k = t->columns[c].name;
            if (!v[0])
                cJSON_AddNullToObject(o, k);
            else if (t->columns[c].type == PO_COLUMN_NUMBER)
                cJSON_AddNumberToObject(o, k, strtod(v, NULL));
            else
                cJSON_AddStringToObject(o, k, v);
        }
        char *line = cJSON_PrintUnformatted(o);
        cJSON_Delete(o);
        if (!line) {
            po_buf_free(&b);
            return NULL;
        }
        po_buf_puts(&b, line);
        po_buf_putc(&b, '\n');
        free(line);
    }
    return po_buf_detach(&b);
}

char *po_table_jsonl(const po_table *t)
{
    return po_table_jsonl_rows(t, false);
}

po_status po_table_push_jsonl(po_table *const *tables, const char *line, size_t len, char *why, size_t why_size)
{
    cJSON *o = cJSON_ParseWithLength(line, len);
    const cJSON *sheet = o ? cJSON_GetObjectItemCaseSensitive(o, "sheet") : NULL;
    po_sheet named = PO_SHEET_ITEMS;
    int s = cJSON_IsString(sheet) && po_sheet_parse(sheet->valuestring, &named) == PO_OK ? (int)named : -1;
    const char *bad = !cJSON_IsObject(o) ? "not a JSON object"
                      : s < 0           ? "no \"sheet\" naming items, people, meetings or dates"
                                        : NULL;
    po_table *t = s >= 0 ? tables[s] : NULL;
    po_status st = PO_OK;
    if (!bad && t) {
        enum { MOST = 32 }; /* columns of the widest sheet, and more */
        const char *cells[MOST];
        char numbers[MOST][320]; /* any double as %.0f */
        if (t->n_columns > MOST)
            bad = "a sheet of too many columns";
        for (size_t c = 0; c < t->n_columns && !bad; c++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, t->columns[c].name);
            if (!v || cJSON_IsNull(v)) {
                cells[c] = "";
            } else if (cJSON_IsString(v) && t->columns[c].type != PO_COLUMN_NUMBER) {
                cells[c] = v->valuestring;
            } else if (cJSON_IsNumber(v) && t->columns[c].type == PO_COLUMN_NUMBER) {
                /* the columns hold integers, written as such */
                snprintf(numbers[c], sizeof numbers[c], "%.0f", v->valuedouble);
                cells[c] = numbers[c];
            } else {
                snprintf(why, why_size, "\"%s\" is not a %s", t->columns[c].name,
                         t->columns[c].type == PO_COLUMN_NUMBER ? "number" : "string");
                bad = why;
            }
        }
        if (!bad)
            st = po_table_push(t, cells);
    }
    if (bad && bad != why)
        snprintf(why, why_size, "%s", bad);
    cJSON_Delete(o);
    return bad ? PO_ERR_INPUT : st;
}
