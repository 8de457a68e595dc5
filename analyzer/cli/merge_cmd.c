/* merge_cmd.c - policy-outline merge: the outputs of --shard K/N runs,
 * merged by key into what one run over every input writes. Each shard's
 * output is already in key order, so this is a k-way merge (a binary heap
 * of the shards' next records): memory holds one record per shard. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli.h"
#include "scale.h"

static const char USAGE[] =
    "Usage: policy-outline merge [-o FILE] SHARD_OUTPUT...\n"
    "\n"
    "Merge the outputs of 'outline', 'table' or 'compare --signatures' run\n"
    "with --shard K/N for every K of the same N (and the same inputs) into\n"
    "the output of one run over all of them. The order of the files does not\n"
    "matter; - reads standard input.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE    write FILE atomically (complete, or not at all)\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 merged, 1 a file could not be read, was not a shard's\n"
    "output, or two shards held the same article (written once each, in\n"
    "order), 2 usage error.\n";

enum { KEY_LEN = 24 };

typedef struct stream {
    const char *name;
    FILE *f;
    char *line;          /* the line read ahead (getline's buffer) */
    size_t cap;
    ssize_t len;         /* -1 at the end */
    size_t number;       /* its line number */
    char key[KEY_LEN + 1];
    po_buf payload;      /* the current record */
    bool has;            /* a current record is held */
} stream;

static void read_ahead(stream *s)
{
    s->len = getline(&s->line, &s->cap, s->f);
    if (s->len >= 0) {
        s->number++;
        if (s->len && s->line[s->len - 1] == '\n')
            s->line[--s->len] = '\0';
    }
}

static bool valid_key(const char *k, size_t n)
{
    if (n == 1 && k[0] == '-')
        return true;
    if (n != KEY_LEN)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((k[i] >= '0' && k[i] <= '9') || (k[i] >= 'a' && k[i] <= 'f')))
            return false;
    return true;
}

/* Take the next record (its key line and continuation lines); false at the
 * end or, after saying why, at a line that is not a shard's. */
static bool next_record(stream *s, int *status)
{
    s->has = false;
    if (s->len < 0)
        return false;
    const char *tab = memchr(s->line, '\t', (size_t)s->len);
    if (!tab || !valid_key(s->line, (size_t)(tab - s->line))) {
        po_cli_error("%s:%zu: not a line of a --shard output", s->name, s->number);
        *status = PO_EXIT_INPUT;
        return false;
    }
    char key[KEY_LEN + 1];
    memcpy(key, s->line, (size_t)(tab - s->line));
    key[tab - s->line] = '\0';
    if (s->key[0] && strcmp(key, s->key) < 0) {
        po_cli_error("%s:%zu: records out of order", s->name, s->number);
        *status = PO_EXIT_INPUT;
        return false;
    }
    memcpy(s->key, key, sizeof key);
    po_buf_clear(&s->payload);
    po_buf_append(&s->payload, tab + 1, (size_t)(s->line + s->len - tab - 1));
    po_buf_putc(&s->payload, '\n');
    for (read_ahead(s); s->len >= 0 && s->line[0] == '\t'; read_ahead(s)) {
        po_buf_append(&s->payload, s->line + 1, (size_t)s->len - 1);
        po_buf_putc(&s->payload, '\n');
    }
    if (s->payload.failed) {
        po_cli_error("out of memory");
        *status = PO_EXIT_INPUT;
        return false;
    }
    s->has = true;
    return true;
}

/* Heap order: by key, then by file (the same key twice is reported). */
static bool before(const stream *v, size_t a, size_t b)
{
    int c = strcmp(v[a].key, v[b].key);
    return c < 0 || (c == 0 && a < b);
}

static void sift_down(size_t *heap, size_t n, size_t i, const stream *v)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && before(v, heap[l], heap[m]))
            m = l;
        if (r < n && before(v, heap[r], heap[m]))
            m = r;
        if (m == i)
            return;
        size_t t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
    }
}

static int run_merge(int argc, char **argv)
{
    po_cli_opts o;
    int rc = po_cli_parse(&o, "merge", USAGE, PO_OPT_OUTPUT, NULL, NULL, NULL, NULL, argc, argv);
    if (rc >= 0)
        return rc;
    if (o.n_args == 0)
        return po_cli_usage_error("merge", "no shard outputs");
    size_t n = o.n_args;
    stream *v = calloc(n, sizeof *v);
    size_t *heap = calloc(n, sizeof *heap);
    po_cli_output out;
    if (!v || !heap) {
        free(v);
        free(heap);
        po_cli_error("out of memory");
        return PO_EXIT_INPUT;
    }
    if (!po_cli_output_open(&out, o.output)) {
        free(v);
        free(heap);
        return PO_EXIT_INPUT;
    }
    int status = PO_EXIT_OK;
    size_t h = 0;
    for (size_t i = 0; i < n; i++) {
        stream *s = &v[i];
        s->name = o.args[i];
        s->f = strcmp(s->name, "-") == 0 ? stdin : fopen(s->name, "r");
        s->len = -1;
        if (!s->f) {
            po_cli_error("%s: %s", s->name, strerror(errno));
            status = PO_EXIT_INPUT;
            continue;
        }
        read_ahead(s);
        if (next_record(s, &status))
            heap[h++] = i;
    }
    for (size_t i = h / 2; i-- > 0;)
        sift_down(heap, h, i, v);
    bool header = false;
    char last[KEY_LEN + 1] = "";
    size_t twice = 0;
    while (h) {
        stream *s = &v[heap[0]];
        bool is_header = strcmp(s->key, "-") == 0;
        if (!is_header && strcmp(s->key, last) == 0 && twice++ < 10) {
            po_cli_error("%s:%zu: record %s is in two shards", s->name, s->number, s->key);
            status = PO_EXIT_INPUT;
        }
        if (!is_header || !header) /* every shard repeats the header */
            fwrite(s->payload.data, 1, s->payload.len, out.f);
        header = header || is_header;
        if (!is_header)
            memcpy(last, s->key, sizeof last);
        if (!next_record(s, &status))
            heap[0] = heap[--h];
        sift_down(heap, h, 0, v);
    }
    if (twice > 10)
        po_cli_error("%zu records in two shards in all", twice);
    for (size_t i = 0; i < n; i++) {
        if (v[i].f && v[i].f != stdin)
            fclose(v[i].f);
        free(v[i].line);
        po_buf_free(&v[i].payload);
    }
    free(v);
    free(heap);
    /* a merge that lost records is not written over the destination */
    if (po_cli_output_close(&out, status == PO_EXIT_OK || !o.output) != PO_EXIT_OK)
        status = PO_EXIT_INPUT;
    return status;
}

const po_cli_command po_cli_merge = {
    "merge", "the outputs of --shard K/N runs, as one run over everything", run_merge};
