#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static bool reserve(po_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void po_buf_append_grow(po_buf *b, const char *s, size_t len)
{
    if (!reserve(b, len))
        return;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void po_buf_puts(po_buf *b, const char *s)
{
    po_buf_append(b, s, strlen(s));
}

void po_buf_putc_grow(po_buf *b, char c)
{
    po_buf_append(b, &c, 1);
}

void po_buf_printf(po_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void po_buf_put_cp(po_buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n = po_utf8_encode(cp, tmp);
    po_buf_append(b, tmp, n);
}

void po_buf_clear(po_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void po_buf_free(po_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

char *po_buf_detach(po_buf *b)
{
    if (b->failed) {
        po_buf_free(b);
        return NULL;
    }
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
