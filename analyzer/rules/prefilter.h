/* prefilter.h - skipping rules that cannot match a document.
 *
 * When a pack compiles, each rule whose pattern needs one of a few literals
 * (literals.c) gets a filter slot, and every such literal goes into one
 * index. Per document, one pass over the normalised text finds where each
 * rule's literals occur (po_prefilter_scan); the matcher then runs a rule
 * only from where one of its literals may lie inside the match, with
 * PCRE2's offset limit at the last such place, and not at all when there
 * is none. Matches are those of the plain run (the reference mode, set by
 * POLICY_OUTLINE_REFERENCE=1 when the pack compiles, turns the filter off
 * so that the two can be compared). */
#ifndef PO_PREFILTER_H
#define PO_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct po_prefilter po_prefilter;

/* Stops: a few code points that cut most Chinese text into short runs (the
 * line feed, the space and the full-width punctuation: ，。；：、“”（）《》！？).
 * Bit i of a stop mask stands for the i-th of them; bit 0 is the line
 * feed. A rule's stops are those no match of it can hold: a match holding
 * a literal then starts after the last stop before it. */
enum { PO_STOP_NL = 1u };
/* The bit of cp, or 0 when it is no stop. */
uint32_t po_stop_bit(uint32_t cp);
/* Every stop. */
uint32_t po_stop_all(void);

/* The literals every match of pattern (an expanded PCRE2 pattern, UTF, no
 * caseless or extended option) contains one of: 1 with *out (malloc'd
 * strings in a malloc'd array, n_out of them), *max_len, the longest match
 * in bytes (SIZE_MAX when unbounded), and *stops, the stops no match holds
 * (PO_STOP_NL among them when no match holds a line feed); or 0 when none
 * are known. */
int po_pattern_literals(const char *pattern, char ***out, size_t *n_out, size_t *max_len,
                        uint32_t *stops);

/* Building, at pack compile time: add a rule's literals (copied) and the
 * longest match of its pattern; returns its filter slot, or -1 when out of
 * memory. */
po_prefilter *po_prefilter_new(void);
int po_prefilter_add(po_prefilter *pf, char *const *lits, size_t n, size_t max_len, uint32_t stops);
/* The longest match of the rule in slot (SIZE_MAX: unbounded), and the
 * stops its matches never hold. */
size_t po_prefilter_max_len(const po_prefilter *pf, int slot);
uint32_t po_prefilter_stops(const po_prefilter *pf, int slot);
/* Whether a literal holds a space: blanking text (po_text_blank) can then
 * make new places, and a scan made before must be made again. */
bool po_prefilter_spaced(const po_prefilter *pf);
/* Index the literals; 0 or -1 when out of memory. */
int po_prefilter_finish(po_prefilter *pf);
void po_prefilter_free(po_prefilter *pf);
size_t po_prefilter_slots(const po_prefilter *pf);

/* Where each slot's literals start in one text (byte offsets, ascending).
 * A slot with too many places is `dense`: its rule simply runs. */
typedef struct po_prefilter_hits {
    uint32_t **pos;
    size_t *n, *cap;
    bool *dense;
    uint32_t *touched; /* the slots that were given an array, n_touched of them */
    size_t n_touched;
    struct chunk *chunks; /* where the slots' first places lie */
    size_t slots;
    bool active;
} po_prefilter_hits;

/* Scan text[0, len) (0, or -1 when out of memory: hits is then inactive). */
int po_prefilter_scan(const po_prefilter *pf, const char *text, size_t len, po_prefilter_hits *hits);
/* Add the places that text[from, until) now holds, after it was changed
 * (po_text_blank): those of literals that start there or end in it. Places
 * that are gone stay (a place too many costs only a match attempt). 0, or
 * -1 when out of memory: hits is then inactive and every rule runs. */
int po_prefilter_rescan(const po_prefilter *pf, const char *text, size_t len, size_t from, size_t until,
                        po_prefilter_hits *hits);
void po_prefilter_hits_free(po_prefilter_hits *hits);

/* For a rule in slot: false when no literal starts in [from, until) (no
 * match can start at or after from within until); else the first window
 * where a match may start, [*start, *limit], with from <= *start: a match
 * holding the literal at o starts in [o - max_len, o], and after the last
 * of the stops in text before o. Windows of neighbouring places merge.
 * Call again with from = *limit + 1 for the next one. */
bool po_prefilter_window(const po_prefilter_hits *hits, int slot, size_t max_len, uint32_t stops,
                         const char *text, size_t from, size_t until, size_t *start, size_t *limit);

#endif
