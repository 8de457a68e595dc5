/* check.c - a pack against its contract (contract.h), as it compiles.
 *
 * Everything the code would silently get wrong is refused here, located at
 * the key, value or example that causes it: a misspelt value (resolve:
 * rnage), a pattern without the group the code reads, a group the code
 * never reads (a typo of one it does), a missing lexicon, a pattern that
 * matches the empty string where rules are run along the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../util/buf.h"

/* as match.c: no example can hang the loader */
enum { MATCH_LIMIT = 2000000, DEPTH_LIMIT = 5000 };

void po_report(po_reporter *rep, po_diag_level level, int line, int column, const char *rule,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    po_vreport(rep, level, line, column, rule, fmt, ap);
    va_end(ap);
}

void po_vreport(po_reporter *rep, po_diag_level level, int line, int column, const char *rule, const char *fmt,
                va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (level == PO_DIAG_ERROR)
        rep->errors++;
    if (!rep->diag)
        return;
    po_diag d = {level, rep->file, line, column, rule, msg};
    rep->diag(&d, rep->user);
}

#define AT(node) (int)(node)->start_mark.line + 1, (int)(node)->start_mark.column + 1

static const char *scalar(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* ---- keys and values -------------------------------------------------------- */

static bool is_int(const char *s)
{
    char *end;
    if (!*s)
        return false;
    (void)strtol(s, &end, 10);
    return *end == '\0';
}

static bool is_part(const char *s)
{
    if (*s == '~')
        s++;
    if (strcmp(s, "*") == 0)
        return true;
    int a, b, used = 0;
    if (sscanf(s, "%d/%d%n", &a, &b, &used) == 2 && s[used] == '\0')
        return a > 0 && b >= a;
    used = 0;
    return sscanf(s, "%d%n", &a, &used) == 1 && s[used] == '\0' && a > 0;
}

static void check_value(po_reporter *rep, yaml_node_t *node, const char *v, const po_key_contract *kc,
                        const char *id, const char *word)
{
    const char *problem = NULL;
    switch (kc->type) {
    case PO_V_TEXT:
    case PO_V_STYLE: /* against the pack's markers, once all are read */
        problem = *v ? NULL : "is empty";
        break;
    case PO_V_INT:
        problem = is_int(v) ? NULL : "is not an integer";
        break;
    case PO_V_ORDINAL:
        problem = strcmp(v, "last") == 0 || (is_int(v) && atoi(v) > 0) ? NULL : "is not a positive integer or last";
        break;
    case PO_V_PART:
        problem = is_part(v) ? NULL : "is not *, N or N/N (after an optional ~)";
        break;
    case PO_V_ONE_OF:
        for (size_t i = 0; kc->values[i]; i++)
            if (strcmp(kc->values[i], v) == 0)
                return;
        break;
    }
    if (kc->type != PO_V_ONE_OF) {
        if (problem)
            po_report(rep, PO_DIAG_ERROR, AT(node), id, "rule %s: %s '%s'%s%s%s %s", id, kc->noun, v,
                      word ? " (for " : "", word ? word : "", word ? ")" : "", problem);
        return;
    }
    po_buf exp = PO_BUF_INIT;
    po_contract_expected(kc, &exp);
    const char *near = po_closest_name(v, kc->values, (size_t)-1);
    po_report(rep, PO_DIAG_ERROR, AT(node), id, "rule %s: unknown %s '%s'%s%s%s (expected one of: %s)%s%s%s", id,
              kc->noun, v, word ? " for '" : "", word ? word : "", word ? "'" : "", exp.data ? exp.data : "",
              near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
    po_buf_free(&exp);
}

static void shape_error(po_reporter *rep, yaml_node_t *node, const po_key_contract *kc, const char *id)
{
    static const char *const SHAPE[] = {"a single value", "a list", "a mapping"};
    po_buf exp = PO_BUF_INIT;
    po_contract_expected(kc, &exp);
    po_report(rep, PO_DIAG_ERROR, AT(node), id, "rule %s: '%s' takes %s (%s%s)", id, kc->key, SHAPE[kc->shape],
              kc->shape == PO_MAP ? "each value " : "", exp.data ? exp.data : "");
    po_buf_free(&exp);
}

static void check_key_value(po_reporter *rep, yaml_document_t *doc, yaml_node_t *v, const po_key_contract *kc,
                            const char *id)
{
    if (kc->shape == PO_SCALAR) {
        if (!scalar(v))
            shape_error(rep, v, kc, id);
        else
            check_value(rep, v, scalar(v), kc, id, NULL);
    } else if (kc->shape == PO_LIST) {
        if (v->type != YAML_SEQUENCE_NODE) {
            shape_error(rep, v, kc, id);
            return;
        }
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
            yaml_node_t *e = yaml_document_get_node(doc, *it);
            if (!scalar(e))
                shape_error(rep, e, kc, id);
            else
                check_value(rep, e, scalar(e), kc, id, NULL);
        }
    } else {
        if (v->type != YAML_MAPPING_NODE) {
            shape_error(rep, v, kc, id);
            return;
        }
        for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
            yaml_node_t *mk = yaml_document_get_node(doc, p->key), *mv = yaml_document_get_node(doc, p->value);
            if (!scalar(mk) || !scalar(mv))
                shape_error(rep, scalar(mk) ? mv : mk, kc, id);
            else
                check_value(rep, mv, scalar(mv), kc, id, scalar(mk));
        }
    }
}

static yaml_node_t *find_key(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        if (k && strcmp(k, key) == 0)
            return yaml_document_get_node(doc, p->value);
    }
    return NULL;
}

static void unknown_key(po_reporter *rep, yaml_node_t *kn, const char *k, const char *id,
                        const po_kind_contract *kind)
{
    const char *names[64];
    size_t n = 0;
    po_buf exp = PO_BUF_INIT;
    for (const po_key_contract *c = kind->keys; c->key && n < 64; c++) {
        po_buf_printf(&exp, "%s%s", n ? ", " : "", c->key);
        names[n++] = c->key;
    }
    for (const po_key_contract *c = po_common_keys; c->key && n < 64; c++)
        names[n++] = c->key;
    const char *near = po_closest_name(k, names, n);
    po_report(rep, PO_DIAG_ERROR, AT(kn), id, "rule %s: unknown key '%s' for kind %s (%s%s%s)%s%s%s", id, k,
              kind->kind, exp.data ? "its keys: " : "it takes no keys but the common ones",
              exp.data ? exp.data : "", exp.data ? ", and the common ones" : "", near ? "; did you mean '" : "",
              near ? near : "", near ? "'?" : "");
    po_buf_free(&exp);
}

bool po_check_rule_keys(po_reporter *rep, yaml_document_t *doc, yaml_node_t *map, const char *id,
                        const po_kind_contract *kind)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(doc, p->key), *vn = yaml_document_get_node(doc, p->value);
        const char *k = scalar(kn);
        if (!k) {
            po_report(rep, PO_DIAG_ERROR, AT(kn), id, "rule %s: keys must be strings", id);
            continue;
        }
        const po_key_contract *kc = po_contract_key(kind, k);
        if (!kc) {
            unknown_key(rep, kn, k, id, kind);
            continue;
        }
        /* examples and counter-examples are read (and checked) by compile.c */
        if (strcmp(k, "examples") != 0 && strcmp(k, "counter") != 0)
            check_key_value(rep, doc, vn, kc, id);
    }
    for (int common = 1; common >= 0; common--) {
        for (const po_key_contract *c = common ? po_common_keys : kind->keys; c->key; c++) {
            if (!c->required || find_key(doc, map, c->key))
                continue;
            po_buf exp = PO_BUF_INIT;
            if (c->type == PO_V_ONE_OF)
                po_contract_expected(c, &exp);
            po_report(rep, PO_DIAG_ERROR, AT(map), id, "rule %s: a rule of kind %s needs the key '%s'%s%s%s", id,
                      kind->kind, c->key, exp.data ? " (one of: " : "", exp.data ? exp.data : "",
                      exp.data ? ")" : "");
            po_buf_free(&exp);
        }
    }
    for (const po_key_need *n = kind->needs; n && n->needs; n++) {
        yaml_node_t *v = n->key ? find_key(doc, map, n->key) : NULL;
        if (v && scalar(v) && strcmp(scalar(v), n->value) == 0 && !find_key(doc, map, n->needs))
            po_report(rep, PO_DIAG_ERROR, AT(v), id, "rule %s: %s: %s needs the key '%s'", id, n->key, n->value,
                      n->needs);
    }
    return true;
}

/* ---- patterns ------------------------------------------------------------- */

/* The named groups of a compiled pattern. */
typedef struct group_names {
    PCRE2_SPTR table;
    uint32_t count, size;
} group_names;

static group_names names_of(const pcre2_code *re)
{
    group_names n = {NULL, 0, 0};
    pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &n.count);
    pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &n.size);
    pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &n.table);
    return n;
}

static const char *name_at(const group_names *n, uint32_t i)
{
    return (const char *)n->table + (size_t)i * n->size + 2;
}

static bool has_name(const group_names *n, const char *name, size_t len)
{
    for (uint32_t i = 0; i < n->count; i++)
        if (strlen(name_at(n, i)) == len && memcmp(name_at(n, i), name, len) == 0)
            return true;
    return false;
}

/* Each space-separated requirement of list (a|b|=key) met by a group of
 * the pattern or a key of the rule; the first one that is not, or NULL. */
static const char *unmet(const char *list, const group_names *n, const po_rule *rule, size_t *len)
{
    const char *cur = list, *end = list + strlen(list), *term, *alt;
    size_t tl, al;
    while (po_contract_token(&cur, end, ' ', &term, &tl)) {
        bool met = false;
        for (const char *c = term; !met && po_contract_token(&c, term + tl, '|', &alt, &al);) {
            if (*alt == '=') {
                char key[32];
                snprintf(key, sizeof key, "%.*s", (int)(al - 1), alt + 1);
                met = po_rule_attr(rule, key) != NULL;
            } else {
                met = has_name(n, alt, al);
            }
        }
        if (!met) {
            *len = tl;
            return term;
        }
    }
    return NULL;
}

/* "y2|m2|=value" as "group 'y2', group 'm2' or the key 'value'" */
static void alternatives(po_buf *b, const char *term, size_t len)
{
    const char *alt;
    size_t al;
    for (const char *c = term; po_contract_token(&c, term + len, '|', &alt, &al);) {
        bool key = *alt == '=';
        po_buf_printf(b, "%s%s'%.*s'", alt == term ? "" : c == term + len ? " or " : ", ",
                      key ? "the key " : "group ", (int)(al - key), alt + key);
    }
}

void po_check_rule_pattern(po_reporter *rep, const po_rule *rule, const po_kind_contract *kind, int line,
                           int col)
{
    if (!rule->re)
        return;
    group_names n = names_of(rule->re);
    const char *id = rule->id;
    for (uint32_t i = 0; i < n.count; i++) {
        const char *g = name_at(&n, i);
        if (po_contract_group_listed(kind->groups, g, strlen(g)) ||
            po_contract_group_listed(kind->optional_groups, g, strlen(g)))
            continue;
        po_buf exp = PO_BUF_INIT;
        po_buf_printf(&exp, "%s%s%s", kind->groups, *kind->groups && *kind->optional_groups ? " " : "",
                      kind->optional_groups);
        for (char *c = exp.data; c && *c; c++)
            if (*c == ' ' || *c == '|')
                *c = ',';
        po_report(rep, PO_DIAG_ERROR, line, col, id,
                  "rule %s: unknown group '%s' for kind %s (%s%s%s); write (?:…) for a group the code does not read",
                  id, g, kind->kind, exp.data ? "it reads: " : "it reads no groups", exp.data ? exp.data : "", "");
        po_buf_free(&exp);
    }
    size_t len;
    const char *miss = unmet(kind->groups, &n, rule, &len);
    if (miss) {
        po_buf alt = PO_BUF_INIT;
        alternatives(&alt, miss, len);
        bool one = !memchr(miss, '|', len);
        po_report(rep, PO_DIAG_ERROR, line, col, id, "rule %s: a rule of kind %s needs %s in its pattern%s%.*s%s", id,
                  kind->kind, alt.data ? alt.data : "", one ? ", as (?<" : "", one ? (int)len : 0, miss,
                  one ? ">…)" : "");
        po_buf_free(&alt);
    }
    if (strcmp(kind->kind, "date") == 0) {
        const char *mode = po_rule_str(rule, "resolve", "calendar");
        const po_mode_contract *m = po_contract_mode(mode);
        if (m && (miss = unmet(m->groups, &n, rule, &len)) != NULL) {
            po_buf alt = PO_BUF_INIT;
            alternatives(&alt, miss, len);
            po_report(rep, PO_DIAG_ERROR, line, col, id, "rule %s: resolve mode %s needs %s", id, mode,
                      alt.data ? alt.data : "");
            po_buf_free(&alt);
        }
    }
    for (const po_key_need *k = kind->needs; k && k->needs; k++)
        if (k->group && has_name(&n, k->group, strlen(k->group)) && !po_rule_attr(rule, k->needs))
            po_report(rep, PO_DIAG_ERROR, line, col, id, "rule %s: the group '%s' needs the key '%s'", id, k->group,
                      k->needs);
    uint32_t min = 1;
    if (kind->scans && pcre2_pattern_info(rule->re, PCRE2_INFO_MINLENGTH, &min) == 0 && min == 0)
        po_report(rep, PO_DIAG_ERROR, line, col, id,
                  "rule %s: the pattern can match the empty string; rules of kind %s are run along the text "
                  "and must match at least one character",
                  id, kind->kind);
}

/* ---- examples ----------------------------------------------------------------- */

typedef struct matcher {
    pcre2_match_data *md;
    pcre2_match_context *mc;
} matcher;

/* The first match of rule in s from byte from: 1 (span in *ms, *me), 0, -1. */
static int match_from(matcher *m, const po_rule *rule, const po_text *t, size_t from, uint32_t opts, size_t *ms,
                      size_t *me)
{
    int rc = pcre2_match(rule->re, (PCRE2_SPTR)t->norm, t->norm_len, from, opts, m->md, m->mc);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return -1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    *ms = ov[0];
    *me = ov[1];
    return 1;
}

/* Why the analysis would not take the match [s, e) of rule in t (into why),
 * or false when it would. */
static bool rejected(matcher *m, const po_rules *rules, const po_rule *rule, const po_text *t, size_t s,
                     size_t e, char *why, size_t size)
{
    const char *by = po_contract_kind(rule->kind)->suppressed_by;
    if (!by)
        return false;
    bool trap = strcmp(by, "trap") == 0;
    if (trap && !po_marker_placed(rules, rule, t, po_text_cp_at_byte(t, s))) {
        snprintf(why, size, "it does not stand at a %s start", po_rule_str(rule, "position", "clause"));
        return true;
    }
    const po_rule *all;
    size_t n = po_rules_all(rules, &all);
    const char *style = trap ? po_rule_str(rule, "style", rule->id) : NULL;
    for (size_t i = 0; i < n; i++) {
        const po_rule *r = &all[i];
        if (!r->re || strcmp(r->kind, by) != 0)
            continue;
        size_t vs, ve;
        bool hit = false;
        if (trap) {
            hit = po_trap_applies(r, style) && match_from(m, r, t, s, PCRE2_ANCHORED, &vs, &ve) == 1;
        } else {
            for (size_t from = 0; !hit && from <= t->norm_len && match_from(m, r, t, from, 0, &vs, &ve) == 1;) {
                hit = vs <= s && e <= ve;
                from = ve > vs ? ve : vs + 1;
                if (vs >= e)
                    break;
            }
        }
        if (hit) {
            snprintf(why, size, "%s rejects it", r->id);
            return true;
        }
    }
    return false;
}

static void check_captures(po_reporter *rep, matcher *m, const po_rule *rule, const po_example *ex,
                           const po_text *t)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    for (size_t g = 0; g + 1 < ex->n_groups; g += 2) {
        int num = pcre2_substring_number_from_name(rule->re, (PCRE2_SPTR)ex->groups[g]);
        if (num < 0) {
            po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                      "rule %s: example '%s': '%s' is neither text, value, ref nor a group of the pattern",
                      rule->id, ex->text, ex->groups[g]);
            continue;
        }
        const char *want = ex->groups[g + 1];
        if (ov[2 * num] == PCRE2_UNSET) {
            po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                      "rule %s: example '%s': group %s is unset (expected '%s')", rule->id, ex->text,
                      ex->groups[g], want);
            continue;
        }
        /* compare as written: the example's own bytes, not the normalised ones */
        size_t s = po_text_cp_at_byte(t, ov[2 * num]), e = po_text_cp_at_byte(t, ov[2 * num + 1]), len;
        const char *got = po_text_orig_span(t, s, e, &len);
        if (strlen(want) != len || memcmp(want, got, len) != 0)
            po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                      "rule %s: example '%s': group %s captured '%.*s' (expected '%s')", rule->id, ex->text,
                      ex->groups[g], (int)len, got, want);
    }
}

static void check_one(po_reporter *rep, matcher *m, const po_rules *rules, const po_rule *rule,
                      const po_example *ex)
{
    po_text t;
    if (po_text_init(&t, ex->text, strlen(ex->text)) != 0) {
        rep->errors++;
        return;
    }
    size_t s, e;
    char why[160] = "";
    bool vetoed = false;
    int rc = 0;
    for (size_t from = 0; from <= t.norm_len && (rc = match_from(m, rule, &t, from, 0, &s, &e)) == 1;) {
        vetoed = e > s && rejected(m, rules, rule, &t, s, e, why, sizeof why);
        if (!vetoed)
            break;
        from = e > s ? e : s + 1;
        rc = 0;
    }
    if (rc < 0) {
        po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                  "rule %s: matching '%s' stopped at the match limit", rule->id, ex->text);
    } else if (ex->counter && rc == 1) {
        size_t cs = po_text_cp_at_byte(&t, s), ce = po_text_cp_at_byte(&t, e), len;
        const char *w = po_text_orig_span(&t, cs, ce, &len);
        po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                  "rule %s: counter-example '%s' is matched ('%.*s')", rule->id, ex->text, (int)len, w);
    } else if (!ex->counter && rc == 0) {
        if (vetoed)
            po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                      "rule %s: example '%s' is matched, but %s", rule->id, ex->text, why);
        else
            po_report(rep, PO_DIAG_ERROR, ex->line, ex->column, rule->id,
                      "rule %s: pattern does not match its example '%s'", rule->id, ex->text);
    } else if (!ex->counter) {
        check_captures(rep, m, rule, ex, &t);
    }
    po_text_free(&t);
}

static void check_styles(po_reporter *rep, const po_rules *rules, const po_rule *trap)
{
    const po_attr *styles = po_rule_attr(trap, "styles");
    const po_rule *all;
    size_t n = po_rules_all(rules, &all);
    for (size_t k = 0; styles && k < styles->n_items; k++) {
        const char *names[64];
        size_t m = 0;
        bool found = false;
        po_buf exp = PO_BUF_INIT;
        for (size_t i = 0; i < n && !found; i++) {
            if (strcmp(all[i].kind, "marker") != 0)
                continue;
            const char *st = po_rule_str(&all[i], "style", all[i].id);
            found = strcmp(st, styles->items[k]) == 0;
            if (m < 64)
                names[m++] = st;
            po_buf_printf(&exp, "%s%s", exp.len ? ", " : "", st);
        }
        if (!found) {
            const char *near = po_closest_name(styles->items[k], names, m);
            po_report(rep, PO_DIAG_ERROR, styles->line, styles->column, trap->id,
                      "rule %s: unknown marker style '%s' (expected one of: %s)%s%s%s", trap->id, styles->items[k],
                      exp.data ? exp.data : "none", near ? "; did you mean '" : "", near ? near : "",
                      near ? "'?" : "");
        }
        po_buf_free(&exp);
    }
}

void po_check_examples(po_reporter *rep, const po_rules *rules)
{
    matcher m = {pcre2_match_data_create(64, NULL), pcre2_match_context_create(NULL)};
    if (!m.md || !m.mc) {
        rep->errors++;
    } else {
        pcre2_set_match_limit(m.mc, MATCH_LIMIT);
        pcre2_set_depth_limit(m.mc, DEPTH_LIMIT);
        const po_rule *all;
        size_t n = po_rules_all(rules, &all);
        for (size_t i = 0; i < n; i++) {
            rep->file = all[i].file;
            if (strcmp(all[i].kind, "trap") == 0)
                check_styles(rep, rules, &all[i]);
            for (size_t k = 0; all[i].re && k < all[i].n_examples; k++)
                check_one(rep, &m, rules, &all[i], &all[i].examples[k]);
        }
    }
    pcre2_match_data_free(m.md);
    pcre2_match_context_free(m.mc);
}

/* ---- lexicons --------------------------------------------------------------- */

void po_check_lexicons(po_reporter *rep, const po_rules *rules, const bool *used, const char *pack)
{
    const po_lexicon *lex;
    size_t n = po_rules_lexicons(rules, &lex);
    size_t nc;
    const po_lexicon_contract *want = po_contract_lexicons(&nc);
    /* names neither the code nor a pattern reads: likely a misspelling */
    const char **stray = calloc(n ? n : 1, sizeof *stray);
    const po_lexicon **stray_lex = calloc(n ? n : 1, sizeof *stray_lex);
    size_t n_stray = 0;
    for (size_t i = 0; stray && stray_lex && i < n; i++)
        if (!used[i] && !po_contract_lexicon(lex[i].name)) {
            stray_lex[n_stray] = &lex[i];
            stray[n_stray++] = lex[i].name;
        }
    for (size_t i = 0; i < nc; i++) {
        if (po_rules_lexicon(rules, want[i].name))
            continue;
        const char *near = stray ? po_closest_name(want[i].name, stray, n_stray) : NULL;
        const po_lexicon *at = NULL;
        for (size_t k = 0; near && k < n_stray; k++)
            if (stray[k] == near)
                at = stray_lex[k];
        rep->file = at ? at->file : pack;
        po_report(rep, PO_DIAG_ERROR, at ? at->line : 0, at ? at->column : 0, NULL,
                  "lexicon '%s' is missing (%s reads it: %s)%s%s%s", want[i].name, want[i].reader, want[i].doc,
                  near ? "; is '" : "", near ? near : "", near ? "' a misspelling of it?" : "");
    }
    for (size_t k = 0; k < n_stray; k++) {
        bool named = false; /* in an error above already */
        for (size_t i = 0; i < nc && !named; i++)
            named = !po_rules_lexicon(rules, want[i].name) &&
                    po_closest_name(want[i].name, stray, n_stray) == stray[k];
        if (named)
            continue;
        rep->file = stray_lex[k]->file;
        po_report(rep, PO_DIAG_WARNING, stray_lex[k]->line, stray_lex[k]->column, NULL,
                  "lexicon '%s' is read by no code and no pattern", stray[k]);
    }
    free(stray);
    free(stray_lex);
}
