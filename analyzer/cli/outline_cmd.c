/* outline_cmd.c - policy-outline outline: one outline per article. */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char USAGE[] =
    "Usage: policy-outline outline [OPTIONS] FILE|FOLDER...\n"
    "\n"
    "Write one outline per article: its enumerated directives, people,\n"
    "meetings and dates. FILE may be Markdown with front matter, HTML\n"
    "(UTF-8, GB18030/GBK or Big5), plain text, or a day file of many\n"
    "articles; a folder stands for every file below it; - reads standard\n"
    "input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT        json (default), jsonl, markdown, text, html\n"
    "  -r, --rules DIR         use the rule pack in DIR instead of the built-in one\n"
    "      --with-text         json/jsonl: include the article's plain text\n"
    "      --explain           text: show the rule and offsets behind each line\n"
    "      --reference-date D  resolve relative dates against D (YYYY-MM-DD)\n"
    "      --color / --no-color  text: colour (default: when stdout is a terminal)\n"
    "  -j, --jobs N            analyse N inputs at once (default: the processors,\n"
    "                          at most 8); the output keeps the input order\n"
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed (the rest are\n"
    "written, and each failed input is reported on stderr and, in json and\n"
    "jsonl, as an object with an \"error\"), 2 usage or rule pack error.\n";

enum { FMT_JSON, FMT_JSONL, FMT_MARKDOWN, FMT_TEXT, FMT_HTML };

static int parse_format(const char *s)
{
    static const char *const NAMES[] = {"json", "jsonl", "markdown", "text", "html"};
    for (int i = 0; i < 5; i++)
        if (strcmp(s, NAMES[i]) == 0)
            return i;
    if (strcmp(s, "md") == 0)
        return FMT_MARKDOWN;
    return -1;
}

/* A failed input in json/jsonl: an object that names it, so that every
 * input is accounted for in the output. */
static char *error_json(const char *path, const char *msg, bool pretty)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "schema", PO_SCHEMA);
    cJSON_AddStringToObject(o, "source", path);
    cJSON_AddStringToObject(o, "error", msg);
    char *s = pretty ? cJSON_Print(o) : cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

/* The head of the html page, before its first article. */
static bool start_page(const char *title)
{
    char *head = po_render_html_page_start(title);
    if (head)
        fputs(head, stdout);
    free(head);
    return true;
}

static void put_html_text(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", stdout); break;
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        default: fputc(*s, stdout);
        }
    }
}

/* One run of the command: what every input shares. */
typedef struct run {
    const po_rules *rules;
    const po_options *options;
    char **inputs;
    size_t n_inputs;
    int fmt;
    unsigned flags;
    int status;
    size_t written;  /* objects written so far (json: commas) */
    bool array;      /* json: an array is open */
    bool page;       /* html: the page has started */
} run;

/* One input, analysed and rendered (on a worker thread). */
typedef struct rendered {
    char **out;      /* one rendering per article; NULL where out of memory */
    size_t n_out;
    char *title;     /* the article's title when the input holds one */
    bool failed;
    po_buf msgs;     /* its messages, written in input order */
} rendered;

static char *render_one(const po_outline *o, int fmt, unsigned flags)
{
    switch (fmt) {
    case FMT_JSON: return po_render_json(o, flags | PO_RENDER_PRETTY);
    case FMT_JSONL: return po_render_json(o, flags & ~PO_RENDER_PRETTY);
    case FMT_MARKDOWN: return po_render_markdown(o, flags);
    case FMT_TEXT: return po_render_text(o, flags);
    default: return po_render_html(o, flags | PO_RENDER_FRAGMENT);
    }
}

static void *analyse(size_t i, void *ctx)
{
    const run *r = ctx;
    rendered *out = calloc(1, sizeof *out);
    if (!out)
        return NULL;
    po_outline **list;
    size_t n;
    if (!po_cli_outlines(r->rules, r->inputs[i], r->options, &list, &n, &out->msgs)) {
        out->failed = true;
        return out;
    }
    out->out = calloc(n ? n : 1, sizeof *out->out);
    out->n_out = out->out ? n : 0;
    for (size_t k = 0; k < out->n_out; k++)
        out->out[k] = render_one(list[k], r->fmt, r->flags);
    if (n == 1 && list[0]->meta.title)
        out->title = strdup(list[0]->meta.title);
    if (!out->out)
        out->failed = true;
    po_cli_free_outlines(list, n);
    return out;
}

/* Write one input's outlines (on the calling thread, in input order). */
static void emit(size_t i, void *result, void *ctx)
{
    run *r = ctx;
    rendered *x = result;
    const char *path = r->inputs[i];
    if (x && x->msgs.len)
        fputs(x->msgs.data, stderr);
    if (!x || x->failed) {
        r->status = PO_EXIT_INPUT;
        if (!x)
            fprintf(stderr, "policy-outline: %s: out of memory\n", path);
        if (r->fmt == FMT_HTML) {
            r->page = r->page || start_page(NULL);
            fputs("<article class=\"outline error\"><p>", stdout);
            put_html_text(path);
            fputs(": cannot be read or analysed</p></article>\n", stdout);
        }
        if (r->fmt == FMT_JSON || r->fmt == FMT_JSONL) {
            char *s = error_json(path, "cannot be read or analysed", r->fmt == FMT_JSON);
            if (s) { /* counted only when written, or the next comma dangles */
                printf("%s%s\n", r->array && r->written ? ",\n" : "", s);
                r->written++;
            }
            free(s);
        }
    } else {
        if (r->fmt == FMT_JSON && x->n_out > 1 && !r->array) {
            r->array = true;
            fputs("[\n", stdout);
        }
        if (r->fmt == FMT_HTML && x->n_out)
            r->page = r->page || start_page(r->n_inputs == 1 ? x->title : NULL);
        for (size_t k = 0; k < x->n_out; k++) {
            const char *s = x->out[k];
            if (!s) {
                fprintf(stderr, "policy-outline: %s: out of memory while rendering\n", path);
                r->status = PO_EXIT_INPUT;
                continue;
            }
            if (r->array && r->written)
                fputs(",\n", stdout);
            else if ((r->fmt == FMT_MARKDOWN || r->fmt == FMT_TEXT) && r->written)
                fputc('\n', stdout); /* a blank line between articles */
            fputs(s, stdout);
            if (r->fmt == FMT_JSON || r->fmt == FMT_JSONL)
                fputc('\n', stdout);
            r->written++;
        }
    }
    if (x) {
        for (size_t k = 0; k < x->n_out; k++)
            free(x->out[k]);
        free(x->out);
        free(x->title);
        po_buf_free(&x->msgs);
        free(x);
    }
}

int po_cmd_outline(int argc, char **argv)
{
    static const struct option LONG[] = {
        {"format", required_argument, NULL, 'f'},
        {"rules", required_argument, NULL, 'r'},
        {"with-text", no_argument, NULL, 't'},
        {"explain", no_argument, NULL, 'e'},
        {"reference-date", required_argument, NULL, 'd'},
        {"color", no_argument, NULL, 'c'},
        {"no-color", no_argument, NULL, 'C'},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int fmt = FMT_JSON, color = -1, opt;
    unsigned jobs = po_pool_default_jobs();
    unsigned flags = 0;
    const char *rules_dir = NULL;
    po_options options = {NULL};
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:r:j:h", LONG, NULL)) != -1) {
        switch (opt) {
        case 'f':
            fmt = parse_format(optarg);
            if (fmt < 0) {
                fprintf(stderr, "policy-outline outline: unknown format '%s'\n", optarg);
                return PO_EXIT_USAGE;
            }
            break;
        case 'r': rules_dir = optarg; break;
        case 't': flags |= PO_RENDER_WITH_TEXT; break;
        case 'e': flags |= PO_RENDER_EXPLAIN; break;
        case 'c': color = 1; break;
        case 'C': color = 0; break;
        case 'd':
            if (!po_cli_opt_day("outline", optarg, &options.reference_date))
                return PO_EXIT_USAGE;
            break;
        case 'j':
            if (!po_cli_opt_jobs("outline", optarg, &jobs))
                return PO_EXIT_USAGE;
            break;
        case 'h': fputs(USAGE, stdout); return PO_EXIT_OK;
        default: fputs(USAGE, stderr); return PO_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "policy-outline outline: no input files\n\n%s", USAGE);
        return PO_EXIT_USAGE;
    }
    if (color < 0)
        color = fmt == FMT_TEXT && isatty(STDOUT_FILENO);
    if (color)
        flags |= PO_RENDER_COLOR;
    po_rules *rules = po_cli_rules(rules_dir);
    if (!rules)
        return PO_EXIT_USAGE;

    /* folders stand for every file below them, in name order */
    size_t n_inputs;
    char **inputs = po_cli_expand_inputs(argv + optind, (size_t)(argc - optind), false, &n_inputs);
    run r = {rules, &options, inputs, n_inputs, fmt, flags, PO_EXIT_OK, 0, false, false};
    if (fmt == FMT_JSON && n_inputs > 1) {
        r.array = true;
        fputs("[\n", stdout);
    }
    po_pool_run(n_inputs, jobs, analyse, emit, &r);
    if (r.array)
        fputs("]\n", stdout);
    if (fmt == FMT_HTML) {
        r.page = r.page || start_page(NULL);
        char *end = po_render_html_page_end();
        if (end)
            fputs(end, stdout);
        free(end);
    }
    int status = r.status;
    po_rules_free(rules);
    po_cli_free_strings(inputs, n_inputs);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("policy-outline: writing output");
        return PO_EXIT_INPUT;
    }
    return status;
}
