/* helpers.h - what the suites share: paths to the sources and the shared
 * corpus, reading files, and running the analysis end to end. */
#ifndef PO_TEST_HELPERS_H
#define PO_TEST_HELPERS_H

#include <check.h>
#include <stddef.h>

#include "policy_outline.h"

/* $PO_SOURCE_ROOT/rel and $PO_SHARED/rel (malloc'd). */
char *po_test_source_path(const char *rel);
char *po_test_shared_path(const char *rel);

/* A file's bytes (malloc'd, NUL-terminated); fails the test when unreadable. */
unsigned char *po_test_read(const char *path, size_t *len);

/* The default rule pack, built once per process. */
const po_rules *po_test_rules(void);

/* Ingest and analyse bytes; returns the outlines (free with
 * po_test_free_outlines). */
po_outline **po_test_analyze(const char *source, const unsigned char *data, size_t len,
                             const char *reference_date, size_t *n);
void po_test_free_outlines(po_outline **list, size_t n);

/* The article whose title contains `title` in a corpus day file
 * (xwlb/<day>.md); fails the test when absent. Free with
 * po_outline_free. */
po_outline *po_test_corpus_article(const char *day, const char *title);

/* Run a Suite and return the process exit status. */
int po_test_run(Suite *s);

#endif
