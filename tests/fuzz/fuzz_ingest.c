/* fuzz_ingest.c - any bytes under any source name through po_ingest:
 * formats, encodings, front matter, HTML, day files. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_split(data, size, &in);
    size_t n;
    po_outline **list = fuzz_outlines(&in, NULL, 0, &n);
    fuzz_free(list, n);
    return 0;
}
