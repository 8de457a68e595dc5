/* batches.c - --batches: one process answers many lists of inputs, so that
 * a worker of an engine (scale/dask-outline) compiles the rule pack once
 * and starts no process per task. Each answer is what one run of the
 * command over that list alone writes, framed by its length, so it may
 * hold any byte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli.h"
#include "scale.h"

/* The next request's paths, or false at the end of the stream (a request
 * cut short by it is dropped: its sender is gone). */
static bool read_request(FILE *in, char **line, size_t *cap, po_cli_inputs *req, bool *nomem)
{
    *req = (po_cli_inputs){NULL, 0, 0, 0};
    size_t room = 0;
    ssize_t len;
    while ((len = getdelim(line, cap, '\0', in)) > 0 && (*line)[len - 1] == '\0') {
        if (len == 1)
            return true; /* the empty path ends the request */
        if (req->n == room) {
            size_t more = room ? room * 2 : 64;
            char **p = realloc(req->paths, more * sizeof *p);
            if (!p) {
                *nomem = true;
                break;
            }
            req->paths = p;
            room = more;
        }
        if (!(req->paths[req->n] = strdup(*line))) {
            *nomem = true;
            break;
        }
        req->n++;
    }
    po_cli_inputs_free(req); /* a path without its NUL: the stream ended */
    return false;
}

int po_cli_batches(FILE *in, FILE *out, po_batch_fn run, void *ctx)
{
    char *line = NULL;
    size_t cap = 0;
    int worst = PO_EXIT_OK;
    bool nomem = false;
    po_cli_inputs req;
    while (read_request(in, &line, &cap, &req, &nomem)) {
        char *data = NULL;
        size_t size = 0;
        int status = PO_EXIT_INPUT;
        bool stdin_named = false;
        for (size_t i = 0; i < req.n; i++)
            stdin_named |= strcmp(req.paths[i], "-") == 0;
        FILE *f = stdin_named ? NULL : open_memstream(&data, &size);
        if (stdin_named)
            po_cli_error("--batches: '-' cannot be read: standard input holds the requests");
        else if (!f)
            po_cli_error("--batches: out of memory");
        else
            status = run(f, &req, ctx);
        if (f && fclose(f) != 0) { /* the answer is incomplete: send none */
            po_cli_error("--batches: out of memory");
            status = PO_EXIT_INPUT;
            size = 0;
        }
        po_cli_inputs_free(&req);
        fprintf(out, "%d %zu\n", status, size);
        if (size)
            fwrite(data, 1, size, out);
        free(data);
        if (status > worst)
            worst = status;
        if (fflush(out) != 0)
            break; /* the reader is gone */
    }
    if (nomem) {
        po_cli_error("--batches: out of memory");
        worst = PO_EXIT_INPUT;
    }
    free(line);
    return worst;
}
