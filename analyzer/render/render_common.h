/* render_common.h - what the human-readable renderers (markdown, text,
 * html) share: safe walking of model strings, the meeting line, and the
 * tree that places nested groups under the item that holds them. */
#ifndef PO_RENDER_COMMON_H
#define PO_RENDER_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy_outline.h"
#include "../util/buf.h"

/* Emits one code point in a renderer's own escaping. */
typedef void (*po_render_put_fn)(po_buf *b, uint32_t cp);

/* Feed len bytes of s to put, one code point at a time. Invalid UTF-8
 * becomes U+FFFD and every control character (C0, DEL, C1; newlines too)
 * a space, so that no renderer passes broken text or terminal escapes on.
 * A bidi control (po_utf8_is_bidi_control) is shown as its name, [U+202E],
 * put character by character: none reaches a page or a terminal, where it
 * could draw a title or an item backwards. s may be NULL. */
void po_render_cps(po_buf *b, const char *s, size_t len, po_render_put_fn put);
void po_render_str(po_buf *b, const char *s, po_render_put_fn put);

/* Like po_render_str, but at most max code points, then "…". */
void po_render_str_max(po_buf *b, const char *s, size_t max, po_render_put_fn put);

/* The put function that only sanitises (no escaping). */
void po_render_put_plain(po_buf *b, uint32_t cp);

/* True for punctuation in the sense of CommonMark's flanking rules: ASCII
 * punctuation and the common Unicode punctuation blocks (，。；“” …). */
bool po_render_is_punct(uint32_t cp);

/* Byte length of s without its trailing punctuation. */
size_t po_render_trim_punct(const char *s, size_t len);

/* Cut b back to len bytes (a label whose content turned out empty). */
void po_render_truncate(po_buf *b, size_t len);

/* The article's display title: title, else original title, else source. */
const char *po_render_title(const po_outline *o);

/* True when the source line shows the article's number (#N, 0-based as
 * index, doc_id and FILE#N): an article of a file that holds several. */
bool po_render_numbered(const po_outline *o);

/* True when url is an http(s) address safe to link to (no white space,
 * quote, angle bracket or bidi control). */
bool po_render_linkable(const char *url);

/* Plain-text (unescaped) parts of a meeting line, each malloc'd or NULL when
 * empty: chairs joined with "、"; attendees (the meeting's participants and
 * the people whose role is attendee) joined with "、", an organisation
 * followed by its count: 重点行业协会 (13). The people's roles count for the
 * first meeting only. Returns false when out of memory. */
typedef struct po_render_meeting {
    char *chair;
    char *attendees;
} po_render_meeting;
bool po_render_meeting_parts(const po_outline *o, size_t meeting, po_render_meeting *out);
void po_render_meeting_free(po_render_meeting *m);

/* The meeting line after its label: name (else type, else fallback) ·
 * date · location, then chair_label and the chairs, attendees_label and
 * the attendees, each part through put. False when out of memory. */
bool po_render_meeting_line(po_buf *b, const po_outline *o, size_t meeting, const char *fallback,
                            const char *chair_label, const char *attendees_label, po_render_put_fn put);

/* True when the person already appears in a meeting line (a chair or an
 * attendee of the first meeting), so a people list need not repeat it. */
bool po_render_person_in_meeting(const po_outline *o, const po_person *p);

/* The people no meeting line names (speakers, reporters; everyone when
 * there is no meeting): "李强 (speaker), 协会 ×13 (attendee)", at most 30,
 * then "… (+N)". Appends nothing and returns false when there are none. */
bool po_render_other_people(po_buf *b, const po_outline *o, po_render_put_fn put);

/* Label of a group: its introducer, else its first and last markers
 * (一是…四是); plain text, malloc'd; NULL when out of memory. */
char *po_render_group_label(const po_group *g);

/* Where each group goes. A group whose parent is valid, whose first item lies
 * inside an item of the parent, and whose chain of parents reaches a
 * top-level group within PO_RENDER_MAX_DEPTH steps is nested under that item;
 * every other group is rendered at top level, so each group appears once. */
#define PO_RENDER_MAX_DEPTH 8

typedef struct po_render_child {
    size_t host;  /* the item of the parent that holds the group */
    size_t group;
} po_render_child;

typedef struct po_render_tree {
    bool *top;              /* n_groups flags */
    po_render_child *kids;  /* nested groups, sorted by parent, host, index */
    size_t *first;          /* kids of group g: kids[first[g] .. first[g+1]) */
} po_render_tree;

bool po_render_tree_init(po_render_tree *t, const po_outline *o);

/* The groups nested under item `item` of group g: kids[*from .. *to). */
void po_render_kids_at(const po_render_tree *t, size_t g, size_t item, size_t *from, size_t *to);
void po_render_tree_free(po_render_tree *t);

/* How much of an item's text to show when groups are nested under it: the
 * item's text runs over the nested items too, and showing it whole would
 * repeat them. head_len: the bytes of the text before the first nested item;
 * tail: the text after the last one ("" when none). With no nested groups,
 * or when they cannot be found in the text, head is the whole text. */
typedef struct po_render_parts {
    size_t head_len;
    const char *tail;
} po_render_parts;
void po_render_item_parts(const po_outline *o, const po_render_tree *t, size_t g, size_t i,
                          po_render_parts *out);

/* Which part of the first text_len bytes of an item's text is shown bold:
 * the lead without its trailing punctuation, then the remainder. When the
 * lead is not a prefix of the text, rest is the whole text and separate is
 * true. */
typedef struct po_render_lead {
    const char *bold; size_t bold_len;
    const char *rest; size_t rest_len;
    bool separate;
} po_render_lead;
void po_render_split_lead(const po_item *it, size_t text_len, po_render_lead *out);

#endif
