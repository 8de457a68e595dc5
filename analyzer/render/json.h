/* json.h - the JSON renderer writing to a stream (po_render_json, declared
 * in policy_outline.h, returns the whole text as one string). */
#ifndef PO_RENDER_JSON_H
#define PO_RENDER_JSON_H

#include <stdio.h>

#include "policy_outline.h"

/* Write the text po_render_json(outline, flags) would return to f, a few
 * kilobytes at a time, so that an outline of any size costs no more memory
 * than its model. 0, or -1 when a write failed or memory ran out (part of
 * the text may then be written). */
int po_render_json_to(FILE *f, const po_outline *outline, unsigned flags);

#endif
