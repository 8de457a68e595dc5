/* json.c - the outline as a JSON object (schema policy-outline/1, described
 * in docs/outline.schema.json). */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "policy_outline.h"

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* For fields the schema types as string: a missing value must not drop the
 * key (cJSON_AddStringToObject skips NULL). */
static const char *str_or_empty(const char *s)
{
    return s ? s : "";
}

static cJSON *str_array(char *const *list, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(str_or_empty(list[i])));
    return a;
}

static void add_span(cJSON *obj, size_t start, size_t end, const char *rule)
{
    cJSON_AddNumberToObject(obj, "start", (double)start);
    cJSON_AddNumberToObject(obj, "end", (double)end);
    if (rule)
        cJSON_AddStringToObject(obj, "rule", rule);
}

static cJSON *group_json(const po_group *g)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "style", str_or_empty(g->style));
    cJSON_AddItemToObject(o, "kind", str_or_null(g->kind));
    cJSON_AddItemToObject(o, "introducer", str_or_null(g->introducer));
    cJSON_AddItemToObject(o, "context", str_or_null(g->context));
    cJSON_AddItemToObject(o, "actor", str_or_null(g->actor));
    if (g->parent >= 0)
        cJSON_AddNumberToObject(o, "parent", g->parent);
    else
        cJSON_AddNullToObject(o, "parent");
    cJSON *rules = cJSON_AddObjectToObject(o, "rules");
    cJSON_AddItemToObject(rules, "marker", str_or_null(g->n_items ? g->items[0].rule : NULL));
    cJSON_AddItemToObject(rules, "introducer", str_or_null(g->introducer_rule));
    cJSON_AddItemToObject(rules, "actor", str_or_null(g->actor_rule));
    cJSON *items = cJSON_AddArrayToObject(o, "items");
    for (size_t i = 0; i < g->n_items; i++) {
        const po_item *it = &g->items[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "ordinal", it->ordinal);
        cJSON_AddStringToObject(j, "marker", str_or_empty(it->marker));
        cJSON_AddStringToObject(j, "text", str_or_empty(it->text));
        cJSON_AddStringToObject(j, "lead", str_or_empty(it->lead));
        cJSON_AddNumberToObject(j, "paragraph", it->paragraph);
        add_span(j, it->start, it->end, it->rule);
        cJSON_AddItemToArray(items, j);
    }
    return o;
}

static cJSON *person_json(const po_person *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", str_or_empty(p->name));
    cJSON_AddStringToObject(o, "kind", p->kind == PO_ORGANIZATION ? "organization" : "person");
    cJSON_AddItemToObject(o, "roles", str_array(p->roles, p->n_roles));
    cJSON_AddItemToObject(o, "titles", str_array(p->titles, p->n_titles));
    cJSON_AddItemToObject(o, "organization", str_or_null(p->organization));
    if (p->kind == PO_ORGANIZATION) {
        if (p->count > 0)
            cJSON_AddNumberToObject(o, "count", p->count);
        else
            cJSON_AddNullToObject(o, "count");
        cJSON_AddItemToObject(o, "type", str_or_null(p->org_type));
        cJSON_AddItemToObject(o, "members", str_array(p->members, p->n_members));
    }
    cJSON *m = cJSON_AddArrayToObject(o, "mentions");
    for (size_t i = 0; i < p->n_mentions; i++) {
        cJSON *j = cJSON_CreateObject();
        add_span(j, p->mentions[i].start, p->mentions[i].end, p->mentions[i].rule);
        cJSON_AddItemToArray(m, j);
    }
    return o;
}

static cJSON *meeting_json(const po_meeting *m)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "name", str_or_null(m->name));
    cJSON_AddItemToObject(o, "type", str_or_null(m->type));
    cJSON_AddItemToObject(o, "date", str_or_null(m->date));
    cJSON_AddItemToObject(o, "date_text", str_or_null(m->date_text));
    cJSON_AddItemToObject(o, "location", str_or_null(m->location));
    cJSON_AddItemToObject(o, "chair", str_array(m->chair, m->n_chair));
    cJSON_AddItemToObject(o, "participants", str_array(m->participants, m->n_participants));
    add_span(o, m->start, m->end, m->rule);
    return o;
}

static cJSON *date_json(const po_date *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "text", str_or_empty(d->text));
    cJSON_AddItemToObject(o, "value", str_or_null(d->value));
    cJSON_AddItemToObject(o, "kind", str_or_null(d->kind));
    cJSON_AddBoolToObject(o, "approximate", d->approximate);
    add_span(o, d->start, d->end, d->rule);
    return o;
}

static cJSON *outline_json(const po_outline *ol, unsigned flags)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "schema", PO_SCHEMA);
    cJSON_AddStringToObject(o, "source", str_or_empty(ol->source));
    cJSON_AddNumberToObject(o, "index", ol->index);
    cJSON_AddItemToObject(o, "format", str_or_null(ol->format));
    cJSON_AddItemToObject(o, "encoding", str_or_null(ol->encoding));
    const po_meta *m = &ol->meta;
    cJSON_AddItemToObject(o, "title", str_or_null(m->title));
    cJSON_AddItemToObject(o, "original_title", str_or_null(m->original_title));
    cJSON_AddItemToObject(o, "author", str_or_null(m->author));
    cJSON_AddItemToObject(o, "editor", str_or_null(m->editor));
    cJSON_AddItemToObject(o, "categories", str_array(m->categories, m->n_categories));
    cJSON_AddItemToObject(o, "url", str_or_null(m->url));
    cJSON_AddItemToObject(o, "published", str_or_null(m->published));
    cJSON_AddItemToObject(o, "published_from", str_or_null(m->published_from));
    cJSON_AddNumberToObject(o, "chars", (double)ol->text_chars);
    if (flags & PO_RENDER_WITH_TEXT)
        cJSON_AddStringToObject(o, "text", ol->text ? ol->text : "");
    cJSON *a = cJSON_AddArrayToObject(o, "groups");
    for (size_t i = 0; i < ol->n_groups; i++)
        cJSON_AddItemToArray(a, group_json(&ol->groups[i]));
    a = cJSON_AddArrayToObject(o, "people");
    for (size_t i = 0; i < ol->n_people; i++)
        cJSON_AddItemToArray(a, person_json(&ol->people[i]));
    a = cJSON_AddArrayToObject(o, "meetings");
    for (size_t i = 0; i < ol->n_meetings; i++)
        cJSON_AddItemToArray(a, meeting_json(&ol->meetings[i]));
    a = cJSON_AddArrayToObject(o, "dates");
    for (size_t i = 0; i < ol->n_dates; i++)
        cJSON_AddItemToArray(a, date_json(&ol->dates[i]));
    cJSON_AddItemToObject(o, "warnings", str_array(ol->warnings, ol->n_warnings));
    return o;
}

char *po_render_json(const po_outline *outline, unsigned flags)
{
    cJSON *o = outline_json(outline, flags);
    if (!o)
        return NULL;
    char *s = (flags & PO_RENDER_PRETTY) ? cJSON_Print(o) : cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}
