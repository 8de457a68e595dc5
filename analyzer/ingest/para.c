/* para.c - building the plain text paragraph by paragraph. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "../util/utf8.h"

static bool is_space_cp(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Wide characters: CJK ideographs, kana, CJK and full-width punctuation. */
static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

/* The code point ending at s[len) (len > 0; the text is well-formed UTF-8,
 * a stray byte counts as one character). */
static uint32_t last_cp(const char *s, size_t len, size_t *width)
{
    size_t i = len - 1;
    while (i > 0 && len - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    size_t used;
    uint32_t c = po_utf8_decode((const unsigned char *)s + i, len - i, &used);
    if (used != len - i) {
        i = len - 1;
        c = (unsigned char)s[i];
    }
    *width = len - i;
    return c;
}

void po_trim_space(const char **s, size_t *len)
{
    const char *p = *s;
    size_t n = *len, used;
    while (n > 0) {
        uint32_t c = po_utf8_decode((const unsigned char *)p, n, &used);
        if (!is_space_cp(c))
            break;
        p += used;
        n -= used;
    }
    while (n > 0) {
        size_t w;
        uint32_t c = last_cp(p, n, &w);
        if (!is_space_cp(c))
            break;
        n -= w;
    }
    *s = p;
    *len = n;
}

void po_para_init(po_para *p, bool markdown)
{
    po_buf empty = PO_BUF_INIT;
    p->out = empty;
    p->cur = empty;
    p->space = p->space_nl = false;
    p->markdown = markdown;
}

static void flush_space(po_para *p, const char *next, size_t next_len)
{
    if (!p->space)
        return;
    bool keep = p->cur.len > 0;
    if (keep && p->space_nl) {
        /* a line break inside Chinese text is not a word space */
        size_t w, used;
        uint32_t before = last_cp(p->cur.data, p->cur.len, &w);
        uint32_t after = po_utf8_decode((const unsigned char *)next, next_len, &used);
        if (is_cjk(before) && is_cjk(after))
            keep = false;
    }
    if (keep)
        po_buf_putc(&p->cur, ' ');
    p->space = p->space_nl = false;
}

/* The end of the run of bytes from s[i] on that po_para_text copies as they
 * are: none below 0x20, no DEL, and with collapse no space. Eight bytes are
 * tested at once (bytes of 0x80 and up, all of Chinese text, never stop a
 * run); a word that may hold a stop is then read byte by byte. */
static size_t plain_run_end(const char *s, size_t i, size_t len, bool collapse)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const uint64_t del = 0x7F * ones, space = 0x20 * ones;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t d = w ^ del, sp = w ^ space;
            /* a byte below 0x20, or one equal to DEL (or space) */
            uint64_t m = ((w - space) & ~w) | ((d - ones) & ~d);
            if (collapse)
                m |= (sp - ones) & ~sp;
            if (!(m & highs)) {
                i += 8;
                continue;
            }
        }
        for (size_t e = i + (len - i < 8 ? len - i : 8); i < e; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7F || (collapse && c == ' '))
                return i;
        }
    }
    return len;
}

void po_para_text(po_para *p, const char *s, size_t len, bool collapse)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        /* a run of ordinary bytes goes in at once */
        i = plain_run_end(s, i, len, collapse);
        if (i > start) {
            flush_space(p, s + start, i - start);
            po_buf_append(&p->cur, s + start, i - start);
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i++];
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (ws && collapse) {
            p->space = true;
            p->space_nl |= c == '\n' || c == '\r';
        } else if (c == '\t') {
            po_buf_putc(&p->cur, ' ');
        }
        /* other control characters carry no text */
    }
}

void po_para_break(po_para *p)
{
    p->space = p->space_nl = false;
    if (p->cur.len == 0)
        return;
    const char *s = p->cur.data;
    size_t n = p->cur.len;
    po_trim_space(&s, &n);
    if (n > 0 && !p->out.failed) {
        /* the paragraph goes straight into out, after its separator; what
         * the Markdown reader leaves is trimmed there */
        size_t before = p->out.len;
        if (before > 0)
            po_buf_putc(&p->out, '\n');
        size_t start = p->out.len;
        if (!p->markdown) {
            po_buf_append(&p->out, s, n);
        } else if (!po_markdown_line(&p->out, s, n)) {
            p->out.len = start; /* a line without text */
        } else if (!p->out.failed) {
            const char *t = p->out.data + start;
            size_t tn = p->out.len - start;
            po_trim_space(&t, &tn);
            memmove(p->out.data + start, t, tn);
            p->out.len = start + tn;
        }
        if (p->out.len == start) /* nothing was added: no separator either */
            p->out.len = before;
        if (p->out.data && !p->out.failed)
            p->out.data[p->out.len] = '\0';
    }
    po_buf_clear(&p->cur);
}

char *po_para_finish(po_para *p)
{
    po_para_break(p);
    bool failed = p->cur.failed;
    po_buf_free(&p->cur);
    if (failed) {
        po_buf_free(&p->out);
        return NULL;
    }
    return po_buf_detach(&p->out);
}

void po_para_free(po_para *p)
{
    po_buf_free(&p->cur);
    po_buf_free(&p->out);
}

char *po_lines_text(const char *s, size_t len, bool markdown)
{
    po_para p;
    po_para_init(&p, markdown);
    for (const char *end = s + len; s < end;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        po_para_text(&p, s, (size_t)(e - s), false);
        po_para_break(&p);
        s = nl ? nl + 1 : end;
    }
    return po_para_finish(&p);
}
