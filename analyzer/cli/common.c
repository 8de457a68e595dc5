/* common.c - input, rules and diagnostics for every command. */
#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "../util/buf.h"

int po_cli_read(const char *path, unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return errno;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (f != stdin)
            fclose(f);
        return EISDIR;
    }
    po_buf b = PO_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        po_buf_append(&b, chunk, n);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
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

/* Messages go to stderr, or into a buffer (user) when inputs are analysed
 * on several threads and their messages must come out in input order. */
static void message(po_buf *to, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void message(po_buf *to, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (to)
        po_buf_puts(to, line);
    else
        fputs(line, stderr);
}

void po_cli_diag(const po_diag *d, void *user)
{
    static const char *const LEVEL[] = {"note", "warning", "error"};
    po_buf *to = user;
    if (d->file && d->line)
        message(to, "%s:%d:%d: %s: %s\n", d->file, d->line, d->column, LEVEL[d->level], d->message);
    else if (d->file)
        message(to, "%s: %s: %s\n", d->file, LEVEL[d->level], d->message);
    else
        message(to, "policy-outline: %s: %s\n", LEVEL[d->level], d->message);
}

po_rules *po_cli_rules(const char *dir)
{
    po_rules *r = NULL;
    po_status st = dir ? po_rules_new_from_dir(dir, &r, po_cli_diag, NULL)
                       : po_rules_new_default(&r, po_cli_diag, NULL);
    if (st != PO_OK) {
        fprintf(stderr, "policy-outline: %s: %s\n", dir ? dir : "default rules", po_status_str(st));
        return NULL;
    }
    return r;
}

bool po_cli_outlines(const po_rules *rules, const char *path, const po_options *opt,
                     po_outline ***out, size_t *n, po_buf *msgs)
{
    unsigned char *data;
    size_t len;
    *out = NULL;
    *n = 0;
    int err = po_cli_read(path, &data, &len);
    if (err) {
        message(msgs, "policy-outline: %s: %s\n", path, strerror(err));
        return false;
    }
    po_status st = po_ingest(path, data, len, out, n, po_cli_diag, msgs);
    free(data);
    if (st != PO_OK) {
        message(msgs, "policy-outline: %s: %s\n", path, po_status_str(st));
        return false;
    }
    for (size_t i = 0; i < *n; i++) {
        st = po_analyze(rules, (*out)[i], opt);
        if (st != PO_OK) {
            message(msgs, "policy-outline: %s: article %zu: %s\n", path, i + 1, po_status_str(st));
            po_cli_free_outlines(*out, *n);
            *out = NULL;
            *n = 0;
            return false;
        }
    }
    return true;
}

void po_cli_free_outlines(po_outline **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_outline_free(list[i]);
    free(list);
}

typedef struct strvec {
    char **v;
    size_t n, cap;
} strvec;

static void sv_push(strvec *s, const char *p)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        char **v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return;
        s->v = v;
        s->cap = cap;
    }
    char *copy = strdup(p);
    if (copy)
        s->v[s->n++] = copy;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file met in a folder is read when its content looks like a document:
 * no NUL byte (binaries, images, workbooks) and not JSON (outlines written
 * beside the articles). Files named on the command line are always read. */
static bool looks_like_document(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return true; /* unreadable: read it anyway, so the error is reported */
    unsigned char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (memchr(head, 0, n))
        return false;
    size_t i = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    return !(i < n && (head[i] == '{' || head[i] == '['));
}

static void walk(strvec *s, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 32) {
        if (d)
            closedir(d);
        sv_push(s, dir); /* reported as unreadable later, so it is accounted for */
        return;
    }
    strvec names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            sv_push(&names, e->d_name);
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        size_t dl = strlen(dir);
        while (dl > 1 && dir[dl - 1] == '/')
            dl--; /* a/ and a give the same ids */
        char *p = malloc(dl + strlen(names.v[i]) + 2);
        if (p) {
            sprintf(p, "%.*s/%s", (int)dl, dir, names.v[i]);
            struct stat st;
            if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
                walk(s, p, depth + 1);
            else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && looks_like_document(p))
                sv_push(s, p);
            free(p);
        }
        free(names.v[i]);
    }
    free(names.v);
}

char **po_cli_expand_inputs(char **args, size_t n_args, bool stdin_is_list, size_t *n_out)
{
    strvec s = {0};
    for (size_t i = 0; i < n_args; i++) {
        struct stat st;
        if (strcmp(args[i], "-") == 0 && stdin_is_list) {
            char line[4096];
            while (fgets(line, sizeof line, stdin)) {
                line[strcspn(line, "\r\n")] = '\0';
                if (line[0])
                    sv_push(&s, line);
            }
        } else if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(&s, args[i], 0);
        } else {
            sv_push(&s, args[i]);
        }
    }
    *n_out = s.n;
    return s.v;
}

void po_cli_free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

int po_cli_write_atomic(const char *path, const char *data, size_t len)
{
    char *tmp = malloc(strlen(path) + 16);
    if (!tmp)
        return ENOMEM;
    sprintf(tmp, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return e;
    }
    /* mkstemp makes the file private; the result should be like any other
     * file the user writes (0666 less the umask) */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    size_t off = 0;
    int err = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        off += (size_t)w;
    }
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    free(tmp);
    return err;
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

bool po_cli_opt_day(const char *cmd, const char *arg, const char **out)
{
    if (!po_cli_valid_day(arg)) {
        fprintf(stderr, "policy-outline %s: --reference-date wants YYYY-MM-DD, not '%s'\n", cmd, arg);
        return false;
    }
    *out = arg;
    return true;
}

bool po_cli_opt_jobs(const char *cmd, const char *arg, unsigned *out)
{
    unsigned n = po_pool_parse_jobs(arg);
    if (!n) {
        fprintf(stderr, "policy-outline %s: --jobs wants a number from 1 to 64, not '%s'\n", cmd, arg);
        return false;
    }
    *out = n;
    return true;
}
