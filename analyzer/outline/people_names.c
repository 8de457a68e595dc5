/* people_names.c - titles and names in a subject phrase (see people_names.h).
 *
 * An item is read from its end: a bare Chinese name (surname + one or two
 * characters), or the text after the last office word (总统 in 韩国总统李在明),
 * or a name before an honorific (习近平总书记). When the end of an item is not
 * clearly a name the item gives nobody: a missing person is better than a
 * wrong one. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "people_names.h"

enum { ITEM_FAIL, ITEM_NAME, ITEM_TITLE };
enum { MAX_ITEM = 60, MAX_TAIL = 40, MAX_FOREIGN = 9, MAX_DOTTED = 14, MAX_HITS = 64 };

static const po_lexicon *lex(po_analysis *a, const char *name)
{
    return po_rules_lexicon(a->rules, name);
}

int po_name_reader_init(po_name_reader *r, po_analysis *a)
{
    memset(r, 0, sizeof *r);
    r->a = a;
    r->titles = lex(a, "titles");
    r->surnames = lex(a, "surnames");
    r->compound = lex(a, "compound_surnames");
    r->not_names = lex(a, "not_names");
    r->not_in_names = lex(a, "not_in_names");
    r->title_stops = lex(a, "title_stops");
    r->separators = lex(a, "list_separators");
    r->pieces = lex(a, "piece_separators");
    r->joiners = lex(a, "name_joiners");
    r->suffixes = lex(a, "name_suffixes");
    r->openers = lex(a, "subject_openers");
    r->org_suffixes = lex(a, "org_suffixes");
    r->clause_ends = lex(a, "clause_ends");
    r->enders = lex(a, "list_enders");
    r->title_cuts = lex(a, "title_cuts");
    r->office_prefixes = lex(a, "office_prefixes");
    r->translit = lex(a, "transliteration");
    r->short_stops = lex(a, "short_name_stops");
    r->rare_surnames = lex(a, "rare_surnames");
    r->lead_verbs = lex(a, "lead_verbs");
    r->lead_verb_stops = lex(a, "lead_verb_stops");
    r->absence = lex(a, "absence_marks");
    r->name_followers = lex(a, "name_followers");
    r->weak_titles = lex(a, "weak_titles");
    r->classes = lex(a, "people_classes");
    r->tails = po_rules_of(a->rules, "subject_tail", &r->n_tails);
    return 0;
}

void po_name_reader_like(po_name_reader *r, const po_name_reader *from, po_analysis *a)
{
    *r = *from;
    r->a = a;
    r->title_ends = NULL;
    r->lists = NULL;
    r->n_title_ends = 0;
    r->title_ends_built = false;
    r->quiet = 0;
    r->uncertain = 0;
    r->first_uncertain = (po_span){0, 0};
}

void po_name_reader_free(po_name_reader *r)
{
    free(r->title_ends);
    free(r->lists);
    r->lists = NULL;
    r->title_ends = NULL;
}

static uint32_t cp(const po_name_reader *r, size_t i)
{
    return r->a->text.ncp[i];
}


static bool lex_is(const po_name_reader *r, const po_lexicon *l, size_t s, size_t e)
{
    const po_text *t = &r->a->text;
    return po_lexicon_has(l, t->norm + t->cp_byte[s], t->cp_byte[e] - t->cp_byte[s]);
}

static bool lex_inside(const po_name_reader *r, const po_lexicon *l, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (po_lex_at(r, l, i, e))
            return true;
    return false;
}

static bool is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* the middle dots of transliterated names: 亚丝明·福阿德, 巴干.巴萬 (a full
 * stop where a source has no middle dot) */
static bool is_name_dot(uint32_t c)
{
    return c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0x2022 || c == 0xFF65 || c == 0x2219 ||
           c == '.';
}

static bool all_han(const po_name_reader *r, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (!is_han(cp(r, i)))
            return false;
    return e > s;
}

static bool has_bad_char(const po_name_reader *r, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (po_lex_at(r, r->not_in_names, i, i + 1))
            return true;
    return false;
}

/* surname + one or two characters; strict: no function character inside */
static bool chinese_name(const po_name_reader *r, size_t s, size_t e, bool strict)
{
    size_t len = e - s, sl = 0;
    if (po_lex_at(r, r->compound, s, e) == 2)
        sl = 2;
    else if (po_lex_at(r, r->surnames, s, e) == 1)
        sl = 1;
    /* 楊何蓓茵, 林郑月娥: a married name puts the husband's surname first */
    if (sl == 1 && len == 4 && po_lex_at(r, r->surnames, s + 1, e) == 1)
        sl = 2;
    if (!sl || len < sl + 1 || len > sl + 2 || !all_han(r, s, e))
        return false;
    /* 董事长 reads like 董 and a given name, but is an office */
    if (lex_is(r, r->not_names, s, e) || lex_is(r, r->titles, s, e))
        return false;
    /* 韩国, 李强在: the last character never ends a name; 李在明 keeps 在
     * inside only when not strict */
    if (po_lex_at(r, r->not_in_names, e - 1, e) || (len == sl + 1 && po_lex_at(r, r->short_stops, e - 1, e)))
        return false;
    return !strict || !has_bad_char(r, s + sl, e);
}

/* a transliterated name after a title: 托卡耶夫, 亚丝明·福阿德 */
static bool foreign_name(const po_name_reader *r, size_t s, size_t e)
{
    size_t len = e - s, dots = 0;
    if (len < 2 || is_name_dot(cp(r, s)) || is_name_dot(cp(r, e - 1)))
        return false;
    for (size_t i = s; i < e; i++) {
        if (is_name_dot(cp(r, i)))
            dots++;
        else if (!is_han(cp(r, i)) || !po_lex_at(r, r->translit, i, i + 1))
            return false;
    }
    if (len > (dots ? (size_t)MAX_DOTTED : (size_t)MAX_FOREIGN))
        return false;
    return !has_bad_char(r, s, e) && !lex_is(r, r->not_names, s, e) &&
           !lex_inside(r, r->titles, s, e);
}

struct po_title_end {
    uint64_t key; /* the two code points after the title */
    size_t at;
};

static uint64_t pair_key(const po_text *t, size_t at)
{
    return (uint64_t)t->ncp[at] << 32 | t->ncp[at + 1];
}

static int cmp_title_end(const void *x, const void *y)
{
    const struct po_title_end *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* Every place where a title that is not weak ends, sorted by what follows:
 * one pass over the article instead of one per candidate name. */
static int build_title_ends(po_name_reader *r)
{
    const po_text *t = &r->a->text;
    size_t n = 0, cap = 0;
    for (size_t at = 1; at + 1 < t->n; at++) {
        size_t tl = po_lex_ending(r, r->titles, at >= 12 ? at - 12 : 0, at);
        if (!tl || lex_is(r, r->weak_titles, at - tl, at))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            struct po_title_end *v = realloc(r->title_ends, cap * sizeof *v);
            if (!v)
                return -1;
            r->title_ends = v;
        }
        r->title_ends[n].key = pair_key(t, at);
        r->title_ends[n++].at = at;
    }
    if (n)
        qsort(r->title_ends, n, sizeof *r->title_ends, cmp_title_end);
    r->n_title_ends = n;
    r->title_ends_built = true;
    return 0;
}

/* A name written elsewhere in the article right after a title (韩国总统李在明,
 * 哈萨克斯坦总统托卡耶夫) may stand alone later. A name is all ideographs
 * (and dots), so the same bytes are the same code points. */
static bool known_name(po_name_reader *r, size_t s, size_t e)
{
    const po_text *t = &r->a->text;
    size_t len = e - s;
    if (len < 2 || len > MAX_DOTTED)
        return false;
    if (!(chinese_name(r, s, e, false) || foreign_name(r, s, e)))
        return false;
    if (!r->title_ends_built && build_title_ends(r) != 0)
        return false; /* out of memory: the name is not known */
    uint64_t key = pair_key(t, s);
    size_t lo = 0, hi = r->n_title_ends;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->title_ends[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < r->n_title_ends && r->title_ends[k].key == key; k++) {
        size_t at = r->title_ends[k].at;
        if (at != s && at + len <= t->n &&
            memcmp(t->ncp + at, t->ncp + s, len * sizeof *t->ncp) == 0)
            return true;
    }
    return false;
}

/* The title region [s, te): cut after a 的 clause; false when it reads as
 * a clause rather than a title. */
static bool clean_title(const po_name_reader *r, size_t *s, size_t te)
{
    for (size_t i = te; i > *s; i--) {
        size_t k = po_lex_ending(r, r->title_cuts, *s, i);
        if (k) {
            *s = i;
            break;
        }
    }
    return !lex_inside(r, r->title_stops, *s, te);
}

typedef struct item_result {
    int kind;
    po_span name;
    po_span title; /* empty when none */
} item_result;

static void trim(const po_name_reader *r, size_t *s, size_t *e)
{
    for (;;) {
        while (*s < *e && (cp(r, *s) == ' ' || cp(r, *s) == '\n'))
            (*s)++;
        while (*e > *s && (cp(r, *e - 1) == ' ' || cp(r, *e - 1) == '\n'))
            (*e)--;
        size_t k = po_lex_at(r, r->joiners, *s, *e);
        if (k && *e - *s > k) {
            *s += k;
            continue;
        }
        k = po_lex_ending(r, r->suffixes, *s, *e);
        if (k && *e - *s > k) {
            *e -= k;
            continue;
        }
        break;
    }
}

static item_result read_item(po_name_reader *r, size_t s, size_t e)
{
    item_result res = {ITEM_FAIL, {0, 0}, {0, 0}};
    trim(r, &s, &e);
    if (e <= s || e - s > MAX_ITEM)
        return res;
    if (chinese_name(r, s, e, true) || known_name(r, s, e)) {
        res.kind = ITEM_NAME;
        res.name = (po_span){s, e};
        return res;
    }
    size_t te = e, tl = 0;
    for (; te > s; te--)
        if ((tl = po_lex_ending(r, r->titles, s, te)) > 0)
            break;
    if (!tl)
        return res;
    size_t ts = te - tl, title_s = s;
    if (te == e) {
        /* 习近平总书记: a name before an honorific */
        if (ts > s && chinese_name(r, s, ts, true)) {
            res.kind = ITEM_NAME;
            res.name = (po_span){s, ts};
            res.title = (po_span){ts, te};
            return res;
        }
        if (clean_title(r, &title_s, te) && title_s < te) {
            res.kind = ITEM_TITLE;
            res.title = (po_span){title_s, te};
        }
        return res;
    }
    if (chinese_name(r, te, e, false) || foreign_name(r, te, e)) {
        if (!clean_title(r, &title_s, te))
            return res;
        res.kind = ITEM_NAME;
        res.name = (po_span){te, e};
        res.title = (po_span){title_s, te};
        return res;
    }
    /* Han text right after a title, too long or too odd for a name */
    /* foreign-looking Han text after a title that is not a name we accept
     * (too long, or an unexpected character): say so rather than guess */
    bool named_start = e - te >= 3 && (chinese_name(r, te, te + 2, false) || chinese_name(r, te, te + 3, false));
    if (!r->quiet && e - te >= 2 && e - te <= MAX_FOREIGN && !named_start && all_han(r, te, e) &&
        !lex_inside(r, r->not_in_names, te, e) && !lex_inside(r, r->title_stops, s, te)) {
        if (!r->uncertain++)
            r->first_uncertain = (po_span){s, e};
    }
    return res;
}

static bool tail_match(const po_name_reader *r, size_t p, size_t e, po_span *co)
{
    const po_text *t = &r->a->text;
    const char *str = t->norm + t->cp_byte[p];
    size_t len = t->cp_byte[e] - t->cp_byte[p];
    for (size_t k = 0; k < r->n_tails; k++) {
        size_t bs, be;
        if (!po_matcher_may_match(&r->a->m, r->tails[k], t->cp_byte[p], t->cp_byte[e]) ||
            po_matcher_string(&r->a->m, r->tails[k], str, len, NULL, &bs, &be) != 1)
            continue;
        co->s = co->e = 0;
        if (po_matcher_string(&r->a->m, r->tails[k], str, len, "co", &bs, &be) == 1 && be > bs) {
            co->s = po_text_cp_at_byte(t, t->cp_byte[p] + bs);
            co->e = po_text_cp_at_byte(t, t->cp_byte[p] + be);
        }
        return true;
    }
    return false;
}

/* The item next to the verb: the longest tail that leaves a name before it. */
static item_result read_verb_item(po_name_reader *r, size_t s, size_t e, po_span *co)
{
    co->s = co->e = 0;
    size_t from = e > s + MAX_TAIL ? e - MAX_TAIL : s + 1;
    for (size_t p = from; p < e; p++) {
        if (cp(r, p) == ' ')
            continue;
        po_span c;
        if (!tail_match(r, p, e, &c))
            continue;
        r->quiet++;
        item_result res = read_item(r, s, p);
        r->quiet--;
        if (res.kind == ITEM_NAME) {
            *co = c;
            return res;
        }
    }
    return read_item(r, s, e);
}

typedef struct po_hitlist {
    po_name_hit hits[MAX_HITS];
    size_t n;
    po_span pending[6];
    size_t n_pending;
} hitlist;

/* Only the counts need clearing: entries are written before they are read
 * (a list is about 8 KB, and a subject is read for every role verb). */
static void clear_hits(hitlist *h)
{
    h->n = 0;
    h->n_pending = 0;
}

static void push_title(hitlist *h, po_span t)
{
    if (t.e > t.s && h->n_pending < sizeof h->pending / sizeof h->pending[0])
        h->pending[h->n_pending++] = t;
}

static void push_name(hitlist *h, const item_result *res)
{
    push_title(h, res->title);
    if (h->n < MAX_HITS) {
        po_name_hit *hit = &h->hits[h->n++];
        hit->name = res->name;
        hit->n_titles = h->n_pending;
        memcpy(hit->titles, h->pending, h->n_pending * sizeof *h->pending);
    }
    h->n_pending = 0;
}

/* Split [s, e) at lexicon words (separators); spans written to out. */
static size_t split(const po_name_reader *r, const po_lexicon *l, size_t s, size_t e, po_span *out,
                    size_t cap)
{
    size_t n = 0, from = s;
    for (size_t i = s; i < e && n + 1 < cap;) {
        size_t k = po_lex_at(r, l, i, e);
        if (k) {
            out[n++] = (po_span){from, i};
            i += k;
            from = i;
        } else {
            i++;
        }
    }
    out[n++] = (po_span){from, e};
    return n;
}

/* Cut an item at a list end (王毅等, 维拉尤达等外国前政要): what follows is a class. */
static size_t cut_etc(const po_name_reader *r, size_t s, size_t e)
{
    for (size_t i = s + 1; i < e; i++)
        if (po_lex_at(r, r->enders, i, e))
            return i;
    return e;
}

/* A name followed by 的 opens the item (周信芳先生的亲属代表). */
static bool possessive(po_name_reader *r, size_t s, size_t e)
{
    size_t d = s;
    while (d < e && !po_lex_at(r, r->title_cuts, d, e))
        d++;
    if (d >= e)
        return false;
    r->quiet++;
    item_result owner = read_item(r, s, d);
    r->quiet--;
    return owner.kind == ITEM_NAME;
}

/* Han parts joined by name dots (帕巴拉·格列朗杰, 巴干.巴萬). */
static bool dotted_name(const po_name_reader *r, size_t s, size_t e)
{
    size_t dots = 0, run = 0;
    if (e - s > MAX_DOTTED)
        return false;
    for (size_t i = s; i < e; i++) {
        if (is_name_dot(cp(r, i))) {
            if (!run)
                return false;
            dots++;
            run = 0;
        } else if (is_han(cp(r, i))) {
            run++;
        } else {
            return false;
        }
    }
    return dots && run && !has_bad_char(r, s, e);
}

/* A bare name in a list after another name (谢晓亮、许为钢): the list
 * shows it is a name, so a function character inside (为) is allowed, and
 * so are forms too uncertain alone: a rare surname (开桂兰), a dotted or
 * transliterated name, a four-character name (洛桑江村) with nothing in it
 * that is not a name. */
static item_result listed_name(po_name_reader *r, size_t s, size_t e)
{
    item_result res = {ITEM_FAIL, {0, 0}, {0, 0}};
    trim(r, &s, &e);
    if (e <= s)
        return res;
    size_t len = e - s;
    bool plain = all_han(r, s, e) && !has_bad_char(r, s, e) && !lex_inside(r, r->not_names, s, e) &&
                 !lex_inside(r, r->titles, s, e) && !lex_inside(r, r->classes, s, e);
    bool rare = (len == 2 || len == 3) && po_lex_at(r, r->rare_surnames, s, e) == 1 && all_han(r, s, e) &&
                !has_bad_char(r, s + 1, e) && !lex_inside(r, r->not_names, s, e);
    if (chinese_name(r, s, e, false) || dotted_name(r, s, e) || foreign_name(r, s, e) || rare ||
        (plain && len == 4)) {
        res.kind = ITEM_NAME;
        res.name = (po_span){s, e};
    }
    return res;
}

/* An organisation, then a name, in a list of names (县工作专班刘彩凤). */
static item_result org_then_name(po_name_reader *r, size_t s, size_t e)
{
    item_result res = {ITEM_FAIL, {0, 0}, {0, 0}};
    trim(r, &s, &e);
    for (size_t nl = 3; nl >= 2; nl--) {
        if (e - s <= nl + 1 || !chinese_name(r, e - nl, e, true))
            continue;
        size_t ns = e - nl;
        if (po_lex_ending(r, r->org_suffixes, s, ns) && !lex_inside(r, r->title_stops, s, ns) &&
            all_han(r, s, ns)) {
            res.kind = ITEM_NAME;
            res.name = (po_span){ns, e};
            res.title = (po_span){s, ns};
            return res;
        }
    }
    return res;
}

static bool is_latin_spelling(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '\'';
}

/* A note in brackets after a name in a minutes list: 陈庆安(请假) is
 * absent, 黄清信(代) attends for someone; a Latin spelling after the name
 * (巴干.巴萬Bakan Pawa) goes too. Narrows [s, e) to the name; true when the
 * note says the person is absent. */
static bool strip_note(const po_name_reader *r, size_t s, size_t *e)
{
    bool absent = false;
    size_t end = *e;
    while (end > s && cp(r, end - 1) == ' ')
        end--;
    if (end > s && cp(r, end - 1) == 0xFF09) {
        size_t open = end - 1;
        while (open > s && cp(r, open - 1) != 0xFF08)
            open--;
        if (open > s + 1) {
            absent = po_lex_at(r, r->absence, open, end - 1) > 0;
            end = open - 1;
        }
    }
    size_t latin = end;
    while (latin > s && is_latin_spelling(cp(r, latin - 1)))
        latin--;
    if (latin < end && latin > s && is_han(cp(r, latin - 1)))
        end = latin;
    *e = end;
    return absent;
}

/* Read one piece (no comma inside) into h; verb: its last item meets the
 * verb. Returns true when every item is a name or a title. */
static bool read_piece(po_name_reader *r, size_t s, size_t e, bool verb, hitlist *h, po_span *co)
{
    po_span items[64], failed[64];
    size_t n = split(r, r->separators, s, e, items, 64), n_failed = 0;
    bool clean = true;
    size_t names = 0, first_hit = h->n;
    for (size_t i = 0; i < n; i++) {
        size_t is = items[i].s, ie = cut_etc(r, items[i].s, items[i].e);
        bool cut = ie < items[i].e;
        if (strip_note(r, is, &ie))
            continue; /* absent: on the list, but not there */
        /* 邵鸿和蒋作君: split at a joiner only where a name ends before it */
        for (size_t q = is + 1; q < ie; q++) {
            size_t k = po_lex_at(r, r->joiners, q, ie);
            if (!k || q + k >= ie) /* 魏凤和: a name may end in 和 */
                continue;
            r->quiet++;
            item_result left = read_item(r, is, q);
            r->quiet--;
            /* 魏凤和在…, 魏凤和同志: with a particle or 同志 after it, 和 is part of the name */
            if (left.kind == ITEM_NAME && !po_lex_at(r, r->name_followers, q + k, q + k + 1) &&
                !po_lex_at(r, r->suffixes, q + k, ie)) {
                push_name(h, &left);
                names++;
                is = q + k;
                q = is;
            }
        }
        item_result res;
        if (verb && i + 1 == n && !cut)
            res = read_verb_item(r, is, ie, co);
        else
            res = read_item(r, is, ie);
        if (res.kind == ITEM_FAIL && names > 0)
            res = listed_name(r, is, ie);
        if (res.kind != ITEM_NAME && possessive(r, is, ie)) {
            /* 梅兰芳、周信芳先生的亲属代表: the names before were owners */
            h->n = first_hit;
            h->n_pending = 0;
            names = 0;
            clean = false;
        } else if (res.kind == ITEM_NAME) {
            push_name(h, &res);
            names++;
        } else if (res.kind == ITEM_TITLE) {
            push_title(h, res.title);
        } else {
            if (n_failed < 64)
                failed[n_failed++] = (po_span){is, ie};
            h->n_pending = 0;
        }
    }
    h->n_pending = 0;
    /* in a list of names, an item that failed may be an organisation and a
     * name (县工作专班刘彩凤、李靖); anything else breaks the list */
    for (size_t i = 0; i < n_failed; i++) {
        item_result res = names ? org_then_name(r, failed[i].s, failed[i].e) : (item_result){ITEM_FAIL, {0, 0}, {0, 0}};
        if (res.kind == ITEM_NAME)
            push_name(h, &res);
        else
            clean = false;
    }
    h->n_pending = 0;
    return clean && names > 0;
}

/* A piece that names a class of attendees and nobody (各民主党派中央、全国
 * 工商联有关负责人; 特邀嘉宾也): it ends in a class word, maybe before a
 * tail, and holds no clause word. */
static bool class_piece(const po_name_reader *r, size_t s, size_t e)
{
    while (s < e && cp(r, s) == ' ')
        s++;
    while (e > s && cp(r, e - 1) == ' ')
        e--;
    if (e <= s || e - s > MAX_ITEM)
        return false;
    /* 相关部门主要负责人等: a class may close its list with 等 */
    size_t ender = po_lex_ending(r, r->enders, s, e);
    if (ender && e - ender > s)
        e -= ender;
    for (size_t p = e; p > s; p--) {
        /* the class word first: it is a lexicon probe, the tail a match */
        size_t k = po_lex_ending(r, r->classes, s, p);
        if (!k)
            continue;
        po_span co;
        if (p < e && !tail_match(r, p, e, &co))
            continue;
        if (!lex_inside(r, r->title_stops, s, p - k))
            return true;
    }
    return false;
}

/* Only spaces stand between i and the start of the text or the end of a
 * sentence (。！？；, a paragraph break). */
static bool sentence_start(const po_name_reader *r, size_t i)
{
    while (i > 0 && cp(r, i - 1) == ' ')
        i--;
    if (i == 0)
        return true;
    return po_clause_end(cp(r, i - 1));
}

/* Nothing but a tail (并, 随后) stands before the verb. */
static bool only_tail(const po_name_reader *r, size_t s, size_t e)
{
    while (s < e && cp(r, s) == ' ')
        s++;
    po_span co;
    return s == e || tail_match(r, s, e, &co);
}

/* The subject that opens a piece (李克强9日到…考察; 习近平主席飞赴…): the
 * shortest name with a title, or one the article writes with a title
 * elsewhere, that ends where a name can end (a digit, a particle, a title),
 * so that 金秋十月 and 应老挝总理宋赛邀请 give nobody. */
static bool leading_name(po_name_reader *r, size_t s, size_t e, item_result *out)
{
    out->kind = ITEM_FAIL;
    while (s < e && cp(r, s) == ' ')
        s++;
    /* a name with its title first (沙特外交大臣费萨尔, not 沙特), then a known one */
    for (int pass = 0; pass < 2; pass++)
        for (size_t q = s + 2; q < e && q <= s + MAX_TAIL; q++) {
            uint32_t next = cp(r, q);
            if (is_han(next) && !po_lex_at(r, r->not_in_names, q, q + 1) && !po_lex_at(r, r->titles, q, e))
                continue;
            r->quiet++;
            item_result res = read_item(r, s, q);
            r->quiet--;
            if (res.kind == ITEM_NAME &&
                (pass == 0 ? res.title.e > res.title.s : known_name(r, res.name.s, res.name.e))) {
                *out = res;
                return true;
            }
        }
    return false;
}

int po_read_subject(po_name_reader *r, size_t s, size_t e, bool verb_side, po_name_fn add, void *user)
{
    /* the reader's two lists (made on first use): a call made for a
     * partner or a co-subject comes after this one is done with them */
    if (!r->lists && !(r->lists = malloc(2 * sizeof *r->lists)))
        return -1;
    hitlist *h = &r->lists[0], *tmp = &r->lists[1];
    clear_hits(h);
    clear_hits(tmp);
    po_span pieces[32];
    size_t n = split(r, r->pieces, s, e, pieces, 32);
    /* 县长饶庆铃率县府一级主管到场观礼; 由A及B，带领9名局长出席: the one who
     * leads is the subject; those led are named as a body, or are a
     * delegation, not people of the meeting */
    for (size_t p = pieces[n - 1].s; verb_side && p < pieces[n - 1].e; p++) {
        if (!po_lex_at(r, r->lead_verbs, p, pieces[n - 1].e) ||
            po_lex_at(r, r->lead_verb_stops, p, pieces[n - 1].e))
            continue;
        /* 率…代表团访问的…王沪宁: a 的 after it makes it part of a title */
        if (lex_inside(r, r->title_cuts, p, pieces[n - 1].e))
            break;
        if (p > pieces[n - 1].s)
            pieces[n - 1].e = p;
        else if (n > 1)
            n--;
        break;
    }
    po_span co = {0, 0};
    /* the piece next to the verb always counts; a piece before it only
     * while it is a clean list of names (…罗塞芙，俄罗斯前…伊万诺夫) */
    size_t first = n - 1;
    /* a tail that holds a list of its own (在首尔与韩国总统尹锡悦、日本首相
     * 岸田文雄共同 | 出席) is cut off the whole piece before its items */
    size_t vs = pieces[n - 1].s, ve = pieces[n - 1].e, cut_at = ve;
    /* a separator lies in [p, ve) while p is at or before the last one */
    size_t last_sep = SIZE_MAX;
    for (size_t q = ve; verb_side && q-- > vs;)
        if (po_lex_at(r, r->separators, q, ve)) {
            last_sep = q;
            break;
        }
    for (size_t p = ve > vs + MAX_ITEM ? ve - MAX_ITEM : vs + 1;
         verb_side && last_sep != SIZE_MAX && p <= last_sep && p < ve; p++) {
        po_span c;
        if (!tail_match(r, p, ve, &c))
            continue;
        po_span unused;
        /* 人士代表谢晓亮、许为钢: a title that is also a verb, then names,
         * is a list item, not a tail (代表中共中央、国务院) */
        if (po_lex_at(r, r->weak_titles, p, ve)) {
            r->quiet++;
            bool listed = read_piece(r, p, ve, false, tmp, &unused);
            r->quiet--;
            clear_hits(tmp);
            if (listed)
                continue;
        }
        r->quiet++;
        bool names = read_piece(r, vs, p, false, tmp, &unused) || tmp->n > 0;
        r->quiet--;
        clear_hits(tmp);
        if (names) {
            cut_at = p;
            co = c;
            break;
        }
    }
    if (cut_at < ve) {
        po_span unused;
        read_piece(r, vs, cut_at, false, h, &unused);
    } else {
        read_piece(r, vs, ve, verb_side, h, &co);
    }
    if (verb_side && n > 1 && only_tail(r, pieces[n - 1].s, pieces[n - 1].e)) {
        /* 李克强9日到市场监管总局考察，并主持召开座谈会: the verb shares the
         * subject that opens the sentence; a partner in the tail (…，与深圳市
         * 市长陈如桂共同主持) shares the verb */
        item_result res = {ITEM_FAIL, {0, 0}, {0, 0}};
        clear_hits(h);
        for (size_t k = 0; k + 1 < n; k++)
            if (leading_name(r, pieces[k].s, pieces[k].e, &res)) {
                push_name(h, &res);
                break;
            }
        int rc = h->n ? add(&h->hits[0], user) : 0;
        int found = rc >= 0 && res.kind == ITEM_NAME;
        po_span partner;
        size_t ts = pieces[n - 1].s;
        while (ts < pieces[n - 1].e && cp(r, ts) == ' ')
            ts++;
        if (rc >= 0 && ts < pieces[n - 1].e && tail_match(r, ts, pieces[n - 1].e, &partner) && partner.e > partner.s) {
            int more = po_read_subject(r, partner.s, partner.e, false, add, user);
            rc = more < 0 ? -1 : rc;
            found += more > 0 ? more : 0;
        }
        return rc < 0 ? -1 : found;
    }
    /* a comma continues a list only when the piece at the verb is itself a
     * list: names, a list separator, or an opening 以及 (…高金洪，以及…代表) */
    bool listy = h->n > 0 || po_lex_at(r, r->joiners, pieces[n - 1].s, pieces[n - 1].e) ||
                 lex_inside(r, r->separators, pieces[n - 1].s, pieces[n - 1].e);
    bool via_class = !listy && class_piece(r, pieces[n - 1].s, pieces[n - 1].e);
    listy |= via_class;
    for (size_t k = n - 1; listy && k > 0; k--) {
        clear_hits(tmp);
        po_span unused;
        r->quiet++;
        bool clean = read_piece(r, pieces[k - 1].s, pieces[k - 1].e, false, tmp, &unused);
        r->quiet--;
        /* a class piece gives nobody but the list goes on before it */
        bool cls = !clean && !tmp->n && class_piece(r, pieces[k - 1].s, pieces[k - 1].e);
        if (!clean && !cls)
            break;
        via_class |= cls;
        first = k - 1;
    }
    /* a list that runs on over a class piece must open its sentence
     * (石泰峰，…有关负责人，…参加); after a quote or a clause a word shaped
     * like a name (“北溪”管道，国际人士指出) is no attendee */
    if (via_class && first + 1 < n && !sentence_start(r, pieces[first].s))
        first = n - 1;
    int found = 0, rc = 0;
    /* emit in reading order: earlier pieces first */
    for (size_t k = first; k + 1 < n && rc >= 0; k++) {
        clear_hits(tmp);
        po_span unused;
        read_piece(r, pieces[k].s, pieces[k].e, false, tmp, &unused);
        for (size_t i = 0; i < tmp->n && rc >= 0; i++, found++)
            rc = add(&tmp->hits[i], user);
    }
    for (size_t i = 0; i < h->n && rc >= 0; i++, found++)
        rc = add(&h->hits[i], user);
    if (rc >= 0 && co.e > co.s) {
        int more = po_read_subject(r, co.s, co.e, false, add, user);
        rc = more < 0 ? -1 : rc;
        found += more > 0 ? more : 0;
    }
    return rc < 0 ? -1 : found;
}

bool po_title_org(const po_name_reader *r, po_span title, po_span *org)
{
    size_t tl = po_lex_ending(r, r->titles, title.s, title.e);
    if (!tl || title.e - tl <= title.s)
        return false;
    size_t oe = title.e - tl;
    /* 国务院副总理, 巴西前总统: the organisation ends before 副, 前 */
    for (size_t k; oe > title.s && (k = po_lex_ending(r, r->office_prefixes, title.s, oe)) > 0;)
        oe -= k;
    if (oe <= title.s || !po_lex_ending(r, r->org_suffixes, title.s, oe))
        return false;
    org->s = title.s;
    org->e = oe;
    return true;
}
