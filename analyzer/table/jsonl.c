/* jsonl.c - a table as JSON Lines: one object per row, keyed by column. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "table.h"

char *po_table_jsonl(const po_table *t)
{
    po_buf b = PO_BUF_INIT;
    for (size_t r = 0; r < t->rows; r++) {
        cJSON *o = cJSON_CreateObject();
        if (!o) {
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
