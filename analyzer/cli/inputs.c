/* inputs.c - what a command reads: files, folders walked safely, standard
 * input, lists of paths (--files-from). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "../util/vec.h"

size_t po_cli_parse_bytes(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    if (shift)
        end++;
    if (errno || end == s || *end || *s == '-' || !v || v > (SIZE_MAX >> shift))
        return 0;
    return (size_t)v << shift;
}

/* EFBIG when the input is larger than max_bytes. */
int po_cli_read(const char *path, size_t max_bytes, unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return errno;
    struct stat st;
    bool stat_ok = fstat(fileno(f), &st) == 0;
    if (stat_ok && (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max_bytes))) {
        if (f != stdin)
            fclose(f);
        return S_ISDIR(st.st_mode) ? EISDIR : EFBIG;
    }
    po_buf b = PO_BUF_INIT;
    char chunk[65536];
    size_t n;
    int err = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n > max_bytes - b.len) {
            err = EFBIG; /* a pipe, or a file that grew */
            break;
        }
        po_buf_append(&b, chunk, n);
    }
    if (!err)
        err = ferror(f) ? (errno ? errno : EIO) : 0;
    if (f != stdin)
        fclose(f);
    po_buf_append(&b, "", 0);
    if (b.failed)
        err = ENOMEM;
    if (err) {
        po_buf_free(&b);
        return err;
    }
    *len = b.len;
    *data = (unsigned char *)po_buf_detach(&b);
    return 0;
}

typedef struct strvec {
    char **v;
    size_t n, cap;
} strvec;

static void sv_push(strvec *s, const char *p)
{
    char *copy = strdup(p);
    char **slot = copy ? po_vec_push((void **)&s->v, &s->n, &s->cap, sizeof *slot) : NULL;
    if (slot)
        *slot = copy;
    else
        free(copy);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- the folders entered, by device and inode -------------------------- */

typedef struct folder_id {
    dev_t dev;
    ino_t ino;
} folder_id;

typedef struct walk {
    const po_cli_opts *o;
    strvec docs;
    size_t skipped, errors;
    folder_id *seen;     /* every folder entered (open addressing; ino 0 free) */
    size_t n_seen, cap_seen;
    folder_id stack[64]; /* the folders being walked, outermost first */
    const char *stack_path[64];
    int depth;
} walk;

static size_t id_hash(folder_id id, size_t cap)
{
    uint64_t h = (uint64_t)id.ino * 0x9E3779B97F4A7C15u ^ (uint64_t)id.dev;
    return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

/* Record id; false when it was there already. */
static bool first_visit(walk *w, folder_id id)
{
    if (2 * (w->n_seen + 1) > w->cap_seen) {
        size_t cap = w->cap_seen ? 2 * w->cap_seen : 64;
        folder_id *t = calloc(cap, sizeof *t);
        if (!t)
            return true; /* out of memory: the depth limit still stops loops */
        for (size_t i = 0; i < w->cap_seen; i++)
            if (w->seen[i].ino) {
                size_t k = id_hash(w->seen[i], cap);
                while (t[k].ino)
                    k = (k + 1) & (cap - 1);
                t[k] = w->seen[i];
            }
        free(w->seen);
        w->seen = t;
        w->cap_seen = cap;
    }
    size_t k = id_hash(id, w->cap_seen);
    while (w->seen[k].ino) {
        if (w->seen[k].ino == id.ino && w->seen[k].dev == id.dev)
            return false;
        k = (k + 1) & (w->cap_seen - 1);
    }
    w->seen[k] = id;
    w->n_seen++;
    return true;
}

static void passed_over(walk *w, const char *path, const char *why)
{
    w->skipped++;
    if (w->o->verbose)
        fprintf(stderr, "policy-outline: passed over %s: %s\n", path, why);
}

/* Names that hold no article: a folder's licence, notes and build files. */
static bool is_project_file(const char *name)
{
    static const char *const STEMS[] = {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE",
                                        "AUTHORS", "CONTRIBUTING", "CHANGELOG", "CHANGES",
                                        "HISTORY", "INSTALL", "NEWS", "TODO", NULL};
    size_t stem = strcspn(name, ".");
    for (size_t i = 0; STEMS[i]; i++)
        if (stem == strlen(STEMS[i]) && strncasecmp(name, STEMS[i], stem) == 0)
            return true;
    return false;
}

/* The extensions of the formats ingest reads. */
static bool has_document_extension(const char *name)
{
    static const char *const EXT[] = {"md", "markdown", "txt", "text", "html", "htm", "xhtml",
                                      "shtml", NULL};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return false;
    for (size_t i = 0; EXT[i]; i++)
        if (strcasecmp(dot + 1, EXT[i]) == 0)
            return true;
    return false;
}

/* A file met in a folder is read when its content looks like a document:
 * no NUL byte (binaries, images, workbooks) and not JSON (outlines written
 * beside the articles). Files named on the command line are always read. */
static const char *not_a_document(const char *path, const char *name)
{
    if (is_project_file(name))
        return "a project file, not an article";
    if (!has_document_extension(name))
        return "not .md, .txt or .html";
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL; /* unreadable: read it anyway, so the error is reported */
    unsigned char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (memchr(head, 0, n))
        return "binary";
    size_t i = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    return i < n && (head[i] == '{' || head[i] == '[') ? "JSON" : NULL;
}

static bool walk_folder(walk *w, const char *dir, const struct stat *st);

static void walk_entry(walk *w, const char *path, const char *name)
{
    struct stat lst, st;
    if (lstat(path, &lst) != 0) {
        passed_over(w, path, strerror(errno));
        return;
    }
    bool link = S_ISLNK(lst.st_mode);
    if (link && stat(path, &st) != 0) {
        passed_over(w, path, "a broken symbolic link");
        return;
    }
    if (!link)
        st = lst;
    if (S_ISDIR(st.st_mode)) {
        if (link && !w->o->follow_symlinks)
            passed_over(w, path, "a symbolic link to a folder (--follow-symlinks follows it)");
        else
            walk_folder(w, path, &st);
    } else if (!S_ISREG(st.st_mode)) {
        passed_over(w, path, "not a regular file");
    } else {
        const char *why = not_a_document(path, name);
        if (why)
            passed_over(w, path, why);
        else
            sv_push(&w->docs, path);
    }
}

/* Enter a folder once: a folder already entered (a second link to it, or
 * a loop back to one being walked) is reported, never walked again; false
 * then. */
static bool walk_folder(walk *w, const char *dir, const struct stat *st)
{
    folder_id id = {st->st_dev, st->st_ino};
    for (int i = 0; i < w->depth; i++)
        if (w->stack[i].dev == id.dev && w->stack[i].ino == id.ino) {
            if (!w->o->quiet)
                po_cli_error("warning: %s: a loop back to %s, not walked", dir, w->stack_path[i]);
            return false;
        }
    if (!first_visit(w, id)) {
        passed_over(w, dir, "a folder already walked");
        return false;
    }
    if (w->depth >= (int)(sizeof w->stack / sizeof w->stack[0])) {
        po_cli_error("%s: folders nested too deep, not walked", dir);
        w->errors++;
        return true;
    }
    DIR *d = opendir(dir);
    if (!d) {
        po_cli_error("%s: %s", dir, strerror(errno));
        w->errors++;
        return true;
    }
    strvec names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') /* hidden: .git, editors' and our own temporary files */
            sv_push(&names, e->d_name);
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    w->stack[w->depth] = id;
    w->stack_path[w->depth] = dir;
    w->depth++;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--; /* a/ and a give the same ids */
    for (size_t i = 0; i < names.n; i++) {
        char *p = malloc(dl + strlen(names.v[i]) + 2);
        if (p) {
            sprintf(p, "%.*s/%s", (int)dl, dir, names.v[i]);
            walk_entry(w, p, names.v[i]);
            free(p);
        }
        free(names.v[i]);
    }
    w->depth--;
    free(names.v);
    return true;
}

/* One named input: a folder is walked (a link named on the command line is
 * followed), anything else is read as it is. */
static void add_named(walk *w, const char *arg)
{
    struct stat st;
    if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t before = w->docs.n, skipped = w->skipped, errors = w->errors;
        /* a folder named twice is walked once; one that could not be read
         * was reported already */
        if (walk_folder(w, arg, &st) && w->docs.n == before && w->errors == errors) {
            size_t passed = w->skipped - skipped;
            if (passed)
                po_cli_error("%s: no document found (%zu file%s passed over)", arg, passed,
                             passed == 1 ? "" : "s");
            else
                po_cli_error("%s: no document found", arg);
            w->errors++;
        }
    } else {
        sv_push(&w->docs, arg);
    }
}

/* --files-from: one path a line; empty lines are ignored. */
static bool add_listed(walk *w, const char *list)
{
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f) {
        po_cli_error("%s: %s", list, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0])
            add_named(w, line);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return true;
}

int po_cli_inputs_collect(const po_cli_opts *o, po_cli_inputs *in)
{
    *in = (po_cli_inputs){NULL, 0, 0, 0};
    size_t dashes = 0;
    for (size_t i = 0; i < o->n_args; i++)
        dashes += strcmp(o->args[i], "-") == 0;
    if (o->files_from && strcmp(o->files_from, "-") == 0)
        dashes++;
    if (dashes > 1)
        return po_cli_usage_error(o->cmd, "standard input can be read once ('-' or --files-from -)");
    bool implicit = o->n_args == 0 && !o->files_from;
    if (implicit && isatty(STDIN_FILENO))
        return po_cli_usage_error(o->cmd, "no input: name files or folders, or pipe a document in");

    walk w = {.o = o};
    if (implicit)
        sv_push(&w.docs, "-");
    for (size_t i = 0; i < o->n_args; i++)
        add_named(&w, o->args[i]);
    if (o->files_from && !add_listed(&w, o->files_from))
        w.errors++;
    free(w.seen);
    if (w.docs.n == 0 && w.errors == 0) {
        po_cli_error("no document found in %s", o->files_from);
        w.errors++;
    }
    if (w.skipped && !o->verbose && !o->quiet)
        po_cli_error("passed over %zu file%s in folders that %s not document%s (--verbose names them)",
                     w.skipped, w.skipped == 1 ? "" : "s", w.skipped == 1 ? "is" : "are",
                     w.skipped == 1 ? "" : "s");
    in->paths = w.docs.v;
    in->n = w.docs.n;
    in->skipped = w.skipped;
    in->errors = w.errors;
    return -1;
}

void po_cli_inputs_free(po_cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    *in = (po_cli_inputs){NULL, 0, 0, 0};
}
