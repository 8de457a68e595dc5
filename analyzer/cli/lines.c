/* lines.c - the line files the reduce halves read back (row files,
 * signature files): each line to a taker, a bad one reported where it is. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli.h"
#include "scale.h"

po_status po_cli_read_lines(char **files, size_t n, int *status, po_line_fn take, void *ctx)
{
    po_status st = PO_OK;
    char *line = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n && st != PO_ERR_NOMEM; i++) {
        FILE *f = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "r");
        if (!f) {
            po_cli_error("%s: %s", files[i], strerror(errno));
            *status = PO_EXIT_INPUT;
            continue;
        }
        ssize_t len;
        for (size_t number = 1; st != PO_ERR_NOMEM && (len = getline(&line, &cap, f)) >= 0; number++) {
            while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            if (!len)
                continue;
            char why[128] = "";
            st = take(line, (size_t)len, why, sizeof why, ctx);
            if (st == PO_ERR_INPUT) { /* reported, and the rest is read */
                po_cli_error("%s:%zu: %s", files[i], number, why);
                *status = PO_EXIT_INPUT;
                st = PO_OK;
            }
        }
        if (ferror(f)) {
            po_cli_error("%s: %s", files[i], strerror(errno));
            *status = PO_EXIT_INPUT;
        }
        if (f != stdin)
            fclose(f);
    }
    free(line);
    return st;
}
