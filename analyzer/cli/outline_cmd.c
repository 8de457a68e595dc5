/* outline_cmd.c - policy-outline outline: one outline per article. */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "scale.h"
#include "../render/json.h"

static const char USAGE[] =
    "Usage: policy-outline outline [OPTIONS] [FILE|FOLDER|-]...\n"
    "\n"
    "Write one outline per article: its enumerated directives, people,\n"
    "meetings and dates. FILE may be Markdown with front matter, HTML\n"
    "(UTF-8, GB18030/GBK or Big5), plain text, or a day file of many\n"
    "articles; a folder stands for every document below it; - (or nothing,\n"
    "when standard input is not a terminal) reads a document from standard\n"
    "input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT        json (default), jsonl, markdown (md), text, html;\n"
    "                          with -o, the extension decides when -f is absent\n"
    "  -o, --output FILE       write FILE atomically (complete, or not at all)\n"
    "  -r, --rules DIR         use the rule pack in DIR instead of the built-in one\n"
    "      --with-text         json, jsonl: include the article's plain text\n"
    "                          (html always shows it)\n"
    "      --explain           text, html: show the rule behind each line\n"
    "      --reference-date D  resolve relative dates against D (YYYY-MM-DD)\n"
    "      --color, --no-color text: colour (default: when stdout is a terminal)\n"
    "  -j, --jobs N            analyse N inputs at once (default: the processors,\n"
    "                          at most 8); the output keeps the input order\n"
    "      --files-from LIST   also read the paths listed in LIST, one a line\n"
    "                          (- for standard input)\n"
    "      --follow-symlinks   follow symbolic links to folders (each folder is\n"
    "                          entered once)\n"
    "      --max-bytes SIZE    refuse an input larger than SIZE (default 256M;\n"
    "                          K, M, G: powers of 1024)\n"
    "  -q, --quiet             no progress, summary or notes on stderr\n"
    "  -v, --verbose           name the files passed over in folders\n"
    "      --records           read JSON Lines records from standard input and\n"
    "                          write one jsonl outline per record, carrying its id\n"
    "      --shard K/N         jsonl: only shard K of N (0 <= K < N) of the\n"
    "                          articles, as keyed records for 'policy-outline merge'\n"
    "      --batches           answer lists of paths read from standard input\n"
    "                          (NUL-separated, an empty path after each list),\n"
    "                          each with 'STATUS SIZE' and its output, for drivers\n"
    "  -h, --help              this help\n"
    "\n"
    "Articles are numbered from 0 in the order of their file (#0, #1 ...), as\n"
    "in doc_id, FILE#N and --article.\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed (the rest are\n"
    "written, and each failed input is reported on stderr and, in json and\n"
    "jsonl, as an object with an \"error\"), 2 usage or rule pack error.\n";

enum { FMT_JSON, FMT_JSONL, FMT_MARKDOWN, FMT_TEXT, FMT_HTML, N_FORMATS };

static const char *const NAMES[N_FORMATS] = {"json", "jsonl", "markdown", "text", "html"};
static const char *const ALIASES[] = {"md=markdown", "ndjson=jsonl", "txt=text", "htm=html", NULL};

/* The options each format honours; the others are refused, never ignored. */
static const unsigned HONOURS[N_FORMATS] = {
    [FMT_JSON] = PO_RENDER_WITH_TEXT,
    [FMT_JSONL] = PO_RENDER_WITH_TEXT,
    [FMT_MARKDOWN] = 0,
    [FMT_TEXT] = PO_RENDER_EXPLAIN | PO_RENDER_COLOR,
    [FMT_HTML] = PO_RENDER_EXPLAIN | PO_RENDER_WITH_TEXT, /* the reader's view always shows the text */
};

/* "--explain is for text": the formats that honour flag. */
static int refuse_unless_honoured(int fmt, unsigned given, unsigned flag, const char *option)
{
    if (!(given & flag) || (HONOURS[fmt] & flag))
        return -1;
    char which[128] = "";
    for (int f = 0; f < N_FORMATS; f++)
        if (HONOURS[f] & flag)
            snprintf(which + strlen(which), sizeof which - strlen(which), "%s%s", *which ? ", " : "",
                     NAMES[f]);
    char why[192];
    snprintf(why, sizeof why, "%s (not %s)", which, NAMES[fmt]);
    return po_cli_refuse("outline", true, option, why);
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
static bool start_page(FILE *f, const char *title)
{
    char *head = po_render_html_page_start(title);
    if (head)
        fputs(head, f);
    free(head);
    return true;
}

static void put_html_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* One run of the command: what every input shares. */
typedef struct run {
    const po_rules *rules;
    const po_options *options;
    size_t max_bytes;
    unsigned jobs;
    char **inputs;
    size_t n_inputs;
    int fmt;
    unsigned flags;
    FILE *out;
    po_cli_progress *progress;
    int status;
    size_t written;  /* objects written so far (json: commas) */
    bool array;      /* json: an array is open */
    bool page;       /* html: the page has started */
    const po_shard *shard; /* --shard, or NULL */
} run;

/* One input, analysed and rendered (on a worker thread). */
typedef struct rendered {
    char **out;      /* one rendering per article; NULL where out of memory */
    po_outline **outlines; /* json, jsonl: the outlines instead, written by emit */
    size_t n_out;
    int *index;      /* each article's index in its file */
    char *title;     /* the article's title when the input holds one */
    bool failed;
    po_cli_counts counts;
    po_buf msgs;     /* its messages, written in input order */
} rendered;

static unsigned json_flags(int fmt, unsigned flags)
{
    return fmt == FMT_JSON ? flags | PO_RENDER_PRETTY : flags & ~PO_RENDER_PRETTY;
}

static char *render_one(const po_outline *o, int fmt, unsigned flags)
{
    switch (fmt) {
    case FMT_JSON:
    case FMT_JSONL: return po_render_json(o, json_flags(fmt, flags));
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
    if (!po_cli_outlines_shard(r->rules, r->inputs[i], r->options, r->max_bytes, r->shard, &list, &n, &out->msgs,
                               &out->counts)) {
        out->failed = true;
        return out;
    }
    out->index = calloc(n ? n : 1, sizeof *out->index);
    if ((r->fmt == FMT_JSON || r->fmt == FMT_JSONL) && !r->shard) {
        /* written straight to the output by emit: a large outline is
         * never held as text as well */
        out->outlines = list;
        out->n_out = out->index ? n : 0;
        for (size_t k = 0; k < out->n_out; k++)
            out->index[k] = list[k]->index;
        out->failed = !out->index;
        if (out->failed) {
            po_cli_free_outlines(list, n);
            out->outlines = NULL;
        }
        return out;
    }
    out->out = calloc(n ? n : 1, sizeof *out->out);
    out->n_out = out->out && out->index ? n : 0;
    for (size_t k = 0; k < out->n_out; k++) {
        out->out[k] = render_one(list[k], r->fmt, r->flags);
        out->index[k] = list[k]->index;
    }
    if (n == 1 && list[0]->meta.title)
        out->title = strdup(list[0]->meta.title);
    if (!out->out || !out->index)
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
    FILE *f = r->out;
    if (x)
        po_cli_progress_messages(r->progress, x->msgs.data);
    po_cli_progress_step(r->progress, !x || x->failed, x ? &x->counts : NULL);
    if (!x || x->failed) {
        r->status = PO_EXIT_INPUT;
        if (!x)
            po_cli_error("%s: out of memory", path);
        if (r->fmt == FMT_HTML) {
            r->page = r->page || start_page(f, NULL);
            fputs("<article class=\"outline error\"><p>", f);
            put_html_text(f, path);
            fputs(": cannot be read or analysed</p></article>\n", f);
        }
        if (r->shard) {
            /* one shard answers for the input: the one of its first article */
            char *s = po_shard_keeps(r->shard, path, 0) ? error_json(path, "cannot be read or analysed", false)
                                                        : NULL;
            if (s)
                po_shard_put(f, i, 0, s);
            free(s);
        } else if (r->fmt == FMT_JSON || r->fmt == FMT_JSONL) {
            char *s = error_json(path, "cannot be read or analysed", r->fmt == FMT_JSON);
            if (s) { /* counted only when written, or the next comma dangles */
                fprintf(f, "%s%s\n", r->array && r->written ? ",\n" : "", s);
                r->written++;
            }
            free(s);
        }
    } else {
        if (r->fmt == FMT_JSON && x->n_out > 1 && !r->array) {
            r->array = true;
            fputs("[\n", f);
        }
        if (r->fmt == FMT_HTML && x->n_out)
            r->page = r->page || start_page(f, r->n_inputs == 1 ? x->title : NULL);
        for (size_t k = 0; k < x->n_out; k++) {
            const po_outline *ol = x->outlines ? x->outlines[k] : NULL;
            const char *s = x->outlines ? NULL : x->out[k];
            if (!s && !ol) {
                po_cli_error("%s: out of memory while rendering", path);
                r->status = PO_EXIT_INPUT;
                continue;
            }
            if (r->shard) {
                po_shard_put(f, i, x->index[k], s);
                continue;
            }
            if (r->array && r->written)
                fputs(",\n", f);
            else if ((r->fmt == FMT_MARKDOWN || r->fmt == FMT_TEXT) && r->written)
                fputc('\n', f); /* a blank line between articles */
            if (ol && po_render_json_to(f, ol, json_flags(r->fmt, r->flags)) != 0) {
                po_cli_error("%s: out of memory while rendering", path);
                r->status = PO_EXIT_INPUT;
            } else if (s) {
                fputs(s, f);
            }
            if (r->fmt == FMT_JSON || r->fmt == FMT_JSONL)
                fputc('\n', f);
            r->written++;
        }
    }
    if (x) {
        for (size_t k = 0; x->out && k < x->n_out; k++)
            free(x->out[k]);
        free(x->out);
        if (x->outlines)
            po_cli_free_outlines(x->outlines, x->n_out);
        free(x->index);
        free(x->title);
        po_buf_free(&x->msgs);
        free(x);
    }
}

enum { KEY_WITH_TEXT = PO_OPT_KEY_OWN, KEY_EXPLAIN, KEY_RECORDS, KEY_SHARD, KEY_BATCHES };

typedef struct outline_opts {
    unsigned flags;
    bool records, batches;
    po_shard shard;  /* n == 0 without --shard */
} outline_opts;

static int own_option(int key, const char *arg, void *ctx)
{
    outline_opts *t = ctx;
    if (key == KEY_RECORDS)
        t->records = true;
    else if (key == KEY_BATCHES)
        t->batches = true;
    else if (key == KEY_SHARD)
        return po_shard_parse("outline", arg, &t->shard) ? PO_EXIT_OK : PO_EXIT_USAGE;
    else
        t->flags |= key == KEY_WITH_TEXT ? PO_RENDER_WITH_TEXT : PO_RENDER_EXPLAIN;
    return PO_EXIT_OK;
}

/* --records: each record's outlines, tagged with its id, or its error. */
typedef struct streamed {
    FILE *f;
    unsigned flags;
} streamed;

static void record_out(const po_record *rec, po_outline **list, size_t n, const char *error, void *ctx)
{
    const streamed *st = ctx;
    for (size_t k = 0; k < n && !error; k++) {
        char *json = po_render_json(list[k], st->flags & ~PO_RENDER_PRETTY);
        char *line = po_record_tag(rec, json);
        if (line)
            fprintf(st->f, "%s\n", line);
        else
            error = po_status_str(PO_ERR_NOMEM);
        free(json);
        free(line);
    }
    if (error) {
        char *e = po_record_error_json(rec, error);
        if (e)
            fprintf(st->f, "%s\n", e);
        free(e);
    }
    fflush(st->f); /* the reader on the other end of the pipe waits for it */
}

static int outline_records(const po_cli_opts *o, unsigned flags)
{
    po_cli_inputs in;
    po_rules *rules;
    po_cli_output out;
    int rc = po_cli_start(o, false, &in, &rules, &out);
    if (rc >= 0)
        return rc;
    streamed st = {out.f, flags};
    size_t refused = po_records_each(stdin, PO_RECORD_MAX_LINE, rules, &o->analysis, record_out, &st);
    int status = refused ? PO_EXIT_INPUT : PO_EXIT_OK;
    if (po_cli_output_close(&out, true) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    po_rules_free(rules);
    return status;
}

/* Every input of r, written to r->out: what a run writes from its first
 * byte to its last. Returns the exit status. */
static int outline_inputs(run *r)
{
    if (r->fmt == FMT_JSON && r->n_inputs > 1) {
        r->array = true;
        fputs("[\n", r->out);
    }
    po_pool_run(r->n_inputs, r->jobs, analyse, emit, r);
    if (r->array)
        fputs("]\n", r->out);
    if (r->fmt == FMT_HTML) {
        r->page = r->page || start_page(r->out, NULL);
        char *end = po_render_html_page_end();
        if (end)
            fputs(end, r->out);
        free(end);
    }
    return r->status;
}

/* --batches: each request as a run of its own over its inputs. */
static int outline_batch(FILE *f, const po_cli_inputs *in, void *ctx)
{
    run r = *(const run *)ctx;
    r.inputs = in->paths;
    r.n_inputs = in->n;
    r.out = f;
    return outline_inputs(&r);
}

static int run_outline(int argc, char **argv)
{
    static const struct option OWN[] = {
        {"with-text", no_argument, NULL, KEY_WITH_TEXT},
        {"explain", no_argument, NULL, KEY_EXPLAIN},
        {"records", no_argument, NULL, KEY_RECORDS},
        {"shard", required_argument, NULL, KEY_SHARD},
        {"batches", no_argument, NULL, KEY_BATCHES},
        {NULL, 0, NULL, 0},
    };
    po_cli_opts o;
    outline_opts t = {0, false, false, {0, 0}};
    int rc = po_cli_parse(&o, "outline", USAGE,
                          PO_OPT_FORMAT | PO_OPT_OUTPUT | PO_OPT_RULES | PO_OPT_DATE | PO_OPT_JOBS |
                              PO_OPT_COLOR | PO_OPT_INPUTS,
                          OWN, NULL, own_option, &t, argc, argv);
    if (rc >= 0)
        return rc;
    unsigned flags = t.flags;
    /* a stream and a shard are written a line per article */
    int fmt = po_cli_pick_format(&o, NAMES, N_FORMATS, ALIASES, t.records || t.shard.n ? FMT_JSONL : FMT_JSON);
    if (fmt < 0)
        return PO_EXIT_USAGE;
    if ((t.records || t.shard.n) && fmt != FMT_JSONL)
        return po_cli_usage_error("outline", "--records and --shard write jsonl, not %s", NAMES[fmt]);
    if (t.records && (t.shard.n || o.n_args || o.files_from))
        return po_cli_usage_error("outline", "--records reads its documents from standard input alone");
    if (t.batches && (t.records || t.shard.n || o.n_args || o.files_from || o.output))
        return po_cli_usage_error("outline", "--batches reads its requests from standard input and answers "
                                             "on standard output alone");
    if ((rc = refuse_unless_honoured(fmt, flags, PO_RENDER_WITH_TEXT, "--with-text")) >= 0 ||
        (rc = refuse_unless_honoured(fmt, flags, PO_RENDER_EXPLAIN, "--explain")) >= 0 ||
        (rc = refuse_unless_honoured(fmt, o.color == 1 ? PO_RENDER_COLOR : 0, PO_RENDER_COLOR,
                                     "--color")) >= 0)
        return rc;
    int color = o.color < 0 ? fmt == FMT_TEXT && !o.output && isatty(STDOUT_FILENO) : o.color;
    if (color && (HONOURS[fmt] & PO_RENDER_COLOR))
        flags |= PO_RENDER_COLOR;

    if (t.records)
        return outline_records(&o, flags);
    po_cli_inputs in;
    po_rules *rules;
    po_cli_output out;
    if ((rc = po_cli_start(&o, !t.batches, &in, &rules, &out)) >= 0)
        return rc;
    po_cli_progress progress;
    po_cli_progress_start(&progress, &o, in.n);
    run r = {rules, &o.analysis, o.max_bytes, o.jobs, in.paths, in.n, fmt, flags, out.f, &progress,
             in.errors ? PO_EXIT_INPUT : PO_EXIT_OK, 0, false, false, t.shard.n ? &t.shard : NULL};
    int status;
    if (t.batches) {
        progress.on = false; /* a line per request would only be noise */
        status = po_cli_batches(stdin, out.f, outline_batch, &r);
    } else {
        status = outline_inputs(&r);
    }
    po_cli_progress_end(&progress);
    if (po_cli_output_close(&out, true) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    po_rules_free(rules);
    po_cli_inputs_free(&in);
    return status;
}

const po_cli_command po_cli_outline = {
    "outline", "one outline per article (json, jsonl, markdown, text, html)", run_outline};
