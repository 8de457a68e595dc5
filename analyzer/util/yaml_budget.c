/* yaml_budget.c - the expanded size of a YAML document, computed over the
 * graph libyaml loads (each node once), never by expanding it. */
#include "yaml_budget.h"

#include <stdlib.h>

enum { UNSEEN, OPEN, DONE };

/* A node's children: sequence items, or mapping keys then values. */
static size_t n_children(const yaml_node_t *n)
{
    if (n->type == YAML_SEQUENCE_NODE)
        return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (n->type == YAML_MAPPING_NODE)
        return 2 * (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    return 0;
}

static int child(const yaml_node_t *n, size_t k)
{
    if (n->type == YAML_SEQUENCE_NODE)
        return n->data.sequence.items.start[k];
    const yaml_node_pair_t *p = &n->data.mapping.pairs.start[k / 2];
    return k % 2 ? p->value : p->key;
}

static size_t weight(const yaml_node_t *n)
{
    return 1 + (n->type == YAML_SCALAR_NODE ? n->data.scalar.length : 0);
}

typedef struct frame {
    int node;      /* 1-based, as libyaml numbers nodes */
    size_t next;   /* the next child to visit */
} frame;

bool po_yaml_within_budget(yaml_document_t *doc, size_t budget, yaml_mark_t *where)
{
    size_t n = (size_t)(doc->nodes.top - doc->nodes.start);
    if (n == 0)
        return true;
    size_t written = 0;
    for (size_t i = 0; i < n; i++)
        written += weight(&doc->nodes.start[i]);
    size_t limit = written + budget < written ? (size_t)-1 : written + budget;
    /* size[i]: the expanded weight of node i+1; the walk stops at the first
     * sum over the limit, so no sum overflows */
    size_t *size = calloc(n, sizeof *size);
    unsigned char *state = calloc(n, 1);
    frame *stack = malloc(n * sizeof *stack); /* a node is on the stack once at most */
    bool ok = size && state && stack;
    const yaml_node_t *over = NULL;
    size_t depth = 0;
    if (ok) {
        stack[depth++] = (frame){1, 0};
        state[0] = OPEN;
        size[0] = weight(&doc->nodes.start[0]);
    }
    /* depth-first, children before their parent; an OPEN child is an
     * ancestor: the document holds itself */
    while (ok && depth > 0) {
        frame *f = &stack[depth - 1];
        const yaml_node_t *node = &doc->nodes.start[f->node - 1];
        if (f->next < n_children(node)) {
            int c = child(node, f->next++);
            if (c < 1 || (size_t)c > n)
                continue; /* libyaml never makes one; nothing to count */
            if (state[c - 1] == OPEN) {
                over = &doc->nodes.start[c - 1];
                ok = false;
            } else if (state[c - 1] == UNSEEN) {
                state[c - 1] = OPEN;
                size[c - 1] = weight(&doc->nodes.start[c - 1]);
                stack[depth++] = (frame){c, 0};
            } else {
                size[f->node - 1] += size[c - 1];
                if (size[f->node - 1] > limit) {
                    over = depth > 1 ? node : &doc->nodes.start[c - 1];
                    ok = false;
                }
            }
            continue;
        }
        state[f->node - 1] = DONE;
        depth--;
        if (depth > 0) {
            frame *parent = &stack[depth - 1];
            size_t *ps = &size[parent->node - 1];
            *ps += size[f->node - 1];
            if (*ps > limit) {
                /* the list that fans out; at the top, the value that does */
                over = &doc->nodes.start[(depth > 1 ? parent->node : f->node) - 1];
                ok = false;
            }
        } else if (size[0] > limit) {
            over = node;
            ok = false;
        }
    }
    if (!ok && where)
        *where = over ? over->start_mark : doc->nodes.start[0].start_mark;
    free(size);
    free(state);
    free(stack);
    return ok;
}
