/* rule_values.c - examples' values against what the analysis makes of them.
 *
 * A marker example's value is the ordinal po_marker_ordinal reads from its
 * group `num`; a date example's value is the one the whole analysis gives
 * the example's text (with `ref` as the reference day), taken from the date
 * the rule found, so the check sees what a reader of the outline would. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "rule_values.h"

typedef struct checker {
    po_diag_fn diag;
    void *user;
    size_t failures;
} checker;

static void fail(checker *k, const po_rule *r, const po_example *ex, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fail(checker *k, const po_rule *r, const po_example *ex, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    k->failures++;
    if (k->diag) {
        po_diag d = {PO_DIAG_ERROR, r->file, ex->line, ex->column, r->id, msg};
        k->diag(&d, k->user);
    }
}

static void check_marker(checker *k, const po_rule *r, const po_example *ex)
{
    po_text t;
    if (po_text_init(&t, ex->text, strlen(ex->text)) != 0) {
        k->failures++;
        return;
    }
    size_t s, e;
    if (po_match_string(r, t.norm, t.norm_len, "num", &s, &e) != 1) {
        fail(k, r, ex, "rule %s: example '%s' has no group num to read a value from", r->id, ex->text);
    } else {
        bool last;
        int v = po_marker_ordinal(r, &t, po_text_cp_at_byte(&t, s), po_text_cp_at_byte(&t, e), &last);
        char got[16];
        snprintf(got, sizeof got, "%d", v);
        if (strcmp(last ? "last" : v > 0 ? got : "unreadable", ex->value) != 0)
            fail(k, r, ex, "rule %s: example '%s' reads as ordinal %s (expected %s)", r->id, ex->text,
                 last ? "last" : v > 0 ? got : "unreadable", ex->value);
    }
    po_text_free(&t);
}

static void check_date(checker *k, const po_rules *rules, const po_rule *r, const po_example *ex)
{
    po_outline **list = NULL;
    size_t n = 0;
    po_options opt = {ex->ref};
    if (po_ingest("example.txt", (const unsigned char *)ex->text, strlen(ex->text), &list, &n, NULL, NULL) !=
            PO_OK ||
        n == 0 || po_analyze(rules, list[0], &opt) != PO_OK) {
        fail(k, r, ex, "rule %s: example '%s' could not be analysed", r->id, ex->text);
    } else {
        const po_outline *o = list[0];
        const po_date *d = NULL;
        for (size_t i = 0; i < o->n_dates && !d; i++)
            if (strcmp(o->dates[i].rule, r->id) == 0)
                d = &o->dates[i];
        if (!d) {
            char found[256] = "";
            for (size_t i = 0, at = 0; i < o->n_dates && at < sizeof found; i++) {
                int w = snprintf(found + at, sizeof found - at, "%s%s '%s'", i ? ", " : "", o->dates[i].rule,
                                 o->dates[i].text);
                at += w > 0 ? (size_t)w : 0;
            }
            fail(k, r, ex, "rule %s: example '%s' gives no date of this rule (%s%s)", r->id, ex->text,
                 *found ? "the analysis takes " : "no date at all", found);
        } else if (!d->value || strcmp(d->value, ex->value) != 0) {
            fail(k, r, ex, "rule %s: example '%s' resolves to %s (expected %s)%s%s", r->id, ex->text,
                 d->value ? d->value : "no value", ex->value, ex->ref ? "" : "; relative dates need a ",
                 ex->ref ? "" : "ref: YYYY-MM-DD");
        }
    }
    for (size_t i = 0; i < n; i++)
        po_outline_free(list[i]);
    free(list);
}

size_t po_rules_check_values(const po_rules *rules, po_diag_fn diag, void *user, size_t *checked)
{
    checker k = {diag, user, 0};
    size_t count = 0;
    const po_rule *all;
    size_t n = po_rules_all(rules, &all);
    for (size_t i = 0; i < n; i++) {
        for (size_t e = 0; e < all[i].n_examples; e++) {
            const po_example *ex = &all[i].examples[e];
            if (!ex->value || ex->counter)
                continue;
            count++;
            if (strcmp(all[i].kind, "marker") == 0)
                check_marker(&k, &all[i], ex);
            else if (strcmp(all[i].kind, "date") == 0)
                check_date(&k, rules, &all[i], ex);
        }
    }
    if (checked)
        *checked = count;
    return k.failures;
}
