#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"

/* Arrays grow by doubling: a capacity that is a power of two (or zero) is
 * full exactly when the count reaches it, so no capacity needs storing. */
static size_t cap_for(size_t n)
{
    if (n == 0)
        return 0;
    size_t c = 8; /* po_arena_push's first capacity */
    while (c < n)
        c *= 2;
    return c;
}

static void *push(po_outline *o, void **array, size_t *n, size_t elem)
{
    size_t cap = cap_for(*n);
    return po_arena_push(o->arena, array, n, &cap, elem);
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

po_group *po_outline_add_group(po_outline *o)
{
    po_group *g = push(o, (void **)&o->groups, &o->n_groups, sizeof *g);
    if (g)
        g->parent = -1;
    return g;
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
