/* compare_cmd.c - policy-outline compare: two meetings side by side, or the
 * recurring directives of a corpus. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "scale.h"
#include "policy_outline_research.h"

static const char USAGE[] =
    "Usage: policy-outline compare [OPTIONS] A B\n"
    "       policy-outline compare [OPTIONS] FILE|FOLDER...   (a corpus)\n"
    "\n"
    "With two files, align the directive items of two meetings by text\n"
    "similarity, whatever their order: pairs, items only in A, items only\n"
    "in B, and pairs whose leads changed. A file of several articles gives\n"
    "its first article with directives; FILE#N or --article N picks article\n"
    "N (numbered from 0, as in doc_id and the #N of every output). - reads a\n"
    "document from standard input.\n"
    "\n"
    "With more than two inputs, a folder, --files-from or --corpus, cluster\n"
    "the items of every article and report the directives that recur across\n"
    "articles.\n"
    "\n"
    "Similarity: the Dice coefficient of the character bigrams of the item\n"
    "texts, punctuation and white space removed.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     two files: text (default), markdown (md), json;\n"
    "                       a corpus: markdown (default), json, csv\n"
    "  -t, --threshold X    minimum similarity in (0, 1]; default 0.25 for two\n"
    "                       files, 0.5 for a corpus\n"
    "      --article N      two files: the article of each file to compare\n"
    "      --corpus         cluster even two inputs\n"
    "      --min-size N     a corpus: least distinct articles per cluster (2)\n"
    "  -o, --output FILE    write FILE atomically instead of standard output\n"
    "  -r, --rules DIR      use the rule pack in DIR\n"
    "      --color, --no-color  text: colour (default: when stdout is a terminal)\n"
    "  -j, --jobs N         a corpus: analyse N inputs at once (default: the\n"
    "                       processors, at most 8); the result is the same\n"
    "      --files-from LIST  a corpus: read the paths listed in LIST (- for stdin)\n"
    "      --follow-symlinks  follow symbolic links to folders\n"
    "      --max-bytes SIZE   refuse an input larger than SIZE (default 256M)\n"
    "  -q, --quiet          no progress, summary or notes on stderr\n"
    "  -v, --verbose        name the files passed over in folders\n"
    "      --signatures     a corpus, map half: each item's MinHash signature and\n"
    "                       LSH band keys as JSON Lines, instead of clusters\n"
    "      --from-signatures  reduce half: cluster the items of the FILEs written\n"
    "                       by --signatures, in order (- for standard input)\n"
    "      --shard K/N      with --signatures: shard K of N (0 <= K < N) of the\n"
    "                       articles, as keyed records for 'policy-outline merge'\n"
    "      --batches        with --signatures: answer lists of paths read from\n"
    "                       standard input (NUL-separated, an empty path after\n"
    "                       each list), each with 'STATUS SIZE' and its lines\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed (reported on\n"
    "stderr; a corpus is still clustered), 2 usage or rule pack error.\n";

typedef struct settings {
    double threshold;    /* < 0 for the mode's default */
    long article;        /* -1: the first with directives */
    bool corpus;
    size_t min_size;
    bool min_size_given;
    bool written;        /* the result went to the output */
    bool signatures, from_signatures, batches;
    po_shard shard;      /* n == 0 without --shard */
} settings;

static const char *const NAMES[] = {"text", "markdown", "json", "csv"};
static const char *const ALIASES[] = {"md=markdown", "txt=text", NULL};

static bool parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return !errno && end != s && *end == '\0';
}

static int write_result(char *s, po_cli_output *out)
{
    if (!s) {
        po_cli_error("out of memory");
        return PO_EXIT_INPUT;
    }
    size_t len = strlen(s);
    fputs(s, out->f);
    if (len == 0 || s[len - 1] != '\n') /* JSON comes without one */
        fputc('\n', out->f);
    free(s);
    return PO_EXIT_OK;
}

/* FILE#N names article N of FILE, unless FILE#N itself exists. */
static char *split_article(const char *arg, long *article)
{
    char *path = strdup(arg);
    if (!path)
        return NULL;
    struct stat st;
    char *hash = strrchr(path, '#');
    if (hash && hash[1] && stat(path, &st) != 0) {
        char *end;
        long n = strtol(hash + 1, &end, 10);
        if (*end == '\0' && n >= 0) {
            *hash = '\0';
            *article = n;
        }
    }
    return path;
}

/* The outline to compare from one file; NULL after reporting why. */
static po_outline *pick(const po_rules *rules, const char *arg, long article, size_t max_bytes)
{
    char *path = split_article(arg, &article);
    if (!path)
        return NULL;
    po_outline **list;
    size_t n;
    po_outline *found = NULL;
    if (po_cli_outlines(rules, path, NULL, max_bytes, &list, &n, NULL, NULL)) {
        for (size_t i = 0; i < n && !found; i++)
            if (article >= 0 ? list[i]->index == article : list[i]->n_groups > 0)
                found = list[i];
        if (!found && article < 0 && n)
            found = list[0]; /* no directives anywhere: compare the first anyway */
        if (!found)
            po_cli_error("%s: no article #%ld (it holds #0 to #%zu)", path, article, n ? n - 1 : 0);
        for (size_t i = 0; i < n; i++)
            if (list[i] != found)
                po_outline_free(list[i]);
        free(list);
    }
    free(path);
    return found;
}

static int compare_two(const po_rules *rules, const po_cli_opts *o, settings *s, int fmt,
                       po_cli_output *out)
{
    po_outline *a = pick(rules, o->args[0], s->article, o->max_bytes);
    po_outline *b = pick(rules, o->args[1], s->article, o->max_bytes);
    int status = PO_EXIT_INPUT;
    po_comparison *c = NULL;
    if (a && b) {
        po_status st = po_compare(a, b, s->threshold < 0 ? 0.25 : s->threshold, &c);
        if (st != PO_OK) {
            po_cli_error("%s", po_status_str(st));
        } else {
            int color = o->color < 0 ? fmt == PO_COMPARE_TEXT && !o->output && isatty(STDOUT_FILENO)
                                     : o->color;
            status = write_result(po_comparison_render(c, fmt, color ? PO_RENDER_COLOR : 0), out);
            s->written = status == PO_EXIT_OK;
        }
    }
    po_comparison_free(c);
    po_outline_free(a);
    po_outline_free(b);
    return status;
}

typedef struct gathering {
    po_corpus *corpus;
    po_status st;
} gathering;

static void add_items(po_outline **list, size_t n, void *ctx)
{
    gathering *g = ctx;
    for (size_t k = 0; k < n && g->st == PO_OK; k++)
        g->st = po_corpus_add(g->corpus, list[k]);
}

static int compare_corpus(const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                          settings *s, int fmt, po_cli_output *out)
{
    gathering g = {po_corpus_new(), PO_OK};
    int status = in->errors ? PO_EXIT_INPUT : PO_EXIT_OK;
    po_status st = g.corpus ? PO_OK : PO_ERR_NOMEM;
    po_corpus *corpus = g.corpus;
    if (st == PO_OK && s->from_signatures) {
        st = po_signatures_read(corpus, o->args, o->n_args, &status);
    } else if (st == PO_OK) {
        po_cli_progress progress;
        po_cli_progress_start(&progress, o, in->n);
        if (po_cli_each_outlines(rules, in, o, &progress, add_items, &g))
            status = PO_EXIT_INPUT;
        po_cli_progress_end(&progress);
        st = g.st;
    }
    po_cluster_options opt = {s->threshold < 0 ? 0.5 : s->threshold, s->min_size};
    if (st == PO_OK)
        st = po_corpus_cluster(corpus, &opt);
    if (st != PO_OK) {
        po_cli_error("%s", po_status_str(st));
        status = PO_EXIT_INPUT;
    } else {
        int rc = write_result(po_corpus_render(corpus, fmt), out);
        s->written = rc == PO_EXIT_OK;
        if (rc != PO_EXIT_OK)
            status = rc;
    }
    po_corpus_free(corpus);
    return status;
}

/* compare --signatures --batches: each request as a run of its own. */
typedef struct mapping_run {
    const po_rules *rules;
    const po_cli_opts *o;
} mapping_run;

static int signatures_batch(FILE *f, const po_cli_inputs *in, void *ctx)
{
    const mapping_run *m = ctx;
    return po_signatures_out(f, m->rules, in, m->o, NULL, NULL);
}

static bool is_folder(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

enum { KEY_ARTICLE = PO_OPT_KEY_OWN, KEY_CORPUS, KEY_MIN_SIZE, KEY_SIGNATURES, KEY_FROM_SIGNATURES, KEY_SHARD,
       KEY_BATCHES };

static int own_option(int key, const char *arg, void *ctx)
{
    settings *s = ctx;
    double x;
    switch (key) {
    case 't':
        if (!parse_number(arg, &s->threshold) || s->threshold <= 0 || s->threshold > 1)
            return po_cli_usage_error("compare", "--threshold wants a number in (0, 1], not '%s'", arg);
        return PO_EXIT_OK;
    case KEY_ARTICLE:
        if (!parse_number(arg, &x) || x < 0 || x > 1e9 || x != (double)(long)x)
            return po_cli_usage_error("compare", "--article wants an index >= 0, not '%s'", arg);
        s->article = (long)x;
        return PO_EXIT_OK;
    case KEY_CORPUS: s->corpus = true; return PO_EXIT_OK;
    case KEY_SIGNATURES: s->signatures = s->corpus = true; return PO_EXIT_OK;
    case KEY_FROM_SIGNATURES: s->from_signatures = s->corpus = true; return PO_EXIT_OK;
    case KEY_BATCHES: s->batches = true; return PO_EXIT_OK;
    case KEY_SHARD: return po_shard_parse("compare", arg, &s->shard) ? PO_EXIT_OK : PO_EXIT_USAGE;
    case KEY_MIN_SIZE:
        if (!parse_number(arg, &x) || x < 1 || x > 1e9 || x != (double)(size_t)x)
            return po_cli_usage_error("compare", "--min-size wants a count >= 1, not '%s'", arg);
        s->min_size = (size_t)x;
        s->min_size_given = true;
        return PO_EXIT_OK;
    default: return PO_EXIT_USAGE;
    }
}

static int run_compare(int argc, char **argv)
{
    static const struct option OWN[] = {
        {"threshold", required_argument, NULL, 't'},
        {"article", required_argument, NULL, KEY_ARTICLE},
        {"corpus", no_argument, NULL, KEY_CORPUS},
        {"min-size", required_argument, NULL, KEY_MIN_SIZE},
        {"signatures", no_argument, NULL, KEY_SIGNATURES},
        {"from-signatures", no_argument, NULL, KEY_FROM_SIGNATURES},
        {"shard", required_argument, NULL, KEY_SHARD},
        {"batches", no_argument, NULL, KEY_BATCHES},
        {NULL, 0, NULL, 0},
    };
    settings s = {-1, -1, false, 2, false, false, false, false, false, {0, 0}};
    po_cli_opts o;
    int rc = po_cli_parse(&o, "compare", USAGE,
                          PO_OPT_FORMAT | PO_OPT_OUTPUT | PO_OPT_RULES | PO_OPT_JOBS | PO_OPT_COLOR |
                              PO_OPT_INPUTS,
                          OWN, "t:", own_option, &s, argc, argv);
    if (rc >= 0)
        return rc;
    bool corpus = s.corpus || o.n_args > 2 || o.files_from;
    for (size_t i = 0; i < o.n_args && !corpus; i++)
        corpus = is_folder(o.args[i]);
    if (!corpus && o.n_args != 2)
        return po_cli_usage_error("compare", "give two files, or a corpus (a folder, more than "
                                             "two files, --files-from or --corpus)");
    /* --signatures writes JSON Lines whatever -o is called */
    int fmt = s.signatures ? PO_COMPARE_JSON
                           : po_cli_pick_format(&o, NAMES, 4, ALIASES,
                                                corpus ? PO_COMPARE_MARKDOWN : PO_COMPARE_TEXT);
    if (fmt < 0)
        return PO_EXIT_USAGE;
    if ((rc = po_cli_refuse("compare", !corpus && fmt == PO_COMPARE_CSV, "csv",
                            "a corpus; two files are written as text, markdown or json")) >= 0 ||
        (rc = po_cli_refuse("compare", corpus && fmt == PO_COMPARE_TEXT, "text",
                            "two files; a corpus is written as markdown, json or csv")) >= 0 ||
        (rc = po_cli_refuse("compare", corpus && s.article >= 0, "--article", "two files")) >= 0 ||
        (rc = po_cli_refuse("compare", !corpus && s.min_size_given, "--min-size", "a corpus")) >= 0 ||
        (rc = po_cli_refuse("compare", !corpus && o.jobs_given, "--jobs", "a corpus")) >= 0 ||
        (rc = po_cli_refuse("compare", !corpus && o.follow_symlinks, "--follow-symlinks",
                            "a corpus")) >= 0 ||
        (rc = po_cli_refuse("compare", o.color == 1 && fmt != PO_COMPARE_TEXT, "--color",
                            "text")) >= 0 ||
        (rc = po_cli_refuse("compare", s.signatures && (o.format || s.from_signatures || s.threshold >= 0 ||
                                                        s.min_size_given),
                            "-f, -t, --min-size or --from-signatures",
                            "clustering; --signatures writes JSON Lines")) >= 0 ||
        (rc = po_cli_refuse("compare", s.shard.n && !s.signatures, "--shard", "--signatures")) >= 0 ||
        (rc = po_cli_refuse("compare", s.from_signatures && o.files_from, "--files-from",
                            "documents; --from-signatures reads signature files")) >= 0)
        return rc;
    if (s.batches && (!s.signatures || s.shard.n || o.n_args || o.files_from || o.output))
        return po_cli_usage_error("compare", "--batches is for --signatures, reads its requests from standard "
                                             "input and answers on standard output alone");
    if (s.from_signatures && o.n_args == 0)
        return po_cli_usage_error("compare", "--from-signatures wants signature files (- for standard input)");

    po_cli_inputs in;
    po_rules *rules;
    po_cli_output out;
    if ((rc = po_cli_start(&o, corpus && !s.from_signatures && !s.batches, &in, &rules, &out)) >= 0)
        return rc;
    int status;
    if (s.batches) {
        mapping_run m = {rules, &o};
        status = po_cli_batches(stdin, out.f, signatures_batch, &m);
        s.written = true;
    } else if (s.signatures) {
        po_cli_progress progress;
        po_cli_progress_start(&progress, &o, in.n);
        status = po_signatures_out(out.f, rules, &in, &o, s.shard.n ? &s.shard : NULL, &progress);
        po_cli_progress_end(&progress);
        s.written = true;
    } else {
        status = corpus ? compare_corpus(rules, &in, &o, &s, fmt, &out) : compare_two(rules, &o, &s, fmt, &out);
    }
    /* a corpus with failed inputs is still clustered and written */
    if (po_cli_output_close(&out, s.written) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    po_rules_free(rules);
    po_cli_inputs_free(&in);
    return status;
}

const po_cli_command po_cli_compare = {
    "compare", "the directives of two meetings side by side, or the recurring directives of a corpus",
    run_compare};
