/* twins.c - words a pack writes twice.
 *
 * The pack folds what it matches with from traditional to simplified
 * (normalize/fold.h), so a word written beside its traditional twin (会议,
 * 會議) is matched twice for nothing, and the two copies drift apart when
 * one is edited. Such pairs are warnings: in a lexicon, among the keys of a
 * map, between two branches of one alternation and between two members of
 * one character class. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../normalize/fold.h"
#include "../util/buf.h"
#include "../util/utf8.h"

/* Deeper nesting than this is left unchecked (no pack nests so deep; a
 * hostile one cannot exhaust the stack). */
enum { MAX_DEPTH = 64 };

static char *fold_copy(const char *s, size_t len)
{
    po_buf b = PO_BUF_INIT;
    po_fold_append(&b, s, len);
    if (!b.failed && !b.data)
        po_buf_append(&b, "", 0);
    return po_buf_detach(&b);
}

static void warn_pair(po_reporter *rep, const char *rule, const char *what, int line, int column,
                      const char *first, size_t first_len, const char *second, size_t second_len)
{
    if (first_len == second_len && memcmp(first, second, first_len) == 0)
        po_report(rep, PO_DIAG_WARNING, line, column, rule, "%s: '%.*s' is written twice", what,
                  (int)second_len, second);
    else
        po_report(rep, PO_DIAG_WARNING, line, column, rule,
                  "%s: '%.*s' is '%.*s' folded to simplified (the pack folds traditional characters): "
                  "write it once",
                  what, (int)second_len, second, (int)first_len, first);
}

/* ---- lexicons and map keys ---------------------------------------------- */

typedef struct word {
    char *folded;
    size_t at; /* its place in the list */
    yaml_node_t *node;
} word;

static int cmp_word(const void *a, const void *b)
{
    const word *x = a, *y = b;
    int c = strcmp(x->folded, y->folded);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

void po_check_twin_words(po_reporter *rep, const char *rule, const char *what, yaml_document_t *doc,
                         yaml_node_t *list)
{
    size_t n = list->type == YAML_SEQUENCE_NODE ? (size_t)(list->data.sequence.items.top - list->data.sequence.items.start)
             : list->type == YAML_MAPPING_NODE  ? (size_t)(list->data.mapping.pairs.top - list->data.mapping.pairs.start)
                                                : 0;
    word *w = n ? calloc(n, sizeof *w) : NULL;
    if (!w)
        return;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *node = yaml_document_get_node(
            doc, list->type == YAML_SEQUENCE_NODE ? list->data.sequence.items.start[i]
                                                  : list->data.mapping.pairs.start[i].key);
        if (!node || node->type != YAML_SCALAR_NODE)
            continue;
        const char *s = (const char *)node->data.scalar.value;
        if (!(w[k].folded = fold_copy(s, strlen(s))))
            break;
        w[k].at = i;
        w[k++].node = node;
    }
    qsort(w, k, sizeof *w, cmp_word);
    /* equal folded words sort together, the first written first */
    for (size_t i = 1; i < k; i++) {
        size_t first = i - 1;
        while (first > 0 && strcmp(w[first - 1].folded, w[i].folded) == 0)
            first--;
        if (strcmp(w[first].folded, w[i].folded) != 0)
            continue;
        const char *a = (const char *)w[first].node->data.scalar.value;
        const char *b = (const char *)w[i].node->data.scalar.value;
        warn_pair(rep, rule, what, (int)w[i].node->start_mark.line + 1, (int)w[i].node->start_mark.column + 1,
                  a, strlen(a), b, strlen(b));
    }
    for (size_t i = 0; i < k; i++)
        free(w[i].folded);
    free(w);
}

/* ---- patterns --------------------------------------------------------------- */

typedef struct scan {
    po_reporter *rep;
    const char *rule, *what;
    const char *p;
    size_t n;
    int line, column; /* of the scalar; column -1 when it spans lines */
    bool failed;      /* out of memory or too deep: stop */
} scan;

static void warn_at(scan *s, size_t first, size_t first_len, size_t second, size_t second_len)
{
    int column = s->column < 0 ? 0 : s->column + (int)po_utf8_length(s->p, second);
    warn_pair(s->rep, s->rule, s->what, s->line, column, s->p + first, first_len, s->p + second, second_len);
}

/* The end of the escape at i (a backslash): \p{…}, \x{…}, \Q…\E, or one
 * code point. */
static size_t escape_end(const char *p, size_t n, size_t i)
{
    if (i + 1 >= n)
        return n;
    char c = p[i + 1];
    if ((c == 'p' || c == 'P' || c == 'x' || c == 'o' || c == 'g' || c == 'k') && i + 2 < n &&
        (p[i + 2] == '{' || p[i + 2] == '<')) {
        const char *close = memchr(p + i + 2, p[i + 2] == '{' ? '}' : '>', n - i - 2);
        return close ? (size_t)(close - p) + 1 : n;
    }
    if (c == 'Q') {
        for (size_t k = i + 2; k + 1 < n; k++)
            if (p[k] == '\\' && p[k + 1] == 'E')
                return k + 2;
        return n;
    }
    size_t used;
    po_utf8_decode((const unsigned char *)p + i + 1, n - i - 1, &used);
    return i + 1 + used;
}

/* A character class from i (its '['): members written twice, or beside
 * their traditional twin ([于於]). Returns the index after its ']'. */
static size_t char_class(scan *s, size_t i)
{
    const char *p = s->p;
    size_t n = s->n;
    enum { MAX_MEMBERS = 256 };
    uint32_t folded[MAX_MEMBERS];
    size_t at[MAX_MEMBERS], len[MAX_MEMBERS], k = 0;
    i++;
    if (i < n && p[i] == '^')
        i++;
    bool first = true;
    while (i < n && (p[i] != ']' || first)) {
        first = false;
        if (p[i] == '\\') {
            i = escape_end(p, n, i);
            continue;
        }
        if (p[i] == '[' && i + 1 < n && p[i + 1] == ':') { /* [:alpha:] */
            const char *close = strstr(p + i, ":]");
            i = close && (size_t)(close - p) < n ? (size_t)(close - p) + 2 : n;
            continue;
        }
        size_t used;
        uint32_t cp = po_utf8_decode((const unsigned char *)p + i, n - i, &used);
        if (i + used + 1 < n && p[i + used] == '-' && p[i + used + 1] != ']') {
            /* a range: its ends are no members of their own */
            i += used + 1;
            if (p[i] == '\\')
                i = escape_end(p, n, i);
            else {
                po_utf8_decode((const unsigned char *)p + i, n - i, &used);
                i += used;
            }
            continue;
        }
        uint32_t f = po_fold_cp(cp);
        for (size_t m = 0; m < k && cp >= 0x80; m++)
            if (folded[m] == f) {
                warn_at(s, at[m], len[m], i, used);
                break;
            }
        if (k < MAX_MEMBERS) {
            folded[k] = f;
            at[k] = i;
            len[k++] = used;
        }
        i += used;
    }
    return i < n ? i + 1 : n;
}

/* After a '(' at i: the index where the group's content starts (past
 * ?:, ?<name>, ?<=, ?P<name>, flags …). A comment (?#…) is skipped whole
 * and *comment set. */
static size_t group_head(const char *p, size_t n, size_t i, bool *comment)
{
    *comment = false;
    i++;
    if (i >= n || p[i] != '?')
        return i;
    i++;
    if (i >= n)
        return n;
    switch (p[i]) {
    case ':': case '=': case '!': case '>': case '|':
        return i + 1;
    case '#': {
        *comment = true;
        const char *close = memchr(p + i, ')', n - i);
        return close ? (size_t)(close - p) + 1 : n;
    }
    case '<':
        if (i + 1 < n && (p[i + 1] == '=' || p[i + 1] == '!'))
            return i + 2;
        break;
    case 'P':
        if (i + 1 < n && p[i + 1] == '<')
            break;
        return i + 1; /* (?P=name), (?P>name): no content of their own */
    case '\'': {
        const char *close = memchr(p + i + 1, '\'', n - i - 1);
        return close ? (size_t)(close - p) + 1 : n;
    }
    default:
        /* flags: (?i) sets them for what follows, (?i:…) is a group */
        while (i < n && (p[i] == '-' || p[i] == '^' || (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
            i++;
        return i < n && p[i] == ':' ? i + 1 : i;
    }
    /* a name: (?<name>…), (?P<name>…) */
    const char *close = memchr(p + i, '>', n - i);
    return close ? (size_t)(close - p) + 1 : n;
}

typedef struct branch {
    size_t s, e;
    char *folded;
} branch;

/* The alternation from *i up to its ')' (or the end at depth 0): each
 * branch checked against the ones before it; nested groups scanned too. */
static void alternation(scan *s, size_t *i, int depth)
{
    const char *p = s->p;
    size_t n = s->n, start = *i, nb = 0, cap = 0;
    branch *br = NULL;
    for (;;) {
        bool end = *i >= n || (p[*i] == ')' && depth > 0);
        if (end || p[*i] == '|') {
            if (nb == cap) {
                size_t nc = cap ? 2 * cap : 8;
                branch *b = realloc(br, nc * sizeof *b);
                if (!b) {
                    s->failed = true;
                    break;
                }
                br = b;
                cap = nc;
            }
            br[nb].s = start;
            br[nb].e = *i;
            if (!(br[nb].folded = fold_copy(p + start, *i - start))) {
                s->failed = true;
                break;
            }
            nb++;
            if (end) {
                if (*i < n)
                    ++*i;
                break;
            }
            start = ++*i;
            continue;
        }
        if (p[*i] == '\\') {
            *i = escape_end(p, n, *i);
        } else if (p[*i] == '[') {
            *i = char_class(s, *i);
        } else if (p[*i] == '(') {
            bool comment;
            *i = group_head(p, n, *i, &comment);
            if (!comment && depth + 1 >= MAX_DEPTH)
                s->failed = true;
            if (!comment && !s->failed)
                alternation(s, i, depth + 1);
            if (s->failed)
                break;
        } else {
            ++*i;
        }
    }
    for (size_t b = 1; b < nb && !s->failed; b++)
        for (size_t a = 0; a < b; a++)
            if (br[b].e > br[b].s && strcmp(br[a].folded, br[b].folded) == 0) {
                warn_at(s, br[a].s, br[a].e - br[a].s, br[b].s, br[b].e - br[b].s);
                break;
            }
    for (size_t b = 0; b < nb; b++)
        free(br[b].folded);
    free(br);
}

void po_check_twin_branches(po_reporter *rep, const char *rule, const char *what, const yaml_node_t *pattern)
{
    if (pattern->type != YAML_SCALAR_NODE)
        return;
    scan s = {rep, rule, what, (const char *)pattern->data.scalar.value, pattern->data.scalar.length,
              (int)pattern->start_mark.line + 1, -1, false};
    /* a column inside the pattern only when the scalar is one line */
    if (pattern->start_mark.line == pattern->end_mark.line)
        s.column = (int)pattern->start_mark.column + 1 +
                   (pattern->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                    pattern->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    size_t i = 0;
    alternation(&s, &i, 0);
}
