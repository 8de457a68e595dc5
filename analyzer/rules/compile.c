/* compile.c - YAML rule files to a compiled, immutable pack.
 *
 * Two passes over the parsed documents: defs and lexicons first (so a
 * pattern may use a fragment from any file), then the rules. Every problem
 * is reported with FILE:LINE:COLUMN and compilation goes on, so one run shows
 * all the errors of a pack; any error means no pack is returned. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "check.h"
#include "rules.h"
#include "../normalize/fold.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/yaml_budget.h"

typedef struct pdef {
    const char *name;
    const char *frag;
} pdef;

typedef struct kind_index {
    const char *kind;
    const po_rule **rules;
    size_t n, cap;
} kind_index;

struct po_rules {
    po_arena *arena;
    po_rule *rules;
    size_t n_rules, cap_rules;
    po_lexicon *lex;
    size_t n_lex, cap_lex;
    pdef *defs;
    size_t n_defs, cap_defs;
    kind_index *kinds;         /* sorted by kind once compiled */
    size_t n_kinds, cap_kinds;
    const po_lexicon **by_name; /* the lexicons sorted by name, once compiled */
    /* The lexicons the contract declares, by the address of the contract's
     * name: the code names them by literals the linker merges with those,
     * so most lookups end at one probe (open addressing, 0: empty). */
    const char **by_ptr_key;
    const po_lexicon **by_ptr;
    size_t by_ptr_mask;
    po_prefilter *pf; /* NULL in the reference mode */
};

typedef struct ctx {
    po_rules *r;
    po_reporter rep; /* its file is the one being read */
    bool *lex_used;  /* per lexicon: named by a pattern (pass 2) */
    size_t expanded; /* bytes of all patterns so far */
} ctx;

static void report(ctx *c, po_diag_level level, const yaml_mark_t *mark, const char *rule,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(ctx *c, po_diag_level level, const yaml_mark_t *mark, const char *rule,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    po_vreport(&c->rep, level, mark ? (int)mark->line + 1 : 0, mark ? (int)mark->column + 1 : 0, rule, fmt, ap);
    va_end(ap);
}

static const char *scalar(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* ---- pattern expansion ------------------------------------------------ */

static const pdef *find_def(const po_rules *r, const char *name, size_t len)
{
    for (size_t i = 0; i < r->n_defs; i++)
        if (strlen(r->defs[i].name) == len && memcmp(r->defs[i].name, name, len) == 0)
            return &r->defs[i];
    return NULL;
}

/* strcmp's order; the first byte settles most steps of a search by name */
static int name_cmp(const char *a, const char *b)
{
    unsigned char x = (unsigned char)a[0], y = (unsigned char)b[0];
    return x != y ? (x < y ? -1 : 1) : strcmp(a, b);
}

static size_t ptr_slot(const char *p, size_t mask)
{
    return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u) >> 40) & mask;
}

/* The stages look lexicons and kinds up by name for every article: by the
 * name's address, else a binary search once the pack is compiled, a plain
 * one while it is. */
const po_lexicon *po_rules_lexicon_any(const po_rules *r, const char *name)
{
    if (r->by_ptr) {
        for (size_t i = ptr_slot(name, r->by_ptr_mask); r->by_ptr_key[i]; i = (i + 1) & r->by_ptr_mask)
            if (r->by_ptr_key[i] == name)
                return r->by_ptr[i];
    }
    if (r->by_name) {
        size_t lo = 0, hi = r->n_lex;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = name_cmp(name, r->by_name[mid]->name);
            if (c == 0)
                return r->by_name[mid];
            if (c < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
        return NULL;
    }
    for (size_t i = 0; i < r->n_lex; i++)
        if (strcmp(r->lex[i].name, name) == 0)
            return &r->lex[i];
    return NULL;
}

const po_lexicon *po_rules_lexicon(const po_rules *r, const char *name)
{
    /* the code reads only lexicons the contract declares: those the loader
     * made sure of (a lexicon found carries the answer) */
    const po_lexicon *l = po_rules_lexicon_any(r, name);
    assert((l ? l->declared : po_contract_lexicon(name) != NULL) &&
           "a lexicon read by the code is missing from rules/contract.c");
    return l;
}

static int cmp_lex_name(const void *a, const void *b)
{
    return strcmp((*(const po_lexicon *const *)a)->name, (*(const po_lexicon *const *)b)->name);
}

static int cmp_kind(const void *a, const void *b)
{
    return strcmp(((const kind_index *)a)->kind, ((const kind_index *)b)->kind);
}

static const kind_index *find_kind(const po_rules *r, const char *kind)
{
    size_t lo = 0, hi = r->n_kinds;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(kind, r->kinds[mid].kind);
        if (c == 0)
            return &r->kinds[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static void put_escaped(po_buf *b, const char *w)
{
    for (; *w; w++) {
        if (strchr("\\^$.|?*+()[]{}", *w))
            po_buf_putc(b, '\\');
        po_buf_putc(b, *w);
    }
}

static int is_name_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

/* Limits on what definitions expand to: a pack of a few hundred bytes
 * nesting definitions that each name the next twenty times would otherwise
 * take minutes and gigabytes. The shipped pack nests 3 deep, its longest
 * pattern expands to about 4 KB and all of them to about 150 KB. */
enum { DEF_DEPTH_MAX = 8, EXPANSION_MAX = 256u << 10, PACK_EXPANSION_MAX = 32u << 20 };

typedef struct expansion {
    const po_rules *r;
    po_buf *out;
    size_t limit;   /* of out->len */
    bool *lex_used; /* or NULL */
    const char *chain[DEF_DEPTH_MAX];
    size_t chain_len[DEF_DEPTH_MAX];
    int depth;
    char err[512];
} expansion;

/* "a → b → c": the definitions being expanded */
static void chain_str(const expansion *x, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0; i < x->depth && at + 1 < size; i++) {
        int w = snprintf(buf + at, size - at, "%s%.*s", i ? " → " : "", (int)x->chain_len[i], x->chain[i]);
        at += w > 0 ? (size_t)w : 0;
    }
}

static bool fail_expansion(expansion *x, const char *what, const char *name, size_t len)
{
    char chain[256];
    chain_str(x, chain, sizeof chain);
    snprintf(x->err, sizeof x->err, "%s%.*s%s%s%s", what, (int)len, name ? name : "", *chain ? " (through " : "",
             chain, *chain ? ")" : "");
    return false;
}

/* Expand {name} and {lex:name}; a brace that does not open a known
 * reference (a quantifier such as {1,3}) is kept. False with x->err set
 * when a reference is unknown or a limit is reached. */
static bool expand(expansion *x, const char *pat)
{
    po_buf *out = x->out;
    for (const char *p = pat; *p; p++) {
        if (out->len > x->limit) {
            char what[128];
            if (x->limit < EXPANSION_MAX)
                snprintf(what, sizeof what, "the pack's patterns expand to more than %u MiB in all",
                         (unsigned)(PACK_EXPANSION_MAX >> 20));
            else
                snprintf(what, sizeof what, "definitions expand to more than %u KiB",
                         (unsigned)(EXPANSION_MAX >> 10));
            return fail_expansion(x, what, NULL, 0);
        }
        if (*p == '\\' && p[1]) {
            po_buf_putc(out, *p++);
            po_buf_putc(out, *p);
            /* \p{Han}, \x{2460}, \g{1}, \k{name}: the braces are the escape's */
            if (strchr("pPxNgko", *p) && p[1] == '{') {
                while (p[1] && *p != '}')
                    po_buf_putc(out, *++p);
            }
            continue;
        }
        if (*p == '{' && ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z'))) {
            const char *q = p + 1;
            bool lex = strncmp(q, "lex:", 4) == 0;
            if (lex)
                q += 4;
            const char *name = q;
            while (is_name_char(*q))
                q++;
            if (*q == '}') {
                size_t len = (size_t)(q - name);
                if (lex) {
                    char nm[128];
                    if (len >= sizeof nm)
                        return fail_expansion(x, "lexicon name too long", NULL, 0);
                    memcpy(nm, name, len);
                    nm[len] = '\0';
                    const po_lexicon *l = po_rules_lexicon_any(x->r, nm);
                    if (!l)
                        return fail_expansion(x, "unknown lexicon ", nm, len);
                    if (x->lex_used)
                        x->lex_used[l - x->r->lex] = true;
                    po_buf_puts(out, "(?:");
                    for (size_t i = 0; i < l->n_words; i++) {
                        if (i)
                            po_buf_putc(out, '|');
                        put_escaped(out, l->words[i]);
                    }
                    po_buf_putc(out, ')');
                } else {
                    const pdef *d = find_def(x->r, name, len);
                    if (!d)
                        return fail_expansion(x, "unknown definition ", name, len);
                    for (int i = 0; i < x->depth; i++)
                        if (x->chain_len[i] == len && memcmp(x->chain[i], name, len) == 0)
                            return fail_expansion(x, "a definition refers to itself: ", name, len);
                    if (x->depth == DEF_DEPTH_MAX)
                        return fail_expansion(x, "definitions nest deeper than 8 at ", name, len);
                    x->chain[x->depth] = name;
                    x->chain_len[x->depth++] = len;
                    po_buf_puts(out, "(?:");
                    if (!expand(x, d->frag))
                        return false;
                    x->depth--;
                    po_buf_putc(out, ')');
                }
                p = q;
                continue;
            }
        }
        po_buf_putc(out, *p);
    }
    return true;
}

/* A copy of s as matching sees it: text is folded to simplified (fold.h),
 * so are the words a rule matches it with. NULL when out of memory. */
static char *fold_dup(po_arena *arena, const char *s)
{
    po_buf b = PO_BUF_INIT;
    po_fold_append(&b, s, strlen(s));
    char *copy = b.failed ? NULL : po_arena_strdup(arena, b.data ? b.data : "");
    po_buf_free(&b);
    return copy;
}

/* ---- pass 1: defs and lexicons ---------------------------------------- */

static void *grow(po_rules *r, void *arr, size_t *n, size_t *cap, size_t elem)
{
    void *a = arr;
    void *slot = po_arena_push(r->arena, &a, n, cap, elem);
    return slot ? a : NULL;
}

#define PUSH(r, arr, n, cap) \
    ((arr) = grow((r), (arr), &(n), &(cap), sizeof *(arr)), (arr) ? &(arr)[(n) - 1] : NULL)

static int cmp_len_desc(const void *a, const void *b)
{
    size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
    if (la != lb)
        return la < lb ? 1 : -1;
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void load_defs(ctx *c, yaml_document_t *doc, yaml_node_t *map)
{
    if (map->type != YAML_MAPPING_NODE) {
        report(c, PO_DIAG_ERROR, &map->start_mark, NULL, "defs must be a mapping of name: regex");
        return;
    }
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (!scalar(k) || !scalar(v)) {
            report(c, PO_DIAG_ERROR, &k->start_mark, NULL, "a definition maps a name to a regex");
            continue;
        }
        if (find_def(c->r, scalar(k), strlen(scalar(k)))) {
            report(c, PO_DIAG_ERROR, &k->start_mark, NULL, "definition '%s' is defined twice",
                   scalar(k));
            continue;
        }
        if (strstr(scalar(v), "\\p{Han}")) {
            report(c, PO_DIAG_ERROR, &v->start_mark, NULL,
                   "definition '%s': write \\p{sc:Han} for ideographs; \\p{Han} also matches CJK punctuation",
                   scalar(k));
            continue;
        }
        char what[160];
        snprintf(what, sizeof what, "definition '%s'", scalar(k));
        po_check_twin_branches(&c->rep, NULL, what, v);
        pdef *d = PUSH(c->r, c->r->defs, c->r->n_defs, c->r->cap_defs);
        if (!d)
            return;
        d->name = po_arena_strdup(c->r->arena, scalar(k));
        d->frag = po_arena_strdup(c->r->arena, scalar(v));
    }
}

static void load_lexicons(ctx *c, yaml_document_t *doc, yaml_node_t *map)
{
    if (map->type != YAML_MAPPING_NODE) {
        report(c, PO_DIAG_ERROR, &map->start_mark, NULL, "lexicons must be a mapping of name: [words]");
        return;
    }
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (!scalar(k) || v->type != YAML_SEQUENCE_NODE) {
            report(c, PO_DIAG_ERROR, &k->start_mark, NULL, "a lexicon maps a name to a list of words");
            continue;
        }
        po_lexicon *l = (po_lexicon *)po_rules_lexicon_any(c->r, scalar(k));
        if (!l) {
            l = PUSH(c->r, c->r->lex, c->r->n_lex, c->r->cap_lex);
            if (!l)
                return;
            l->name = po_arena_strdup(c->r->arena, scalar(k));
            l->file = po_arena_strdup(c->r->arena, c->rep.file);
            l->line = (int)k->start_mark.line + 1;
            l->column = (int)k->start_mark.column + 1;
        }
        char what[160];
        snprintf(what, sizeof what, "lexicon '%s'", scalar(k));
        po_check_twin_words(&c->rep, NULL, what, doc, v);
        /* a lexicon named in two files is the union of both */
        size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        const char **words = po_arena_grow(c->r->arena, l->words, l->n_words, l->n_words + n,
                                           sizeof *words);
        if (!words)
            return;
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
            yaml_node_t *w = yaml_document_get_node(doc, *it);
            if (!scalar(w) || !*scalar(w)) {
                report(c, PO_DIAG_ERROR, &w->start_mark, NULL, "a lexicon word must be a non-empty string");
                continue;
            }
            words[l->n_words++] = fold_dup(c->r->arena, scalar(w));
        }
        l->words = words;
        qsort(l->words, l->n_words, sizeof *l->words, cmp_len_desc);
    }
}

/* ---- pass 2: rules ---------------------------------------------------- */

static kind_index *index_for(po_rules *r, const char *kind)
{
    for (size_t i = 0; i < r->n_kinds; i++)
        if (strcmp(r->kinds[i].kind, kind) == 0)
            return &r->kinds[i];
    kind_index *k = PUSH(r, r->kinds, r->n_kinds, r->cap_kinds);
    if (k)
        k->kind = po_arena_strdup(r->arena, kind);
    return k;
}

static void compile_pattern(ctx *c, po_rule *rule, yaml_node_t *pnode)
{
    /* PCRE2 reads \p{Han} as the script extension, which takes in 。，、：
     * too: a rule meant for ideographs would run over punctuation. */
    if (strstr(scalar(pnode), "\\p{Han}")) {
        report(c, PO_DIAG_ERROR, &pnode->start_mark, rule->id,
               "rule %s: write \\p{sc:Han} for ideographs; \\p{Han} also matches CJK punctuation",
               rule->id);
        return;
    }
    char what[160];
    snprintf(what, sizeof what, "rule %s: pattern", rule->id);
    po_check_twin_branches(&c->rep, rule->id, what, pnode);
    po_buf b = PO_BUF_INIT;
    size_t left = c->expanded < PACK_EXPANSION_MAX ? PACK_EXPANSION_MAX - c->expanded : 0;
    expansion x = {.r = c->r, .out = &b, .limit = left < EXPANSION_MAX ? left : EXPANSION_MAX,
                   .lex_used = c->lex_used};
    bool ok = expand(&x, scalar(pnode));
    c->expanded += b.len;
    if (!ok) {
        report(c, PO_DIAG_ERROR, &pnode->start_mark, rule->id, "rule %s: pattern: %s", rule->id, x.err);
        po_buf_free(&b);
        return;
    }
    po_buf_append(&b, "", 0);
    po_buf folded = PO_BUF_INIT;
    po_fold_append(&folded, b.data, b.len);
    po_buf_append(&folded, "", 0);
    if (b.failed || folded.failed) {
        c->rep.errors++;
        po_buf_free(&b);
        po_buf_free(&folded);
        return;
    }
    po_buf_free(&b);
    b = folded;
    int code;
    PCRE2_SIZE off;
    uint32_t options = PCRE2_UTF | PCRE2_UCP;
    char **lits = NULL;
    size_t n_lits = 0;
    size_t max_len;
    uint32_t stops;
    if (c->r->pf && po_pattern_literals(b.data, &lits, &n_lits, &max_len, &stops)) {
        int slot = po_prefilter_add(c->r->pf, lits, n_lits, max_len, stops);
        if (slot < 0)
            c->rep.errors++;
        rule->filter = slot + 1;
        rule->max_len = max_len;
        rule->stops = stops;
        options |= PCRE2_USE_OFFSET_LIMIT; /* the matcher bounds where a match may start */
    }
    for (size_t i = 0; i < n_lits; i++)
        free(lits[i]);
    free(lits);
    rule->re = pcre2_compile((PCRE2_SPTR)b.data, b.len, options, &code, &off, NULL);
    if (!rule->re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        yaml_mark_t at = pnode->start_mark;
        /* point into the pattern when the error lies before any expansion */
        const char *raw = scalar(pnode);
        size_t same = 0;
        while (raw[same] && same < b.len && raw[same] == b.data[same])
            same++;
        if (off <= same && pnode->start_mark.line == pnode->end_mark.line) {
            int quoted = pnode->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                         pnode->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
            at.column += (size_t)quoted + po_utf8_length(raw, off);
        }
        report(c, PO_DIAG_ERROR, &at, rule->id, "rule %s: pattern does not compile: %s", rule->id,
               (const char *)msg);
        po_buf_free(&b);
        return;
    }
    /* the interpreter is the fallback when JIT is unavailable; valgrind
     * cannot follow JIT code, so POLICY_OUTLINE_NO_JIT turns it off */
    if (!getenv("POLICY_OUTLINE_NO_JIT"))
        rule->jit = pcre2_jit_compile(rule->re, PCRE2_JIT_COMPLETE) == 0;
    if (pcre2_pattern_info(rule->re, PCRE2_INFO_CAPTURECOUNT, &rule->captures) != 0)
        rule->captures = UINT32_MAX;
    rule->pattern = po_arena_strdup(c->r->arena, b.data);
    po_buf_free(&b);
}

/* One example: a string, or a mapping of text, value, ref and expected
 * captures by group name. Checked once every rule is compiled (check.c). */
static void read_example(ctx *c, po_rule *rule, yaml_document_t *doc, yaml_node_t *e, po_example *ex)
{
    ex->line = (int)e->start_mark.line + 1;
    ex->column = (int)e->start_mark.column + 1;
    if (scalar(e)) {
        ex->text = po_arena_strdup(c->r->arena, scalar(e));
        return;
    }
    size_t n = e->type == YAML_MAPPING_NODE ? (size_t)(e->data.mapping.pairs.top - e->data.mapping.pairs.start) : 0;
    ex->groups = n ? po_arena_alloc(c->r->arena, 2 * n * sizeof *ex->groups) : NULL;
    for (size_t i = 0; i < n && ex->groups; i++) {
        yaml_node_pair_t *p = &e->data.mapping.pairs.start[i];
        yaml_node_t *kn = yaml_document_get_node(doc, p->key), *vn = yaml_document_get_node(doc, p->value);
        const char *k = scalar(kn), *v = scalar(vn);
        if (!k || !v) {
            report(c, PO_DIAG_ERROR, &kn->start_mark, rule->id, "rule %s: an example maps names to strings",
                   rule->id);
            continue;
        }
        const char *copy = po_arena_strdup(c->r->arena, v);
        if (strcmp(k, "text") == 0) {
            ex->text = copy;
        } else if ((strcmp(k, "value") == 0 && po_contract_kind(rule->kind)->value_doc) || strcmp(k, "ref") == 0) {
            /* without a value of its kind, `value` is a group (metadata's) */
            if (ex->counter || !po_contract_kind(rule->kind)->value_doc)
                report(c, PO_DIAG_ERROR, &kn->start_mark, rule->id, "rule %s: %s of kind %s take no '%s'",
                       rule->id, ex->counter ? "counter-examples" : "examples", rule->kind, k);
            *(strcmp(k, "value") == 0 ? &ex->value : &ex->ref) = copy;
        } else {
            ex->groups[ex->n_groups++] = po_arena_strdup(c->r->arena, k);
            ex->groups[ex->n_groups++] = copy;
        }
    }
    if (!ex->text)
        report(c, PO_DIAG_ERROR, &e->start_mark, rule->id, "rule %s: an example is a string or has a 'text'",
               rule->id);
}

static void read_examples(ctx *c, po_rule *rule, yaml_document_t *doc, yaml_node_t *list, bool counter)
{
    if (list->type != YAML_SEQUENCE_NODE) {
        report(c, PO_DIAG_ERROR, &list->start_mark, rule->id, "rule %s: %s must be a list", rule->id,
               counter ? "counter" : "examples");
        return;
    }
    size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    po_example *all = po_arena_grow(c->r->arena, rule->examples, rule->n_examples, rule->n_examples + n,
                                    sizeof *all);
    if (!all) {
        c->rep.errors++;
        return;
    }
    rule->examples = all;
    for (size_t i = 0; i < n; i++) {
        po_example *ex = &all[rule->n_examples];
        memset(ex, 0, sizeof *ex);
        ex->counter = counter;
        read_example(c, rule, doc, yaml_document_get_node(doc, list->data.sequence.items.start[i]), ex);
        if (ex->text)
            rule->n_examples++;
    }
}

static void read_attr(ctx *c, po_rule *rule, yaml_document_t *doc, const char *k, yaml_node_t *vn)
{
    po_rules *r = c->r;
    po_attr *a = &rule->attrs[rule->n_attrs++];
    /* the contract's string: the code names keys by the same literals */
    const po_key_contract *spec = po_contract_key(rule->contract, k);
    a->key = spec ? spec->key : po_arena_strdup(r->arena, k);
    a->line = (int)vn->start_mark.line + 1;
    a->column = (int)vn->start_mark.column + 1;
    if (vn->type == YAML_SCALAR_NODE) {
        a->value = po_arena_strdup(r->arena, scalar(vn));
    } else if (vn->type == YAML_SEQUENCE_NODE) {
        size_t m = (size_t)(vn->data.sequence.items.top - vn->data.sequence.items.start);
        a->items = po_arena_alloc(r->arena, (m ? m : 1) * sizeof *a->items);
        for (yaml_node_item_t *it = vn->data.sequence.items.start; a->items && it < vn->data.sequence.items.top; it++) {
            const char *s = scalar(yaml_document_get_node(doc, *it));
            if (s) /* anything else was reported by the contract check */
                a->items[a->n_items++] = po_arena_strdup(r->arena, s);
        }
    } else {
        char what[160];
        snprintf(what, sizeof what, "rule %s: %s", rule->id, k);
        po_check_twin_words(&c->rep, rule->id, what, doc, vn);
        size_t m = (size_t)(vn->data.mapping.pairs.top - vn->data.mapping.pairs.start);
        a->is_map = true;
        a->items = po_arena_alloc(r->arena, (m ? 2 * m : 1) * sizeof *a->items);
        for (yaml_node_pair_t *q = vn->data.mapping.pairs.start; a->items && q < vn->data.mapping.pairs.top; q++) {
            const char *mk = scalar(yaml_document_get_node(doc, q->key));
            const char *mv = scalar(yaml_document_get_node(doc, q->value));
            if (mk && mv) {
                a->items[a->n_items++] = fold_dup(r->arena, mk);
                a->items[a->n_items++] = po_arena_strdup(r->arena, mv);
            }
        }
    }
}

static void load_rule(ctx *c, yaml_document_t *doc, yaml_node_t *map)
{
    if (map->type != YAML_MAPPING_NODE) {
        report(c, PO_DIAG_ERROR, &map->start_mark, NULL, "a rule must be a mapping");
        return;
    }
    po_rules *r = c->r;
    po_rule *rule = PUSH(r, r->rules, r->n_rules, r->cap_rules);
    if (!rule) {
        c->rep.errors++;
        return;
    }
    rule->file = po_arena_strdup(r->arena, c->rep.file);
    rule->line = (int)map->start_mark.line + 1;
    rule->column = (int)map->start_mark.column + 1;
    /* id and kind first: the messages about other keys name them */
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        const char *v = scalar(yaml_document_get_node(doc, p->value));
        if (k && strcmp(k, "id") == 0)
            rule->id = v ? po_arena_strdup(r->arena, v) : NULL;
        else if (k && strcmp(k, "kind") == 0)
            rule->kind = v ? po_arena_strdup(r->arena, v) : NULL;
    }
    if (!rule->id || !*rule->id) {
        report(c, PO_DIAG_ERROR, &map->start_mark, NULL, "rule has no id");
        r->n_rules--;
        return;
    }
    for (size_t i = 0; i + 1 < r->n_rules; i++)
        if (strcmp(r->rules[i].id, rule->id) == 0) {
            report(c, PO_DIAG_ERROR, &map->start_mark, rule->id,
                   "rule id '%s' is used twice (first at %s:%d)", rule->id, r->rules[i].file,
                   r->rules[i].line);
            break;
        }
    const po_kind_contract *kind = po_contract_kind(rule->kind);
    if (!kind) {
        size_t nk;
        const po_kind_contract *kinds = po_contract_kinds(&nk);
        const char *names[32];
        po_buf exp = PO_BUF_INIT;
        for (size_t i = 0; i < nk && i < 32; i++) {
            names[i] = kinds[i].kind;
            po_buf_printf(&exp, "%s%s", i ? ", " : "", kinds[i].kind);
        }
        const char *near = rule->kind ? po_closest_name(rule->kind, names, nk < 32 ? nk : 32) : NULL;
        report(c, PO_DIAG_ERROR, &map->start_mark, rule->id,
               "rule %s: unknown kind '%s' (expected one of: %s)%s%s%s", rule->id,
               rule->kind ? rule->kind : "(none)", exp.data ? exp.data : "", near ? "; did you mean '" : "",
               near ? near : "", near ? "'?" : "");
        po_buf_free(&exp);
        r->n_rules--;
        return;
    }
    rule->contract = kind;
    po_check_rule_keys(&c->rep, doc, map, rule->id, kind);
    size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    rule->attrs = po_arena_alloc(r->arena, (n ? n : 1) * sizeof *rule->attrs);
    yaml_node_t *pattern = NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; rule->attrs && p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *vn = yaml_document_get_node(doc, p->value);
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        if (!k || !po_contract_key(kind, k) || strcmp(k, "id") == 0 || strcmp(k, "kind") == 0)
            continue;
        if (strcmp(k, "pattern") == 0) {
            if (!scalar(vn) || !*scalar(vn))
                report(c, PO_DIAG_ERROR, &vn->start_mark, rule->id, "rule %s: pattern must be a string",
                       rule->id);
            else
                pattern = vn;
        } else if (strcmp(k, "examples") == 0 || strcmp(k, "counter") == 0) {
            read_examples(c, rule, doc, vn, strcmp(k, "counter") == 0);
        } else {
            read_attr(c, rule, doc, k, vn);
        }
    }
    if (pattern) {
        compile_pattern(c, rule, pattern);
        po_check_rule_pattern(&c->rep, rule, kind, (int)pattern->start_mark.line + 1,
                              (int)pattern->start_mark.column + 1);
    }
}

/* ---- driver ------------------------------------------------------------- */

/* libyaml reports an encoding error at the start of its buffer: find the
 * first invalid byte ourselves and report it where it is. */
static bool valid_utf8(ctx *c, const po_rule_source *src)
{
    const unsigned char *s = (const unsigned char *)src->text;
    size_t line = 0, col = 0;
    for (size_t i = 0; i < src->len;) {
        size_t used;
        uint32_t cp = po_utf8_decode(s + i, src->len - i, &used);
        bool bad = cp == PO_REPLACEMENT && !(used == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD);
        if (bad || cp == 0) {
            yaml_mark_t at = {i, line, col};
            if (bad)
                report(c, PO_DIAG_ERROR, &at, NULL, "invalid UTF-8 (byte 0x%02X); rule files are UTF-8", s[i]);
            else
                report(c, PO_DIAG_ERROR, &at, NULL, "a NUL byte; rule files are UTF-8 text");
            return false;
        }
        if (cp == '\n') {
            line++;
            col = 0;
        } else {
            col++;
        }
        i += used;
    }
    return true;
}

static bool parse(ctx *c, const po_rule_source *src, yaml_document_t *doc)
{
    if (!valid_utf8(c, src))
        return false;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        c->rep.errors++;
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)src->text, src->len);
    bool ok = yaml_parser_load(&parser, doc);
    if (!ok) {
        yaml_mark_t m = parser.problem_mark;
        report(c, PO_DIAG_ERROR, &m, NULL, "YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
               parser.context ? " " : "", parser.context ? parser.context : "");
    }
    yaml_parser_delete(&parser);
    /* a rule listed through thousands of aliases would be compiled as often */
    yaml_mark_t where = {0, 0, 0};
    if (ok && !po_yaml_within_budget(doc, PO_YAML_EXPANSION_BUDGET, &where)) {
        report(c, PO_DIAG_ERROR, &where, NULL, "YAML: aliases expand this file past %u bytes, or into itself",
               (unsigned)PO_YAML_EXPANSION_BUDGET);
        yaml_document_delete(doc);
        ok = false;
    }
    return ok;
}

/* The name a pack goes by in messages that belong to no file: its folder. */
static const char *pack_name(const po_rule_source *sources, size_t n, char *buf, size_t size)
{
    if (!n)
        return "rules";
    const char *slash = strrchr(sources[0].name, '/');
    snprintf(buf, size, "%.*s", slash ? (int)(slash - sources[0].name) : 0, sources[0].name);
    return *buf ? buf : sources[0].name;
}

po_status po_rules_compile(const po_rule_source *sources, size_t n, po_rules **out,
                           po_diag_fn diag, void *user)
{
    return po_rules_compile_flags(sources, n, 0, out, diag, user);
}

po_status po_rules_compile_flags(const po_rule_source *sources, size_t n, unsigned flags,
                                 po_rules **out, po_diag_fn diag, void *user)
{
    *out = NULL;
    po_arena *arena = po_arena_new();
    po_rules *r = arena ? po_arena_alloc(arena, sizeof *r) : NULL;
    yaml_document_t *docs = calloc(n ? n : 1, sizeof *docs);
    bool *loaded = calloc(n ? n : 1, sizeof *loaded);
    if (!r || !docs || !loaded) {
        po_arena_free(arena);
        free(docs);
        free(loaded);
        return PO_ERR_NOMEM;
    }
    r->arena = arena;
    /* POLICY_OUTLINE_REFERENCE=1: no prefilter, every rule runs everywhere
     * (the reference that tests compare the fast path with) */
    const char *ref = getenv("POLICY_OUTLINE_REFERENCE");
    if (!(ref && *ref && strcmp(ref, "0") != 0) && !(r->pf = po_prefilter_new())) {
        po_arena_free(arena);
        free(docs);
        free(loaded);
        return PO_ERR_NOMEM;
    }
    ctx c = {r, {diag, user, NULL, 0}, NULL, 0};
    static const char *const SECTIONS[] = {"defs", "lexicons", "rules"};
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            c.lex_used = po_arena_alloc(arena, (r->n_lex ? r->n_lex : 1) * sizeof *c.lex_used);
        for (size_t i = 0; i < n; i++) {
            c.rep.file = sources[i].name;
            if (pass == 0)
                loaded[i] = parse(&c, &sources[i], &docs[i]);
            if (!loaded[i])
                continue;
            yaml_node_t *root = yaml_document_get_root_node(&docs[i]);
            if (!root)
                continue; /* an empty file is an empty pack */
            if (root->type != YAML_MAPPING_NODE) {
                if (pass == 0)
                    report(&c, PO_DIAG_ERROR, &root->start_mark, NULL,
                           "a rule file is a mapping with defs, lexicons and rules");
                continue;
            }
            for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
                yaml_node_t *k = yaml_document_get_node(&docs[i], p->key);
                yaml_node_t *v = yaml_document_get_node(&docs[i], p->value);
                const char *name = scalar(k);
                int which = -1;
                for (int s = 0; name && s < 3; s++)
                    if (strcmp(name, SECTIONS[s]) == 0)
                        which = s;
                if (which < 0) {
                    if (pass == 0)
                        report(&c, PO_DIAG_ERROR, &k->start_mark, NULL,
                               "unknown section '%s' (expected defs, lexicons or rules)",
                               name ? name : "?");
                } else if (pass == 0 && which == 0) {
                    load_defs(&c, &docs[i], v);
                } else if (pass == 0 && which == 1) {
                    load_lexicons(&c, &docs[i], v);
                } else if (pass == 1 && which == 2) {
                    if (v->type != YAML_SEQUENCE_NODE) {
                        report(&c, PO_DIAG_ERROR, &v->start_mark, NULL, "rules must be a list");
                        continue;
                    }
                    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
                        load_rule(&c, &docs[i], yaml_document_get_node(&docs[i], *it));
                }
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (loaded[i])
            yaml_document_delete(&docs[i]);
    free(docs);
    free(loaded);
    if (r->pf && !c.rep.errors && po_prefilter_finish(r->pf) != 0)
        c.rep.errors++;
    for (size_t i = 0; i < r->n_lex; i++)
        if (po_lexicon_index_build(&r->lex[i], r->arena) != 0)
            c.rep.errors++;
    for (size_t i = 0; i < r->n_rules; i++) {
        r->rules[i].contract = po_contract_kind(r->rules[i].kind);
        kind_index *k = index_for(r, r->rules[i].kind);
        const po_rule **slot = k ? PUSH(r, k->rules, k->n, k->cap) : NULL;
        if (!slot)
            c.rep.errors++;
        else
            *slot = &r->rules[i];
    }
    if (r->n_kinds)
        qsort(r->kinds, r->n_kinds, sizeof *r->kinds, cmp_kind);
    const po_lexicon **by_name = po_arena_alloc(r->arena, (r->n_lex ? r->n_lex : 1) * sizeof *by_name);
    if (!by_name)
        c.rep.errors++;
    for (size_t i = 0; by_name && i < r->n_lex; i++) {
        r->lex[i].declared = po_contract_lexicon(r->lex[i].name) != NULL;
        by_name[i] = &r->lex[i];
    }
    if (by_name && r->n_lex)
        qsort(by_name, r->n_lex, sizeof *by_name, cmp_lex_name);
    r->by_name = by_name;
    size_t cap = 8;
    while (cap < 2 * r->n_lex)
        cap *= 2;
    r->by_ptr_key = po_arena_alloc(r->arena, cap * sizeof *r->by_ptr_key);
    r->by_ptr = po_arena_alloc(r->arena, cap * sizeof *r->by_ptr);
    if (!r->by_ptr_key || !r->by_ptr) {
        c.rep.errors++;
        r->by_ptr = NULL;
    } else {
        memset(r->by_ptr_key, 0, cap * sizeof *r->by_ptr_key);
        r->by_ptr_mask = cap - 1;
        for (size_t i = 0; i < r->n_lex; i++) {
            const po_lexicon_contract *lc = po_contract_lexicon(r->lex[i].name);
            if (!lc)
                continue;
            size_t k = ptr_slot(lc->name, r->by_ptr_mask);
            while (r->by_ptr_key[k])
                k = (k + 1) & r->by_ptr_mask;
            r->by_ptr_key[k] = lc->name;
            r->by_ptr[k] = &r->lex[i];
        }
    }
    po_check_examples(&c.rep, r);
    char name[512];
    if (!(flags & PO_COMPILE_FRAGMENT) && c.lex_used)
        po_check_lexicons(&c.rep, r, c.lex_used, pack_name(sources, n, name, sizeof name));
    if (c.rep.errors) {
        po_rules_free(r);
        return PO_ERR_RULES;
    }
    *out = r;
    return PO_OK;
}

size_t po_rules_all(const po_rules *r, const po_rule **first)
{
    *first = r->rules;
    return r->n_rules;
}

size_t po_rules_lexicons(const po_rules *r, const po_lexicon **first)
{
    *first = r->lex;
    return r->n_lex;
}

void po_rules_free(po_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_rules; i++)
        pcre2_code_free(r->rules[i].re);
    po_prefilter_free(r->pf);
    po_arena_free(r->arena); /* r itself lives there */
}

const po_prefilter *po_rules_prefilter(const po_rules *r)
{
    return r ? r->pf : NULL;
}

size_t po_rules_size(const po_rules *r)
{
    return r ? r->n_rules : 0;
}

size_t po_rules_count(const po_rules *r, const char *kind)
{
    const kind_index *k = find_kind(r, kind);
    return k ? k->n : 0;
}

const po_rule *po_rules_get(const po_rules *r, const char *kind, size_t i)
{
    const kind_index *k = find_kind(r, kind);
    return k && i < k->n ? k->rules[i] : NULL;
}

const po_rule *const *po_rules_of(const po_rules *r, const char *kind, size_t *n)
{
    const kind_index *k = find_kind(r, kind);
    *n = k ? k->n : 0;
    return k ? k->rules : NULL;
}

const po_rule *po_rules_find(const po_rules *r, const char *id)
{
    for (size_t i = 0; i < r->n_rules; i++)
        if (strcmp(r->rules[i].id, id) == 0)
            return &r->rules[i];
    return NULL;
}

const po_attr *po_rule_attr(const po_rule *rule, const char *key)
{
    /* a rule's keys are the contract's strings, which the code's literals
     * usually are too (the linker merges them): pointers first; else keys
     * differ mostly in their first byte, and strcmp runs when it agrees */
    for (size_t i = 0; i < rule->n_attrs; i++)
        if (rule->attrs[i].key == key)
            return &rule->attrs[i];
    for (size_t i = 0; i < rule->n_attrs; i++) {
        const char *k = rule->attrs[i].key;
        if (k[0] == key[0] && strcmp(k, key) == 0)
            return &rule->attrs[i];
    }
    /* the loader keeps only declared keys; one the code asks for must be
     * declared too, or a rule could misspell it unnoticed */
    assert(po_contract_key(rule->contract ? rule->contract : po_contract_kind(rule->kind), key) &&
           "a key read by the code is missing from rules/contract.c");
    return NULL;
}

const char *po_rule_str(const po_rule *rule, const char *key, const char *fallback)
{
    const po_attr *a = po_rule_attr(rule, key);
    return a && a->value ? a->value : fallback;
}

const char *po_rule_map_get(const po_rule *rule, const char *attr, const char *key, size_t keylen)
{
    const po_attr *a = po_rule_attr(rule, attr);
    if (!a || !a->is_map)
        return NULL;
    for (size_t i = 0; i + 1 < a->n_items; i += 2)
        if (strlen(a->items[i]) == keylen && memcmp(a->items[i], key, keylen) == 0)
            return a->items[i + 1];
    return NULL;
}
