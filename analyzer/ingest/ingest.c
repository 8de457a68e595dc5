#define _GNU_SOURCE /* memmem */
/* ingest.c - po_ingest: decode, recognise the format from the content, and
 * hand the text to the reader for that format. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "../outline/model.h"
#include "../util/utf8.h"

void po_ingest_warn(po_ingest_ctx *cx, po_outline *o, int line, int column, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    po_utf8_drop_partial(msg); /* a long message is cut, never a character */
    if (cx->diag) {
        po_diag d = {PO_DIAG_WARNING, cx->source, line, column, NULL, msg};
        cx->diag(&d, cx->user);
    }
    if (o && line > 0) {
        po_outline_warn(o, "%s:%d:%d: %s", cx->source, line, column, msg);
    } else if (o) {
        po_outline_warn(o, "%s", msg);
    } else {
        char **notes = realloc(cx->notes, (cx->n_notes + 1) * sizeof *notes);
        char *copy = strdup(msg);
        if (notes)
            cx->notes = notes;
        if (notes && copy)
            notes[cx->n_notes++] = copy;
        else
            free(copy);
    }
}

bool po_ingest_set_text(po_outline *o, const char *text)
{
    char *t = po_outline_strdup(o, text);
    if (!t)
        return false;
    o->text = t;
    o->text_chars = po_utf8_length(t, strlen(t));
    return true;
}

static bool has_extension(const char *source, const char *const *exts, size_t n)
{
    const char *dot = strrchr(source, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return true;
    return false;
}

static bool starts_with_tag(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    if (i + 1 >= len || s[i] != '<')
        return false;
    char c = s[i + 1];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '?';
}

/* Marks only Markdown uses: an ATX heading, a fence, [text](url), **bold**. */
static bool markdown_marks(const char *s, size_t len)
{
    const char *end = s + len;
    for (const char *p = s; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        size_t h = 0;
        while (p + h < e && p[h] == '#')
            h++;
        if (h >= 1 && h <= 6 && p + h < e && p[h] == ' ')
            return true;
        if (e - p >= 3 && (memcmp(p, "```", 3) == 0 || memcmp(p, "~~~", 3) == 0))
            return true;
        const char *link = memmem(p, (size_t)(e - p), "](", 2);
        if (link && memchr(p, '[', (size_t)(link - p)) && memchr(link, ')', (size_t)(e - link)))
            return true;
        const char *bold = memmem(p, (size_t)(e - p), "**", 2);
        if (bold && memmem(bold + 2, (size_t)(e - bold - 2), "**", 2))
            return true;
        p = nl ? nl + 1 : end;
    }
    return false;
}


/* One article. format is "html", "markdown" or "text" when the caller
 * knows it, NULL to recognise it from the content and the source's name. */
static po_outline *single(po_ingest_ctx *cx, const char *s, size_t len, po_encoding enc,
                          const char *format)
{
    static const char *const MD[] = {"md", "markdown", "mdown", "mkd"};
    static const char *const HTML[] = {"html", "htm", "shtml", "xhtml"};
    po_outline *o = po_outline_new(cx->source, 0);
    if (!o)
        return NULL;
    o->encoding = po_outline_strdup(o, po_encoding_name(enc));
    bool fm = false;
    if (!format || strcmp(format, "markdown") == 0) { /* front matter is Markdown's */
        size_t body = po_frontmatter_parse(cx, o, s, len, &fm);
        s += body;
        len -= body;
    }
    bool html = po_markdown_has_html(s, len);
    if (!format) {
        if (fm)
            format = "markdown";
        else if (starts_with_tag(s, len))
            format = "html";
        else if (markdown_marks(s, len))
            format = "markdown";
        else if (html || has_extension(cx->source, HTML, sizeof HTML / sizeof *HTML))
            format = "html";
        else if (has_extension(cx->source, MD, sizeof MD / sizeof *MD))
            format = "markdown";
        else
            format = "text";
    }
    o->format = po_outline_strdup(o, format);

    char *text;
    if (strcmp(format, "html") == 0)
        text = po_html_text(cx, o, s, len, PO_HTML_META);
    else if (strcmp(format, "text") == 0)
        text = po_lines_text(s, len, false);
    else if (html)
        text = po_html_text(cx, o, s, len, PO_HTML_MARKDOWN | PO_HTML_META);
    else
        text = po_markdown_text(s, len);
    if (strcmp(format, "markdown") == 0 && !o->meta.title) {
        char *title = po_markdown_title(s, len);
        if (title)
            o->meta.title = po_outline_strdup(o, title);
        free(title);
    }
    if (!text || !o->encoding || !o->format || !po_ingest_set_text(o, text)) {
        free(text);
        po_outline_free(o);
        return NULL;
    }
    free(text);
    return o;
}

/* File-level warnings lead the first outline's list. */
static bool attach_notes(po_ingest_ctx *cx, po_outline *o)
{
    const char *const *later = o->warnings;
    size_t n_later = o->n_warnings;
    o->warnings = NULL;
    o->n_warnings = 0;
    for (size_t i = 0; i < cx->n_notes; i++)
        if (po_outline_add_string(o, &o->warnings, &o->n_warnings, cx->notes[i]) != 0)
            return false;
    for (size_t i = 0; i < n_later; i++)
        if (po_outline_add_string(o, &o->warnings, &o->n_warnings, later[i]) != 0)
            return false;
    return true;
}

/* Bidi controls are kept in the model (they are the document's), and the
 * renderers show them by name; a warning says so. */
static void warn_bidi(po_ingest_ctx *cx, po_outline *o)
{
    const char *fields[] = {o->meta.title, o->meta.original_title, o->meta.author, o->meta.editor,
                            o->meta.url, o->text};
    size_t n = 0;
    uint32_t first = 0;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i])
            n += po_utf8_count_bidi(fields[i], strlen(fields[i]), n ? NULL : &first);
    for (size_t i = 0; i < o->meta.n_categories; i++)
        n += po_utf8_count_bidi(o->meta.categories[i], strlen(o->meta.categories[i]), n ? NULL : &first);
    if (n)
        po_ingest_warn(cx, o, 0, 0,
                       "%zu bidi control character%s (first U+%04X) that could draw text backwards; "
                       "text, Markdown and HTML show each by name, as [U+%04X]",
                       n, n == 1 ? "" : "s", (unsigned)first, (unsigned)first);
}

/* po_ingest and po_ingest_as: format NULL recognises day files and the
 * format of a single article. */
static po_status ingest(const char *source, const char *format, const unsigned char *data, size_t len,
                        po_outline ***out, size_t *n_out, po_diag_fn diag, void *user)
{
    if (!out || !n_out || (!data && len))
        return PO_ERR_USAGE;
    *out = NULL;
    *n_out = 0;
    po_ingest_ctx cx = {source ? source : "-", diag, user, NULL, 0, 0};
    po_encoding enc;
    size_t tlen;
    char *text = po_encoding_decode(&cx, data ? data : (const unsigned char *)"", len, &enc, &tlen);
    po_status st = text ? PO_OK : PO_ERR_NOMEM;
    po_outline **list = NULL;
    size_t n = 0;
    bool dayfile = text && !format && po_dayfile_detect(text, tlen);
    if (dayfile) {
        st = po_dayfile_split(&cx, text, tlen, enc, &list, &n);
    } else if (text) {
        po_outline *o = single(&cx, text, tlen, enc, format);
        list = o ? malloc(sizeof *list) : NULL;
        if (list)
            list[n++] = o;
        else
            po_outline_free(o);
        st = list ? PO_OK : PO_ERR_NOMEM;
    }
    if (st == PO_OK && n == 0) {
        /* a day file without articles is still accounted for */
        po_outline *o = po_outline_new(cx.source, 0);
        list = o ? malloc(sizeof *list) : NULL;
        if (list) {
            o->format = po_outline_strdup(o, "dayfile");
            o->encoding = po_outline_strdup(o, po_encoding_name(enc));
            list[n++] = o;
        } else {
            po_outline_free(o);
            st = PO_ERR_NOMEM;
        }
    }
    if (st == PO_OK && !attach_notes(&cx, list[0]))
        st = PO_ERR_NOMEM;
    for (size_t i = 0; st == PO_OK && i < n; i++)
        warn_bidi(&cx, list[i]);
    for (size_t i = 0; i < cx.n_notes; i++)
        free(cx.notes[i]);
    free(cx.notes);
    free(text);
    if (st != PO_OK) {
        for (size_t i = 0; i < n; i++)
            po_outline_free(list[i]);
        free(list);
        return st;
    }
    *out = list;
    *n_out = n;
    return PO_OK;
}

po_status po_ingest(const char *source, const unsigned char *data, size_t len,
                    po_outline ***out, size_t *n_out, po_diag_fn diag, void *user)
{
    return ingest(source, NULL, data, len, out, n_out, diag, user);
}

po_status po_ingest_as(const char *source, const char *format, const unsigned char *data, size_t len,
                       po_outline ***out, size_t *n_out, po_diag_fn diag, void *user)
{
    static const char *const KNOWN[] = {"html", "markdown", "text"};
    for (size_t i = 0; format && i < sizeof KNOWN / sizeof *KNOWN; i++)
        if (strcmp(format, KNOWN[i]) == 0)
            return ingest(source, KNOWN[i], data, len, out, n_out, diag, user);
    return PO_ERR_USAGE;
}
