/* fuzz_outline.c - libFuzzer target: any bytes through ingest, analysis and
 * every renderer. Build with: CC=clang meson setup build-fuzz -Dfuzz=true */
#include <stdint.h>
#include <stdlib.h>

#include "policy_outline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static po_rules *rules; /* the harness's, built once: the library keeps none */
    if (!rules && po_rules_new_default(&rules, NULL, NULL) != PO_OK)
        abort();
    po_outline **list = NULL;
    size_t n = 0;
    if (po_ingest("fuzz", data, size, &list, &n, NULL, NULL) != PO_OK)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (po_analyze(rules, list[i], NULL) == PO_OK) {
            free(po_render_json(list[i], PO_RENDER_WITH_TEXT));
            free(po_render_markdown(list[i], 0));
            free(po_render_text(list[i], PO_RENDER_EXPLAIN));
            free(po_render_html(list[i], 0));
        }
        po_outline_free(list[i]);
    }
    free(list);
    return 0;
}
