/* progress.c - a progress line and a summary on stderr, for a person
 * watching a terminal; nothing when stderr is a file or a pipe, or with
 * --quiet, so logs and scripts see only the messages. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void po_cli_progress_start(po_cli_progress *p, const po_cli_opts *o, size_t total)
{
    *p = (po_cli_progress){.on = !o->quiet && isatty(STDERR_FILENO), .total = total};
    p->start = p->last_draw = now();
}

static void draw(po_cli_progress *p, double t)
{
    double spent = t - p->start;
    double rate = spent > 0 ? (double)p->inputs / spent : 0;
    fprintf(stderr, "\r\033[Kinputs %zu/%zu, articles %zu, %.1f inputs/s", p->inputs, p->total,
            p->counts.articles, rate);
    if (rate > 0 && p->inputs < p->total)
        fprintf(stderr, ", %.0f s left", (double)(p->total - p->inputs) / rate);
    fflush(stderr);
}

void po_cli_progress_step(po_cli_progress *p, bool failed, const po_cli_counts *counts)
{
    if (!p)
        return;
    p->inputs++;
    p->failed += failed;
    if (counts) {
        p->counts.articles += counts->articles;
        p->counts.with_groups += counts->with_groups;
        p->counts.warnings += counts->warnings;
    }
    double t;
    if (p->on && (t = now()) - p->last_draw >= 0.25) {
        p->last_draw = t;
        draw(p, t);
    }
}

void po_cli_progress_end(po_cli_progress *p)
{
    if (!p || !p->on)
        return;
    fprintf(stderr, "\r\033[Kpolicy-outline: %zu input%s, %zu article%s, %zu outline%s with "
                    "directives, %zu error%s, %zu warning%s, %.1f s\n",
            p->inputs, p->inputs == 1 ? "" : "s", p->counts.articles,
            p->counts.articles == 1 ? "" : "s", p->counts.with_groups,
            p->counts.with_groups == 1 ? "" : "s", p->failed, p->failed == 1 ? "" : "s",
            p->counts.warnings, p->counts.warnings == 1 ? "" : "s", now() - p->start);
}

void po_cli_progress_messages(po_cli_progress *p, const char *msgs)
{
    if (!msgs || !*msgs)
        return;
    if (p && p->on)
        fputs("\r\033[K", stderr); /* the messages start on a clean line */
    fputs(msgs, stderr);
}
