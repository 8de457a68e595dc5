/* test_threads.c - one rule pack shared by many threads gives the same
 * outlines as a single thread: the library keeps no global mutable state. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

enum { THREADS = 4 };

static const char *const DAYS[] = {"20221027", "20251204", "20251028", "20260415"};
enum { N_DAYS = sizeof DAYS / sizeof DAYS[0] };

typedef struct job {
    unsigned char *data[N_DAYS];
    size_t len[N_DAYS];
    char *json[N_DAYS]; /* every outline of the day, concatenated */
} job;

/* Ingest, analyse and render one day file into one string. */
static char *outline_day(const unsigned char *data, size_t len)
{
    po_outline **list = NULL;
    size_t n = 0;
    if (po_ingest("day.md", data, len, &list, &n, NULL, NULL) != PO_OK)
        return NULL;
    size_t cap = 1, used = 0;
    char *all = calloc(1, 1);
    for (size_t i = 0; i < n; i++) {
        if (po_analyze(po_test_rules(), list[i], NULL) == PO_OK) {
            char *s = po_render_json(list[i], 0);
            size_t l = s ? strlen(s) : 0;
            if (used + l + 1 > cap) {
                cap = (used + l + 1) * 2;
                all = realloc(all, cap);
            }
            memcpy(all + used, s ? s : "", l + 1);
            used += l;
            free(s);
        }
        po_outline_free(list[i]);
    }
    free(list);
    return all;
}

static void *worker(void *arg)
{
    job *j = arg;
    for (int round = 0; round < 3; round++)
        for (int d = 0; d < N_DAYS; d++) {
            free(j->json[d]);
            j->json[d] = outline_day(j->data[d], j->len[d]);
        }
    return NULL;
}

START_TEST(threads_agree_with_one_thread)
{
    po_test_rules(); /* built before the threads start: it is the shared pack */
    job serial = {0};
    for (int d = 0; d < N_DAYS; d++) {
        char rel[64];
        snprintf(rel, sizeof rel, "corpus/xwlb/%s.md", DAYS[d]);
        char *path = po_test_shared_path(rel);
        serial.data[d] = po_test_read(path, &serial.len[d]);
        free(path);
        serial.json[d] = outline_day(serial.data[d], serial.len[d]);
        ck_assert_ptr_nonnull(serial.json[d]);
        ck_assert_msg(strstr(serial.json[d], "\"groups\":[{") != NULL, "%s has no groups", DAYS[d]);
    }
    job jobs[THREADS];
    pthread_t tid[THREADS];
    for (int t = 0; t < THREADS; t++) {
        memset(&jobs[t], 0, sizeof jobs[t]);
        memcpy(jobs[t].data, serial.data, sizeof serial.data);
        memcpy(jobs[t].len, serial.len, sizeof serial.len);
        ck_assert_int_eq(pthread_create(&tid[t], NULL, worker, &jobs[t]), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
        for (int d = 0; d < N_DAYS; d++) {
            ck_assert_ptr_nonnull(jobs[t].json[d]);
            ck_assert_msg(strcmp(jobs[t].json[d], serial.json[d]) == 0, "thread %d differs on %s", t, DAYS[d]);
            free(jobs[t].json[d]);
        }
    }
    for (int d = 0; d < N_DAYS; d++) {
        free(serial.data[d]);
        free(serial.json[d]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, threads_agree_with_one_thread);
    suite_add_tcase(s, tc);
    return po_test_run(s);
}
