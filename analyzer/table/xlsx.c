/* xlsx.c - tables as the sheets of one XLSX workbook (libxlsxwriter).
 * Every text cell goes through worksheet_write_string, so article text can
 * never become a formula; the file appears at its path only once complete. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "table.h"
#include "../util/utf8.h"

#define MAX_ROWS 1048576u     /* Excel's limit, header included */
#define MAX_CELL_BYTES 32767u /* Excel's limit is 32,767 characters */

typedef struct formats {
    lxw_format *header, *wrap, *top, *date, *datetime;
} formats;

/* n ASCII digits at s as a number; false when one is not a digit. */
static bool digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

/* YYYY-MM-DD, optionally followed by THH:MM[:SS] and a zone (ignored: the
 * cell shows the time as written). False for months, years, intervals.
 * The plain digits every cell the tool writes holds are read directly;
 * anything else goes through sscanf, whose reading (signs, spaces) it
 * always had. */
static bool parse_iso(const char *s, lxw_datetime *dt, bool *has_time)
{
    int y, mo, d, n = 0;
    memset(dt, 0, sizeof *dt);
    if (digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &mo) && s[7] == '-' && digits(s + 8, 2, &d))
        n = 10;
    else if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return false;
    if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;
    dt->year = y;
    dt->month = mo;
    dt->day = d;
    *has_time = false;
    const char *p = s + 10;
    if (*p == '\0')
        return true;
    int h, mi, m = 0;
    double sec = 0;
    if (*p != 'T' && *p != ' ')
        return false;
    if (digits(p + 1, 2, &h) && p[3] == ':' && digits(p + 4, 2, &mi))
        m = 5;
    else if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &m) != 2 || m != 5)
        return false;
    p += 1 + m;
    if (*p == ':') {
        int k = 0, whole;
        if (digits(p + 1, 2, &whole) && (p[3] == '\0' || p[3] == 'Z' || p[3] == '+')) {
            sec = whole;
            k = 2;
        } else if (sscanf(p + 1, "%lf%n", &sec, &k) != 1) {
            return false;
        }
        p += 1 + k;
    }
    if (*p && strcmp(p, "Z") != 0 && *p != '+' && *p != '-')
        return false;
    if (h > 23 || mi > 59 || sec < 0 || sec >= 61)
        return false;
    dt->hour = h;
    dt->min = mi;
    dt->sec = sec;
    *has_time = true;
    return true;
}

/* A copy cut at a code point boundary within Excel's cell limit. */
static const char *fit(const char *s, char *scratch)
{
    size_t len = strlen(s);
    if (len <= MAX_CELL_BYTES)
        return s;
    size_t cut = MAX_CELL_BYTES;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(scratch, s, cut);
    scratch[cut] = '\0';
    return scratch;
}

static lxw_error write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const po_column *col,
                            const char *v, const formats *f, char *scratch)
{
    if (!v[0])
        return LXW_NO_ERROR;
    if (col->type == PO_COLUMN_NUMBER) {
        /* the counts and offsets the tool writes are plain digits */
        double d = 0;
        const char *end = v;
        while (*end >= '0' && *end <= '9' && end - v < 15)
            d = d * 10 + (*end++ - '0');
        if (*end != '\0')
            d = strtod(v, (char **)&end);
        if (*end == '\0')
            return worksheet_write_number(ws, r, c, d, f->top);
    } else if (col->type == PO_COLUMN_DATE) {
        lxw_datetime dt;
        bool has_time;
        if (parse_iso(v, &dt, &has_time))
            return worksheet_write_datetime(ws, r, c, &dt, has_time ? f->datetime : f->date);
    }
    lxw_format *fmt = col->type == PO_COLUMN_LONG ? f->wrap : f->top;
    return worksheet_write_string(ws, r, c, fit(v, scratch), fmt);
}

static lxw_error write_sheet(lxw_workbook *wb, const po_table *t, const formats *f, char *scratch)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, po_sheet_name(t->sheet));
    if (!ws)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_col_t last = (lxw_col_t)(t->n_columns - 1);
    for (size_t c = 0; c < t->n_columns; c++) {
        const po_column *col = &t->columns[c];
        lxw_format *fmt = col->type == PO_COLUMN_LONG ? f->wrap : NULL;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, col->width, fmt);
        lxw_error e = worksheet_write_string(ws, 0, (lxw_col_t)c, col->name, f->header);
        if (e)
            return e;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->rows, last);
    for (size_t r = 0; r < t->rows; r++)
        for (size_t c = 0; c < t->n_columns; c++) {
            lxw_error e = write_cell(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, &t->columns[c],
                                     t->cells[r * t->n_columns + c], f, scratch);
            if (e)
                return e;
        }
    return LXW_NO_ERROR;
}

/* A failure's reason, as an error diagnostic about the workbook at path. */
static void report(po_diag_fn diag, void *user, const char *path, const char *why)
{
    if (!diag)
        return;
    po_diag d = {PO_DIAG_ERROR, path, 0, 0, NULL, why};
    diag(&d, user);
}

/* Make the data durable before the rename makes it visible. */
static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return errno;
    int err = fsync(fd) != 0 ? errno : 0;
    close(fd);
    return err;
}

/* A fresh name beside path for the workbook being written. Unlike
 * mkstemp's 0600, open(2) with 0666 lets the umask decide, so the finished
 * workbook gets the permissions any new file would. */
static int reserve_temp(const char *path, char *tmp, size_t size)
{
    for (unsigned i = 0; i < 1000; i++) {
        snprintf(tmp, size, "%s.tmp%ld-%u", path, (long)getpid(), i);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0) {
            close(fd);
            return 0;
        }
        if (errno != EEXIST)
            return errno;
    }
    return EEXIST;
}

/* The workbook written at `file` itself; `name` names it in errors. */
static po_status write_workbook(const char *file, const char *name, const po_table *const *tables,
                                size_t n, po_diag_fn diag, void *user)
{
    char *scratch = malloc(MAX_CELL_BYTES + 1);
    if (!scratch)
        return PO_ERR_NOMEM;
    lxw_workbook_options opt = {.constant_memory = 0, .tmpdir = NULL, .use_zip64 = 1};
    lxw_workbook *wb = workbook_new_opt(file, &opt);
    lxw_error e = wb ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
    formats f = {NULL, NULL, NULL, NULL, NULL};
    if (wb) {
        f = (formats){workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
                      workbook_add_format(wb), workbook_add_format(wb)};
        if (!f.header || !f.wrap || !f.top || !f.date || !f.datetime) {
            workbook_close(wb);
            wb = NULL;
            e = LXW_ERROR_MEMORY_MALLOC_FAILED;
        }
    }
    if (wb) {
        format_set_bold(f.header);
        format_set_bg_color(f.header, 0xDDEBF7);
        format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
        format_set_text_wrap(f.wrap);
        format_set_align(f.top, LXW_ALIGN_VERTICAL_TOP);
        format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
        format_set_num_format(f.date, "yyyy-mm-dd");
        format_set_align(f.datetime, LXW_ALIGN_VERTICAL_TOP);
        format_set_num_format(f.datetime, "yyyy-mm-dd hh:mm:ss");
        for (size_t i = 0; i < n && !e; i++)
            e = write_sheet(wb, tables[i], &f, scratch);
        lxw_error closed = workbook_close(wb); /* frees wb even on error */
        if (!e)
            e = closed;
    }
    free(scratch);
    if (e) {
        report(diag, user, name, lxw_strerror(e));
        return PO_ERR_IO;
    }
    return PO_OK;
}

static po_status check_tables(const char *path, const po_table *const *tables, size_t n,
                              po_diag_fn diag, void *user)
{
    if (n == 0) {
        report(diag, user, path, "no sheet to write");
        return PO_ERR_USAGE;
    }
    for (size_t i = 0; i < n; i++)
        if (tables[i]->rows + 1 > MAX_ROWS) {
            char why[96];
            snprintf(why, sizeof why, "sheet %s: more rows than a worksheet holds",
                     po_sheet_name(tables[i]->sheet));
            report(diag, user, path, why);
            return PO_ERR_IO;
        }
    return PO_OK;
}

po_status po_table_write_xlsx_direct(const char *path, const po_table *const *tables, size_t n,
                                     po_diag_fn diag, void *user)
{
    po_status st = check_tables(path, tables, n, diag, user);
    return st == PO_OK ? write_workbook(path, path, tables, n, diag, user) : st;
}

po_status po_table_write_xlsx(const char *path, const po_table *const *tables, size_t n,
                              po_diag_fn diag, void *user)
{
    po_status st = check_tables(path, tables, n, diag, user);
    if (st != PO_OK)
        return st;
    size_t tmp_size = strlen(path) + 48;
    char *tmp = malloc(tmp_size);
    if (!tmp)
        return PO_ERR_NOMEM;
    int err = reserve_temp(path, tmp, tmp_size);
    if (err) {
        report(diag, user, path, strerror(err));
        free(tmp);
        return PO_ERR_IO;
    }
    st = write_workbook(tmp, path, tables, n, diag, user);
    if (st == PO_OK && ((err = sync_file(tmp)) != 0 || rename(tmp, path) != 0)) {
        report(diag, user, path, strerror(err ? err : errno));
        st = PO_ERR_IO;
    }
    if (st != PO_OK)
        unlink(tmp);
    free(tmp);
    return st;
}
