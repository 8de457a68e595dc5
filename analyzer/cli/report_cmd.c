/* report_cmd.c - policy-outline report: a folder of HTML pages to browse a
 * corpus, an index with filters and one reader's page per article. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char USAGE[] =
    "Usage: policy-outline report -o FOLDER [OPTIONS] FILE|FOLDER...\n"
    "\n"
    "Write a site to browse: FOLDER/index.html lists the articles by date\n"
    "(newest first) with their meeting, chair and number of directives, with\n"
    "filters by meeting type, date range, person and actor; FOLDER/a/N.html\n"
    "shows each article's text with its outline marked in place. The pages\n"
    "load nothing from the network and run only their own embedded script.\n"
    "\n"
    "Options:\n"
    "  -o, --output FOLDER     where to write (made when missing; required)\n"
    "      --only-with WHAT    directives or meetings: leave out the articles\n"
    "                          that have none\n"
    "      --title TEXT        the index page's title (default: policy-outline)\n"
    "      --explain           show the rule behind each outline line\n"
    "  -r, --rules DIR         use the rule pack in DIR instead of the built-in one\n"
    "      --reference-date D  resolve relative dates against D (YYYY-MM-DD)\n"
    "  -j, --jobs N            analyse N inputs at once\n"
    "      --files-from FILE   read the paths to outline from FILE (- for stdin)\n"
    "      --follow-symlinks   follow links to folders (each folder once)\n"
    "  -q, --quiet / -v, --verbose  less or more on stderr\n"
    "  -h, --help              this help\n";

enum { ONLY_ALL, ONLY_DIRECTIVES, ONLY_MEETINGS };

typedef struct entry {
    char day[11];
    size_t seq;
    char *row;
} entry;

typedef struct report {
    const char *dir;
    int only;
    unsigned flags;
    entry *rows;
    size_t n_rows, cap;
    size_t left_out;
    bool failed;  /* a page could not be written */
} report;

static bool wanted(const report *r, const po_outline *o)
{
    if (r->only == ONLY_MEETINGS)
        return o->n_meetings > 0;
    if (r->only == ONLY_DIRECTIVES) {
        for (size_t g = 0; g < o->n_groups; g++)
            if (o->groups[g].n_items)
                return true;
        return false;
    }
    return true;
}

/* The article's page: the reader's view and a link back to the index. */
static char *article_page(const po_outline *o, unsigned flags)
{
    char *head = po_render_html_page_start(o->meta.title ? o->meta.title : o->source);
    char *body = po_render_html(o, flags | PO_RENDER_FRAGMENT);
    char *tail = po_render_html_page_end();
    po_buf b = PO_BUF_INIT;
    if (head && body && tail) {
        po_buf_puts(&b, head);
        po_buf_puts(&b, "<nav class=\"crumbs\"><a href=\"../index.html\">← index</a></nav>\n");
        po_buf_puts(&b, body);
        po_buf_puts(&b, tail);
    }
    free(head);
    free(body);
    free(tail);
    return b.len ? po_buf_detach(&b) : (po_buf_free(&b), NULL);
}

static bool write_file(const char *path, const char *data)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fputs(data, f) >= 0;
    return fclose(f) == 0 && ok;
}

static void take(po_outline **list, size_t n, void *ctx)
{
    report *r = ctx;
    for (size_t k = 0; k < n; k++) {
        const po_outline *o = list[k];
        if (!wanted(r, o)) {
            r->left_out++;
            continue;
        }
        if (r->n_rows == r->cap) {
            size_t cap = r->cap ? 2 * r->cap : 256;
            entry *grown = realloc(r->rows, cap * sizeof *grown);
            if (!grown) {
                r->failed = true;
                return;
            }
            r->rows = grown;
            r->cap = cap;
        }
        size_t seq = r->n_rows + 1;
        char href[32], path[4096];
        snprintf(href, sizeof href, "a/%05zu.html", seq);
        snprintf(path, sizeof path, "%s/%s", r->dir, href);
        char *page = article_page(o, r->flags);
        char *row = po_render_html_index_row(o, href);
        if (!page || !row || !write_file(path, page)) {
            po_cli_error("%s: cannot write the page of %s#%d", path, o->source, o->index);
            r->failed = true;
            free(page);
            free(row);
            continue;
        }
        free(page);
        entry *e = &r->rows[r->n_rows++];
        e->seq = seq;
        e->row = row;
        const char *d = o->meta.published;
        if (!d || strlen(d) < 10)
            d = o->n_meetings && o->meetings[0].date ? o->meetings[0].date : "";
        snprintf(e->day, sizeof e->day, "%.10s", d);
    }
}

/* Newest first; articles of one day in input order. */
static int by_day(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    int c = strcmp(b->day, a->day);
    if (c)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool make_dir(const char *path)
{
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

static int write_index(const report *r, const char *title)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/index.html", r->dir);
    po_cli_output out;
    if (!po_cli_output_open(&out, path))
        return PO_EXIT_INPUT;
    char *head = po_render_html_index_start(title, r->n_rows);
    char *tail = po_render_html_index_end();
    bool ok = head && tail && fputs(head, out.f) >= 0;
    for (size_t i = 0; ok && i < r->n_rows; i++)
        ok = (i == 0 || fputs(",\n", out.f) >= 0) && fputs(r->rows[i].row, out.f) >= 0;
    ok = ok && fputs(tail, out.f) >= 0;
    free(head);
    free(tail);
    if (!ok && !head)
        po_cli_error("%s: out of memory", path);
    return po_cli_output_close(&out, ok) == PO_EXIT_OK && ok ? PO_EXIT_OK : PO_EXIT_INPUT;
}

enum { KEY_ONLY = PO_OPT_KEY_OWN, KEY_TITLE, KEY_EXPLAIN };

typedef struct report_opts {
    report *r;
    const char *title;
} report_opts;

static int own_option(int key, const char *arg, void *ctx)
{
    report_opts *ro = ctx;
    static const char *const ONLY[] = {"directives", "meetings"};
    switch (key) {
    case KEY_TITLE: ro->title = arg; return PO_EXIT_OK;
    case KEY_EXPLAIN: ro->r->flags |= PO_RENDER_EXPLAIN; return PO_EXIT_OK;
    case KEY_ONLY: {
        int k = po_cli_choose("report", "--only-with value", arg, ONLY, 2);
        if (k < 0)
            return PO_EXIT_USAGE;
        ro->r->only = k == 0 ? ONLY_DIRECTIVES : ONLY_MEETINGS;
        return PO_EXIT_OK;
    }
    default: return PO_EXIT_USAGE;
    }
}

static int run_report(int argc, char **argv)
{
    static const struct option OWN[] = {
        {"output", required_argument, NULL, 'o'},
        {"only-with", required_argument, NULL, KEY_ONLY},
        {"title", required_argument, NULL, KEY_TITLE},
        {"explain", no_argument, NULL, KEY_EXPLAIN},
        {NULL, 0, NULL, 0},
    };
    report r = {NULL, ONLY_ALL, 0, NULL, 0, 0, 0, false};
    report_opts ro = {&r, NULL};
    po_cli_opts o;
    int rc = po_cli_parse(&o, "report", USAGE, PO_OPT_RULES | PO_OPT_DATE | PO_OPT_JOBS | PO_OPT_INPUTS, OWN,
                          "o:", own_option, &ro, argc, argv);
    if (rc >= 0)
        return rc;
    /* -o names a folder here, not a file to write atomically */
    r.dir = o.output;
    o.output = NULL;
    if (!r.dir)
        return po_cli_usage_error("report", "-o FOLDER is required");
    char pages[4096];
    snprintf(pages, sizeof pages, "%s/a", r.dir);
    if (!make_dir(r.dir) || !make_dir(pages)) {
        po_cli_error("%s: %s", pages, strerror(errno));
        return PO_EXIT_INPUT;
    }
    po_cli_inputs in;
    po_rules *rules;
    po_cli_output none;
    if ((rc = po_cli_start(&o, true, &in, &rules, &none)) >= 0)
        return rc;
    int status = in.errors ? PO_EXIT_INPUT : PO_EXIT_OK;
    po_cli_progress progress;
    po_cli_progress_start(&progress, &o, in.n);
    if (po_cli_each_outlines(rules, &in, &o, &progress, take, &r))
        status = PO_EXIT_INPUT;
    po_cli_progress_end(&progress);
    qsort(r.rows, r.n_rows, sizeof *r.rows, by_day);
    if (write_index(&r, ro.title) != PO_EXIT_OK || r.failed)
        status = PO_EXIT_INPUT;
    po_cli_output_close(&none, false);
    if (!o.quiet) {
        fprintf(stderr, "policy-outline: report: %zu article pages and %s/index.html", r.n_rows, r.dir);
        if (r.left_out)
            fprintf(stderr, " (%zu articles left out by --only-with)", r.left_out);
        fputc('\n', stderr);
    }
    for (size_t i = 0; i < r.n_rows; i++)
        free(r.rows[i].row);
    free(r.rows);
    po_cli_inputs_free(&in);
    po_rules_free(rules);
    return status;
}

const po_cli_command po_cli_report = {"report", "a folder of HTML pages to browse: an index with filters and "
                                                "each article's text beside its outline",
                                      run_report};
