/* people.c - who chairs, attends, speaks at and reports to the meeting.
 *
 * Each `role` rule matches a verb (主持, 出席 …); its subject is read from the
 * clause before it (side: before), the list after it (side: after) or the
 * span of the rule's group `who` (a minutes header 出席：…) by
 * people_names.c. `organization` rules find bodies that take part (13家重点
 * 行业协会). `not_person` spans (以…为核心的党中央, 会见 X) give nobody. One
 * entry per name, with all its roles, titles and mentions. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "people_names.h"
#include "../normalize/numerals.h"
#include "../util/keymap.h"
#include "../util/search.h"

enum { MAX_SUBJECT = 200, MAX_WARNED = 3, MAX_REACH = 400 };

/* A role rule with what apply_roles reads of it, read once per article. */
typedef struct role_rule {
    const po_rule *rule;
    const char *role;
    bool after;    /* side: after (the names follow the verb) */
    bool in_title; /* a role the title is read for (chair, attendee) */
} role_rule;

typedef struct people_ctx {
    po_analysis *a;
    po_name_reader reader;
    po_span *blocked;   /* sorted by start, once found */
    uint32_t *b_start;  /* their starts */
    size_t *b_reach;    /* the furthest end of blocked[0..i] */
    size_t n_blocked;
    bool blocked_found; /* find_blocked has run: only once a match needs it */
    po_keymap names;    /* (kind, digest of the name) -> its entry */
    size_t n_named;     /* the entries in `names` */
    po_keymap mentions; /* (entry, start, end) of every mention */
    po_span verb;        /* the role match whose subject is being read */
    int verb_blocked;    /* whether it is blocked: 1, 0, or -1 until asked */
    const role_rule *roles; /* the pack's role rules (owned by po_find_people) */
    size_t n_roles;
    const po_rule *rule; /* the rule being applied */
    const char *role;
    bool title_pass; /* reading the title: its offsets are not the text's */
} people_ctx;

static int by_start(const void *x, const void *y)
{
    const po_span *a = x, *b = y;
    return a->s < b->s ? -1 : a->s > b->s;
}

static int find_blocked(people_ctx *c)
{
    size_t n, cap = 0;
    c->blocked_found = true;
    const po_rule *const *rules_of = po_rules_of(c->a->rules, "not_person", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        po_match m;
        for (size_t from = 0; po_rule_match(&c->a->m, r, from, c->a->text.n, 0, &m) == 1;) {
            if (c->n_blocked == cap) {
                size_t nc = cap ? 2 * cap : 8;
                po_span *b = realloc(c->blocked, nc * sizeof *b);
                if (!b)
                    return -1;
                c->blocked = b;
                cap = nc;
            }
            c->blocked[c->n_blocked++] = (po_span){m.start, m.end};
            from = m.end > m.start ? m.end : m.start + 1;
        }
    }
    if (!c->n_blocked)
        return 0;
    qsort(c->blocked, c->n_blocked, sizeof *c->blocked, by_start);
    c->b_start = malloc(c->n_blocked * sizeof *c->b_start);
    c->b_reach = malloc(c->n_blocked * sizeof *c->b_reach);
    if (!c->b_start || !c->b_reach)
        return -1;
    for (size_t i = 0; i < c->n_blocked; i++) {
        c->b_start[i] = (uint32_t)c->blocked[i].s;
        c->b_reach[i] = i && c->b_reach[i - 1] > c->blocked[i].e ? c->b_reach[i - 1] : c->blocked[i].e;
    }
    return 0;
}

/* Whether [s, e) overlaps a not_person span: 1, 0, or -1 when out of
 * memory. The spans are found on first use where one may overlap (a text
 * whose role verbs name nobody needs none); that reuses the matcher's
 * match data, so a caller that reads groups of its own match reads them
 * before. */
/* Whether a not_person span may overlap [s, e) (a false alarm is allowed):
 * a match of such a rule holds none of its stops (prefilter.h) and one of
 * its literals, so one overlapping [s, e) lies between the stops around
 * it, and a literal of the rule starts there. Without the scan's places,
 * or for a rule without literals, it may. */
static bool may_be_blocked(people_ctx *c, size_t s, size_t e)
{
    const po_text *t = &c->a->text;
    const po_matcher *m = &c->a->m;
    size_t n;
    const po_rule *const *rules_of = po_rules_of(c->a->rules, "not_person", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        if (!r->filter || !m->hits.active)
            return true;
        if (!po_matcher_may_match(m, r, 0, t->norm_len))
            continue; /* no literal in the whole text: no stops to look for */
        uint32_t stops = po_prefilter_stops(m->pf, r->filter - 1);
        /* past MAX_REACH without a stop, it may (the spans are then found
         * once, in linear time, instead of a long look per question) */
        size_t from = s, until = e;
        while (from > 0 && s - from < MAX_REACH && !(po_stop_bit(t->ncp[from - 1]) & stops))
            from--;
        while (until < t->n && until - e < MAX_REACH && !(po_stop_bit(t->ncp[until]) & stops))
            until++;
        if ((from > 0 && s - from >= MAX_REACH) || (until < t->n && until - e >= MAX_REACH) ||
            po_matcher_may_match(m, r, t->cp_byte[from], t->cp_byte[until]))
            return true;
    }
    return false;
}

static int blocked(people_ctx *c, size_t s, size_t e)
{
    if (!c->blocked_found && !may_be_blocked(c, s, e))
        return 0; /* the spans are not needed yet */
    if (!c->blocked_found && find_blocked(c) != 0)
        return -1;
    /* of the spans that start before e, one reaches past s */
    size_t k = po_lower_bound_u32(c->b_start, c->n_blocked, e);
    return k > 0 && c->b_reach[k - 1] > s;
}

static bool same(po_analysis *a, const char *s, size_t start, size_t end)
{
    size_t len;
    const char *p = po_text_orig_span(&a->text, start, end, &len);
    return strlen(s) == len && memcmp(s, p, len) == 0;
}

static bool has_string(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return true;
    return false;
}

static int add_unique(po_analysis *a, const char *const **list, size_t *n, size_t s, size_t e)
{
    size_t len;
    const char *p = po_text_orig_span(&a->text, s, e, &len);
    if (!len || has_string(*list, *n, p, len))
        return 0;
    char *copy = po_analysis_slice(a, s, e);
    return copy ? po_outline_add_string(a->o, list, n, copy) : -1;
}

static int add_role(po_analysis *a, po_person *p, const char *role)
{
    if (has_string(p->roles, p->n_roles, role, strlen(role)))
        return 0;
    return po_outline_add_string(a->o, &p->roles, &p->n_roles, role);
}

static int add_mention(people_ctx *c, po_person *p, size_t s, size_t e, const char *rule)
{
    po_analysis *a = c->a;
    uint32_t key[3] = {(uint32_t)(p - a->o->people), (uint32_t)s, (uint32_t)e}, v;
    if (po_keymap_find(&c->mentions, key, NULL, NULL, &v))
        return 0;
    if (po_keymap_add(&c->mentions, key, 0) < 0)
        return -1;
    po_mention *m = po_outline_add_mention(a->o, p);
    if (!m)
        return -1;
    m->start = s;
    m->end = e;
    m->rule = rule;
    return 0;
}

typedef struct name_query {
    po_analysis *a;
    size_t s, e;
} name_query;

static bool is_name(uint32_t i, void *ctx)
{
    name_query *q = ctx;
    return same(q->a, q->a->o->people[i].name, q->s, q->e);
}

static void name_key(po_entity_kind kind, const char *s, size_t len, uint32_t key[3])
{
    key[0] = (uint32_t)kind;
    po_keymap_digest(s, len, key + 1);
}

/* The entry for a name (created on first sight). Entries made before this
 * pass (the text's, when reading the title) are indexed as they are met. */
static po_person *person_for(people_ctx *c, size_t s, size_t e, po_entity_kind kind)
{
    po_analysis *a = c->a;
    uint32_t key[3], at;
    for (; c->n_named < a->o->n_people; c->n_named++) {
        const po_person *p = &a->o->people[c->n_named];
        name_key(p->kind, p->name, strlen(p->name), key);
        if (po_keymap_add(&c->names, key, (uint32_t)c->n_named) < 0)
            return NULL;
    }
    size_t len;
    const char *orig = po_text_orig_span(&a->text, s, e, &len);
    name_key(kind, orig, len, key);
    if (po_keymap_find(&c->names, key, is_name, &(name_query){a, s, e}, &at))
        return po_outline_person_at(a->o, at);
    char *name = po_analysis_slice(a, s, e);
    po_person *p = name ? po_outline_add_person(a->o) : NULL;
    if (p) {
        p->name = name;
        p->kind = kind;
    }
    return p;
}

/* Whether the role match being read is blocked: 1, 0, or -1 when out of
 * memory. Asked only once its subject gives a name, so that a text whose
 * subjects name nobody never looks for not_person spans. */
static int verb_blocked(people_ctx *c)
{
    if (c->verb_blocked < 0)
        c->verb_blocked = blocked(c, c->verb.s, c->verb.e);
    return c->verb_blocked;
}

static int on_name(const po_name_hit *hit, void *user)
{
    people_ctx *c = user;
    po_analysis *a = c->a;
    int b = verb_blocked(c);
    if (!b)
        b = blocked(c, hit->name.s, hit->name.e);
    if (b)
        return b < 0 ? -1 : 0;
    po_person *p = person_for(c, hit->name.s, hit->name.e, PO_PERSON);
    if (!p || add_role(a, p, c->role) < 0 ||
        (!c->title_pass && add_mention(c, p, hit->name.s, hit->name.e, c->rule->id) < 0))
        return -1;
    for (size_t i = 0; i < hit->n_titles; i++) {
        if (add_unique(a, &p->titles, &p->n_titles, hit->titles[i].s, hit->titles[i].e) < 0)
            return -1;
    }
    /* the organisation of the last title that names one: 国务院 of 国务院副总理 */
    for (size_t i = hit->n_titles; i-- > 0;) {
        po_span org;
        if (po_title_org(&c->reader, hit->titles[i], &org)) {
            char *o = po_analysis_slice(a, org.s, org.e);
            if (!o)
                return -1;
            p->organization = o;
            break;
        }
    }
    return 0;
}

static bool clause_end_at(people_ctx *c, size_t i)
{
    uint32_t ch = c->a->text.ncp[i];
    return ch == '\n' || po_lex_at(&c->reader, c->reader.clause_ends, i, i + 1) > 0;
}

/* The subject of a verb at vs: back to the clause start, then after the
 * last opener (会议由 | 韩国总统李在明主持). */
static size_t subject_start(people_ctx *c, size_t vs)
{
    size_t s = vs, lim = vs > MAX_SUBJECT ? vs - MAX_SUBJECT : 0;
    while (s > lim && !clause_end_at(c, s - 1))
        s--;
    for (size_t i = vs; i > s; i--) {
        size_t k = po_lex_ending(&c->reader, c->reader.openers, s, i);
        if (k) {
            s = i;
            break;
        }
    }
    return s;
}

static size_t list_end(people_ctx *c, size_t from)
{
    size_t e = from, lim = from + MAX_SUBJECT < c->a->text.n ? from + MAX_SUBJECT : c->a->text.n;
    while (e < lim && !clause_end_at(c, e))
        e++;
    return e;
}

static role_rule *read_role_rules(const po_rules *rules, size_t *n)
{
    const po_rule *const *rules_of = po_rules_of(rules, "role", n);
    role_rule *v = malloc((*n ? *n : 1) * sizeof *v);
    for (size_t i = 0; v && i < *n; i++) {
        const po_rule *r = rules_of[i];
        const char *role = po_rule_str(r, "role", "attendee");
        v[i] = (role_rule){r, role, strcmp(po_rule_str(r, "side", "before"), "after") == 0,
                           strcmp(role, "chair") == 0 || strcmp(role, "attendee") == 0};
    }
    return v;
}

static int apply_roles(people_ctx *c)
{
    po_analysis *a = c->a;
    for (size_t i = 0; i < c->n_roles; i++) {
        const po_rule *r = c->roles[i].rule;
        c->rule = r;
        c->role = c->roles[i].role;
        if (c->title_pass && !c->roles[i].in_title)
            continue;
        bool after = c->roles[i].after;
        po_match m;
        for (size_t from = 0; po_rule_match(&a->m, r, from, a->text.n, 0, &m) == 1;) {
            from = m.end > m.start ? m.end : m.start + 1;
            /* a blocked match gives nobody: on_name drops its names, and
             * what reading its subject counted is taken back below */
            c->verb = (po_span){m.start, m.end};
            c->verb_blocked = -1;
            int uncertain = c->reader.uncertain;
            po_span first_uncertain = c->reader.first_uncertain;
            int rc;
            size_t ws, we;
            if (po_match_group(&a->m, r, "who", &ws, &we) && we > ws)
                /* the rule marks where the names stand (主持会议的是X, 出席：X、Y) */
                rc = po_read_subject(&c->reader, ws, we, false, on_name, c);
            else if (after)
                rc = po_read_subject(&c->reader, m.end, list_end(c, m.end), false, on_name, c);
            else
                rc = po_read_subject(&c->reader, subject_start(c, m.start), m.start, true, on_name, c);
            if (rc < 0 || (c->reader.uncertain != uncertain && verb_blocked(c) < 0))
                return -1;
            if (c->reader.uncertain != uncertain && verb_blocked(c)) {
                c->reader.uncertain = uncertain;
                c->reader.first_uncertain = first_uncertain;
            }
        }
    }
    return 0;
}

static int apply_organizations(people_ctx *c)
{
    po_analysis *a = c->a;
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "organization", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        const char *role = po_rule_str(r, "role", "attendee");
        po_match m;
        for (size_t from = 0; po_rule_match(&a->m, r, from, a->text.n, 0, &m) == 1;) {
            from = m.end > m.start ? m.end : m.start + 1;
            size_t ts, te, ms, me, cs, ce, ns, ne;
            bool has_type = po_match_group(&a->m, r, "type", &ts, &te);
            bool has_name = po_match_group(&a->m, r, "name", &ns, &ne);
            bool has_members = po_match_group(&a->m, r, "members", &ms, &me);
            bool has_count = po_match_group(&a->m, r, "count", &cs, &ce);
            if (!has_name && has_type) {
                ns = ts;
                ne = te;
                has_name = true;
            }
            if (!has_name)
                continue;
            int b = blocked(c, ns, ne); /* after the groups are read */
            if (b < 0)
                return -1;
            if (b)
                continue;
            po_person *p = person_for(c, ns, ne, PO_ORGANIZATION);
            if (!p || add_role(a, p, role) < 0 || add_mention(c, p, ns, ne, r->id) < 0)
                return -1;
            if (has_type && !p->org_type && !(p->org_type = po_analysis_slice(a, ts, te)))
                return -1;
            if (has_count && p->count <= 0) {
                int v = po_numeral_value(a->text.ncp + cs, ce - cs); /* 13家, 十三家 */
                p->count = v > 0 ? v : 0;
            }
            if (has_members) {
                po_span parts[32];
                size_t k = 0, from_m = ms;
                for (size_t q = ms; q <= me && k < 32; q++) {
                    if (q == me || po_lex_at(&c->reader, c->reader.separators, q, me)) {
                        if (q > from_m)
                            parts[k++] = (po_span){from_m, q};
                        from_m = q + 1;
                    }
                }
                for (size_t j = 0; j < k; j++)
                    if (add_unique(a, &p->members, &p->n_members, parts[j].s, parts[j].e) < 0)
                        return -1;
            }
        }
    }
    return 0;
}

/* What a pass made (the reader is freed by its owner). */
static void ctx_free(people_ctx *c)
{
    free(c->blocked);
    free(c->b_start);
    free(c->b_reach);
    po_keymap_free(&c->names);
    po_keymap_free(&c->mentions);
}

static bool has_participant(const po_outline *o)
{
    for (size_t i = 0; i < o->n_people; i++)
        for (size_t k = 0; k < o->people[i].n_roles; k++)
            if (strcmp(o->people[i].roles[k], "chair") == 0 || strcmp(o->people[i].roles[k], "attendee") == 0)
                return true;
    return false;
}

/* When the text names nobody taking part, the title may (李强出席德国总理
 * 举行的欢迎仪式 over a text that only describes the ceremony). Its people
 * get no mention: mentions point into the text. */
static po_status title_people(po_analysis *a, const po_name_reader *reader, const role_rule *roles,
                               size_t n_roles)
{
    const char *title = a->o->meta.title;
    if (!title || !*title || has_participant(a->o))
        return PO_OK;
    po_analysis ta = *a;
    po_status st = po_text_init(&ta.text, title, strlen(title));
    if (st != PO_OK)
        return st;
    /* the article's matcher over the title: its match data serve (the
     * text's matches are all read by now); no places, so every rule runs */
    ta.m.text = &ta.text;
    memset(&ta.m.hits, 0, sizeof ta.m.hits);
    people_ctx c;
    memset(&c, 0, sizeof c);
    c.a = &ta;
    c.title_pass = true;
    c.roles = roles;
    c.n_roles = n_roles;
    po_name_reader_like(&c.reader, reader, &ta);
    int rc = apply_roles(&c);
    po_name_reader_free(&c.reader);
    ctx_free(&c);
    po_text_free(&ta.text);
    return rc ? PO_ERR_NOMEM : PO_OK;
}

po_status po_find_people(po_analysis *a)
{
    people_ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    role_rule *roles = read_role_rules(a->rules, &c.n_roles);
    c.roles = roles;
    int rc = roles ? po_name_reader_init(&c.reader, a) : -1;
    if (!rc)
        rc = apply_roles(&c);
    if (!rc)
        rc = apply_organizations(&c);
    if (!rc && c.reader.uncertain) {
        size_t len;
        const char *p = po_text_orig_span(&a->text, c.reader.first_uncertain.s, c.reader.first_uncertain.e, &len);
        po_outline_warn(a->o, "people: %d possible name(s) left out where the name boundary is uncertain (first: %.*s)",
                        c.reader.uncertain, (int)len, p);
    }
    ctx_free(&c);
    po_status st = rc ? PO_ERR_NOMEM : title_people(a, &c.reader, roles, c.n_roles);
    free(roles);
    po_name_reader_free(&c.reader);
    return st;
}
