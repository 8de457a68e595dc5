/* rows.c - flattening an outline into the rows of each sheet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* Lists become one cell joined by "; ": Chinese titles often hold 、
 * themselves, so that cannot be the separator. */
static char *join(const char *const *list, size_t n)
{
    po_buf b = PO_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            po_buf_puts(&b, "; ");
        po_buf_puts(&b, list[i] ? list[i] : "");
    }
    return po_buf_detach(&b);
}

/* The meeting an item belongs to: the last one mentioned before it, else
 * the first of the article (a report often names its meeting late). */
static const po_meeting *meeting_at(const po_outline *o, size_t pos)
{
    const po_meeting *best = NULL;
    for (size_t i = 0; i < o->n_meetings; i++)
        if (o->meetings[i].start <= pos && (!best || o->meetings[i].start > best->start))
            best = &o->meetings[i];
    return best ? best : (o->n_meetings ? &o->meetings[0] : NULL);
}

/* The meeting a person chaired or attended, else the article's only one. */
static const po_meeting *meeting_of(const po_outline *o, const char *name)
{
    for (size_t i = 0; i < o->n_meetings; i++) {
        const po_meeting *m = &o->meetings[i];
        for (size_t k = 0; k < m->n_chair; k++)
            if (m->chair[k] && strcmp(m->chair[k], name) == 0)
                return m;
        for (size_t k = 0; k < m->n_participants; k++)
            if (m->participants[k] && strcmp(m->participants[k], name) == 0)
                return m;
    }
    return o->n_meetings == 1 ? &o->meetings[0] : NULL;
}

/* v in decimal, as %lld writes it (without snprintf's cost per cell; n >= 21). */
static void num(char *buf, size_t n, long long v)
{
    char digits[24], *p = digits + sizeof digits;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0)
        *--p = '-';
    size_t len = (size_t)(digits + sizeof digits - p);
    if (len >= n)
        len = n - 1;
    memcpy(buf, p, len);
    buf[len] = '\0';
}

po_status po_table_rows_items(po_table *t, const po_outline *o, const char *doc_id)
{
    po_status st = PO_OK;
    for (size_t g = 0; g < o->n_groups && st == PO_OK; g++) {
        const po_group *gr = &o->groups[g];
        for (size_t i = 0; i < gr->n_items && st == PO_OK; i++) {
            const po_item *it = &gr->items[i];
            const po_meeting *m = meeting_at(o, it->start);
            char *chair = m ? join(m->chair, m->n_chair) : NULL;
            size_t idlen = strlen(doc_id) + 48;
            char *item_id = malloc(idlen);
            if ((m && !chair) || !item_id) {
                free(chair);
                free(item_id);
                return PO_ERR_NOMEM;
            }
            snprintf(item_id, idlen, "%s/g%zu/%d", doc_id, g, it->ordinal);
            char group[24], ordinal[24], start[24], end[24];
            num(group, sizeof group, (long long)g);
            num(ordinal, sizeof ordinal, it->ordinal);
            num(start, sizeof start, (long long)it->start);
            num(end, sizeof end, (long long)it->end);
            const char *row[] = {
                doc_id, item_id, o->source, o->meta.title, o->meta.published, o->meta.url,
                m ? m->name : NULL, m ? m->date : NULL, chair, group, gr->style, gr->kind,
                gr->introducer, gr->actor, ordinal, it->marker, it->lead, it->text, start, end,
            };
            st = po_table_push(t, row);
            free(chair);
            free(item_id);
        }
    }
    return st;
}

po_status po_table_rows_people(po_table *t, const po_outline *o, const char *doc_id)
{
    po_status st = PO_OK;
    for (size_t i = 0; i < o->n_people && st == PO_OK; i++) {
        const po_person *p = &o->people[i];
        const po_meeting *m = p->name ? meeting_of(o, p->name) : NULL;
        char *titles = join(p->titles, p->n_titles);
        char *roles = join(p->roles, p->n_roles);
        char *members = join(p->members, p->n_members);
        char count[24] = "";
        if (p->count > 0)
            num(count, sizeof count, p->count);
        const char *row[] = {
            doc_id, p->name, p->kind == PO_ORGANIZATION ? "organization" : "person", titles,
            p->organization, roles, count, p->org_type, members, m ? m->name : NULL,
        };
        st = titles && roles && members ? po_table_push(t, row) : PO_ERR_NOMEM;
        free(titles);
        free(roles);
        free(members);
    }
    return st;
}

po_status po_table_rows_meetings(po_table *t, const po_outline *o, const char *doc_id)
{
    po_status st = PO_OK;
    for (size_t i = 0; i < o->n_meetings && st == PO_OK; i++) {
        const po_meeting *m = &o->meetings[i];
        char *chair = join(m->chair, m->n_chair);
        char *participants = join(m->participants, m->n_participants);
        char start[24], end[24];
        num(start, sizeof start, (long long)m->start);
        num(end, sizeof end, (long long)m->end);
        const char *row[] = {
            doc_id, o->source, o->meta.title, o->meta.published, o->meta.published_from, m->name, m->type, m->date,
            m->date_text, m->location, chair, participants, start, end,
        };
        st = chair && participants ? po_table_push(t, row) : PO_ERR_NOMEM;
        free(chair);
        free(participants);
    }
    return st;
}

po_status po_table_rows_dates(po_table *t, const po_outline *o, const char *doc_id)
{
    po_status st = PO_OK;
    for (size_t i = 0; i < o->n_dates && st == PO_OK; i++) {
        const po_date *d = &o->dates[i];
        char start[24], end[24];
        num(start, sizeof start, (long long)d->start);
        num(end, sizeof end, (long long)d->end);
        const char *row[] = {
            doc_id, o->meta.published, d->text, d->value, d->kind,
            d->approximate ? "yes" : "no", start, end,
        };
        st = po_table_push(t, row);
    }
    return st;
}
