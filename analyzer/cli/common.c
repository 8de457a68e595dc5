/* common.c - rules, diagnostics and the analysis of one input, for every
 * command. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"
#include "../util/buf.h"

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
    if (to) {
        po_buf_puts(to, "policy-outline: ");
        po_buf_puts(to, line);
    } else {
        fprintf(stderr, "policy-outline: %s", line);
    }
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
        message(to, "%s: %s\n", LEVEL[d->level], d->message);
}

po_rules *po_cli_rules(const char *dir)
{
    po_rules *r = NULL;
    po_status st = dir ? po_rules_new_from_dir(dir, &r, po_cli_diag, NULL)
                       : po_rules_new_default(&r, po_cli_diag, NULL);
    if (st != PO_OK) {
        po_cli_error("%s: %s", dir ? dir : "default rules", po_status_str(st));
        return NULL;
    }
    return r;
}

/* The ingest's diagnostics, counted on their way to po_cli_diag. */
typedef struct counted {
    po_buf *msgs;
    size_t warnings;
} counted;

static void count_diag(const po_diag *d, void *user)
{
    counted *c = user;
    c->warnings += d->level >= PO_DIAG_WARNING;
    po_cli_diag(d, c->msgs);
}

bool po_cli_outlines(const po_rules *rules, const char *path, const po_options *opt,
                     size_t max_bytes, po_outline ***out, size_t *n, po_buf *msgs,
                     po_cli_counts *counts)
{
    return po_cli_outlines_shard(rules, path, opt, max_bytes, NULL, out, n, msgs, counts);
}

bool po_cli_outlines_shard(const po_rules *rules, const char *path, const po_options *opt,
                           size_t max_bytes, const po_shard *shard, po_outline ***out, size_t *n, po_buf *msgs,
                           po_cli_counts *counts)
{
    unsigned char *data;
    size_t len;
    *out = NULL;
    *n = 0;
    int err = po_cli_read(path, max_bytes, &data, &len);
    if (err == EFBIG) {
        message(msgs, "%s: larger than --max-bytes (%zu bytes); not read (raise --max-bytes to read it)\n",
                path, max_bytes);
        return false;
    }
    if (err) {
        message(msgs, "%s: %s\n", path, strerror(err));
        return false;
    }
    counted c = {msgs, 0};
    po_status st = po_ingest(path, data, len, out, n, count_diag, &c);
    free(data);
    if (st != PO_OK) {
        message(msgs, "%s: %s\n", path, po_status_str(st));
        return false;
    }
    if (shard) { /* the shard's articles only, before any is analysed */
        size_t kept = 0;
        for (size_t i = 0; i < *n; i++) {
            if (po_shard_keeps(shard, path, (*out)[i]->index))
                (*out)[kept++] = (*out)[i];
            else
                po_outline_free((*out)[i]);
        }
        *n = kept;
    }
    po_cli_counts k = {*n, 0, c.warnings};
    for (size_t i = 0; i < *n; i++) {
        st = po_analyze(rules, (*out)[i], opt);
        if (st != PO_OK) {
            message(msgs, "%s: article %d: %s\n", path, (*out)[i]->index, po_status_str(st));
            po_cli_free_outlines(*out, *n);
            *out = NULL;
            *n = 0;
            return false;
        }
        k.with_groups += (*out)[i]->n_groups > 0;
        k.warnings += (*out)[i]->n_warnings;
    }
    if (counts)
        *counts = k;
    return true;
}

void po_cli_free_outlines(po_outline **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_outline_free(list[i]);
    free(list);
}

int po_cli_start(const po_cli_opts *o, bool collect, po_cli_inputs *in, po_rules **rules,
                 po_cli_output *out)
{
    *in = (po_cli_inputs){NULL, 0, 0, 0};
    *rules = NULL;
    int rc;
    if (collect) {
        if ((rc = po_cli_inputs_collect(o, in)) >= 0)
            return rc;
        if (in->n == 0) { /* every named folder was empty: said already */
            po_cli_inputs_free(in);
            return PO_EXIT_INPUT;
        }
    }
    /* a broken pack is refused before anything is written; the output is
     * reserved before the analysis, so a path that cannot be written is
     * known at once */
    if (!(*rules = po_cli_rules(o->rules_dir)))
        rc = PO_EXIT_USAGE;
    else if (!po_cli_output_open(out, o->output))
        rc = PO_EXIT_INPUT;
    else
        return -1;
    po_rules_free(*rules);
    *rules = NULL;
    po_cli_inputs_free(in);
    return rc;
}
