/* fuzz_render.c - ingest, analysis, then every renderer with every flag
 * that changes its output: json (pretty, with text; compact as in jsonl),
 * markdown, text (explain, colour), html (page, fragment, page frame). */
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_split(data, size, &in);
    size_t n;
    po_outline **list = fuzz_outlines(&in, NULL, 1, &n);
    for (size_t i = 0; i < n; i++) {
        const po_outline *o = list[i];
        char *s = po_render_json(o, PO_RENDER_PRETTY | PO_RENDER_WITH_TEXT);
        fuzz_check_json(s, 0);
        free(s);
        s = po_render_json(o, 0);
        fuzz_check_json(s, 0);
        free(s);
        unsigned flags[] = {0, PO_RENDER_EXPLAIN | PO_RENDER_COLOR, PO_RENDER_FRAGMENT};
        for (size_t f = 0; f < sizeof flags / sizeof *flags; f++) {
            char *out[] = {po_render_markdown(o, flags[f]), po_render_text(o, flags[f]),
                           po_render_html(o, flags[f])};
            for (size_t k = 0; k < 3; k++) {
                if (!out[k])
                    fuzz_fail("a renderer returns NULL only when out of memory");
                free(out[k]);
            }
        }
        free(po_render_html_page_start(o->meta.title));
    }
    free(po_render_html_page_start(in.name));
    free(po_render_html_page_end());
    fuzz_free(list, n);
    return 0;
}
