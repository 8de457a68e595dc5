/* fuzz_common.c - see fuzz_common.h. */
#include "fuzz_common.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "util/utf8.h"

void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz: property violated: %s\n", what);
    abort();
}

void fuzz_split(const uint8_t *data, size_t size, fuzz_input *in)
{
    static const char *const NAMES[] = {"fuzz.md", "fuzz.html", "fuzz.txt", "20221027.md", "page.htm",
                                        "-", NULL, "", "a/b#3.markdown", "新闻.HTML", "noext"};
    const uint8_t *nul = memchr(data, 0, size < 256 ? size : 256);
    if (nul) {
        size_t k = (size_t)(nul - data);
        memcpy(in->name_buf, data, k);
        in->name_buf[k] = '\0';
        in->name = in->name_buf;
        in->data = nul + 1;
        in->size = size - k - 1;
    } else {
        in->name = NAMES[size % (sizeof NAMES / sizeof *NAMES)];
        in->data = data;
        in->size = size;
    }
}

static pthread_once_t rules_once = PTHREAD_ONCE_INIT;
static po_rules *default_rules;

static void build_rules(void)
{
    if (po_rules_new_default(&default_rules, NULL, NULL) != PO_OK)
        fuzz_fail("the default rule pack compiles");
}

/* The harness's, built once and kept for the process: the library keeps no
 * state of its own. */
const po_rules *fuzz_rules(void)
{
    pthread_once(&rules_once, build_rules);
    return default_rules;
}

static void check_str(const char *s)
{
    if (s && !po_utf8_valid((const unsigned char *)s, strlen(s)))
        fuzz_fail("strings in an outline are well-formed UTF-8");
}

static void check_strs(const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_str(list[i]);
}

static void check_span(const po_outline *o, size_t start, size_t end)
{
    if (start > end || end > o->text_chars)
        fuzz_fail("spans lie within the text, start <= end");
}

/* A span of the text lies inside it and cuts no character. */
static void check_text_span(const po_outline *o, po_text_span sp)
{
    const char *text = o->text ? o->text : "";
    size_t n = strlen(text), at = (size_t)((uintptr_t)sp.s - (uintptr_t)text);
    if (!sp.s) {
        if (sp.len)
            fuzz_fail("a span with no text has no length");
        return;
    }
    if ((uintptr_t)sp.s < (uintptr_t)text || at > n || sp.len > n - at ||
        !po_utf8_valid((const unsigned char *)sp.s, sp.len))
        fuzz_fail("a span of the text lies within it, on character boundaries");
}

void fuzz_check_outline(const po_outline *o)
{
    if (!o)
        fuzz_fail("ingest gives no NULL outline");
    const char *text = o->text ? o->text : "";
    check_str(text);
    if (po_utf8_length(text, strlen(text)) != o->text_chars)
        fuzz_fail("text_chars counts the text's code points");
    /* the source name and the warnings that quote it are the caller's bytes */
    int named_in_utf8 = !o->source || po_utf8_valid((const unsigned char *)o->source, strlen(o->source));
    const char *meta[] = {o->format, o->encoding, o->meta.title, o->meta.original_title,
                          o->meta.author, o->meta.editor, o->meta.url, o->meta.published};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        check_str(meta[i]);
    check_strs(o->meta.categories, o->meta.n_categories);
    if (named_in_utf8)
        check_strs(o->warnings, o->n_warnings);
    for (size_t g = 0; g < o->n_groups; g++) {
        const po_group *grp = &o->groups[g];
        check_text_span(o, grp->context);
        check_str(grp->actor);
        check_str(grp->introducer);
        if (grp->parent < -1 || grp->parent >= (int)o->n_groups)
            fuzz_fail("a group's parent is -1 or a group");
        for (size_t i = 0; i < grp->n_items; i++) {
            const po_item *it = &grp->items[i];
            check_str(it->marker);
            check_str(it->text);
            check_str(it->lead);
            check_span(o, it->start, it->end);
        }
    }
    for (size_t i = 0; i < o->n_people; i++) {
        const po_person *p = &o->people[i];
        check_str(p->name);
        check_strs(p->roles, p->n_roles);
        check_strs(p->titles, p->n_titles);
        check_strs(p->members, p->n_members);
        for (size_t m = 0; m < p->n_mentions; m++)
            check_span(o, p->mentions[m].start, p->mentions[m].end);
    }
    for (size_t i = 0; i < o->n_meetings; i++) {
        const po_meeting *m = &o->meetings[i];
        check_str(m->name);
        check_str(m->date);
        check_str(m->date_text);
        check_strs(m->chair, m->n_chair);
        check_strs(m->participants, m->n_participants);
        check_span(o, m->start, m->end);
    }
    for (size_t i = 0; i < o->n_dates; i++) {
        check_str(o->dates[i].text);
        check_str(o->dates[i].value);
        check_span(o, o->dates[i].start, o->dates[i].end);
    }
}

po_outline **fuzz_outlines(const fuzz_input *in, const po_options *opt, int analyse, size_t *n)
{
    po_outline **list = NULL;
    *n = 0;
    if (po_ingest(in->name, in->data, in->size, &list, n, NULL, NULL) != PO_OK) {
        *n = 0;
        return NULL;
    }
    if (*n == 0)
        fuzz_fail("every input gives at least one outline");
    for (size_t i = 0; i < *n; i++) {
        fuzz_check_outline(list[i]);
        if (analyse) {
            po_status st = po_analyze(fuzz_rules(), list[i], opt);
            if (st == PO_ERR_RULES || st == PO_ERR_IO)
                fuzz_fail("po_analyze reads no file and compiles no rule");
            fuzz_check_outline(list[i]);
        }
    }
    return list;
}

void fuzz_free(po_outline **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        po_outline_free(list[i]);
    free(list);
}

void fuzz_check_json(const char *s, int lines)
{
    if (!s)
        fuzz_fail("a renderer returns NULL only when out of memory");
    const char *p = s;
    do {
        const char *end = lines ? strchr(p, '\n') : NULL;
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len) {
            cJSON *j = cJSON_ParseWithLength(p, len);
            if (!j)
                fuzz_fail("JSON output parses");
            cJSON_Delete(j);
        }
        p = end ? end + 1 : p + len;
    } while (*p);
}

static char temp_dir[64], temp_path[128];

static void remove_temp(void)
{
    unlink(temp_path);
    rmdir(temp_dir);
}

const char *fuzz_temp_file(const char *name, const char **dir)
{
    if (!temp_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(temp_dir, sizeof temp_dir, "%.40s/po-fuzz.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
        if (!mkdtemp(temp_dir))
            fuzz_fail("a temporary folder");
        snprintf(temp_path, sizeof temp_path, "%s/%.40s", temp_dir, name);
        atexit(remove_temp);
    }
    if (dir)
        *dir = temp_dir;
    return temp_path;
}
