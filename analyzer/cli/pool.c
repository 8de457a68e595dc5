/* pool.c - inputs analysed on several threads, results written in input
 * order. The library is thread-safe (one shared rule pack, an outline per
 * thread); only the order of the output needs care. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "scale.h"

typedef struct pool {
    size_t n, next, emitted, window;
    void **result;
    bool *done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    po_pool_work_fn work;
    void *ctx;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        /* stay within the window, so finished results do not pile up
         * behind a slow input */
        while (p->next < p->n && p->next >= p->emitted + p->window)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->next >= p->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        void *r = p->work(i, p->ctx);
        pthread_mutex_lock(&p->mu);
        p->result[i] = r;
        p->done[i] = true;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

void po_pool_run(size_t n, unsigned jobs, po_pool_work_fn work, po_pool_emit_fn emit, void *ctx)
{
    pool p = {n, 0, 0, (size_t)jobs * 4, NULL, NULL, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
              work, ctx};
    pthread_t *tid = jobs > 1 && n > 1 ? malloc(jobs * sizeof *tid) : NULL;
    p.result = tid ? calloc(n, sizeof *p.result) : NULL;
    p.done = tid ? calloc(n, sizeof *p.done) : NULL;
    unsigned started = 0;
    if (p.result && p.done)
        while (started < jobs && pthread_create(&tid[started], NULL, worker, &p) == 0)
            started++;
    if (started == 0) {
        for (size_t i = 0; i < n; i++)
            emit(i, work(i, ctx), ctx);
    } else {
        for (size_t i = 0; i < n; i++) {
            pthread_mutex_lock(&p.mu);
            while (!p.done[i])
                pthread_cond_wait(&p.cv, &p.mu);
            void *r = p.result[i];
            pthread_mutex_unlock(&p.mu);
            emit(i, r, ctx);
            pthread_mutex_lock(&p.mu);
            p.emitted++;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
        }
        for (unsigned t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
    }
    free(tid);
    free(p.result);
    free(p.done);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
}

unsigned po_pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (unsigned)n;
}

unsigned po_pool_parse_jobs(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && !*end && v >= 1 && v <= 64 ? (unsigned)v : 0;
}

/* ---- outlines of many inputs ---------------------------------------------- */

typedef struct each {
    const po_rules *rules;
    const po_options *opt;
    size_t max_bytes;
    char **inputs;
    const po_shard *shard;
    po_cli_progress *progress;
    po_cli_take_at_fn take;
    void *ctx;
    size_t failed;
} each;

typedef struct analysed {
    po_outline **list;
    size_t n;
    bool ok;
    po_cli_counts counts;
    po_buf msgs;
} analysed;

static void *analyse_input(size_t i, void *ctx)
{
    const each *e = ctx;
    analysed *a = calloc(1, sizeof *a);
    if (a)
        a->ok = po_cli_outlines_shard(e->rules, e->inputs[i], e->opt, e->max_bytes, e->shard, &a->list, &a->n, &a->msgs,
                                      &a->counts);
    return a;
}

static void take_input(size_t i, void *result, void *ctx)
{
    each *e = ctx;
    analysed *a = result;
    if (a)
        po_cli_progress_messages(e->progress, a->msgs.data);
    if (!a || !a->ok) {
        if (!a)
            po_cli_error("%s: out of memory", e->inputs[i]);
        e->failed++;
    } else {
        e->take(i, a->list, a->n, e->ctx);
    }
    po_cli_progress_step(e->progress, !a || !a->ok, a ? &a->counts : NULL);
    if (a) {
        po_cli_free_outlines(a->list, a->n);
        po_buf_free(&a->msgs);
        free(a);
    }
}

size_t po_cli_each_outlines_at(const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                               const po_shard *shard, po_cli_progress *p, po_cli_take_at_fn take,
                               void *ctx)
{
    each e = {rules, &o->analysis, o->max_bytes, in->paths, shard, p, take, ctx, 0};
    po_pool_run(in->n, o->jobs, analyse_input, take_input, &e);
    return e.failed;
}

typedef struct plain_take {
    po_cli_take_fn take;
    void *ctx;
} plain_take;

static void take_plain(size_t input, po_outline **list, size_t n, void *ctx)
{
    plain_take *t = ctx;
    t->take(list, n, t->ctx);
}

size_t po_cli_each_outlines(const po_rules *rules, const po_cli_inputs *in, const po_cli_opts *o,
                            po_cli_progress *p, po_cli_take_fn take, void *ctx)
{
    plain_take t = {take, ctx};
    return po_cli_each_outlines_at(rules, in, o, NULL, p, take_plain, &t);
}
