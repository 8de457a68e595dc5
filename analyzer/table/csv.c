/* csv.c - CSV (RFC 4180) and TSV text of a table, with formula
 * neutralisation: a cell that starts with = + - @ tab or CR gets a leading
 * ' so that a spreadsheet shows it as text instead of evaluating it. */
#include <string.h>

#include "table.h"

bool po_cell_risky(const char *s)
{
    return s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                 s[0] == '\r');
}

void po_csv_field(po_buf *b, const char *s, char sep, bool first)
{
    if (!first)
        po_buf_putc(b, sep);
    if (!s)
        s = "";
    bool risky = po_cell_risky(s);
    if (sep == '\t') {
        /* TSV has no quoting: the separators inside a field become spaces. */
        if (risky)
            po_buf_putc(b, '\'');
        for (const char *p = s; *p; p++)
            po_buf_putc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
        return;
    }
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        po_buf_putc(b, '"');
    if (risky)
        po_buf_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            po_buf_putc(b, '"');
        po_buf_putc(b, *p);
    }
    if (quote)
        po_buf_putc(b, '"');
}

void po_csv_end(po_buf *b, char sep)
{
    po_buf_puts(b, sep == '\t' ? "\n" : "\r\n");
}

static char *render(const po_table *t, char sep, bool bom)
{
    po_buf b = PO_BUF_INIT;
    if (bom)
        po_buf_puts(&b, "\xEF\xBB\xBF");
    for (size_t c = 0; c < t->n_columns; c++)
        po_csv_field(&b, t->columns[c].name, sep, c == 0);
    po_csv_end(&b, sep);
    for (size_t r = 0; r < t->rows; r++) {
        for (size_t c = 0; c < t->n_columns; c++)
            po_csv_field(&b, t->cells[r * t->n_columns + c], sep, c == 0);
        po_csv_end(&b, sep);
    }
    return po_buf_detach(&b);
}

char *po_table_csv(const po_table *t, unsigned flags)
{
    return render(t, ',', flags & PO_TABLE_BOM);
}

char *po_table_tsv(const po_table *t)
{
    return render(t, '\t', false);
}
