/* options.c - the options every command shares, one-line usage errors with
 * a hint, format names and their file extensions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "../util/closest.h"

void po_cli_error(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "policy-outline: %s\n", line);
}

int po_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "policy-outline: %s: %s; try 'policy-outline %s --help'\n", cmd, line, cmd);
    else
        fprintf(stderr, "policy-outline: %s; try 'policy-outline --help'\n", line);
    return PO_EXIT_USAGE;
}

/* The shared options, each with the bit that enables it. */
static const struct {
    unsigned bit;
    struct option opt;
    const char *short_opt;
} SHARED[] = {
    {PO_OPT_FORMAT, {"format", required_argument, NULL, 'f'}, "f:"},
    {PO_OPT_OUTPUT, {"output", required_argument, NULL, 'o'}, "o:"},
    {PO_OPT_RULES, {"rules", required_argument, NULL, 'r'}, "r:"},
    {PO_OPT_DATE, {"reference-date", required_argument, NULL, PO_OPT_KEY_DATE}, ""},
    {PO_OPT_JOBS, {"jobs", required_argument, NULL, 'j'}, "j:"},
    {PO_OPT_COLOR, {"color", no_argument, NULL, PO_OPT_KEY_COLOR}, ""},
    {PO_OPT_COLOR, {"no-color", no_argument, NULL, PO_OPT_KEY_NO_COLOR}, ""},
    {PO_OPT_INPUTS, {"files-from", required_argument, NULL, PO_OPT_KEY_FILES_FROM}, ""},
    {PO_OPT_INPUTS, {"follow-symlinks", no_argument, NULL, PO_OPT_KEY_FOLLOW}, ""},
    {PO_OPT_INPUTS, {"quiet", no_argument, NULL, 'q'}, "q"},
    {PO_OPT_INPUTS, {"verbose", no_argument, NULL, 'v'}, "v"},
    {PO_OPT_INPUTS, {"max-bytes", required_argument, NULL, PO_OPT_KEY_MAX_BYTES}, ""},
};
#define N_SHARED (sizeof SHARED / sizeof SHARED[0])
#define MAX_OPTIONS 64

/* The option as the user wrote it, for messages: --name or -c. */
static void option_name(char *buf, size_t size, char **argv, int index, int c)
{
    const char *word = index > 0 ? argv[index - 1] : NULL;
    if (word && strncmp(word, "--", 2) == 0)
        snprintf(buf, size, "%.*s", (int)strcspn(word, "="), word);
    else if (c > 0 && c < 256)
        snprintf(buf, size, "-%c", c);
    else
        snprintf(buf, size, "%s", word ? word : "?");
}

static int shared_option(po_cli_opts *o, int c, const char *arg)
{
    switch (c) {
    case 'f': o->format = arg; return PO_EXIT_OK;
    case 'o': o->output = arg; return PO_EXIT_OK;
    case 'r': o->rules_dir = arg; return PO_EXIT_OK;
    case PO_OPT_KEY_DATE:
        if (!po_cli_valid_day(arg))
            return po_cli_usage_error(o->cmd, "--reference-date wants YYYY-MM-DD, not '%s'", arg);
        o->analysis.reference_date = arg;
        return PO_EXIT_OK;
    case 'j':
        if (!(o->jobs = po_pool_parse_jobs(arg)))
            return po_cli_usage_error(o->cmd, "--jobs wants a number from 1 to 64, not '%s'", arg);
        o->jobs_given = true;
        return PO_EXIT_OK;
    case PO_OPT_KEY_COLOR: o->color = 1; return PO_EXIT_OK;
    case PO_OPT_KEY_NO_COLOR: o->color = 0; return PO_EXIT_OK;
    case PO_OPT_KEY_FILES_FROM: o->files_from = arg; return PO_EXIT_OK;
    case PO_OPT_KEY_FOLLOW: o->follow_symlinks = true; return PO_EXIT_OK;
    case PO_OPT_KEY_MAX_BYTES:
        if (!(o->max_bytes = po_cli_parse_bytes(arg)))
            return po_cli_usage_error(o->cmd, "--max-bytes wants a size such as 300M or 1G, not '%s'", arg);
        return PO_EXIT_OK;
    case 'q': o->quiet = true; return PO_EXIT_OK;
    case 'v': o->verbose = true; return PO_EXIT_OK;
    default: return -1;
    }
}

int po_cli_parse(po_cli_opts *o, const char *cmd, const char *usage, unsigned shared,
                 const struct option *own, const char *own_short, po_cli_own_fn fn, void *ctx,
                 int argc, char **argv)
{
    *o = (po_cli_opts){.cmd = cmd, .usage = usage, .jobs = po_pool_default_jobs(), .color = -1,
                       .max_bytes = PO_CLI_MAX_BYTES};
    struct option longs[MAX_OPTIONS];
    char shorts[3 * MAX_OPTIONS] = ":h"; /* ':' reports a missing argument apart */
    size_t n = 0;
    longs[n++] = (struct option){"help", no_argument, NULL, 'h'};
    for (size_t i = 0; i < N_SHARED; i++)
        if (shared & SHARED[i].bit) {
            longs[n++] = SHARED[i].opt;
            strcat(shorts, SHARED[i].short_opt);
        }
    for (size_t i = 0; own && own[i].name && n + 1 < MAX_OPTIONS; i++)
        longs[n++] = own[i];
    longs[n] = (struct option){NULL, 0, NULL, 0};
    if (own_short)
        strncat(shorts, own_short, sizeof shorts - strlen(shorts) - 1);

    opterr = 0;
    optind = 1;
    int c;
    char name[128];
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        int rc;
        if (c == 'h') {
            fputs(usage, stdout);
            return PO_EXIT_OK;
        } else if (c == '?') {
            option_name(name, sizeof name, argv, optind, optopt);
            return po_cli_usage_error(cmd, "unknown option '%s'", name);
        } else if (c == ':') {
            option_name(name, sizeof name, argv, optind, optopt);
            return po_cli_usage_error(cmd, "%s needs a value", name);
        } else if ((rc = shared_option(o, c, optarg)) < 0) {
            rc = fn ? fn(c, optarg, ctx) : PO_EXIT_USAGE;
            if (rc != PO_EXIT_OK)
                return rc;
        } else if (rc != PO_EXIT_OK) {
            return rc;
        }
    }
    o->args = argv + optind;
    o->n_args = (size_t)(argc - optind);
    return -1;
}

int po_cli_choose(const char *cmd, const char *what, const char *name, const char *const *names,
                  size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return (int)i;
    char valid[512] = "";
    for (size_t i = 0; i < n; i++) {
        if (i)
            strncat(valid, i + 1 == n ? " or " : ", ", sizeof valid - strlen(valid) - 1);
        strncat(valid, names[i], sizeof valid - strlen(valid) - 1);
    }
    /* two edits at most, and not every character of a short name */
    size_t len = strlen(name);
    const char *near = po_closest(name, names, n, len > 2 ? 2 : len ? len - 1 : 0);
    if (near)
        po_cli_usage_error(cmd, "unknown %s '%s' (did you mean '%s'?); choose %s", what, name, near,
                           valid);
    else
        po_cli_usage_error(cmd, "unknown %s '%s'; choose %s", what, name, valid);
    return -1;
}

int po_cli_format_of_path(const char *path, const char *const *names, size_t n,
                          const char *const *aliases)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (!dot || !dot[1])
        return -1;
    const char *ext = dot + 1;
    for (size_t i = 0; aliases && aliases[i]; i++) {
        size_t k = strcspn(aliases[i], "=");
        if (strlen(ext) == k && strncasecmp(ext, aliases[i], k) == 0)
            ext = aliases[i] + k + 1;
    }
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(ext, names[i]) == 0)
            return (int)i;
    return -1;
}

int po_cli_refuse(const char *cmd, bool given, const char *option, const char *applies_to)
{
    if (!given)
        return -1;
    return po_cli_usage_error(cmd, "%s is for %s", option, applies_to);
}

/* YYYY-MM-DD naming a real day: sscanf alone let through signs, spaces and
 * days such as 2023-02-30. */
bool po_cli_valid_day(const char *s)
{
    static const int DAYS[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= DAYS[m - 1] && !(m == 2 && d == 29 && !leap);
}

int po_cli_pick_format(const po_cli_opts *o, const char *const *names, size_t n,
                       const char *const *aliases, int fallback)
{
    int chosen = -1;
    if (o->format) {
        /* -f md and the like: the aliases of extensions are names too */
        const char *name = o->format;
        for (size_t i = 0; aliases && aliases[i]; i++) {
            size_t k = strcspn(aliases[i], "=");
            if (strlen(name) == k && strncmp(name, aliases[i], k) == 0)
                name = aliases[i] + k + 1;
        }
        if ((chosen = po_cli_choose(o->cmd, "format", name, names, n)) < 0)
            return -1;
    }
    if (!o->output)
        return chosen >= 0 ? chosen : fallback;
    const char *slash = strrchr(o->output, '/');
    bool has_ext = strchr(slash ? slash + 1 : o->output, '.') != NULL;
    int by_name = po_cli_format_of_path(o->output, names, n, aliases);
    if (chosen >= 0 && by_name >= 0 && by_name != chosen) {
        po_cli_usage_error(o->cmd, "-o %s names %s, but -f asks for %s", o->output, names[by_name],
                           names[chosen]);
        return -1;
    }
    if (chosen >= 0)
        return chosen;
    if (by_name >= 0)
        return by_name;
    if (has_ext) {
        char valid[256] = "";
        for (size_t i = 0; i < n; i++)
            snprintf(valid + strlen(valid), sizeof valid - strlen(valid), "%s.%s", i ? ", " : "",
                     names[i]);
        po_cli_usage_error(o->cmd, "cannot tell the format of -o %s: name it %s, or give -f",
                           o->output, valid);
        return -1;
    }
    return fallback;
}
