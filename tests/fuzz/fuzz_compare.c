/* fuzz_compare.c - two inputs (split at the first form feed, else in the
 * middle) ingested and analysed, the first article of one and the last of
 * the other compared at a threshold taken from the size and rendered every
 * way; then every article of both as a corpus, clustered and rendered. */
#include <stdlib.h>
#include <string.h>

#include "policy_outline_research.h"
#include "fuzz_common.h"

static void compare_pair(const po_outline *a, const po_outline *b, double threshold)
{
    po_comparison *cmp = NULL;
    if (po_compare(a, b, threshold, &cmp) != PO_OK || !cmp)
        fuzz_fail("po_compare of analysed outlines");
    for (size_t i = 0; i < cmp->n_pairs; i++)
        if (cmp->pairs[i].a >= cmp->n_a || cmp->pairs[i].b >= cmp->n_b ||
            cmp->pairs[i].similarity < threshold)
            fuzz_fail("pairs index both sides and reach the threshold");
    if (cmp->n_pairs + cmp->n_only_a != cmp->n_a || cmp->n_pairs + cmp->n_only_b != cmp->n_b)
        fuzz_fail("every item is paired or unpaired, once");
    char *s = po_comparison_render(cmp, PO_COMPARE_JSON, 0);
    fuzz_check_json(s, 0);
    free(s);
    char *out[] = {po_comparison_render(cmp, PO_COMPARE_TEXT, 0),
                   po_comparison_render(cmp, PO_COMPARE_TEXT, PO_RENDER_COLOR),
                   po_comparison_render(cmp, PO_COMPARE_MARKDOWN, 0)};
    for (size_t k = 0; k < 3; k++) {
        if (!out[k])
            fuzz_fail("a comparison renders");
        free(out[k]);
    }
    po_comparison_free(cmp);
}

static void cluster(po_outline **const lists[2], const size_t ns[2], double threshold, size_t min_size)
{
    po_corpus *c = po_corpus_new();
    if (!c)
        fuzz_fail("po_corpus_new");
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < ns[k]; i++)
            if (po_corpus_add(c, lists[k][i]) != PO_OK)
                fuzz_fail("po_corpus_add of an analysed outline");
    po_cluster_options opt = {threshold, min_size};
    if (po_corpus_cluster(c, &opt) != PO_OK)
        fuzz_fail("po_corpus_cluster");
    size_t members = 0;
    for (size_t k = 0; k < po_corpus_clusters(c); k++) {
        po_cluster_info info;
        if (!po_corpus_cluster_info(c, k, &info) || !info.first_date || !info.last_date || !info.lead ||
            info.articles > info.members || info.articles < min_size)
            fuzz_fail("a cluster's info");
        members += info.members;
    }
    if (members > po_corpus_items(c))
        fuzz_fail("clusters hold each item once at most");
    char *s = po_corpus_render(c, PO_COMPARE_JSON);
    fuzz_check_json(s, 0);
    free(s);
    char *out[] = {po_corpus_render(c, PO_COMPARE_MARKDOWN), po_corpus_render(c, PO_COMPARE_CSV)};
    for (size_t k = 0; k < 2; k++) {
        if (!out[k])
            fuzz_fail("a corpus renders");
        free(out[k]);
    }
    po_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_split(data, size, &in);
    const uint8_t *ff = memchr(in.data, '\f', in.size);
    size_t cut = ff ? (size_t)(ff - in.data) : in.size / 2;
    fuzz_input a = in, b = in;
    a.size = cut;
    b.data = in.data + cut + (ff ? 1 : 0);
    b.size = in.size - cut - (ff ? 1 : 0);
    b.name = "b.md";
    size_t ns[2];
    po_outline **lists[2] = {fuzz_outlines(&a, NULL, 1, &ns[0]), fuzz_outlines(&b, NULL, 1, &ns[1])};
    double threshold = (double)(size % 11) / 10.0; /* 0, 0.1 ... 1 */
    if (ns[0] && ns[1])
        compare_pair(lists[0][0], lists[1][ns[1] - 1], threshold);
    cluster(lists, ns, (double)(1 + size % 10) / 10.0, 1 + size % 3); /* (0, 1] */
    fuzz_free(lists[0], ns[0]);
    fuzz_free(lists[1], ns[1]);
    return 0;
}
