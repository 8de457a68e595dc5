/* lexicon_text.c - a lexicon's words at a place of a po_text, counted in
 * code points as the stages count; see rules.h. */
#include "lexicon_index.h"
#include "rules.h"
#include "../util/utf8.h"

size_t po_lexicon_at(const po_lexicon *lex, const po_text *t, size_t i, size_t end)
{
    if (!lex || !lex->index || i >= end || end > t->n || !po_lex_cp_bit(lex->index->first_cps, t->ncp[i]))
        return 0;
    const char *w;
    size_t wl = po_lexicon_prefix(lex, t->norm + t->cp_byte[i], t->cp_byte[end] - t->cp_byte[i], &w);
    return wl ? po_utf8_length(w, wl) : 0;
}

size_t po_lexicon_ending(const po_lexicon *lex, const po_text *t, size_t from, size_t e)
{
    if (!lex || !lex->index || e <= from || e > t->n || !po_lex_cp_bit(lex->index->last_cps, t->ncp[e - 1]))
        return 0;
    const char *w;
    size_t wl = po_lexicon_suffix(lex, t->norm + t->cp_byte[from], t->cp_byte[e] - t->cp_byte[from], &w);
    return wl ? po_utf8_length(w, wl) : 0;
}
