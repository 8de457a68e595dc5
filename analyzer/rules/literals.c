/* literals.c - the literals a rule cannot match without.
 *
 * From a pattern (after {def} and {lex:} expansion) this derives a set of
 * strings such that every match of the pattern contains one of them: 年 for
 * a date written with a year, 会议|會議|座谈会… for a meeting. A document
 * holding none of a rule's literals (after a given offset) cannot hold a
 * match, so the matcher skips PCRE2 there (prefilter.c).
 *
 * The reading is conservative: whatever it does not understand (an option
 * such as (?i) or (?x), \Q, \K, recursion) gives no set, and the rule is
 * always run. Lookarounds and anchors match no text of their own and count
 * as empty; classes of a few characters are small alternations; anything
 * else (., \d, \p{..}, large classes, back references) may match anything.
 *
 * The result of a sub-pattern is `exact` (the finite set of strings it
 * matches, while small) and `need` (a set one of which every match
 * contains, or none). Sequences multiply exact sets while they stay small
 * and otherwise keep the more selective requirement. Alongside, the longest
 * match in bytes when the pattern bounds it (a match then starts at most
 * that far before the literal it holds), and the stops (prefilter.h: the
 * line feed, ，。、 …) a match may hold: one that holds no line feed starts
 * on the literal's line, and (?:\p{sc:Han}{1,10}、)*…等 starts after the
 * last ， before its 等. */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "../util/keymap.h"
#include "../util/utf8.h"

enum { MAX_EXACT = 256, MAX_NEED = 2048, MAX_LIT = 64 };
/* A class of up to this many characters is an alternation of them (the
 * circled numbers ①-⑳㉑-㉟㊱-㊿ are 50). */
enum { MAX_CLASS = 64 };

/* A set of strings in the order they were added. One short string (a
 * character, or a word being read) is held in the set itself; more are
 * held NUL-terminated in one buffer, with an index by hash once there are
 * more than a few, so that adding is constant time (a lexicon's
 * alternation of thousands of words is read in linear time). */
typedef struct sset_ent {
    uint32_t off, len;
} sset_ent;

typedef struct sset {
    sset_ent *e;     /* NULL while the set holds at most `one` */
    size_t n, cap;
    char *buf;
    size_t used, room;
    po_keymap index; /* (length, digest) -> entry; empty while small */
    uint32_t one_len;
    char one[20];
    bool any;        /* need: no requirement (matches may hold anything) */
} sset;

typedef struct info {
    bool is_exact;  /* exact holds every string this matches */
    sset exact;
    sset need;      /* a requirement, or any */
    long max;       /* the longest match in bytes; -1: unbounded */
    uint32_t stops; /* the stops (prefilter.h) a match may hold */
} info;

enum { MAX_BOUNDED = 1 << 20 };

static long add_max(long a, long b)
{
    return a < 0 || b < 0 || a + b > MAX_BOUNDED ? -1 : a + b;
}

typedef struct parser {
    const char *p, *end;
    bool fail;
    bool dotall; /* (?s) seen: from there on . matches a line feed */
} parser;

static void sset_free(sset *s)
{
    free(s->e);
    free(s->buf);
    po_keymap_free(&s->index);
    bool any = s->any;
    *s = (sset){0};
    s->any = any;
}

static inline const char *sset_str(const sset *s, size_t i)
{
    return s->e ? s->buf + s->e[i].off : s->one;
}

static inline size_t sset_len(const sset *s, size_t i)
{
    return s->e ? s->e[i].len : s->one_len;
}

enum { SSET_SCAN = 8 }; /* up to this many strings, a scan is cheaper than an index */

static void sset_key(const char *str, size_t len, uint32_t key[3])
{
    key[0] = (uint32_t)len;
    po_keymap_digest(str, len, key + 1);
}

typedef struct sset_query {
    const sset *s;
    const char *str;
    size_t len;
} sset_query;

static bool sset_is(uint32_t i, void *ctx)
{
    const sset_query *q = ctx;
    return q->s->e[i].len == q->len && memcmp(sset_str(q->s, i), q->str, q->len) == 0;
}

/* Index every entry (the set has just outgrown a scan). */
static bool sset_index(sset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        uint32_t key[3];
        sset_key(sset_str(s, i), s->e[i].len, key);
        if (po_keymap_add(&s->index, key, (uint32_t)i) < 0)
            return false;
    }
    return true;
}

/* Room in buf for len more bytes. */
static bool sset_room(sset *s, size_t len)
{
    if (s->used + len <= s->room)
        return true;
    size_t room = s->room ? 2 * s->room : 64;
    while (room < s->used + len)
        room *= 2;
    char *b = realloc(s->buf, room);
    if (!b)
        return false;
    s->buf = b;
    s->room = room;
    return true;
}

/* From the string held in the set to the buffer. */
static bool sset_spill(sset *s)
{
    if (s->e)
        return true;
    if (!(s->e = malloc(4 * sizeof *s->e)))
        return false;
    s->cap = 4;
    if (s->n) {
        if (!sset_room(s, s->one_len + 1))
            return false;
        memcpy(s->buf, s->one, s->one_len + 1);
        s->e[0] = (sset_ent){0, s->one_len};
        s->used = s->one_len + 1;
    }
    return true;
}

static bool sset_add(sset *s, const char *str, size_t len)
{
    uint32_t key[3], at;
    if (s->index.n) {
        sset_key(str, len, key);
        if (po_keymap_find(&s->index, key, sset_is, &(sset_query){s, str, len}, &at))
            return true;
    } else {
        for (size_t i = 0; i < s->n; i++)
            if (sset_len(s, i) == len && memcmp(sset_str(s, i), str, len) == 0)
                return true;
    }
    if (!s->e && !s->n && len < sizeof s->one) {
        memcpy(s->one, str, len);
        s->one[len] = '\0';
        s->one_len = (uint32_t)len;
        s->n = 1;
        return true;
    }
    if (!sset_spill(s))
        return false;
    if (s->n == s->cap) {
        sset_ent *v = realloc(s->e, 2 * s->cap * sizeof *v);
        if (!v)
            return false;
        s->e = v;
        s->cap *= 2;
    }
    if (!sset_room(s, len + 1))
        return false;
    memcpy(s->buf + s->used, str, len);
    s->buf[s->used + len] = '\0';
    s->e[s->n++] = (sset_ent){(uint32_t)s->used, (uint32_t)len};
    s->used += len + 1;
    if (s->index.n)
        return po_keymap_add(&s->index, key, (uint32_t)(s->n - 1)) == 0;
    return s->n <= SSET_SCAN || sset_index(s);
}

/* The one string of s followed by str: a word read character by character
 * grows in place. */
static bool sset_extend_one(sset *s, const char *str, size_t len)
{
    if (!s->e && s->one_len + len < sizeof s->one) {
        memcpy(s->one + s->one_len, str, len);
        s->one_len += (uint32_t)len;
        s->one[s->one_len] = '\0';
        return true;
    }
    /* the buffer holds the one string alone */
    if (!sset_spill(s) || !sset_room(s, len))
        return false;
    memcpy(s->buf + s->used - 1, str, len);
    s->used += len;
    s->buf[s->used - 1] = '\0';
    s->e[0].len += (uint32_t)len;
    return true;
}

/* Every string of src added to dst. */
static bool sset_add_all(sset *dst, const sset *src)
{
    for (size_t i = 0; i < src->n; i++)
        if (!sset_add(dst, sset_str(src, i), sset_len(src, i)))
            return false;
    return true;
}

static void info_free(info *x)
{
    sset_free(&x->exact);
    sset_free(&x->need);
}

/* One character of a large class (., \d, \p{..}): up to 4 bytes; stops,
 * the stops it may be. */
static info class_info(uint32_t stops)
{
    info x = {0};
    x.need.any = true;
    x.max = 4;
    x.stops = stops;
    return x;
}

/* Every stop but the line feed: ., \N, \S and the like. */
static uint32_t all_but_nl(void)
{
    return po_stop_all() & ~(uint32_t)PO_STOP_NL;
}

/* The stops among the characters of s[0, len). */
static uint32_t stops_in(const char *s, size_t len)
{
    uint32_t m = 0;
    for (size_t i = 0, used; i < len; i += used)
        m |= po_stop_bit(po_utf8_decode_fast((const unsigned char *)s + i, len - i, &used));
    return m;
}

/* What is not read: anything, of any length. */
static info any_info(void)
{
    info x = class_info(po_stop_all());
    x.max = -1;
    return x;
}

static info empty_info(parser *ps)
{
    info x = {0};
    x.is_exact = true;
    x.need.any = true;
    if (!sset_add(&x.exact, "", 0))
        ps->fail = true;
    return x;
}

static info char_info(parser *ps, const char *bytes, size_t len)
{
    info x = {0};
    x.is_exact = true;
    x.need.any = true;
    x.max = (long)len;
    x.stops = stops_in(bytes, len);
    if (!sset_add(&x.exact, bytes, len))
        ps->fail = true;
    return x;
}

/* How selective a requirement is: longer shortest literal first, then
 * fewer literals. */
static long score(const sset *s)
{
    if (s->any || !s->n)
        return -1000000;
    size_t min = SIZE_MAX;
    for (size_t i = 0; i < s->n; i++)
        if (sset_len(s, i) < min)
            min = sset_len(s, i);
    if (min == 0)
        return -1000000;
    long lg = 0;
    for (size_t n = s->n; n > 1; n /= 2)
        lg++;
    return (long)(min > 9 ? 9 : min) * 8 - lg;
}

/* The exact set as a requirement (any when it holds the empty string). */
static sset exact_as_need(parser *ps, const sset *e)
{
    sset s = {0};
    for (size_t i = 0; i < e->n; i++) {
        if (!sset_len(e, i)) {
            sset_free(&s);
            s.any = true;
            return s;
        }
        if (!sset_add(&s, sset_str(e, i), sset_len(e, i)))
            ps->fail = true;
    }
    return s;
}

/* Keep the better of *a and b (b is consumed). */
static void keep_best(sset *a, sset b)
{
    if (score(&b) > score(a)) {
        sset_free(a);
        *a = b;
    } else {
        sset_free(&b);
    }
}

/* The requirement of a finished sub-pattern. */
static sset final_need(parser *ps, info *x)
{
    sset n = x->need;
    x->need = (sset){0};
    if (x->is_exact) {
        sset_free(&n);
        n = exact_as_need(ps, &x->exact);
    }
    return n;
}

static sset cross(parser *ps, const sset *a, const sset *b)
{
    sset r = {0};
    char buf[MAX_LIT * 2 + 1];
    for (size_t i = 0; i < a->n; i++)
        for (size_t k = 0; k < b->n; k++) {
            size_t la = sset_len(a, i), lb = sset_len(b, k);
            memcpy(buf, sset_str(a, i), la);
            memcpy(buf + la, sset_str(b, k), lb);
            if (!sset_add(&r, buf, la + lb))
                ps->fail = true;
        }
    return r;
}

static size_t longest(const sset *s)
{
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++)
        if (sset_len(s, i) > m)
            m = sset_len(s, i);
    return m;
}

/* Sequence: cur then next (next consumed). The running exact part of a
 * sequence is the latest run of exact items; what came before it is kept
 * only as a requirement. */
static void concat(parser *ps, info *cur, info next, bool *cur_whole)
{
    cur->max = add_max(cur->max, next.max);
    cur->stops |= next.stops;
    if (cur->is_exact && next.is_exact && cur->exact.n * next.exact.n <= MAX_EXACT &&
        longest(&cur->exact) + longest(&next.exact) <= MAX_LIT) {
        if (cur->exact.n == 1 && next.exact.n == 1) {
            if (!sset_extend_one(&cur->exact, sset_str(&next.exact, 0), sset_len(&next.exact, 0)))
                ps->fail = true;
        } else {
            sset c = cross(ps, &cur->exact, &next.exact);
            sset_free(&cur->exact);
            cur->exact = c;
        }
        info_free(&next);
        return;
    }
    /* the run so far becomes a requirement */
    if (cur->is_exact) {
        keep_best(&cur->need, exact_as_need(ps, &cur->exact));
        sset_free(&cur->exact);
        cur->is_exact = false;
        *cur_whole = false;
    }
    if (next.is_exact) {
        cur->exact = next.exact;
        cur->is_exact = true;
        next.exact = (sset){0};
        *cur_whole = false;
    } else {
        keep_best(&cur->need, final_need(ps, &next));
        *cur_whole = false;
    }
    info_free(&next);
}

static info parse_alt(parser *ps);

static void put_cp(parser *ps, uint32_t cp, char *out, size_t *len)
{
    if (cp > 0x10FFFF) {
        ps->fail = true;
        cp = '?';
    }
    *len = po_utf8_encode(cp, out);
}

static bool hexval(const char *p, const char *end, uint32_t *v, const char **after)
{
    uint32_t x = 0;
    int n = 0;
    if (p < end && *p == '{') {
        p++;
        while (p < end && *p != '}') {
            char c = *p++;
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0 || ++n > 6)
                return false;
            x = x * 16 + (uint32_t)d;
        }
        if (p >= end || !n)
            return false;
        *after = p + 1;
    } else {
        while (p < end && n < 2) {
            char c = *p;
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            x = x * 16 + (uint32_t)d;
            p++;
            n++;
        }
        *after = p;
    }
    *v = x;
    return true;
}

/* An escape outside a class (ps->p is after the backslash). */
static info parse_escape(parser *ps)
{
    if (ps->p >= ps->end) {
        ps->fail = true;
        return any_info();
    }
    char c = *ps->p++;
    char out[4];
    size_t len;
    switch (c) {
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'E':
        return empty_info(ps);
    case 'X':
        return any_info();
    case 'N':
        if (ps->p < ps->end && *ps->p == '{') {
            ps->fail = true; /* \N{U+..}: not read */
            return any_info();
        }
        return class_info(all_but_nl());
    case 'd': case 'w':
        /* decimal digits; letters, digits, marks and connectors: no stop */
        return class_info(0);
    case 'S': case 'h':
        return class_info(all_but_nl());
    case 'D': case 'W': case 's': case 'H': case 'v': case 'V': case 'R': case 'C':
        return class_info(po_stop_all());
    case 'p': case 'P': {
        /* only the ideographs (the script, not \p{Han}, which takes in
         * CJK punctuation) are known to leave out every stop */
        const char *name = ps->p;
        if (ps->p < ps->end && *ps->p == '{') {
            while (ps->p < ps->end && *ps->p != '}')
                ps->p++;
            if (ps->p < ps->end)
                ps->p++;
        } else if (ps->p < ps->end) {
            ps->p++;
        }
        size_t n = (size_t)(ps->p - name);
        bool han = c == 'p' && n == 8 && memcmp(name, "{sc:Han}", 8) == 0;
        bool han_ext = c == 'p' && n == 5 && memcmp(name, "{Han}", 5) == 0;
        return class_info(han ? 0 : han_ext ? all_but_nl() : po_stop_all());
    }
    case 'n': return char_info(ps, "\n", 1);
    case 't': return char_info(ps, "\t", 1);
    case 'r': return char_info(ps, "\r", 1);
    case 'f': return char_info(ps, "\f", 1);
    case 'x': {
        uint32_t v;
        const char *after;
        if (!hexval(ps->p, ps->end, &v, &after)) {
            ps->fail = true;
            return any_info();
        }
        ps->p = after;
        put_cp(ps, v, out, &len);
        return char_info(ps, out, len);
    }
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        ps->fail = true; /* back references, \K, \Q, \g, \k, \c…: not read */
        return any_info();
    }
    if ((unsigned char)c >= 0x80) {
        ps->fail = true;
        return any_info();
    }
    return char_info(ps, &c, 1);
}

/* A class [...] (ps->p is after the '['): a few characters, or anything. */
static info parse_class(parser *ps)
{
    info x = {0};
    x.is_exact = true;
    x.need.any = true;
    bool big = false, negated = false;
    /* the stops the class names for certain, and those it may match */
    uint32_t certain = 0, possible = 0;
    if (ps->p < ps->end && *ps->p == '^') {
        big = negated = true;
        ps->p++;
    }
    bool first = true;
    uint32_t prev = 0;
    bool have_prev = false;
    while (ps->p < ps->end && (*ps->p != ']' || first)) {
        first = false;
        uint32_t cp;
        bool single = true;
        if (*ps->p == '[' && ps->p + 1 < ps->end && ps->p[1] == ':') {
            const char *q = strstr(ps->p, ":]");
            if (!q || q >= ps->end) {
                ps->fail = true;
                break;
            }
            ps->p = q + 2;
            big = true; /* [:space:] and others */
            possible = po_stop_all();
            have_prev = false;
            continue;
        }
        if (*ps->p == '\\') {
            ps->p++;
            if (ps->p >= ps->end) {
                ps->fail = true;
                break;
            }
            char c = *ps->p++;
            switch (c) {
            case 'n': cp = '\n'; break;
            case 't': cp = '\t'; break;
            case 'r': cp = '\r'; break;
            case 'f': cp = '\f'; break;
            case 'x': {
                const char *after;
                if (!hexval(ps->p, ps->end, &cp, &after)) {
                    ps->fail = true;
                    return x;
                }
                ps->p = after;
                break;
            }
            case 'p': case 'P': {
                const char *name = ps->p;
                if (ps->p < ps->end && *ps->p == '{') {
                    while (ps->p < ps->end && *ps->p != '}')
                        ps->p++;
                    if (ps->p < ps->end)
                        ps->p++;
                } else if (ps->p < ps->end) {
                    ps->p++;
                }
                if (!(c == 'p' && ps->p - name == 8 && memcmp(name, "{sc:Han}", 8) == 0))
                    possible = po_stop_all();
                single = false;
                cp = 0;
                break;
            }
            default:
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    (unsigned char)c >= 0x80) {
                    single = false; /* \d, \w, \s … */
                        if (c != 'd' && c != 'w')
                        possible = po_stop_all();
                    cp = 0;
                } else {
                    cp = (unsigned char)c;
                }
            }
        } else {
            size_t used;
            cp = po_utf8_decode_fast((const unsigned char *)ps->p, (size_t)(ps->end - ps->p), &used);
            ps->p += used;
        }
        if (!single) {
            big = true;
            have_prev = false;
            continue;
        }
        /* a range a-z: the '-' between two characters */
        if (have_prev && cp == '-' && ps->p < ps->end && *ps->p != ']' && ps->p[-1] == '-') {
            /* read the range end */
            uint32_t hi;
            if (*ps->p == '\\') {
                if (ps->p + 1 >= ps->end) {
                    ps->fail = true;
                    break;
                }
                char c = ps->p[1];
                const char *after;
                if (c == 'x') { /* [\x{2460}-\x{2473}] */
                    if (!hexval(ps->p + 2, ps->end, &hi, &after)) {
                        ps->fail = true;
                        break;
                    }
                    ps->p = after;
                } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           (unsigned char)c >= 0x80) {
                    ps->fail = true; /* \n, \d and the like as a range end: not read */
                    break;
                } else {
                    hi = (unsigned char)c;
                    ps->p += 2;
                }
            } else {
                size_t used;
                hi = po_utf8_decode((const unsigned char *)ps->p, (size_t)(ps->end - ps->p), &used);
                ps->p += used;
            }
            if (hi >= prev && hi - prev <= 0x20000) {
                for (uint32_t c = prev; c <= hi; c++) {
                    certain |= po_stop_bit(c);
                    possible |= po_stop_bit(c);
                }
            } else {
                possible = po_stop_all();
            }
            if (hi < prev || hi - prev > MAX_CLASS) {
                big = true;
            } else {
                for (uint32_t c = prev + 1; c <= hi && !big; c++) {
                    char out[4];
                    size_t len;
                    put_cp(ps, c, out, &len);
                    if (!sset_add(&x.exact, out, len))
                        ps->fail = true;
                }
            }
            have_prev = false;
            continue;
        }
        char out[4];
        size_t len;
        put_cp(ps, cp, out, &len);
        if (!sset_add(&x.exact, out, len))
            ps->fail = true;
        certain |= po_stop_bit(cp);
        possible |= po_stop_bit(cp);
        prev = cp;
        have_prev = true;
    }
    if (ps->p >= ps->end)
        ps->fail = true;
    else
        ps->p++; /* ] */
    /* a negated class leaves out the line feed only when it names it */
    uint32_t stops = negated ? po_stop_all() & ~certain : possible;
    if (big || x.exact.n > MAX_CLASS || x.exact.n == 0) {
        info_free(&x);
        return class_info(stops);
    }
    x.max = (long)longest(&x.exact);
    x.stops = stops;
    return x;
}

/* A group (ps->p is after the '('). */
static info parse_group(parser *ps)
{
    bool look = false;
    if (ps->p < ps->end && *ps->p == '?') {
        const char *q = ps->p + 1;
        if (q >= ps->end) {
            ps->fail = true;
            return any_info();
        }
        if (*q == ':' || *q == '>' || *q == '|') {
            ps->p = q + 1;
        } else if (*q == '=' || *q == '!') {
            ps->p = q + 1;
            look = true;
        } else if (*q == '<' && q + 1 < ps->end && (q[1] == '=' || q[1] == '!')) {
            ps->p = q + 2;
            look = true;
        } else if (*q == '<' || *q == '\'' || (*q == 'P' && q + 1 < ps->end && q[1] == '<')) {
            char close = *q == '\'' ? '\'' : '>';
            while (q < ps->end && *q != close)
                q++;
            if (q >= ps->end) {
                ps->fail = true;
                return any_info();
            }
            ps->p = q + 1;
        } else if (*q == '#') {
            while (q < ps->end && *q != ')')
                q++;
            ps->p = q < ps->end ? q + 1 : q;
            return empty_info(ps);
        } else {
            /* options: (?m) or (?m:...); caseless or extended change what
             * the literals mean */
            while (q < ps->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '-' ||
                                   *q == '^')) {
                if (*q == 'i' || *q == 'x' || *q == 'n' || *q == 'J' || *q == 'R' || *q == 'P')
                    ps->fail = true;
                if (*q == 's')
                    ps->dotall = true;
                q++;
            }
            if (q >= ps->end || (*q != ')' && *q != ':')) {
                ps->fail = true;
                return any_info();
            }
            ps->p = q + 1;
            if (*q == ')')
                return empty_info(ps);
        }
    }
    info x = parse_alt(ps);
    if (ps->p >= ps->end || *ps->p != ')')
        ps->fail = true;
    else
        ps->p++;
    if (look) {
        info_free(&x);
        return empty_info(ps);
    }
    return x;
}

static info parse_atom(parser *ps)
{
    char c = *ps->p;
    if (c == '(') {
        ps->p++;
        return parse_group(ps);
    }
    if (c == '[') {
        ps->p++;
        return parse_class(ps);
    }
    if (c == '\\') {
        ps->p++;
        return parse_escape(ps);
    }
    if (c == '.') {
        ps->p++;
        return class_info(ps->dotall ? po_stop_all() : all_but_nl());
    }
    if (c == '^' || c == '$') {
        ps->p++;
        return empty_info(ps);
    }
    if (c == '*' || c == '+' || c == '?') {
        ps->fail = true;
        ps->p++;
        return any_info();
    }
    size_t used;
    po_utf8_decode_fast((const unsigned char *)ps->p, (size_t)(ps->end - ps->p), &used);
    info x = char_info(ps, ps->p, used);
    ps->p += used;
    return x;
}

static bool read_int(parser *ps, const char **p, long *v)
{
    const char *q = *p;
    long x = 0;
    if (q >= ps->end || *q < '0' || *q > '9')
        return false;
    while (q < ps->end && *q >= '0' && *q <= '9' && x < 100000)
        x = x * 10 + (*q++ - '0');
    *p = q;
    *v = x;
    return true;
}

/* A quantifier after an atom: min and max (-1: unbounded); false when none
 * (a '{' that is not a quantifier is a literal, as in PCRE2 10.42). */
static bool parse_quant(parser *ps, long *min, long *max)
{
    if (ps->p >= ps->end)
        return false;
    char c = *ps->p;
    if (c == '*' || c == '+' || c == '?') {
        ps->p++;
        *min = c == '+' ? 1 : 0;
        *max = c == '?' ? 1 : -1;
    } else if (c == '{') {
        const char *q = ps->p + 1;
        long lo, hi;
        if (!read_int(ps, &q, &lo))
            return false;
        if (q < ps->end && *q == '}') {
            hi = lo;
        } else if (q < ps->end && *q == ',') {
            q++;
            if (q < ps->end && *q == '}')
                hi = -1;
            else if (!read_int(ps, &q, &hi))
                return false;
        } else {
            return false;
        }
        if (q >= ps->end || *q != '}')
            return false;
        ps->p = q + 1;
        *min = lo;
        *max = hi;
    } else {
        return false;
    }
    if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+'))
        ps->p++;
    return true;
}

static info apply_quant(parser *ps, info x, long min, long max)
{
    long most = max < 0 || x.max < 0 ? -1 : x.max * max > MAX_BOUNDED ? -1 : x.max * max;
    if (min == 0) {
        if (max == 1 && x.is_exact) {
            if (!sset_add(&x.exact, "", 0))
                ps->fail = true;
            sset_free(&x.need);
            x.need.any = true;
            return x;
        }
        uint32_t stops = x.stops;
        info_free(&x);
        info r = class_info(stops);
        r.max = most;
        return r;
    }
    if (min == 1 && max == 1)
        return x;
    /* at least once: a match holds one of x's strings (exact repeats are
     * not multiplied out: the requirement is enough) */
    info r = {0};
    r.need = final_need(ps, &x);
    r.max = most;
    r.stops = x.stops;
    info_free(&x);
    return r;
}

static info parse_concat(parser *ps)
{
    info cur = empty_info(ps);
    bool whole = true;
    while (!ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
        info a = parse_atom(ps);
        long min, max;
        if (parse_quant(ps, &min, &max))
            a = apply_quant(ps, a, min, max);
        concat(ps, &cur, a, &whole);
    }
    if (!whole && cur.is_exact) {
        /* a sequence cut somewhere: its exact run is only a requirement */
        keep_best(&cur.need, exact_as_need(ps, &cur.exact));
        sset_free(&cur.exact);
        cur.is_exact = false;
    }
    return cur;
}

static info parse_alt(parser *ps)
{
    info acc = parse_concat(ps);
    bool first = true;
    while (!ps->fail && ps->p < ps->end && *ps->p == '|') {
        ps->p++;
        info b = parse_concat(ps);
        long most = acc.max < 0 || b.max < 0 ? -1 : acc.max > b.max ? acc.max : b.max;
        uint32_t stops = acc.stops | b.stops;
        acc.max = b.max = most;
        acc.stops = b.stops = stops;
        if (first && !acc.is_exact) {
            sset n = final_need(ps, &acc);
            info_free(&acc);
            acc = (info){0};
            acc.need = n;
            acc.max = most;
            acc.stops = stops;
        }
        first = false;
        if (acc.is_exact && b.is_exact && acc.exact.n + b.exact.n <= MAX_NEED) {
            if (!sset_add_all(&acc.exact, &b.exact))
                ps->fail = true;
            info_free(&b);
            continue;
        }
        /* the union of the branches' requirements */
        sset an = final_need(ps, &acc);
        sset bn = final_need(ps, &b);
        info_free(&acc);
        info_free(&b);
        acc = (info){0};
        acc.max = most;
        acc.stops = stops;
        if (an.any || bn.any || an.n + bn.n > MAX_NEED) {
            sset_free(&an);
            sset_free(&bn);
            acc.need.any = true;
            continue;
        }
        if (!sset_add_all(&an, &bn))
            ps->fail = true;
        sset_free(&bn);
        acc.need = an;
    }
    return acc;
}

int po_pattern_literals(const char *pattern, char ***out, size_t *n_out, size_t *max_len,
                        uint32_t *stops)
{
    *out = NULL;
    *n_out = 0;
    *max_len = SIZE_MAX;
    *stops = 0;
    parser ps = {pattern, pattern + strlen(pattern), false, false};
    info x = parse_alt(&ps);
    if (ps.p != ps.end)
        ps.fail = true;
    sset need = final_need(&ps, &x);
    long most = x.max;
    uint32_t may = x.stops | (ps.dotall ? PO_STOP_NL : 0);
    info_free(&x);
    if (ps.fail || need.any || score(&need) < 0) {
        sset_free(&need);
        return 0;
    }
    char **v = malloc(need.n * sizeof *v);
    for (size_t i = 0; v && i < need.n; i++) {
        if (!(v[i] = malloc(sset_len(&need, i) + 1))) {
            while (i--)
                free(v[i]);
            free(v);
            v = NULL;
            break;
        }
        memcpy(v[i], sset_str(&need, i), sset_len(&need, i) + 1);
    }
    size_t n = need.n;
    sset_free(&need);
    if (!v)
        return 0; /* out of memory: the rule simply runs unfiltered */
    *out = v;
    *n_out = n;
    *max_len = most < 0 ? SIZE_MAX : (size_t)most;
    *stops = po_stop_all() & ~may;
    return 1;
}
