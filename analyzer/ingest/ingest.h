/* ingest.h - the ingest stage's internal interfaces: bytes -> UTF-8 ->
 * format -> paragraphs and metadata -> outlines. Not part of the public API;
 * tests include it to reach the pieces one by one. */
#ifndef PO_INGEST_H
#define PO_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "policy_outline.h"
#include "../util/buf.h"

/* One call of po_ingest: where diagnostics go and the warnings about the
 * whole file that wait for the first outline. */
typedef struct po_ingest_ctx {
    const char *source;
    po_diag_fn diag;
    void *user;
    char **notes;      /* file-level warnings (malloc'd strings) */
    size_t n_notes;
    unsigned html_options_off; /* libxml2 options to leave out (tests) */
} po_ingest_ctx;

/* Report a warning: always through the callback (with line and column when
 * known, 0 otherwise); kept in outline o, or, when o is NULL, for the first
 * outline of the file. */
void po_ingest_warn(po_ingest_ctx *cx, po_outline *o, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- encoding.c ---------------------------------------------------------- */

typedef enum po_encoding { PO_ENC_UTF8, PO_ENC_GB18030, PO_ENC_BIG5 } po_encoding;

/* "UTF-8", "GB18030", "BIG5". */
const char *po_encoding_name(po_encoding enc);

/* The charset a <meta> tag or XML declaration in the first bytes declares,
 * copied into out (lower case); false when none is declared. */
bool po_encoding_declared(const unsigned char *data, size_t len, char *out, size_t out_size);

/* Decode the input to well-formed UTF-8: BOM removed, NUL bytes dropped,
 * undecodable bytes replaced by U+FFFD, line ends made \n. Warnings go to
 * cx. Returns a malloc'd NUL-terminated string (*out_len bytes) or NULL when
 * out of memory. */
char *po_encoding_decode(po_ingest_ctx *cx, const unsigned char *data, size_t len,
                         po_encoding *enc, size_t *out_len);

/* iconv from charset `from` to UTF-8; each undecodable byte becomes U+FFFD
 * and is counted in *bad. NULL when out of memory or the charset is unknown. */
char *po_encoding_convert(const char *from, const unsigned char *data, size_t len,
                          size_t *out_len, size_t *bad);

/* ---- published.c --------------------------------------------------------- */

enum { PO_PUBLISHED_MAX = 32 };

/* Normalise a publication date: RFC 2822 (GMT -> ...Z, offsets kept),
 * ISO 8601, 2021年11月4日, 2021/11/04, 20211104. Writes ISO 8601 to out
 * and returns true; false when the string is not a valid date. */
bool po_published_parse(const char *s, char out[PO_PUBLISHED_MAX]);

/* Set o's publication day (ISO 8601) as read from its metadata: published
 * and published_from "metadata" (the analysis may read it from the article
 * when the metadata gives none). Both stay NULL when out of memory. */
void po_published_set(po_outline *o, const char *iso);

/* ---- para.c: paragraphs -------------------------------------------------- */

/* Text is fed in pieces; each break closes a paragraph. Paragraphs are
 * trimmed of white space (ASCII, NBSP, U+3000 and other Unicode spaces),
 * empty ones dropped, the rest joined by \n. */
typedef struct po_para {
    po_buf out;        /* finished paragraphs */
    po_buf cur;        /* the paragraph being built */
    bool space;        /* a collapsed white-space run is pending */
    bool space_nl;     /* ... and it held a line break */
    bool markdown;     /* strip Markdown inline marks from each paragraph */
} po_para;

void po_para_init(po_para *p, bool markdown);
/* Append text; with collapse, runs of ASCII white space become one space
 * (dropped between two CJK characters when the run broke a line). */
void po_para_text(po_para *p, const char *s, size_t len, bool collapse);
void po_para_break(po_para *p);
/* The joined text (malloc'd) or NULL when out of memory; frees p. */
char *po_para_finish(po_para *p);
void po_para_free(po_para *p);

/* Text read line by line, each line a paragraph (plain text; Markdown with
 * its marks taken off when markdown is true). malloc'd; NULL when out of
 * memory. */
char *po_lines_text(const char *s, size_t len, bool markdown);

/* Trim white space at both ends: *s and *len are adjusted. */
void po_trim_space(const char **s, size_t *len);

/* ---- markdown.c ---------------------------------------------------------- */

/* Does the Markdown hold HTML tags (then it is read as HTML)? */
bool po_markdown_has_html(const char *s, size_t len);
/* Append one line with its Markdown marks removed: heading marks, block
 * quote and bullet markers, **, __, ~~, `code`, [text](url) -> text,
 * images dropped. Returns false when the line holds no text (rules, fences,
 * link definitions). */
bool po_markdown_line(po_buf *out, const char *line, size_t len);
/* Paragraphs of a Markdown body without HTML: one per line. */
char *po_markdown_text(const char *s, size_t len);
/* The text of the first "# " heading, malloc'd, or NULL. */
char *po_markdown_title(const char *s, size_t len);

/* ---- html.c -------------------------------------------------------------- */

enum {
    PO_HTML_MARKDOWN = 1u << 0, /* the HTML came from Markdown: blank lines
                                   break paragraphs, inline marks removed */
    PO_HTML_META = 1u << 1      /* fill empty metadata from <title>, <meta> */
};

/* Paragraphs of the main content of well-formed UTF-8 HTML (page or
 * fragment), NULL when out of memory. Metadata goes to o->meta (fields already set are kept);
 * warnings to cx and o. */
char *po_html_text(po_ingest_ctx *cx, po_outline *o, const char *s, size_t len, unsigned flags);

/* ---- htmlguard.c --------------------------------------------------------- */

/* For HTML nested deeper than real pages are: a copy without the end tags
 * that close nothing (malloc'd, *out_len bytes). NULL when the input needs
 * no change (or memory ran out: the input is then parsed as it is). */
char *po_html_guard(const char *s, size_t len, size_t *out_len);

/* ---- frontmatter.c ------------------------------------------------------- */

/* When the text starts (after blank lines) with a --- line, parse the YAML
 * up to the closing --- or ... line into o->meta. Returns the offset of the
 * body (0 when there is no front matter); *found tells whether there was. */
size_t po_frontmatter_parse(po_ingest_ctx *cx, po_outline *o, const char *s, size_t len, bool *found);

/* ---- dayfile.c ----------------------------------------------------------- */

/* A 新闻联播 day file: it opens with a "# 《新闻联播》" heading or has a
 * "## 详细新闻" section. */
bool po_dayfile_detect(const char *s, size_t len);

/* One outline per "### " article under 详细新闻, appended to *list. */
po_status po_dayfile_split(po_ingest_ctx *cx, const char *s, size_t len, po_encoding enc,
                           po_outline ***list, size_t *n);

/* ---- ingest.c ------------------------------------------------------------ */

/* Set the plain text of an outline (copied into its arena). */
bool po_ingest_set_text(po_outline *o, const char *text);

#endif
