/* meetings.c - the meetings an article reports, the main one first.
 *
 * The main meeting is the one the title names; the lead paragraph may name
 * it more fully (第八十五次主席会议 for 全国政协主席会议). With none in the
 * title, the lead's first meeting; with none there, a meeting somebody
 * chaired anywhere (李希主持召开座谈会). A `no_meeting` rule (快讯, a phone
 * call, several audiences with no main one) leaves the list empty.
 *
 * The date is the first date resolved to a day in the sentence that names
 * the meeting (the lead sentence for a title meeting): dates come from the
 * dates stage, which runs first. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "../util/search.h"
#include "../util/utf8.h"

typedef struct cand {
    size_t s, e;        /* the name in the analysis text (SIZE_MAX: title) */
    char *name;         /* ceremony taken off */
    const char *type;
    const po_rule *rule;
    bool bare;          /* the name is only its type word (座谈会) */
    bool chaired;       /* its rule's main is `chaired` */
} cand;

/* What the analysis reads of each meeting rule's keys, looked up once
 * per article rather than at every pass over the rules. */
enum { M_TITLE_ONLY = 1, M_TITLE = 2, M_MAIN = 4, M_CHAIRED = 8, M_HEADING = 16 };

typedef struct meeting_rules {
    const po_rule *const *r;
    unsigned char *how; /* M_* of each */
    size_t n;
} meeting_rules;

static int meeting_rules_init(po_analysis *a, meeting_rules *mr)
{
    mr->r = po_rules_of(a->rules, "meeting", &mr->n);
    mr->how = malloc(mr->n ? mr->n : 1);
    if (!mr->how)
        return -1;
    for (size_t i = 0; i < mr->n; i++) {
        const char *scope = po_rule_str(mr->r[i], "scope", "any");
        const char *main = po_rule_str(mr->r[i], "main", "");
        /* the values differ in their first letter: strcmp only when it agrees */
        mr->how[i] = (unsigned char)((scope[0] == 't' && strcmp(scope, "title") == 0 ? M_TITLE_ONLY | M_TITLE : 0) |
                                     (scope[0] == 'a' && strcmp(scope, "any") == 0 ? M_TITLE : 0) |
                                     (*main ? M_MAIN : 0) |
                                     (main[0] == 'c' && strcmp(main, "chaired") == 0 ? M_CHAIRED : 0) |
                                     (main[0] == 'h' && strcmp(main, "heading") == 0 ? M_HEADING : 0));
    }
    return 0;
}

typedef struct title_text {
    po_text t;
    po_matcher m; /* places only: rules that cannot match are not run */
    bool ok;
} title_text;

static const po_lexicon *lex(po_analysis *a, const char *name)
{
    return po_rules_lexicon(a->rules, name);
}

/* Fill name, type and bare from the name at [s, e) of t: words are read
 * in the normalised text, the name is copied from the original. */
static int make_cand(po_analysis *a, cand *c, const po_text *t, size_t s, size_t e, const po_rule *r)
{
    const char *word = NULL;
    size_t cl =
        po_lexicon_suffix(lex(a, "ceremonies"), t->norm + t->cp_byte[s], t->cp_byte[e] - t->cp_byte[s], &word);
    if (cl && t->cp_byte[s] + cl < t->cp_byte[e])
        e -= po_utf8_length(word, cl);
    /* “2023从都国际论坛”, 「全國穩住經濟大盤電視電話會議」: a name quoted whole
     * is the name without its quotes */
    uint32_t open = e - s > 2 ? t->ncp[s] : 0;
    uint32_t close = open == 0x201C ? 0x201D : open == 0x300C ? 0x300D : 0;
    if (close && t->ncp[e - 1] == close) {
        bool inner = false;
        for (size_t i = s + 1; i + 1 < e; i++)
            inner |= t->ncp[i] == open;
        if (!inner) {
            s++;
            e--;
        }
    }
    const char *norm = t->norm + t->cp_byte[s];
    size_t len = t->cp_byte[e] - t->cp_byte[s];
    const char *type = NULL;
    size_t tl = po_lexicon_suffix(lex(a, "meeting_types"), norm, len, &type);
    const char *talk = NULL;
    size_t kl = po_lexicon_suffix(lex(a, "talk_types"), norm, len, &talk);
    if (kl > tl) {
        tl = kl;
        type = talk;
    }
    c->type = type ? type : po_rule_str(r, "type", NULL);
    c->bare = tl == len;
    c->rule = r;
    size_t olen;
    const char *orig = po_text_orig_span(t, s, e, &olen);
    c->name = po_outline_strndup(a->o, orig, olen);
    return c->name ? 0 : -1;
}


/* The meeting of the title: the first rule (pack order) that names one
 * more than by its type word, else the first that names one at all. A
 * session written right before it (全国政协十四届四次会议举行第二次全体会议)
 * is kept in front of its name. */
static int title_meeting(po_analysis *a, const meeting_rules *mr, const title_text *tt, cand *out, bool *found)
{
    *found = false;
    if (!tt->ok)
        return 0;
    enum { MAX_TITLE_CANDS = 16 };
    cand c[MAX_TITLE_CANDS];
    size_t k = 0;
    for (size_t i = 0; i < mr->n && k < MAX_TITLE_CANDS; i++) {
        const po_rule *r = mr->r[i];
        if (!(mr->how[i] & M_TITLE))
            continue;
        size_t s, e;
        if (!po_matcher_may_match(&tt->m, r, 0, tt->t.norm_len) ||
            po_matcher_string(&a->m, r, tt->t.norm, tt->t.norm_len, "name", &s, &e) != 1 || e <= s)
            continue;
        /* the original title bytes: normalisation maps code points 1:1 */
        size_t cs = po_text_cp_at_byte(&tt->t, s), ce = po_text_cp_at_byte(&tt->t, e);
        memset(&c[k], 0, sizeof c[k]);
        if (make_cand(a, &c[k], &tt->t, cs, ce, r) < 0)
            return -1;
        c[k].s = cs;
        c[k].e = ce;
        k++;
    }
    if (!k)
        return 0;
    size_t best = 0;
    for (size_t i = 0; i < k; i++)
        if (!c[i].bare) {
            best = i;
            break;
        }
    *out = c[best];
    for (size_t i = 0; i < k; i++) {
        if (i == best || c[i].bare || c[i].e >= c[best].s || c[best].s - c[i].e > 2)
            continue;
        size_t len;
        const char *p = po_text_orig_span(&tt->t, c[i].s, c[i].e, &len);
        size_t nl = strlen(out->name);
        char *joined = po_outline_strndup(a->o, p, len + nl);
        if (!joined)
            return -1;
        memcpy(joined + len, out->name, nl);
        joined[len + nl] = '\0';
        out->name = joined;
        out->bare = false;
        break;
    }
    out->s = out->e = (size_t)-1;
    *found = true;
    return 0;
}

static bool no_meeting(po_analysis *a, const title_text *tt, size_t ls, size_t le)
{
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "no_meeting", &n);
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = rules_of[i];
        const char *scope = po_rule_str(r, "scope", "title");
        size_t s, e;
        po_match m;
        if (strcmp(scope, "title") == 0 && tt->ok && po_matcher_may_match(&tt->m, r, 0, tt->t.norm_len) &&
            po_matcher_string(&a->m, r, tt->t.norm, tt->t.norm_len, NULL, &s, &e) == 1)
            return true;
        if (strcmp(scope, "lead") == 0 && le > ls && po_rule_match(&a->m, r, ls, le, 0, &m) == 1)
            return true;
    }
    return false;
}

/* Is code point at inside the title of a work (《…》) in its paragraph?
 * A meeting named there (学习了《习近平主持…集体学习并发表重要讲话》) is a
 * document's subject, not the article's meeting. */
static bool in_work_title(const po_analysis *a, size_t at)
{
    for (size_t i = at; i > 0 && at - i < 200; i--) {
        uint32_t c = a->text.ncp[i - 1];
        if (c == 0x300B || c == '\n')
            return false;
        if (c == 0x300A)
            return true;
    }
    return false;
}

/* Which rules text_meetings runs: all of them, those with a `main` key (a
 * meeting chaired, a heading), or only those of main: chaired, or heading. */
enum which { ALL, MAIN, CHAIRED, HEADING };

/* Every meeting matched in [from, until), in text order. */
static int text_meetings(po_analysis *a, const meeting_rules *mr, size_t from, size_t until, enum which which,
                         cand **out, size_t *n_out)
{
    size_t cap = 0;
    *out = NULL;
    *n_out = 0;
    for (size_t i = 0; i < mr->n; i++) {
        const po_rule *r = mr->r[i];
        unsigned how = mr->how[i];
        if ((how & M_TITLE_ONLY) || (which == MAIN && !(how & M_MAIN)) ||
            (which == CHAIRED && !(how & M_CHAIRED)) || (which == HEADING && !(how & M_HEADING)))
            continue;
        po_match m;
        for (size_t at = from; po_rule_match(&a->m, r, at, until, 0, &m) == 1;) {
            at = m.end > m.start ? m.end : m.start + 1;
            size_t s, e;
            if (!po_match_group(&a->m, r, "name", &s, &e) || e <= s || in_work_title(a, s))
                continue;
            bool dup = false;
            for (size_t k = 0; k < *n_out; k++)
                if ((*out)[k].s < e && s < (*out)[k].e)
                    dup = true;
            if (dup)
                continue;
            if (*n_out == cap) {
                size_t nc = cap ? 2 * cap : 8;
                cand *b = realloc(*out, nc * sizeof *b);
                if (!b)
                    return -1;
                *out = b;
                cap = nc;
            }
            cand *c = &(*out)[(*n_out)++];
            memset(c, 0, sizeof *c);
            c->s = s;
            c->e = e;
            c->chaired = how & M_CHAIRED;
            if (make_cand(a, c, &a->text, s, e, r) < 0)
                return -1;
        }
    }
    /* text order */
    for (size_t i = 1; i < *n_out; i++)
        for (size_t k = i; k > 0 && (*out)[k].s < (*out)[k - 1].s; k--) {
            cand t = (*out)[k];
            (*out)[k] = (*out)[k - 1];
            (*out)[k - 1] = t;
        }
    return 0;
}

static void sentence_of(const po_analysis *a, size_t at, size_t *s, size_t *e)
{
    size_t i = at;
    while (i > 0 && !po_sentence_end(a->text.ncp[i - 1]))
        i--;
    *s = i;
    i = at;
    while (i < a->text.n && !po_sentence_end(a->text.ncp[i]))
        i++;
    *e = i;
}

/* The lead: the first paragraph that holds a sentence. */
static bool lead_paragraph(const po_analysis *a, size_t *s, size_t *e)
{
    for (size_t p = 0; p < a->text.n_para; p++) {
        size_t ps = po_text_para_start(&a->text, p), pe = po_text_para_end(&a->text, p);
        for (size_t i = ps; i < pe; i++)
            if (a->text.ncp[i] == 0x3002) {
                *s = ps;
                *e = pe;
                return true;
            }
    }
    return false;
}

/* Does a word of l start at code point i of t? */
static bool word_at(const po_text *t, const po_lexicon *l, size_t i)
{
    return po_lexicon_at(l, t, i, t->n) > 0;
}

/* YYYY-MM-DD */
static bool is_day(const char *v, size_t len)
{
    return len == 10 && v[4] == '-' && v[7] == '-';
}

/* A meeting's few days (12月10日至11日): two days of one month at most
 * four days apart. A longer span is a visit or a trip, not the meeting. */
static bool is_meeting_days(const char *v, const char *slash)
{
    if (!is_day(v, (size_t)(slash - v)) || !is_day(slash + 1, strlen(slash + 1)) ||
        strncmp(v, slash + 1, 8) != 0)
        return false;
    int d1 = atoi(v + 8), d2 = atoi(slash + 9);
    return d2 > d1 && d2 - d1 <= 4;
}

/* Is the span of days that of a trip (14日至17日，X在湖南调研), not of a
 * meeting? A word of `trip_words` later in its sentence says so. */
static bool trip_days(const po_analysis *a, const po_date *d)
{
    const po_lexicon *trip = po_rules_lexicon(a->rules, "trip_words");
    size_t e = d->end;
    while (e < a->text.n && e < d->end + 40 && !po_sentence_end(a->text.ncp[e]))
        e++;
    for (size_t p = d->end; p < e; p++)
        if (po_lexicon_at(trip, &a->text, p, e))
            return true;
    return false;
}

/* The first date of [s, e) that names the day of the meeting, or, when
 * `days`, its few days (a 会议 held 12月10日至11日 is 2025-12-10/2025-12-11;
 * talks take one day, so a span in their sentence is the visit's). */
static const po_date *day_in(const po_analysis *a, size_t s, size_t e, bool days)
{
    size_t n = a->o->n_dates;
    for (size_t i = po_lower_bound_u32(a->date_starts, n, s); i < n && a->o->dates[i].start <= e; i++) {
        const po_date *d = &a->o->dates[i];
        const char *v = d->value;
        if (d->start < s || d->end > e || !v)
            continue;
        /* 新华社北京9月22日电: the day of the report */
        if (word_at(&a->text, po_rules_lexicon(a->rules, "dateline_marks"), d->end))
            continue;
        const char *slash = strchr(v, '/');
        if (slash ? days && is_meeting_days(v, slash) && !trip_days(a, d) : is_day(v, strlen(v)))
            return d;
    }
    return NULL;
}

static int add_names(po_analysis *a, po_meeting *m, const char *role, size_t s, size_t e, bool all)
{
    for (size_t i = 0; i < a->o->n_people; i++) {
        const po_person *p = &a->o->people[i];
        bool has = false;
        for (size_t k = 0; k < p->n_roles; k++)
            has |= strcmp(p->roles[k], role) == 0;
        if (!has)
            continue;
        bool near = all;
        for (size_t k = 0; !near && k < p->n_mentions; k++)
            near = p->mentions[k].start >= s && p->mentions[k].end <= e;
        if (!near)
            continue;
        const char *const **list = strcmp(role, "chair") == 0 ? &m->chair : &m->participants;
        size_t *n = strcmp(role, "chair") == 0 ? &m->n_chair : &m->n_participants;
        if (po_outline_add_string(a->o, list, n, p->name) < 0)
            return -1;
    }
    return 0;
}

/* The day a header gives the main meeting (开会日期 2021-07-20): the first
 * day in the group `day` of the first meeting_day rule that matches. */
static const po_date *header_day(po_analysis *a)
{
    size_t n = po_rules_count(a->rules, "meeting_day");
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = po_rules_get(a->rules, "meeting_day", i);
        po_match m;
        size_t s, e;
        for (size_t at = 0; po_rule_match(&a->m, r, at, a->text.n, 0, &m) == 1; at = m.end > m.start ? m.end : m.start + 1) {
            const po_date *d = po_match_group(&a->m, r, "day", &s, &e) ? day_in(a, s, e, true) : NULL;
            if (d)
                return d;
        }
    }
    return NULL;
}

/* fs..fe: where to look for the day when the meeting's own sentence gives
 * none (the lead up to that sentence); empty for none */
static int emit(po_analysis *a, const cand *c, size_t ss, size_t se, size_t fs, size_t fe, bool main)
{
    po_meeting *m = po_outline_add_meeting(a->o);
    if (!m)
        return -1;
    m->name = c->name;
    m->type = c->type ? po_outline_strdup(a->o, c->type) : NULL;
    m->rule = c->rule->id;
    m->start = c->s == (size_t)-1 ? ss : c->s;
    m->end = c->s == (size_t)-1 ? ss : c->e;
    const po_lexicon *talks = po_rules_lexicon(a->rules, "talk_types");
    bool days = !(c->type && po_lexicon_has(talks, c->type, strlen(c->type)));
    const po_date *d = main ? header_day(a) : NULL;
    /* a day in the name's own clause, before it, is its day (明日(3月4日)
     *前赴北京,列席3月5日舉行的…會議: 3月5日) */
    if (!d && c->s != (size_t)-1) {
        size_t cs = c->s;
        for (uint32_t p; cs > ss && !po_clause_end(p = a->text.ncp[cs - 1]) && p != 0xFF0C && p != 0xFF1A;)
            cs--;
        d = day_in(a, cs, c->s, days);
    }
    if (!d && se > ss)
        d = day_in(a, ss, se, days);
    if (!d && fe > fs)
        d = day_in(a, fs, fe, days);
    if (d) {
        m->date = po_outline_strdup(a->o, d->value);
        m->date_text = d->text ? po_outline_strdup(a->o, d->text) : NULL;
        if (!m->date)
            return -1;
    }
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "location", &n);
    for (size_t i = 0; i < n && se > ss && !m->location; i++) {
        const po_rule *r = rules_of[i];
        po_match pm;
        size_t ls, le;
        if (po_rule_match(&a->m, r, ss, se, 0, &pm) == 1 && po_match_group(&a->m, r, "loc", &ls, &le) &&
            !(m->location = po_analysis_slice(a, ls, le)))
            return -1;
    }
    if (add_names(a, m, "chair", ss, se, main) < 0 || add_names(a, m, "attendee", ss, se, main) < 0)
        return -1;
    return 0;
}

po_status po_find_meetings(po_analysis *a)
{
    title_text tt;
    memset(&tt, 0, sizeof tt);
    meeting_rules mr;
    if (meeting_rules_init(a, &mr) != 0)
        return PO_ERR_NOMEM;
    const char *title = a->o->meta.title;
    if (title && *title) {
        po_status st = po_text_init(&tt.t, title, strlen(title));
        if (st != PO_OK) {
            free(mr.how);
            return st;
        }
        /* the title's rules run with the article's matcher: this one
         * only tells where they may match (without its scan, everywhere) */
        po_matcher_init_places(&tt.m, &tt.t);
        (void)po_matcher_scan(&tt.m, a->rules);
        tt.ok = true;
    }
    size_t ls = 0, le = 0;
    bool has_lead = lead_paragraph(a, &ls, &le);
    cand *lead = NULL, *body = NULL, *head = NULL, t;
    size_t n_lead = 0, n_body = 0, n_head = 0;
    bool has_title = false;
    int rc = 0;
    if (no_meeting(a, &tt, ls, le))
        goto done;
    if ((rc = title_meeting(a, &mr, &tt, &t, &has_title)) < 0)
        goto done;
    if (has_lead && (rc = text_meetings(a, &mr, ls, le, ALL, &lead, &n_lead)) < 0)
        goto done;
    /* a heading line above the lead names the minutes' meeting
     * (民國113年6月6日第3907次會議), whatever the lead goes on to mention */
    if (!has_title && has_lead && (rc = text_meetings(a, &mr, 0, ls, HEADING, &head, &n_head)) < 0)
        goto done;
    const cand *main = NULL;
    size_t ss = 0, se = 0;
    if (has_title) {
        main = &t;
        /* the lead's meeting of the same type names it as written there,
         * and its sentence gives the day */
        const cand *same = NULL;
        for (size_t i = 0; i < n_lead && !same; i++)
            if (lead[i].type && t.type && strcmp(lead[i].type, t.type) == 0)
                same = &lead[i];
        if (same) {
            sentence_of(a, same->s, &ss, &se);
            if (!same->bare && strlen(same->name) > strlen(t.name))
                main = same;
        } else if (has_lead) {
            sentence_of(a, ls, &ss, &se);
        }
    } else if (n_head) {
        main = &head[0];
        sentence_of(a, main->s, &ss, &se);
    } else if (n_lead) {
        main = &lead[0];
        sentence_of(a, main->s, &ss, &se);
    } else {
        if ((rc = text_meetings(a, &mr, 0, a->text.n, MAIN, &body, &n_body)) < 0)
            goto done;
        if (n_body) {
            main = &body[0];
            sentence_of(a, main->s, &ss, &se);
        }
    }
    if (main) {
        /* a meeting of the title or the lead may take its day from the
         * lead's opening (11月29日，…论坛…举行。韩正出席论坛开幕式) */
        bool from_lead = has_lead && (main == &t || (main->s >= ls && main->e <= le));
        /* a title's meeting the lead does not name again takes the lead's
         * first day (根据…安排。8月12日上午，…召开换届工作动员) */
        size_t fe = main == &t && ss == ls ? le : se;
        rc = emit(a, main, ss, se, from_lead ? ls : 0, from_lead ? fe : 0, true);
    }
    if (!rc && main) {
        /* other meetings somebody chaired, each with its own sentence */
        if (!body && (rc = text_meetings(a, &mr, 0, a->text.n, CHAIRED, &body, &n_body)) < 0)
            goto done;
        for (size_t i = 0; i < n_body && !rc; i++) {
            if (&body[i] == main || (main->s != (size_t)-1 && body[i].s < main->e && main->s < body[i].e) ||
                !body[i].chaired)
                continue;
            if (main->s == (size_t)-1 && ss <= body[i].s && body[i].e <= se)
                continue;
            size_t bs, be;
            sentence_of(a, body[i].s, &bs, &be);
            rc = emit(a, &body[i], bs, be, 0, 0, false);
        }
    }
done:
    free(mr.how);
    free(lead);
    free(body);
    free(head);
    if (tt.ok) {
        po_matcher_free(&tt.m);
        po_text_free(&tt.t);
    }
    return rc < 0 ? PO_ERR_NOMEM : PO_OK;
}
