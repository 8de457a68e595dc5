/* test_table.c - spreadsheet rows: ids, CSV/TSV quoting, formula
 * neutralisation, JSON Lines, and a workbook that appears atomically. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "policy_outline_research.h"
#include "outline/model.h"
#include "table/table.h"

/* An article of a day file with one group of the given item texts. */
static po_outline *outline_with(const char *source, int index, const char *const *texts, size_t n)
{
    po_outline *o = po_outline_new(source, index);
    ck_assert_ptr_nonnull(o);
    o->format = po_outline_strdup(o, "dayfile");
    o->meta.title = po_outline_strdup(o, "国务院常务会议");
    o->meta.published = po_outline_strdup(o, "2022-10-27");
    po_meeting *m = po_outline_add_meeting(o);
    m->name = po_outline_strdup(o, "国务院常务会议");
    m->date = po_outline_strdup(o, "2022-10-26");
    po_outline_add_string(o, &m->chair, &m->n_chair, "李克强");
    po_group *g = po_outline_add_group(o);
    g->style = po_outline_strdup(o, "shi");
    g->kind = po_outline_strdup(o, "measures");
    g->introducer = po_outline_strdup(o, "会议指出");
    static const char *const MARKERS[] = {"一是", "二是", "三是", "四是", "五是"};
    for (size_t i = 0; i < n; i++) {
        po_item *it = po_outline_add_item(o, g);
        it->ordinal = (int)i + 1;
        it->marker = po_outline_strdup(o, MARKERS[i % 5]);
        it->text = po_outline_strdup(o, texts[i]);
        it->lead = po_outline_strdup(o, texts[i]);
        it->start = 10 * i;
        it->end = 10 * i + 9;
    }
    return o;
}

static po_table *items_of(po_outline *o)
{
    po_table *t = po_table_new(PO_SHEET_ITEMS);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(po_table_add(t, o), PO_OK);
    return t;
}

static size_t column(const po_table *t, const char *name)
{
    for (size_t c = 0; c < po_table_columns(t); c++)
        if (strcmp(po_table_column_name(t, c), name) == 0)
            return c;
    ck_abort_msg("no column %s", name);
    return 0;
}

START_TEST(ids_name_the_article_group_and_ordinal)
{
    const char *texts[] = {"加强协调", "优化营商环境"};
    po_outline *o = outline_with("xwlb/20221027.md", 3, texts, 2);
    po_table *t = items_of(o);
    ck_assert_uint_eq(po_table_rows(t), 2);
    ck_assert_str_eq(po_table_cell(t, 0, column(t, "doc_id")), "xwlb/20221027.md#3");
    ck_assert_str_eq(po_table_cell(t, 1, column(t, "item_id")), "xwlb/20221027.md#3/g0/2");
    ck_assert_str_eq(po_table_cell(t, 1, column(t, "meeting")), "国务院常务会议");
    ck_assert_str_eq(po_table_cell(t, 1, column(t, "chair")), "李克强");
    ck_assert_str_eq(po_table_cell(t, 1, column(t, "text")), "优化营商环境");
    ck_assert_str_eq(po_table_cell(t, 0, column(t, "actor")), "");
    po_table_free(t);
    /* a single-article file keeps its plain path */
    o->format = po_outline_strdup(o, "markdown");
    o->index = 0;
    char *id = po_doc_id(o);
    ck_assert_str_eq(id, "xwlb/20221027.md");
    free(id);
    po_outline_free(o);
}
END_TEST

START_TEST(csv_quotes_commas_quotes_and_newlines)
{
    const char *texts[] = {"甲,乙", "说\"好\"", "第一行\n第二行", "plain"};
    po_outline *o = outline_with("a.md", 0, texts, 4);
    po_table *t = items_of(o);
    char *csv = po_table_csv(t, 0);
    ck_assert(strncmp(csv, "doc_id,item_id,source,", 22) == 0);
    ck_assert(strstr(csv, ",\"甲,乙\",") != NULL);
    ck_assert(strstr(csv, ",\"说\"\"好\"\"\",") != NULL);
    ck_assert(strstr(csv, ",\"第一行\n第二行\",") != NULL);
    ck_assert(strstr(csv, ",plain,plain,") != NULL);
    /* every record ends in CRLF; the bare LF above is inside quotes */
    size_t crlf = 0;
    for (const char *p = csv; (p = strstr(p, "\r\n")) != NULL; p += 2)
        crlf++;
    ck_assert_uint_eq(crlf, 5);
    ck_assert(csv[strlen(csv) - 1] == '\n' && csv[strlen(csv) - 2] == '\r');
    free(csv);
    char *bom = po_table_csv(t, PO_TABLE_BOM);
    ck_assert(strncmp(bom, "\xEF\xBB\xBF" "doc_id,", 10) == 0);
    free(bom);
    char *tsv = po_table_tsv(t);
    ck_assert(strstr(tsv, "\t第一行 第二行\t") != NULL);
    ck_assert(strstr(tsv, "\r") == NULL);
    free(tsv);
    po_table_free(t);
    po_outline_free(o);
}
END_TEST

START_TEST(csv_neutralises_formulas)
{
    const char *texts[] = {"=HYPERLINK(\"http://x\",\"y\")加强", "+1", "-2", "@SUM(A1)", "\tx",
                           "a=b"};
    po_outline *o = po_outline_new("f.md", 0);
    po_group *g = po_outline_add_group(o);
    for (size_t i = 0; i < 6; i++) {
        po_item *it = po_outline_add_item(o, g);
        it->ordinal = (int)i + 1;
        it->text = po_outline_strdup(o, texts[i]);
    }
    po_table *t = items_of(o);
    char *csv = po_table_csv(t, 0);
    ck_assert(strstr(csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")加强\",") != NULL);
    ck_assert(strstr(csv, ",'+1,") != NULL);
    ck_assert(strstr(csv, ",'-2,") != NULL);
    ck_assert(strstr(csv, ",'@SUM(A1),") != NULL);
    ck_assert(strstr(csv, ",'\tx,") != NULL);
    ck_assert(strstr(csv, ",a=b,") != NULL); /* only a leading sign is a risk */
    free(csv);
    char *tsv = po_table_tsv(t);
    ck_assert(strstr(tsv, "\t'=HYPERLINK(\"http://x\",\"y\")加强\t") != NULL);
    ck_assert(strstr(tsv, "\t' x\t") != NULL);
    free(tsv);
    ck_assert(po_cell_risky("\rx") && po_cell_risky("=") && !po_cell_risky("") &&
              !po_cell_risky("一是"));
    po_table_free(t);
    po_outline_free(o);
}
END_TEST

START_TEST(jsonl_types_numbers_and_nulls)
{
    const char *texts[] = {"加强协调"};
    po_outline *o = outline_with("a.md", 0, texts, 1);
    po_table *t = items_of(o);
    char *j = po_table_jsonl(t);
    ck_assert(strstr(j, "\"ordinal\":1,") != NULL);
    ck_assert(strstr(j, "\"actor\":null") != NULL);
    ck_assert(strstr(j, "\"text\":\"加强协调\"") != NULL);
    ck_assert(j[strlen(j) - 1] == '\n');
    free(j);
    po_table_free(t);
    po_outline_free(o);
}
END_TEST

START_TEST(other_sheets_have_rows)
{
    po_outline *o = outline_with("a.md", 0, NULL, 0);
    po_person *p = po_outline_add_person(o);
    p->name = po_outline_strdup(o, "李克强");
    po_outline_add_string(o, &p->titles, &p->n_titles, "国务院总理");
    po_outline_add_string(o, &p->roles, &p->n_roles, "chair");
    po_date *d = po_outline_add_date(o);
    d->text = po_outline_strdup(o, "26日");
    d->value = po_outline_strdup(o, "2022-10-26");
    d->kind = po_outline_strdup(o, "day");
    po_table *t[3] = {po_table_new(PO_SHEET_PEOPLE), po_table_new(PO_SHEET_MEETINGS),
                      po_table_new(PO_SHEET_DATES)};
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(po_table_add(t[i], o), PO_OK);
        ck_assert_uint_eq(po_table_rows(t[i]), 1);
    }
    ck_assert_str_eq(po_table_cell(t[0], 0, column(t[0], "meeting")), "国务院常务会议");
    ck_assert_str_eq(po_table_cell(t[0], 0, column(t[0], "roles")), "chair");
    ck_assert_str_eq(po_table_cell(t[1], 0, column(t[1], "date")), "2022-10-26");
    ck_assert_str_eq(po_table_cell(t[2], 0, column(t[2], "value")), "2022-10-26");
    po_sheet sheet = PO_SHEET_ITEMS;
    ck_assert_int_eq(po_sheet_parse("people", &sheet), PO_OK);
    ck_assert_int_eq(sheet, PO_SHEET_PEOPLE);
    ck_assert_int_eq(po_sheet_parse("nope", &sheet), PO_ERR_USAGE);
    ck_assert_int_eq(sheet, PO_SHEET_PEOPLE); /* untouched */
    for (int i = 0; i < 3; i++)
        po_table_free(t[i]);
    po_outline_free(o);
}
END_TEST

/* The diagnostics of a call: how many, and the last one's fields. */
typedef struct diags {
    int n;
    po_diag_level level;
    char file[128], message[128];
} diags;

static void collect_diag(const po_diag *d, void *user)
{
    diags *g = user;
    g->n++;
    g->level = d->level;
    snprintf(g->file, sizeof g->file, "%s", d->file ? d->file : "");
    snprintf(g->message, sizeof g->message, "%s", d->message);
}

START_TEST(xlsx_appears_whole_and_leaves_no_temporary)
{
    char dir[] = "/tmp/po-table-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/out.xlsx", dir);
    const char *texts[] = {"=1+1", "加强协调"};
    po_outline *o = outline_with("a.md", 0, texts, 2);
    po_table *t[PO_SHEET_COUNT];
    for (int i = 0; i < PO_SHEET_COUNT; i++) {
        t[i] = po_table_new((po_sheet)i);
        ck_assert_int_eq(po_table_add(t[i], o), PO_OK);
    }
    diags why = {0};
    ck_assert_int_eq(po_table_write_xlsx(path, (const po_table *const *)t, PO_SHEET_COUNT, collect_diag, &why),
                     PO_OK);
    ck_assert_int_eq(why.n, 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(st.st_size > 1000);
    size_t entries = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        entries += e->d_name[0] != '.';
    closedir(d);
    ck_assert_uint_eq(entries, 1); /* no temporary left beside it */
    /* an unwritable target fails cleanly */
    ck_assert_int_eq(po_table_write_xlsx("/nonexistent/dir/x.xlsx", (const po_table *const *)t, 1, collect_diag,
                                         &why),
                     PO_ERR_IO);
    ck_assert_int_eq(why.n, 1);
    ck_assert_int_eq(why.level, PO_DIAG_ERROR);
    ck_assert_str_eq(why.file, "/nonexistent/dir/x.xlsx");
    ck_assert_str_eq(why.message, "No such file or directory");
    /* no sheet at all is a usage error, said as one */
    ck_assert_int_eq(po_table_write_xlsx(path, (const po_table *const *)t, 0, collect_diag, &why), PO_ERR_USAGE);
    ck_assert_int_eq(why.n, 2);
    for (int i = 0; i < PO_SHEET_COUNT; i++)
        po_table_free(t[i]);
    po_outline_free(o);
    unlink(path);
    rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("table");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, ids_name_the_article_group_and_ordinal);
    tcase_add_test(tc, csv_quotes_commas_quotes_and_newlines);
    tcase_add_test(tc, csv_neutralises_formulas);
    tcase_add_test(tc, jsonl_types_numbers_and_nulls);
    tcase_add_test(tc, other_sheets_have_rows);
    tcase_add_test(tc, xlsx_appears_whole_and_leaves_no_temporary);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return po_test_run(suite());
}
