/* compile.c - YAML rule files to a compiled, immutable pack.
 *
 * Two passes over the parsed documents: defs and lexicons first (so a
 * pattern may use a fragment from any file), then the rules. Every problem
 * is reported with FILE:LINE:COLUMN and compilation goes on, so one run shows
 * all the errors of a pack; any error means no pack is returned. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rules.h"
#include "../normalize/fold.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/utf8.h"

bool po_schema_common_key(const char *key);

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
    kind_index *kinds;
    size_t n_kinds, cap_kinds;
    po_prefilter *pf; /* NULL in the reference mode */
};

typedef struct ctx {
    po_rules *r;
    po_diag_fn diag;
    void *user;
    int errors;
    const char *file;
} ctx;

static void report(ctx *c, po_diag_level level, const yaml_mark_t *mark, const char *rule,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(ctx *c, po_diag_level level, const yaml_mark_t *mark, const char *rule,
                   const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (level == PO_DIAG_ERROR)
        c->errors++;
    if (!c->diag)
        return;
    po_diag d = {level, c->file, mark ? (int)mark->line + 1 : 0, mark ? (int)mark->column + 1 : 0,
                 rule, msg};
    c->diag(&d, c->user);
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

const po_lexicon *po_rules_lexicon(const po_rules *r, const char *name)
{
    for (size_t i = 0; i < r->n_lex; i++)
        if (strcmp(r->lex[i].name, name) == 0)
            return &r->lex[i];
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

/* Expand {name} and {lex:name}; a brace that does not open a known
 * reference (a quantifier such as {1,3}) is kept. Returns 0 or an error
 * message (static). */
static const char *expand(const po_rules *r, const char *pat, po_buf *out, int depth)
{
    if (depth > 8)
        return "definitions nest too deep (a cycle?)";
    for (const char *p = pat; *p; p++) {
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
                        return "lexicon name too long";
                    memcpy(nm, name, len);
                    nm[len] = '\0';
                    const po_lexicon *l = po_rules_lexicon(r, nm);
                    if (!l)
                        return "unknown lexicon";
                    po_buf_puts(out, "(?:");
                    for (size_t i = 0; i < l->n_words; i++) {
                        if (i)
                            po_buf_putc(out, '|');
                        put_escaped(out, l->words[i]);
                    }
                    po_buf_putc(out, ')');
                } else {
                    const pdef *d = find_def(r, name, len);
                    if (!d)
                        return "unknown definition";
                    po_buf_puts(out, "(?:");
                    const char *err = expand(r, d->frag, out, depth + 1);
                    if (err)
                        return err;
                    po_buf_putc(out, ')');
                }
                p = q;
                continue;
            }
        }
        po_buf_putc(out, *p);
    }
    return NULL;
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
        po_lexicon *l = (po_lexicon *)po_rules_lexicon(c->r, scalar(k));
        if (!l) {
            l = PUSH(c->r, c->r->lex, c->r->n_lex, c->r->cap_lex);
            if (!l)
                return;
            l->name = po_arena_strdup(c->r->arena, scalar(k));
        }
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

static bool key_allowed(const char *kind, const char *key)
{
    if (po_schema_common_key(key))
        return true;
    const char *const *keys = po_schema_keys(kind);
    for (size_t i = 0; keys && keys[i]; i++)
        if (strcmp(keys[i], key) == 0)
            return true;
    return false;
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
    po_buf b = PO_BUF_INIT;
    const char *err = expand(c->r, scalar(pnode), &b, 0);
    if (err) {
        report(c, PO_DIAG_ERROR, &pnode->start_mark, rule->id, "rule %s: pattern: %s", rule->id, err);
        po_buf_free(&b);
        return;
    }
    po_buf_append(&b, "", 0);
    po_buf folded = PO_BUF_INIT;
    po_fold_append(&folded, b.data, b.len);
    po_buf_append(&folded, "", 0);
    if (b.failed || folded.failed) {
        c->errors++;
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
    if (c->r->pf && po_pattern_literals(b.data, &lits, &n_lits)) {
        int slot = po_prefilter_add(c->r->pf, lits, n_lits);
        if (slot < 0)
            c->errors++;
        rule->filter = slot + 1;
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
        pcre2_jit_compile(rule->re, PCRE2_JIT_COMPLETE);
    rule->pattern = po_arena_strdup(c->r->arena, b.data);
    po_buf_free(&b);
}

static void check_examples(ctx *c, po_rule *rule, yaml_document_t *doc, yaml_node_t *ex)
{
    if (ex->type != YAML_SEQUENCE_NODE) {
        report(c, PO_DIAG_ERROR, &ex->start_mark, rule->id, "rule %s: examples must be a list", rule->id);
        return;
    }
    for (yaml_node_item_t *it = ex->data.sequence.items.start; it < ex->data.sequence.items.top; it++) {
        yaml_node_t *e = yaml_document_get_node(doc, *it);
        const char *s = scalar(e);
        if (!s)
            continue;
        /* examples are matched as the analysis sees text: normalised */
        po_text t;
        if (po_text_init(&t, s, strlen(s)) != 0)
            return;
        size_t st, en;
        if (po_match_string(rule, t.norm, t.norm_len, NULL, &st, &en) != 1)
            report(c, PO_DIAG_ERROR, &e->start_mark, rule->id,
                   "rule %s: pattern does not match its example '%s'", rule->id, s);
        po_text_free(&t);
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
        c->errors++;
        return;
    }
    rule->file = po_arena_strdup(r->arena, c->file);
    rule->line = (int)map->start_mark.line + 1;
    rule->column = (int)map->start_mark.column + 1;
    yaml_node_t *pattern = NULL, *examples = NULL;
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
    if (!rule->kind || !po_schema_keys(rule->kind)) {
        report(c, PO_DIAG_ERROR, &map->start_mark, rule->id, "rule %s: unknown kind '%s'", rule->id,
               rule->kind ? rule->kind : "(none)");
        r->n_rules--;
        return;
    }
    size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    rule->attrs = po_arena_alloc(r->arena, (n ? n : 1) * sizeof *rule->attrs);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(doc, p->key);
        yaml_node_t *vn = yaml_document_get_node(doc, p->value);
        const char *k = scalar(kn);
        if (!k) {
            report(c, PO_DIAG_ERROR, &kn->start_mark, rule->id, "rule %s: keys must be strings", rule->id);
            continue;
        }
        if (!key_allowed(rule->kind, k)) {
            report(c, PO_DIAG_ERROR, &kn->start_mark, rule->id, "rule %s: unknown key '%s' for kind %s",
                   rule->id, k, rule->kind);
            continue;
        }
        if (strcmp(k, "pattern") == 0) {
            if (!scalar(vn) || !*scalar(vn))
                report(c, PO_DIAG_ERROR, &vn->start_mark, rule->id, "rule %s: pattern must be a string",
                       rule->id);
            else
                pattern = vn;
            continue;
        }
        if (strcmp(k, "examples") == 0) {
            examples = vn;
            continue;
        }
        if (!rule->attrs)
            continue;
        po_attr *a = &rule->attrs[rule->n_attrs++];
        a->key = po_arena_strdup(r->arena, k);
        if (vn->type == YAML_SCALAR_NODE) {
            a->value = po_arena_strdup(r->arena, scalar(vn));
        } else if (vn->type == YAML_SEQUENCE_NODE) {
            size_t m = (size_t)(vn->data.sequence.items.top - vn->data.sequence.items.start);
            a->items = po_arena_alloc(r->arena, (m ? m : 1) * sizeof *a->items);
            for (yaml_node_item_t *it = vn->data.sequence.items.start; a->items && it < vn->data.sequence.items.top; it++) {
                const char *s = scalar(yaml_document_get_node(doc, *it));
                if (!s)
                    report(c, PO_DIAG_ERROR, &vn->start_mark, rule->id, "rule %s: %s must list strings",
                           rule->id, k);
                else
                    a->items[a->n_items++] = po_arena_strdup(r->arena, s);
            }
        } else {
            size_t m = (size_t)(vn->data.mapping.pairs.top - vn->data.mapping.pairs.start);
            a->is_map = true;
            a->items = po_arena_alloc(r->arena, (m ? 2 * m : 1) * sizeof *a->items);
            for (yaml_node_pair_t *q = vn->data.mapping.pairs.start; a->items && q < vn->data.mapping.pairs.top; q++) {
                const char *mk = scalar(yaml_document_get_node(doc, q->key));
                const char *mv = scalar(yaml_document_get_node(doc, q->value));
                if (!mk || !mv) {
                    report(c, PO_DIAG_ERROR, &vn->start_mark, rule->id,
                           "rule %s: %s must map strings to strings", rule->id, k);
                    continue;
                }
                a->items[a->n_items++] = fold_dup(r->arena, mk);
                a->items[a->n_items++] = po_arena_strdup(r->arena, mv);
            }
        }
    }
    if (pattern)
        compile_pattern(c, rule, pattern);
    if (examples && rule->re)
        check_examples(c, rule, doc, examples);
}

/* ---- driver ------------------------------------------------------------- */

static bool parse(ctx *c, const po_rule_source *src, yaml_document_t *doc)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        c->errors++;
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
    return ok;
}

po_status po_rules_compile(const po_rule_source *sources, size_t n, po_rules **out,
                           po_diag_fn diag, void *user)
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
    ctx c = {r, diag, user, 0, NULL};
    static const char *const SECTIONS[] = {"defs", "lexicons", "rules"};
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            c.file = sources[i].name;
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
    if (r->pf && !c.errors && po_prefilter_finish(r->pf) != 0)
        c.errors++;
    for (size_t i = 0; i < r->n_lex && !c.errors; i++)
        if (po_lexicon_index_build(&r->lex[i], r->arena) != 0)
            c.errors++;
    for (size_t i = 0; i < r->n_rules && !c.errors; i++) {
        kind_index *k = index_for(r, r->rules[i].kind);
        const po_rule **slot = k ? PUSH(r, k->rules, k->n, k->cap) : NULL;
        if (!slot)
            c.errors++;
        else
            *slot = &r->rules[i];
    }
    if (c.errors) {
        po_rules_free(r);
        return PO_ERR_RULES;
    }
    *out = r;
    return PO_OK;
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
    for (size_t i = 0; i < r->n_kinds; i++)
        if (strcmp(r->kinds[i].kind, kind) == 0)
            return r->kinds[i].n;
    return 0;
}

const po_rule *po_rules_get(const po_rules *r, const char *kind, size_t i)
{
    for (size_t k = 0; k < r->n_kinds; k++)
        if (strcmp(r->kinds[k].kind, kind) == 0)
            return i < r->kinds[k].n ? r->kinds[k].rules[i] : NULL;
    return NULL;
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
    for (size_t i = 0; i < rule->n_attrs; i++)
        if (strcmp(rule->attrs[i].key, key) == 0)
            return &rule->attrs[i];
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
