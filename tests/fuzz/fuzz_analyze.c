/* fuzz_analyze.c - ingest and po_analyze, without a reference date, with a
 * valid one, or with the rest of a name "ref=..." as the date (any bytes). */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_split(data, size, &in);
    po_options opt = {NULL};
    if (in.name && strncmp(in.name, "ref=", 4) == 0)
        opt.reference_date = in.name + 4;
    else if (size % 2)
        opt.reference_date = "2023-03-05";
    size_t n;
    po_outline **list = fuzz_outlines(&in, &opt, 1, &n);
    fuzz_free(list, n);
    return 0;
}
