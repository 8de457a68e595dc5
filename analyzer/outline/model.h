/* model.h - building po_outline values: every string and array lives in the
 * outline's arena, so po_outline_free releases all of it in one call. */
#ifndef PO_MODEL_H
#define PO_MODEL_H

#include "policy_outline.h"
#include "../util/arena.h"

/* A new empty outline; NULL when out of memory. */
po_outline *po_outline_new(const char *source, int index);

/* Arena helpers bound to an outline. */
char *po_outline_strdup(po_outline *o, const char *s);
char *po_outline_strndup(po_outline *o, const char *s, size_t len);

/* One copy of a short string that many results repeat (a style, a rule's
 * id, a kind, a marker): a paragraph of 100,000 lists holds one "shi", not
 * 100,000. A small table of recent copies, keyed by content; a string that
 * is not found is copied again (the table only saves memory). Zero it
 * before use; it belongs to one outline. */
enum { PO_SHARED_SLOTS = 64 };
typedef struct po_shared_strings {
    const char *copy[PO_SHARED_SLOTS];
    size_t len[PO_SHARED_SLOTS];
} po_shared_strings;

/* A copy of len bytes at s in o's arena, shared with an earlier equal one
 * found in t; NULL when out of memory. */
const char *po_outline_shared(po_outline *o, po_shared_strings *t, const char *s, size_t len);

/* Append a zeroed element; NULL when out of memory. The public struct shows
 * callers its arrays as const: the library, which owns them, writes through
 * the pointers these return and the po_outline_*_at accessors below. */
po_group *po_outline_add_group(po_outline *o);
po_item *po_outline_add_item(po_outline *o, po_group *g);
po_person *po_outline_add_person(po_outline *o);
po_meeting *po_outline_add_meeting(po_outline *o);
po_date *po_outline_add_date(po_outline *o);

/* Room for n more groups, or items of g, before adding them: what is
 * reserved is allocated exactly, where adding one at a time grows the array
 * by doubling (and leaves each old block in the arena). false when out of
 * memory. */
bool po_outline_reserve_groups(po_outline *o, size_t n);
bool po_outline_reserve_items(po_outline *o, po_group *g, size_t n);

/* Append a copy of s to a string list (roles, titles, chair ...). */
int po_outline_add_string(po_outline *o, const char *const **list, size_t *n, const char *s);

/* Element i of an outline's array, to change while the library builds it. */
static inline po_group *po_outline_group_at(po_outline *o, size_t i)
{
    return (po_group *)&o->groups[i];
}
static inline po_person *po_outline_person_at(po_outline *o, size_t i)
{
    return (po_person *)&o->people[i];
}
static inline po_meeting *po_outline_meeting_at(po_outline *o, size_t i)
{
    return (po_meeting *)&o->meetings[i];
}
static inline po_date *po_outline_date_at(po_outline *o, size_t i)
{
    return (po_date *)&o->dates[i];
}
/* Append a mention to a person. */
po_mention *po_outline_add_mention(po_outline *o, po_person *p);

/* Record a warning (printf-style); kept in reading order. */
void po_outline_warn(po_outline *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
