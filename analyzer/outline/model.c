#include "model.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/keymap.h"
#include "../util/utf8.h"

/* Every array of an outline keeps its capacity in a header just before its
 * first element, so that a stage that knows how many elements it will add
 * (a group's items) reserves exactly that many, and the others grow by
 * doubling. The arrays live in the arena: a grown array leaves its old block
 * there. */
typedef struct header {
    /* the elements stay aligned for any type: a header of 16 bytes where
     * a union with max_align_t would take sizeof's 32 */
    _Alignas(max_align_t) size_t cap;
} header;

static size_t *cap_of(void *array)
{
    return &((header *)array - 1)->cap;
}

/* Make room for `want` elements in all (at least); false when out of memory. */
static bool reserve(po_outline *o, void **array, size_t n, size_t want, size_t elem)
{
    if (*array && *cap_of(*array) >= want)
        return true;
    if (want > (SIZE_MAX - sizeof(header)) / elem)
        return false;
    header *h = po_arena_alloc(o->arena, sizeof(header) + want * elem);
    if (!h)
        return false;
    h->cap = want;
    if (n)
        memcpy(h + 1, *array, n * elem);
    *array = h + 1;
    return true;
}

static void *push(po_outline *o, void **array, size_t *n, size_t elem)
{
    size_t cap = *array ? *cap_of(*array) : 0;
    if (*n == cap && !reserve(o, array, *n, cap ? 2 * cap : 4, elem))
        return NULL;
    return (char *)*array + (*n)++ * elem; /* zeroed by the arena */
}

po_outline *po_outline_new(const char *source, int index)
{
    po_arena *a = po_arena_new();
    if (!a)
        return NULL;
    po_outline *o = po_arena_alloc(a, sizeof *o);
    if (!o) {
        po_arena_free(a);
        return NULL;
    }
    o->arena = a;
    o->index = index;
    o->source = po_arena_strdup(a, source ? source : "-");
    o->text = po_arena_strdup(a, "");
    return o;
}

void po_outline_free(po_outline *o)
{
    if (o)
        po_arena_free(o->arena); /* the outline itself lives in its arena */
}

char *po_outline_strdup(po_outline *o, const char *s)
{
    return po_arena_strdup(o->arena, s);
}

char *po_outline_strndup(po_outline *o, const char *s, size_t len)
{
    return po_arena_strndup(o->arena, s, len);
}

const char *po_outline_shared(po_outline *o, po_shared_strings *t, const char *s, size_t len)
{
    uint32_t h[2];
    po_keymap_digest(s, len, h);
    size_t k = h[0] % PO_SHARED_SLOTS;
    if (t->copy[k] && t->len[k] == len && memcmp(t->copy[k], s, len) == 0)
        return t->copy[k];
    char *copy = po_arena_strndup(o->arena, s, len);
    if (copy) {
        t->copy[k] = copy;
        t->len[k] = len;
    }
    return copy;
}

po_group *po_outline_add_group(po_outline *o)
{
    po_group *g = push(o, (void **)&o->groups, &o->n_groups, sizeof *g);
    if (g)
        g->parent = -1;
    return g;
}

bool po_outline_reserve_groups(po_outline *o, size_t n)
{
    return reserve(o, (void **)&o->groups, o->n_groups, o->n_groups + n, sizeof(po_group));
}

bool po_outline_reserve_items(po_outline *o, po_group *g, size_t n)
{
    return reserve(o, (void **)&g->items, g->n_items, g->n_items + n, sizeof(po_item));
}

po_item *po_outline_add_item(po_outline *o, po_group *g)
{
    return push(o, (void **)&g->items, &g->n_items, sizeof(po_item));
}

po_person *po_outline_add_person(po_outline *o)
{
    return push(o, (void **)&o->people, &o->n_people, sizeof(po_person));
}

po_meeting *po_outline_add_meeting(po_outline *o)
{
    return push(o, (void **)&o->meetings, &o->n_meetings, sizeof(po_meeting));
}

po_date *po_outline_add_date(po_outline *o)
{
    return push(o, (void **)&o->dates, &o->n_dates, sizeof(po_date));
}

int po_outline_add_string(po_outline *o, const char *const **list, size_t *n, const char *s)
{
    char *copy = po_arena_strdup(o->arena, s);
    const char **slot = copy ? push(o, (void **)list, n, sizeof(char *)) : NULL;
    if (!slot)
        return -1;
    *slot = copy;
    return 0;
}

po_mention *po_outline_add_mention(po_outline *o, po_person *p)
{
    return push(o, (void **)&p->mentions, &p->n_mentions, sizeof(po_mention));
}

void po_outline_warn(po_outline *o, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    po_utf8_drop_partial(msg); /* a long message is cut, never a character */
    po_outline_add_string(o, &o->warnings, &o->n_warnings, msg);
}
