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

void po_para_text(po_para *p, const char *s, size_t len, bool collapse)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        /* a run of ordinary bytes goes in at once */
        while (i < len) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7F || (collapse && c == ' '))
                break;
            i++;
        }
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
    po_buf md = PO_BUF_INIT;
    if (p->markdown && n > 0) {
        if (!po_markdown_line(&md, s, n))
            n = 0;
        else if (md.data) {
            s = md.data;
            n = md.len;
            po_trim_space(&s, &n);
        }
    }
    if (n > 0) {
        if (p->out.len > 0)
            po_buf_putc(&p->out, '\n');
        po_buf_append(&p->out, s, n);
    }
    po_buf_free(&md);
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
