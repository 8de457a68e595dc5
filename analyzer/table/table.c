/* table.c - the po_table container: sheet schemas, rows of copied strings,
 * accessors, and the doc_id every output shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

static const po_column ITEMS[] = {
    {"doc_id", PO_COLUMN_TEXT, 30},       {"item_id", PO_COLUMN_TEXT, 34},
    {"source", PO_COLUMN_TEXT, 30},       {"title", PO_COLUMN_LONG, 36},
    {"published", PO_COLUMN_DATE, 12},    {"url", PO_COLUMN_TEXT, 24},
    {"meeting", PO_COLUMN_TEXT, 24},      {"meeting_date", PO_COLUMN_DATE, 12},
    {"chair", PO_COLUMN_TEXT, 12},        {"group", PO_COLUMN_NUMBER, 7},
    {"style", PO_COLUMN_TEXT, 9},         {"kind", PO_COLUMN_TEXT, 13},
    {"introducer", PO_COLUMN_TEXT, 12},   {"actor", PO_COLUMN_TEXT, 16},
    {"ordinal", PO_COLUMN_NUMBER, 8},     {"marker", PO_COLUMN_TEXT, 8},
    {"lead", PO_COLUMN_LONG, 36},         {"text", PO_COLUMN_LONG, 70},
    {"start", PO_COLUMN_NUMBER, 8},       {"end", PO_COLUMN_NUMBER, 8},
};

static const po_column PEOPLE[] = {
    {"doc_id", PO_COLUMN_TEXT, 30},       {"name", PO_COLUMN_TEXT, 16},
    {"kind", PO_COLUMN_TEXT, 13},         {"titles", PO_COLUMN_LONG, 36},
    {"organization", PO_COLUMN_TEXT, 24}, {"roles", PO_COLUMN_TEXT, 16},
    {"count", PO_COLUMN_NUMBER, 7},       {"org_type", PO_COLUMN_TEXT, 16},
    {"members", PO_COLUMN_LONG, 24},      {"meeting", PO_COLUMN_TEXT, 24},
};

static const po_column MEETINGS[] = {
    {"doc_id", PO_COLUMN_TEXT, 30},       {"source", PO_COLUMN_TEXT, 30},
    {"title", PO_COLUMN_LONG, 36},        {"published", PO_COLUMN_DATE, 12},
    {"published_from", PO_COLUMN_TEXT, 12},
    {"name", PO_COLUMN_TEXT, 24},         {"type", PO_COLUMN_TEXT, 10},
    {"date", PO_COLUMN_DATE, 12},         {"date_text", PO_COLUMN_TEXT, 12},
    {"location", PO_COLUMN_TEXT, 14},     {"chair", PO_COLUMN_TEXT, 12},
    {"participants", PO_COLUMN_LONG, 36}, {"start", PO_COLUMN_NUMBER, 8},
    {"end", PO_COLUMN_NUMBER, 8},
};

static const po_column DATES[] = {
    {"doc_id", PO_COLUMN_TEXT, 30},       {"published", PO_COLUMN_DATE, 12},
    {"text", PO_COLUMN_TEXT, 16},         {"value", PO_COLUMN_DATE, 22},
    {"kind", PO_COLUMN_TEXT, 9},          {"approximate", PO_COLUMN_TEXT, 11},
    {"start", PO_COLUMN_NUMBER, 8},       {"end", PO_COLUMN_NUMBER, 8},
};

static const char *const SHEET_NAMES[PO_SHEET_COUNT] = {"items", "people", "meetings", "dates"};

const char *po_sheet_name(po_sheet sheet)
{
    return (unsigned)sheet < PO_SHEET_COUNT ? SHEET_NAMES[sheet] : "items";
}

po_status po_sheet_parse(const char *name, po_sheet *out)
{
    for (int i = 0; i < PO_SHEET_COUNT; i++)
        if (name && strcmp(name, SHEET_NAMES[i]) == 0) {
            *out = (po_sheet)i;
            return PO_OK;
        }
    return PO_ERR_USAGE;
}

const po_column *po_sheet_columns(po_sheet sheet, size_t *n)
{
    switch (sheet) {
    case PO_SHEET_PEOPLE: *n = sizeof PEOPLE / sizeof *PEOPLE; return PEOPLE;
    case PO_SHEET_MEETINGS: *n = sizeof MEETINGS / sizeof *MEETINGS; return MEETINGS;
    case PO_SHEET_DATES: *n = sizeof DATES / sizeof *DATES; return DATES;
    case PO_SHEET_ITEMS: break;
    }
    *n = sizeof ITEMS / sizeof *ITEMS;
    return ITEMS;
}

char *po_doc_id(const po_outline *o)
{
    return po_doc_id_named(o, NULL);
}

char *po_doc_id_named(const po_outline *o, const char *name)
{
    const char *src = name ? name : o->source ? o->source : "-";
    /* Only day files hold several articles; a single article keeps its
     * plain path so that ids stay short and obvious. */
    bool many = o->index > 0 || (o->format && strcmp(o->format, "dayfile") == 0);
    size_t len = strlen(src) + 24;
    char *id = malloc(len);
    if (!id)
        return NULL;
    if (many)
        snprintf(id, len, "%s#%d", src, o->index);
    else
        snprintf(id, len, "%s", src);
    return id;
}

po_table *po_table_new(po_sheet sheet)
{
    if ((unsigned)sheet >= PO_SHEET_COUNT)
        return NULL;
    po_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->arena = po_arena_new();
    if (!t->arena) {
        free(t);
        return NULL;
    }
    t->sheet = sheet;
    t->columns = po_sheet_columns(sheet, &t->n_columns);
    return t;
}

void po_table_free(po_table *t)
{
    if (!t)
        return;
    po_arena_free(t->arena);
    free(t->cells);
    free(t);
}

po_status po_table_push(po_table *t, const char *const *cells)
{
    if (t->rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 64;
        const char **c = realloc(t->cells, cap * t->n_columns * sizeof *c);
        if (!c)
            return PO_ERR_NOMEM;
        t->cells = c;
        t->cap_rows = cap;
    }
    const char **row = t->cells + t->rows * t->n_columns;
    for (size_t i = 0; i < t->n_columns; i++) {
        if (!cells[i] || !cells[i][0]) {
            row[i] = "";
            continue;
        }
        row[i] = po_arena_strdup(t->arena, cells[i]);
        if (!row[i])
            return PO_ERR_NOMEM;
    }
    t->rows++;
    return PO_OK;
}

po_status po_table_add(po_table *t, const po_outline *o)
{
    return po_table_add_named(t, o, NULL);
}

po_status po_table_add_named(po_table *t, const po_outline *o, const char *name)
{
    if (!t || !o)
        return PO_ERR_USAGE;
    char *doc_id = po_doc_id_named(o, name);
    if (!doc_id)
        return PO_ERR_NOMEM;
    po_status st = PO_OK;
    switch (t->sheet) {
    case PO_SHEET_ITEMS: st = po_table_rows_items(t, o, doc_id); break;
    case PO_SHEET_PEOPLE: st = po_table_rows_people(t, o, doc_id); break;
    case PO_SHEET_MEETINGS: st = po_table_rows_meetings(t, o, doc_id); break;
    case PO_SHEET_DATES: st = po_table_rows_dates(t, o, doc_id); break;
    }
    free(doc_id);
    return st;
}

po_sheet po_table_sheet(const po_table *t)
{
    return t->sheet;
}

size_t po_table_rows(const po_table *t)
{
    return t->rows;
}

size_t po_table_columns(const po_table *t)
{
    return t->n_columns;
}

const char *po_table_column_name(const po_table *t, size_t col)
{
    return col < t->n_columns ? t->columns[col].name : "";
}

po_column_type po_table_column_type(const po_table *t, size_t col)
{
    return col < t->n_columns ? t->columns[col].type : PO_COLUMN_TEXT;
}

const char *po_table_cell(const po_table *t, size_t row, size_t col)
{
    if (row >= t->rows || col >= t->n_columns)
        return "";
    return t->cells[row * t->n_columns + col];
}
