#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *join(const char *env, const char *fallback, const char *rel)
{
    const char *root = getenv(env);
    if (!root)
        root = fallback;
    char *p = malloc(strlen(root) + strlen(rel) + 2);
    ck_assert_ptr_nonnull(p);
    sprintf(p, "%s/%s", root, rel);
    return p;
}

char *po_test_source_path(const char *rel)
{
    return join("PO_SOURCE_ROOT", ".", rel);
}

char *po_test_shared_path(const char *rel)
{
    return join("PO_SHARED", "../shared", rel);
}

unsigned char *po_test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static po_rules *rules;

static void free_rules(void)
{
    po_rules_free(rules);
}

const po_rules *po_test_rules(void)
{
    if (!rules) {
        ck_assert_int_eq(po_rules_new_default(&rules, NULL, NULL), PO_OK);
        atexit(free_rules);
    }
    return rules;
}

po_outline **po_test_analyze(const char *source, const unsigned char *data, size_t len,
                             const char *reference_date, size_t *n)
{
    po_outline **list = NULL;
    ck_assert_int_eq(po_ingest(source, data, len, &list, n, NULL, NULL), PO_OK);
    po_options opt = {reference_date};
    for (size_t i = 0; i < *n; i++)
        ck_assert_int_eq(po_analyze(po_test_rules(), list[i], &opt), PO_OK);
    return list;
}

void po_test_free_outlines(po_outline **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_outline_free(list[i]);
    free(list);
}

po_outline *po_test_corpus_article(const char *day, const char *title)
{
    char rel[64];
    snprintf(rel, sizeof rel, "corpus/xwlb/%s.md", day);
    char *path = po_test_shared_path(rel);
    size_t len, n;
    unsigned char *data = po_test_read(path, &len);
    po_outline **list = po_test_analyze(path, data, len, NULL, &n);
    po_outline *found = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!found && list[i]->meta.title && strstr(list[i]->meta.title, title))
            found = list[i];
        else
            po_outline_free(list[i]);
    }
    free(list);
    free(data);
    ck_assert_msg(found != NULL, "no article titled '%s' in %s", title, path);
    free(path);
    return found;
}

int po_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
