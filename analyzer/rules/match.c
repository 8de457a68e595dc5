/* match.c - running compiled rules over a document's normalised text, under
 * PCRE2 match and depth limits so that no rule and no input can hang. */
#include <string.h>

#include "rules.h"
#include "../util/search.h"

enum { MATCH_LIMIT = 2000000, DEPTH_LIMIT = 5000 };

/* pcre2_match, or straight to the JIT code when the rule has it: this
 * skips pcre2_match's checks of what the matcher guarantees (a valid UTF-8
 * subject, an offset inside it). An anchored match is no JIT one (PCRE2
 * interprets it). */
static int run(const po_rule *rule, const char *s, size_t len, size_t at, uint32_t opts, pcre2_match_data *md,
               pcre2_match_context *mc)
{
    if (rule->jit && !(opts & PCRE2_ANCHORED))
        return pcre2_jit_match(rule->re, (PCRE2_SPTR)s, len, at, opts & ~PCRE2_NO_UTF_CHECK, md, mc);
    return pcre2_match(rule->re, (PCRE2_SPTR)s, len, at, opts | PCRE2_NO_UTF_CHECK, md, mc);
}

int po_matcher_init(po_matcher *m, const po_text *text)
{
    memset(m, 0, sizeof *m);
    m->text = text;
    m->md = pcre2_match_data_create(64, NULL);
    m->sd = pcre2_match_data_create(64, NULL);
    m->mc = pcre2_match_context_create(NULL);
    if (!m->md || !m->sd || !m->mc) {
        po_matcher_free(m);
        return -1;
    }
    pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    pcre2_set_depth_limit(m->mc, DEPTH_LIMIT);
    return 0;
}

void po_matcher_init_places(po_matcher *m, const po_text *text)
{
    memset(m, 0, sizeof *m);
    m->text = text;
}

void po_matcher_free(po_matcher *m)
{
    po_prefilter_hits_free(&m->hits);
    pcre2_match_data_free(m->md);
    pcre2_match_data_free(m->sd);
    pcre2_match_context_free(m->mc);
    m->md = NULL;
    m->sd = NULL;
    m->mc = NULL;
}

int po_matcher_scan(po_matcher *m, const po_rules *rules)
{
    po_prefilter_hits_free(&m->hits);
    m->pf = po_rules_prefilter(rules);
    return po_prefilter_scan(po_rules_prefilter(rules), m->text->norm, m->text->norm_len, &m->hits);
}

int po_matcher_blanked(po_matcher *m, size_t start, size_t end)
{
    const po_text *t = m->text;
    if (!m->hits.active || !po_prefilter_spaced(m->pf) || start >= end || end > t->n)
        return 0;
    return po_prefilter_rescan(m->pf, t->norm, t->norm_len, t->cp_byte[start], t->cp_byte[end], &m->hits);
}

int po_rule_match(po_matcher *m, const po_rule *rule, size_t from, size_t until, unsigned flags,
             po_match *out)
{
    const po_text *t = m->text;
    if (!rule->re || from > t->n)
        return 0;
    if (until > t->n)
        until = t->n;
    if (until < from)
        return 0;
    size_t len = t->cp_byte[until];
    uint32_t opts = PCRE2_NO_UTF_CHECK | ((flags & PO_MATCH_ANCHORED) ? PCRE2_ANCHORED : 0);
    int rc;
    if (!rule->filter || !m->hits.active || m->hits.dense[rule->filter - 1]) {
        pcre2_set_offset_limit(m->mc, PCRE2_UNSET);
        rc = run(rule, t->norm, len, t->cp_byte[from], opts, m->md, m->mc);
    } else {
        /* only in the windows where a match may start (prefilter.h); an
         * anchored match starts at from or nowhere: one window */
        int slot = rule->filter - 1;
        bool anchored = flags & PO_MATCH_ANCHORED;
        size_t max_len = anchored ? SIZE_MAX : rule->max_len;
        uint32_t stops = anchored ? 0 : rule->stops;
        size_t at = t->cp_byte[from], start, limit;
        rc = PCRE2_ERROR_NOMATCH;
        while (rc == PCRE2_ERROR_NOMATCH &&
               po_prefilter_window(&m->hits, slot, max_len, stops, t->norm, at, len, &start, &limit)) {
            while (start < limit && ((unsigned char)t->norm[start] & 0xC0) == 0x80)
                start++; /* to a character's first byte */
            pcre2_set_offset_limit(m->mc, limit);
            if (start <= limit)
                rc = run(rule, t->norm, len, start, opts, m->md, m->mc);
            at = limit + 1;
        }
    }
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        m->errors++;
        return -1;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    out->start = po_text_cp_at_byte(t, ov[0]);
    out->end = po_text_cp_at_byte(t, ov[1]);
    out->rule = rule;
    return 1;
}

int po_rule_group_number(const po_rule *rule, const char *name)
{
    int num = rule->re ? pcre2_substring_number_from_name(rule->re, (PCRE2_SPTR)name) : -1;
    return num < 0 ? -1 : num;
}

void po_rule_group_numbers(const po_rule *rule, const char *const *names, size_t n, int *num)
{
    for (size_t i = 0; i < n; i++)
        num[i] = -1;
    uint32_t count = 0, size = 0;
    PCRE2_SPTR table = NULL;
    if (!rule->re || pcre2_pattern_info(rule->re, PCRE2_INFO_NAMECOUNT, &count) != 0 || !count ||
        pcre2_pattern_info(rule->re, PCRE2_INFO_NAMEENTRYSIZE, &size) != 0 ||
        pcre2_pattern_info(rule->re, PCRE2_INFO_NAMETABLE, &table) != 0)
        return;
    /* one walk over the pattern's names (two bytes of number, then the
     * name), rather than one search of them per name asked for */
    for (uint32_t e = 0; e < count; e++) {
        const unsigned char *entry = table + (size_t)e * size;
        const char *name = (const char *)entry + 2;
        for (size_t i = 0; i < n; i++)
            if (names[i][0] == name[0] && strcmp(names[i], name) == 0)
                num[i] = num[i] == -1 ? (entry[0] << 8 | entry[1]) : -2; /* a name used twice: none */
    }
    for (size_t i = 0; i < n; i++)
        if (num[i] < 0)
            num[i] = -1;
}

bool po_match_group(const po_matcher *m, const po_rule *rule, const char *name, size_t *start,
                    size_t *end)
{
    return po_match_group_number(m, po_rule_group_number(rule, name), start, end);
}

bool po_match_group_number(const po_matcher *m, int num, size_t *start, size_t *end)
{
    if (num < 0 || (uint32_t)num >= pcre2_get_ovector_count(m->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    if (ov[2 * num] == PCRE2_UNSET)
        return false;
    *start = po_text_cp_at_byte(m->text, ov[2 * num]);
    *end = po_text_cp_at_byte(m->text, ov[2 * num + 1]);
    return true;
}

/* The result of a match of rule over a whole string into md. */
static int string_result(const po_rule *rule, int rc, pcre2_match_data *md, const char *name,
                         size_t *start, size_t *end)
{
    int result = rc == PCRE2_ERROR_NOMATCH ? 0 : rc < 0 ? -1 : 1;
    if (result == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        int num = name ? pcre2_substring_number_from_name(rule->re, (PCRE2_SPTR)name) : 0;
        if (num < 0 || ov[2 * num] == PCRE2_UNSET) {
            result = 0;
        } else {
            *start = ov[2 * num];
            *end = ov[2 * num + 1];
        }
    }
    return result;
}

bool po_matcher_may_match(const po_matcher *m, const po_rule *rule, size_t from, size_t until)
{
    if (!rule->filter || !m->hits.active || m->hits.dense[rule->filter - 1])
        return true;
    const uint32_t *v = m->hits.pos[rule->filter - 1];
    size_t n = m->hits.n[rule->filter - 1], lo = po_lower_bound_u32(v, n, from);
    return lo < n && v[lo] < until;
}

int po_matcher_string(po_matcher *m, const po_rule *rule, const char *s, size_t len, const char *name,
                      size_t *start, size_t *end)
{
    if (!rule->re)
        return 0;
    if (rule->captures >= pcre2_get_ovector_count(m->sd))
        return po_match_string(rule, s, len, name, start, end); /* more groups than sd holds */
    pcre2_set_offset_limit(m->mc, PCRE2_UNSET);
    int rc = run(rule, s, len, 0, 0, m->sd, m->mc);
    return string_result(rule, rc, m->sd, name, start, end);
}

int po_match_string(const po_rule *rule, const char *s, size_t len, const char *name,
                    size_t *start, size_t *end)
{
    if (!rule->re)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(rule->re, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    int result = -1;
    if (md && mc) {
        pcre2_set_match_limit(mc, MATCH_LIMIT);
        pcre2_set_depth_limit(mc, DEPTH_LIMIT);
        int rc = pcre2_match(rule->re, (PCRE2_SPTR)s, len, 0, 0, md, mc);
        result = string_result(rule, rc, md, name, start, end);
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return result;
}
