/* fuzz_common.h - what the libFuzzer targets share: how an input names its
 * source, the default rule pack, ingest + analysis, and the properties every
 * outline must have whatever the input (a violation aborts: a finding). */
#ifndef PO_FUZZ_COMMON_H
#define PO_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "policy_outline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An input is NAME\0CONTENT when a NUL byte comes within its first 256
 * bytes: any bytes as the source name. Otherwise the whole input is the
 * content and the name is one of a few (by size: .md, .html, .txt, a day
 * file's, "-", none...). name is NULL for "no name". */
typedef struct fuzz_input {
    const char *name;
    const uint8_t *data;
    size_t size;
    char name_buf[257];
} fuzz_input;
void fuzz_split(const uint8_t *data, size_t size, fuzz_input *in);

/* The embedded rule pack, compiled on first use (aborts if it cannot be). */
const po_rules *fuzz_rules(void);

/* Ingest and check each outline; analyse each with opt unless analyse is
 * false, checking again. Returns the outlines (NULL with *n 0 when ingest
 * failed); free with fuzz_free. */
po_outline **fuzz_outlines(const fuzz_input *in, const po_options *opt, int analyse, size_t *n);
void fuzz_free(po_outline **list, size_t n);

/* Abort unless every string of o is well-formed UTF-8, text_chars is the
 * text's length and every span lies within the text. */
void fuzz_check_outline(const po_outline *o);

/* Abort unless s is non-NULL and parses as JSON (each line, when lines). */
void fuzz_check_json(const char *s, int lines);

/* The path of a file named name in a temporary folder of the process's
 * own ($TMPDIR or /tmp), both removed at exit; one file per process. The
 * folder's path in *dir when dir is not NULL. */
const char *fuzz_temp_file(const char *name, const char **dir);

/* Abort with a message: the property that failed. */
void fuzz_fail(const char *what) __attribute__((noreturn));

#endif
