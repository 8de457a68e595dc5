/* signatures_cmd.c - compare --signatures and --from-signatures: the map
 * half of corpus clustering where the articles are (a shard, a worker), the
 * reduce half where the signatures are gathered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"
#include "../compare/compare.h"

typedef struct mapping {
    FILE *f;
    const po_shard *shard;
    po_status st;
} mapping;

/* Each article's items as signature lines, straight out. */
static void put_signatures(size_t input, po_outline **list, size_t n, void *ctx)
{
    mapping *m = ctx;
    for (size_t k = 0; k < n && m->st == PO_OK; k++) {
        po_corpus *one = po_corpus_new();
        m->st = one ? po_corpus_add(one, list[k]) : PO_ERR_NOMEM;
        char *lines = m->st == PO_OK ? po_corpus_signatures(one, 0) : NULL;
        if (m->st == PO_OK && !lines)
            m->st = PO_ERR_NOMEM;
        if (lines && *lines) {
            if (m->shard)
                po_shard_put(m->f, input, list[k]->index, lines);
            else
                fputs(lines, m->f);
        }
        free(lines);
        po_corpus_free(one);
    }
}

int po_signatures_out(FILE *f, const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                      const po_shard *shard, po_cli_progress *p)
{
    mapping m = {f, shard, PO_OK};
    size_t failed = po_cli_each_outlines_at(rules, in, o, shard, p, put_signatures, &m);
    if (m.st != PO_OK)
        po_cli_error("%s", po_status_str(m.st));
    return failed || in->errors || m.st != PO_OK ? PO_EXIT_INPUT : PO_EXIT_OK;
}

static po_status add_signature(const char *line, size_t len, char *why, size_t why_size, void *ctx)
{
    return po_corpus_add_signature(ctx, line, len, why, why_size);
}

po_status po_signatures_read(po_corpus *corpus, char **files, size_t n, int *status)
{
    return po_cli_read_lines(files, n, status, add_signature, corpus);
}
