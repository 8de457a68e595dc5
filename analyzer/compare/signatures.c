/* signatures.c - corpus clustering split in two, so that the costly half
 * runs where the articles are: the map writes each item's MinHash signature
 * and LSH band keys with the text the exact check needs; the reduce reads
 * them back in order and clusters exactly as if the articles had been added
 * in one process (the same items in the same order, the same band keys). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

static void put_hex(po_buf *b, const uint64_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_buf_printf(b, "%016llx", (unsigned long long)v[i]);
}

static void put_string(po_buf *b, const char *name, const char *s)
{
    cJSON *v = cJSON_CreateString(s ? s : "");
    char *json = v ? cJSON_PrintUnformatted(v) : NULL;
    po_buf_printf(b, "\"%s\":", name);
    if (json)
        po_buf_puts(b, json);
    else
        b->failed = true;
    po_buf_putc(b, ',');
    free(json);
    cJSON_Delete(v);
}

char *po_corpus_signatures(const po_corpus *c, size_t first)
{
    po_buf b = PO_BUF_INIT;
    po_buf_puts(&b, "");
    for (size_t i = first; i < c->n_items; i++) {
        const po_corpus_item *it = &c->items[i];
        uint64_t sig[PO_MINHASH_SIZE], bands[PO_LSH_BANDS];
        po_minhash(&it->bigrams, sig);
        po_lsh_bands(sig, bands);
        po_buf_putc(&b, '{');
        put_string(&b, "doc_id", it->doc_id);
        put_string(&b, "item_id", it->item_id);
        put_string(&b, "date", it->date);
        put_string(&b, "lead", it->lead);
        put_string(&b, "text", it->text);
        po_buf_puts(&b, "\"minhash\":\"");
        put_hex(&b, sig, PO_MINHASH_SIZE);
        po_buf_puts(&b, "\",\"bands\":\"");
        put_hex(&b, bands, PO_LSH_BANDS);
        po_buf_puts(&b, "\"}\n");
    }
    return po_buf_detach(&b);
}

static bool parse_hex(const char *s, uint64_t *out, size_t n)
{
    if (!s || strlen(s) != n * 16)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = 0;
        for (size_t k = 0; k < 16; k++) {
            char ch = s[i * 16 + k];
            int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (d < 0)
                return false;
            v = v << 4 | (uint64_t)d;
        }
        out[i] = v;
    }
    return true;
}

static const char *member(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

po_status po_corpus_add_signature(po_corpus *c, const char *line, size_t len, char *why, size_t why_size)
{
    cJSON *o = cJSON_ParseWithLength(line, len);
    const char *doc = member(o, "doc_id"), *item = member(o, "item_id"), *date = member(o, "date");
    const char *lead = member(o, "lead"), *text = member(o, "text");
    uint64_t *bands = po_arena_alloc(c->arena, PO_LSH_BANDS * sizeof *bands);
    po_status st = PO_OK;
    if (!bands) {
        st = PO_ERR_NOMEM;
    } else if (!doc || !item || !date || !lead || !text) {
        snprintf(why, why_size, "not a signature (doc_id, item_id, date, lead, text)");
        st = PO_ERR_INPUT;
    } else if (!parse_hex(member(o, "bands"), bands, PO_LSH_BANDS)) {
        snprintf(why, why_size, "\"bands\" is not %d keys of 16 hex digits", PO_LSH_BANDS);
        st = PO_ERR_INPUT;
    }
    if (st != PO_OK) {
        cJSON_Delete(o);
        return st;
    }
    /* a new article starts where the doc_id changes, as po_corpus_add counts */
    const po_corpus_item *prev = c->n_items ? &c->items[c->n_items - 1] : NULL;
    bool same = prev && strcmp(prev->doc_id, doc) == 0;
    po_corpus_item it = {
        .doc_id = same ? prev->doc_id : po_arena_strdup(c->arena, doc),
        .item_id = po_arena_strdup(c->arena, item),
        .date = same && strcmp(prev->date, date) == 0 ? prev->date : po_arena_strdup(c->arena, date),
        .lead = po_arena_strdup(c->arena, lead),
        .text = po_arena_strdup(c->arena, text),
        .article = same ? prev->article : c->n_articles,
        .bands = bands,
    };
    cJSON_Delete(o);
    if (!it.doc_id || !it.item_id || !it.date || !it.lead || !it.text || po_bigrams_of(it.text, &it.bigrams) != 0)
        return PO_ERR_NOMEM;
    if (po_corpus_push(c, &it) != PO_OK) {
        po_bigrams_free(&it.bigrams);
        return PO_ERR_NOMEM;
    }
    if (!same)
        c->n_articles++;
    return PO_OK;
}
