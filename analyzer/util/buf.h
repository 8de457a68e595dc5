/* buf.h - a growable NUL-terminated byte buffer. */
#ifndef PO_BUF_H
#define PO_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct po_buf {
    char *data; /* always NUL-terminated once anything was added */
    size_t len, cap;
    bool failed; /* an allocation failed; later appends do nothing */
} po_buf;

#define PO_BUF_INIT {NULL, 0, 0, false}

void po_buf_append_grow(po_buf *b, const char *s, size_t len);
/* len bytes of s; inline while there is room for them and the NUL. */
static inline void po_buf_append(po_buf *b, const char *s, size_t len)
{
    if (len < b->cap - b->len && !b->failed) {
        if (len)
            memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
    } else {
        po_buf_append_grow(b, s, len);
    }
}
void po_buf_puts(po_buf *b, const char *s);
void po_buf_putc_grow(po_buf *b, char c);
/* One byte; inline while there is room (renderers write byte by byte). */
static inline void po_buf_putc(po_buf *b, char c)
{
    if (b->len + 1 < b->cap && !b->failed) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        po_buf_putc_grow(b, c);
    }
}
void po_buf_printf(po_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void po_buf_put_cp(po_buf *b, uint32_t cp); /* one code point as UTF-8 */
void po_buf_clear(po_buf *b);
void po_buf_free(po_buf *b);

/* Hand the contents to the caller (malloc'd; "" when empty); NULL when an
 * allocation failed. The buffer is left empty. */
char *po_buf_detach(po_buf *b);

#endif
