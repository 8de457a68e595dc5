/* frontmatter.c - YAML front matter (--- ... ---) into the outline's
 * metadata, with libyaml. Errors name the line in the whole file. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "ingest.h"
#include "../outline/model.h"
#include "../util/utf8.h"
#include "../util/yaml_budget.h"

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* "---" (or "...") alone on a line, trailing blanks allowed. */
static bool fence(const char *s, size_t n, const char *mark)
{
    return n >= 3 && memcmp(s, mark, 3) == 0 && blank(s + 3, n - 3);
}

static size_t line_end(const char *s, size_t len, size_t pos)
{
    const char *nl = memchr(s + pos, '\n', len - pos);
    return nl ? (size_t)(nl - s) : len;
}

/* A scalar's text trimmed; NULL for anything else or an empty value. */
static char *scalar(po_outline *o, const yaml_node_t *n)
{
    if (!n || n->type != YAML_SCALAR_NODE)
        return NULL;
    const char *v = (const char *)n->data.scalar.value;
    size_t len = strnlen(v, n->data.scalar.length);
    po_trim_space(&v, &len);
    return len ? po_outline_strndup(o, v, len) : NULL;
}

/* categories: a scalar or a list, nested lists (Hexo's hierarchy) flattened
 * in order; depth is bounded, so the recursion is. */
static void add_categories(po_outline *o, yaml_document_t *doc, yaml_node_t *n, int depth)
{
    if (!n || depth > 4)
        return;
    if (n->type == YAML_SCALAR_NODE) {
        char *v = scalar(o, n);
        if (v)
            po_outline_add_string(o, &o->meta.categories, &o->meta.n_categories, v);
    } else if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
            add_categories(o, doc, yaml_document_get_node(doc, *it), depth + 1);
    }
}

static char *author_of(po_outline *o, yaml_document_t *doc, yaml_node_t *n)
{
    if (n && n->type == YAML_SEQUENCE_NODE && n->data.sequence.items.start < n->data.sequence.items.top)
        return scalar(o, yaml_document_get_node(doc, *n->data.sequence.items.start));
    if (n && n->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = yaml_document_get_node(doc, p->key);
            if (k && k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, "name") == 0)
                return scalar(o, yaml_document_get_node(doc, p->value));
        }
    return scalar(o, n);
}

static bool key_is(const char *key, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(key, names[i]) == 0)
            return true;
    return false;
}

#define KEY_IS(key, names) key_is((key), (names), sizeof(names) / sizeof *(names))

static void read_mapping(po_ingest_ctx *cx, po_outline *o, yaml_document_t *doc, yaml_node_t *root, int first_line)
{
    static const char *const TITLE[] = {"title"};
    static const char *const AUTHOR[] = {"author", "authors", "byline"};
    static const char *const CATEGORIES[] = {"categories", "category"};
    static const char *const DATE[] = {"date", "published", "pubdate", "publishdate", "publish_date",
                                       "published_time", "created"};
    static const char *const URL[] = {"url", "link", "permalink", "canonical", "canonical_url", "source_url"};
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (!k || k->type != YAML_SCALAR_NODE || !v)
            continue;
        const char *key = (const char *)k->data.scalar.value;
        if (KEY_IS(key, TITLE) && !o->meta.title) {
            o->meta.title = scalar(o, v);
        } else if (KEY_IS(key, AUTHOR) && !o->meta.author) {
            o->meta.author = author_of(o, doc, v);
        } else if (KEY_IS(key, CATEGORIES) && !o->meta.n_categories) {
            add_categories(o, doc, v, 0);
        } else if (KEY_IS(key, URL) && !o->meta.url) {
            o->meta.url = scalar(o, v);
        } else if (KEY_IS(key, DATE) && !o->meta.published) {
            char *raw = scalar(o, v);
            char iso[PO_PUBLISHED_MAX];
            if (raw && po_published_parse(raw, iso))
                po_published_set(o, iso);
            else if (raw)
                po_ingest_warn(cx, o, first_line + (int)v->start_mark.line, (int)v->start_mark.column + 1,
                               "front matter: date '%.*s' not understood", (int)po_utf8_prefix(raw, 60), raw);
        }
    }
}

/* libyaml's time grows with the square of the flow nesting ([[[[...), so
 * front matter nested deeper than any real one is refused up front. */
enum { MAX_FLOW_DEPTH = 256 };

static bool too_deep(po_ingest_ctx *cx, po_outline *o, const char *y, size_t len, int first_line)
{
    int depth = 0, line = first_line;
    const char *ls = y;
    for (const char *c = y; c < y + len; c++) {
        if (*c == '\n') {
            line++;
            ls = c + 1;
        } else if (*c == '[' || *c == '{') {
            if (++depth > MAX_FLOW_DEPTH) {
                po_ingest_warn(cx, o, line, (int)po_utf8_length(ls, (size_t)(c - ls)) + 1,
                               "front matter: nested deeper than %d levels; its metadata is ignored",
                               MAX_FLOW_DEPTH);
                return true;
            }
        } else if ((*c == ']' || *c == '}') && depth > 0) {
            depth--;
        }
    }
    return false;
}

static void parse_yaml(po_ingest_ctx *cx, po_outline *o, const char *y, size_t len, int first_line)
{
    if (too_deep(cx, o, y, len, first_line))
        return;
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser)) {
        po_ingest_warn(cx, o, first_line, 0, "front matter: out of memory");
        return;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)y, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    if (!yaml_parser_load(&parser, &doc)) {
        int line = first_line, col = 0;
        if (parser.error == YAML_READER_ERROR) {
            /* the reader gives a byte offset, not a mark */
            size_t off = parser.problem_offset < len ? parser.problem_offset : len;
            const char *ls = y;
            for (const char *c = y; c < y + off; c++)
                if (*c == '\n') {
                    line++;
                    ls = c + 1;
                }
            col = (int)po_utf8_length(ls, (size_t)(y + off - ls)) + 1; /* libyaml counts characters */
        } else {
            line = first_line + (int)parser.problem_mark.line;
            col = (int)parser.problem_mark.column + 1;
        }
        po_ingest_warn(cx, o, line, col, "front matter: %s%s%s; its metadata is ignored",
                       parser.problem ? parser.problem : "malformed YAML", parser.context ? " " : "",
                       parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return;
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    yaml_mark_t over;
    if (root && !po_yaml_within_budget(&doc, PO_YAML_EXPANSION_BUDGET, &over))
        po_ingest_warn(cx, o, first_line + (int)over.line, (int)over.column + 1,
                       "front matter: aliases expand past %u bytes; its metadata is ignored",
                       PO_YAML_EXPANSION_BUDGET);
    else if (root && root->type == YAML_MAPPING_NODE)
        read_mapping(cx, o, &doc, root, first_line);
    else if (root && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0))
        po_ingest_warn(cx, o, first_line + (int)root->start_mark.line, (int)root->start_mark.column + 1,
                       "front matter: not a mapping of keys to values; ignored");
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
}

size_t po_frontmatter_parse(po_ingest_ctx *cx, po_outline *o, const char *s, size_t len, bool *found)
{
    *found = false;
    size_t pos = 0, end;
    int line = 1;
    for (;; line++) {
        end = line_end(s, len, pos);
        if (!blank(s + pos, end - pos) || end >= len)
            break;
        pos = end + 1;
    }
    if (!fence(s + pos, end - pos, "---"))
        return 0;
    *found = true;
    int open_line = line;
    size_t yaml_start = end < len ? end + 1 : len;
    for (size_t p = yaml_start; p < len; p = end + 1) {
        line++;
        end = line_end(s, len, p);
        if (fence(s + p, end - p, "---") || fence(s + p, end - p, "...")) {
            parse_yaml(cx, o, s + yaml_start, p - yaml_start, open_line + 1);
            return end < len ? end + 1 : len;
        }
        if (end >= len)
            break;
    }
    po_ingest_warn(cx, o, open_line, 1, "front matter: no closing '---'; read as text");
    return yaml_start;
}
