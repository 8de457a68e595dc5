/* ingest.c - placeholder: one article of plain UTF-8 text per input. */
#include <stdlib.h>
#include <string.h>

#include "policy_outline.h"
#include "../outline/model.h"
#include "../util/utf8.h"

po_status po_ingest(const char *source, const unsigned char *data, size_t len,
                    po_outline ***out, size_t *n_out, po_diag_fn diag, void *user)
{
    (void)diag;
    (void)user;
    *out = NULL;
    *n_out = 0;
    po_outline **list = calloc(1, sizeof *list);
    po_outline *o = list ? po_outline_new(source, 0) : NULL;
    char *text = o ? po_utf8_repair(data, len, NULL) : NULL;
    if (!text) {
        po_outline_free(o);
        free(list);
        return PO_ERR_NOMEM;
    }
    o->text = po_outline_strdup(o, text);
    o->text_chars = po_utf8_length(text, strlen(text));
    free(text);
    list[0] = o;
    *out = list;
    *n_out = 1;
    return PO_OK;
}
