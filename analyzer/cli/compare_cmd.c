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
#include "policy_outline_research.h"

static const char USAGE[] =
    "Usage: policy-outline compare [OPTIONS] A B\n"
    "       policy-outline compare [OPTIONS] FILE|FOLDER...   (a corpus)\n"
    "\n"
    "With two files, align the directive items of two meetings by text\n"
    "similarity, whatever their order: pairs, items only in A, items only\n"
    "in B, and pairs whose leads changed. A file of several articles gives\n"
    "its first article with directives; FILE#N or --article N picks article\n"
    "N (0-based, as in doc_id).\n"
    "\n"
    "With more than two inputs, a folder, - (a list of paths on standard\n"
    "input) or --corpus, cluster the items of every article and report the\n"
    "directives that recur across articles.\n"
    "\n"
    "Similarity: the Dice coefficient of the character bigrams of the item\n"
    "texts, punctuation and white space removed.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     two files: text (default), markdown, json;\n"
    "                       a corpus: markdown (default), json, csv\n"
    "  -t, --threshold X    minimum similarity in (0, 1]; default 0.25 for two\n"
    "                       files, 0.5 for a corpus\n"
    "      --article N      the article of each file to compare\n"
    "      --corpus         cluster even two inputs\n"
    "      --min-size N     corpus: least distinct articles per cluster (2)\n"
    "  -o, --output FILE    write FILE atomically instead of standard output\n"
    "  -r, --rules DIR      use the rule pack in DIR\n"
    "      --color / --no-color  text: colour (default: when stdout is a terminal)\n"
    "  -j, --jobs N         a corpus: analyse N inputs at once (default: the\n"
    "                       processors, at most 8); the result is the same\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed (reported on\n"
    "stderr; a corpus is still clustered), 2 usage or rule pack error.\n";

typedef struct settings {
    int format;          /* po_compare_format, -1 for the mode's default */
    double threshold;    /* < 0 for the mode's default */
    long article;        /* -1: the first with directives */
    bool corpus;
    size_t min_size;
    int color;           /* -1: when stdout is a terminal */
    const char *out, *rules_dir;
    unsigned jobs;       /* inputs analysed at once */
} settings;

static int parse_format(const char *s)
{
    static const char *const NAMES[] = {"text", "markdown", "json", "csv"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, NAMES[i]) == 0)
            return i;
    return strcmp(s, "md") == 0 ? PO_COMPARE_MARKDOWN : -1;
}

static bool parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return !errno && end != s && *end == '\0';
}

static int write_result(char *s, const char *out)
{
    if (!s) {
        fputs("policy-outline compare: out of memory\n", stderr);
        return PO_EXIT_INPUT;
    }
    size_t len = strlen(s);
    bool nl = len == 0 || s[len - 1] != '\n'; /* JSON comes without one */
    if (nl) {
        char *t = realloc(s, len + 2);
        if (!t) {
            free(s);
            return PO_EXIT_INPUT;
        }
        s = t;
        s[len++] = '\n';
        s[len] = '\0';
    }
    int rc = PO_EXIT_OK;
    if (out) {
        int err = po_cli_write_atomic(out, s, len);
        if (err) {
            fprintf(stderr, "policy-outline compare: %s: %s\n", out, strerror(err));
            rc = PO_EXIT_INPUT;
        }
    } else if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0) {
        perror("policy-outline compare: writing output");
        rc = PO_EXIT_INPUT;
    }
    free(s);
    return rc;
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
static po_outline *pick(const po_rules *rules, const char *arg, long article)
{
    char *path = split_article(arg, &article);
    if (!path)
        return NULL;
    po_outline **list;
    size_t n;
    po_outline *found = NULL;
    if (po_cli_outlines(rules, path, NULL, &list, &n, NULL)) {
        for (size_t i = 0; i < n && !found; i++)
            if (article >= 0 ? list[i]->index == article : list[i]->n_groups > 0)
                found = list[i];
        if (!found && article < 0 && n)
            found = list[0]; /* no directives anywhere: compare the first anyway */
        if (!found)
            fprintf(stderr, "policy-outline compare: %s: no article %ld (it holds %zu)\n", path,
                    article, n);
        for (size_t i = 0; i < n; i++)
            if (list[i] != found)
                po_outline_free(list[i]);
        free(list);
    }
    free(path);
    return found;
}

static int compare_two(const po_rules *rules, char **args, const settings *s)
{
    po_outline *a = pick(rules, args[0], s->article);
    po_outline *b = pick(rules, args[1], s->article);
    int status = PO_EXIT_INPUT;
    po_comparison *c = NULL;
    if (a && b) {
        po_status st = po_compare(a, b, s->threshold < 0 ? 0.25 : s->threshold, &c);
        if (st != PO_OK) {
            fprintf(stderr, "policy-outline compare: %s\n", po_status_str(st));
        } else {
            int fmt = s->format < 0 ? PO_COMPARE_TEXT : s->format;
            int color = s->color < 0 ? fmt == PO_COMPARE_TEXT && !s->out && isatty(STDOUT_FILENO)
                                     : s->color;
            status = write_result(po_comparison_render(c, fmt, color ? PO_RENDER_COLOR : 0), s->out);
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

static int compare_corpus(const po_rules *rules, char **args, size_t n_args, const settings *s)
{
    size_t n_inputs;
    char **inputs = po_cli_expand_inputs(args, n_args, true, &n_inputs);
    gathering g = {po_corpus_new(), PO_OK};
    int status = PO_EXIT_OK;
    po_status st = g.corpus ? PO_OK : PO_ERR_NOMEM;
    po_corpus *corpus = g.corpus;
    if (st == PO_OK) {
        if (po_cli_each_outlines(rules, inputs, n_inputs, NULL, s->jobs, add_items, &g))
            status = PO_EXIT_INPUT;
        st = g.st;
    }
    po_cluster_options opt = {s->threshold < 0 ? 0.5 : s->threshold, s->min_size};
    if (st == PO_OK)
        st = po_corpus_cluster(corpus, &opt);
    if (st != PO_OK) {
        fprintf(stderr, "policy-outline compare: %s\n", po_status_str(st));
        status = PO_EXIT_INPUT;
    } else {
        int rc = write_result(po_corpus_render(corpus, s->format < 0 ? PO_COMPARE_MARKDOWN : s->format),
                              s->out);
        if (rc != PO_EXIT_OK)
            status = rc;
    }
    po_corpus_free(corpus);
    po_cli_free_strings(inputs, n_inputs);
    return status;
}

static bool is_folder(const char *p)
{
    struct stat st;
    return strcmp(p, "-") == 0 || (stat(p, &st) == 0 && S_ISDIR(st.st_mode));
}

int po_cmd_compare(int argc, char **argv)
{
    static const struct option LONG[] = {
        {"format", required_argument, NULL, 'f'},
        {"threshold", required_argument, NULL, 't'},
        {"article", required_argument, NULL, 'a'},
        {"corpus", no_argument, NULL, 'k'},
        {"min-size", required_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'},
        {"rules", required_argument, NULL, 'r'},
        {"color", no_argument, NULL, 'c'},
        {"no-color", no_argument, NULL, 'C'},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    settings s = {-1, -1, -1, false, 2, -1, NULL, NULL, po_pool_default_jobs()};
    int opt;
    double x;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:t:o:r:j:h", LONG, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if ((s.format = parse_format(optarg)) < 0) {
                fprintf(stderr, "policy-outline compare: unknown format '%s'\n", optarg);
                return PO_EXIT_USAGE;
            }
            break;
        case 't':
            if (!parse_number(optarg, &s.threshold) || s.threshold <= 0 || s.threshold > 1) {
                fprintf(stderr, "policy-outline compare: --threshold wants a number in (0, 1]\n");
                return PO_EXIT_USAGE;
            }
            break;
        case 'a':
            if (!parse_number(optarg, &x) || x < 0 || x > 1e9 || x != (double)(long)x) {
                fprintf(stderr, "policy-outline compare: --article wants an index >= 0\n");
                return PO_EXIT_USAGE;
            }
            s.article = (long)x;
            break;
        case 'k': s.corpus = true; break;
        case 'm':
            if (!parse_number(optarg, &x) || x < 1 || x > 1e9 || x != (double)(size_t)x) {
                fprintf(stderr, "policy-outline compare: --min-size wants a count >= 1\n");
                return PO_EXIT_USAGE;
            }
            s.min_size = (size_t)x;
            break;
        case 'o': s.out = optarg; break;
        case 'r': s.rules_dir = optarg; break;
        case 'c': s.color = 1; break;
        case 'C': s.color = 0; break;
        case 'j':
            if (!po_cli_opt_jobs("compare", optarg, &s.jobs))
                return PO_EXIT_USAGE;
            break;
        case 'h': fputs(USAGE, stdout); return PO_EXIT_OK;
        default: fputs(USAGE, stderr); return PO_EXIT_USAGE;
        }
    }
    size_t n_args = (size_t)(argc - optind);
    char **args = argv + optind;
    bool corpus = s.corpus || n_args > 2;
    for (size_t i = 0; i < n_args && !corpus; i++)
        corpus = is_folder(args[i]);
    if (n_args == 0 || (!corpus && n_args != 2)) {
        fprintf(stderr, "policy-outline compare: give two files, or a corpus\n\n%s", USAGE);
        return PO_EXIT_USAGE;
    }
    if (!corpus && s.format == PO_COMPARE_CSV) {
        fputs("policy-outline compare: csv is for a corpus; use text, markdown or json\n", stderr);
        return PO_EXIT_USAGE;
    }
    if (corpus && s.format == PO_COMPARE_TEXT) {
        fputs("policy-outline compare: a corpus is written as markdown, json or csv\n", stderr);
        return PO_EXIT_USAGE;
    }
    po_rules *rules = po_cli_rules(s.rules_dir);
    if (!rules)
        return PO_EXIT_USAGE;
    int status = corpus ? compare_corpus(rules, args, n_args, &s) : compare_two(rules, args, &s);
    po_rules_free(rules);
    return status;
}
