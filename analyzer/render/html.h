/* html.h - what the HTML renderers share: escaping, the page head with its
 * Content-Security-Policy, ids that link the outline to the text, and the
 * article's text with every item, person, meeting and date marked. */
#ifndef PO_RENDER_HTML_H
#define PO_RENDER_HTML_H

#include <stdbool.h>
#include <stdint.h>

#include "policy_outline.h"
#include "render_common.h"

/* One code point, escaped for text and attribute values alike. */
void po_html_put(po_buf *b, uint32_t cp);
void po_html_esc(po_buf *b, const char *s);

/* ` name="value"`; nothing when value is NULL. */
void po_html_attr(po_buf *b, const char *name, const char *value);

/* <!DOCTYPE html> up to <body>: the title, the embedded style sheet and a
 * policy that allows that style sheet and the embedded script only. */
void po_html_page_head(po_buf *b, const char *title);

/* The prefix of every id in an article ("a" and 8 hex digits of a hash of
 * its source and index), so that several articles share a page. */
#define PO_HTML_PREFIX_SIZE 16
void po_html_prefix(const po_outline *o, char out[PO_HTML_PREFIX_SIZE]);

/* The article's plain text, paragraphs kept, with marks: each item a
 * <mark class="item dN" id="{prefix}t{g}-{i}"> from its marker to its end
 * (N: how deep its group is nested), its marker a link to the outline line
 * {prefix}o{g}-{i}; each person's mention, the meetings and every date
 * (id {prefix}d{k}) a <span> whose title says who or when. Marks that would
 * cross an item's end are cut there. False when out of memory. */
bool po_html_marked_text(po_buf *b, const po_outline *o, const po_render_tree *t, const char *prefix);

#endif
