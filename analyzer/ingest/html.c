/* html.c - the main content of an HTML page or fragment as paragraphs, and
 * its <title>/<meta> metadata, from libxml2's HTML parser. The tree is
 * walked without recursion: pages nest as deep as their authors please. */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <stdbool.h>

#include "ingest.h"
#include "../outline/model.h"
#include "../util/utf8.h"

/* libxml2 2.9 initialises its tables on first use without a lock; doing it
 * once, up front, makes later parses safe from any thread. */
static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

static void libxml_init(void)
{
    xmlInitParser();
}

static bool name_in(const xmlChar *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) /* the first byte rules out most */
        if (name[0] == (xmlChar)list[i][0] && strcmp((const char *)name, list[i]) == 0)
            return true;
    return false;
}

#define IN(name, list) name_in((name), (list), sizeof(list) / sizeof *(list))

/* Elements that end a paragraph where they open and where they close. */
static bool is_block(const xmlChar *name)
{
    static const char *const BLOCK[] = {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
        "blockquote", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "caption",
        "pre", "hr", "figure", "figcaption", "main", "address", "center", "fieldset", "details",
        "summary", "body", "html", "option", "legend", "menu", "dir", "nav", "header", "footer",
        "aside", "form", "head"};
    return IN(name, BLOCK);
}

/* Elements whose content is never article text. */
static bool is_excluded(const xmlChar *name)
{
    static const char *const SKIP[] = {
        "script", "style", "noscript", "iframe", "head", "nav", "header", "footer", "aside",
        "form", "template", "svg", "math", "object", "embed", "select", "button", "textarea",
        "title", "canvas", "audio", "video", "frameset", "frame", "applet"};
    return IN(name, SKIP);
}

/* The value of an attribute (first text child), or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

static bool ad_word(const char *w, size_t n)
{
    static const char *const WORDS[] = {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense",
        "adsbygoogle", "adbox", "adslot", "banner", "sponsor", "sponsored", "promo", "promotion",
        "guanggao", "qr", "qrcode", "share", "sharing", "social", "sidebar", "breadcrumb",
        "breadcrumbs", "recommend", "related", "popup", "cookie", "newsletter", "subscribe",
        /* a skip link or a browser notice (您的瀏覽器不支援JavaScript功能) */
        "skip"};
    for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++)
        if (strlen(WORDS[i]) == n && strncasecmp(w, WORDS[i], n) == 0)
            return true;
    return false;
}

/* A class or id value names an advertising or page-furniture block when one
 * of its words does: words are the alphanumeric runs ("sideBar") and their
 * camelCase humps ("appendQr_wrap" -> append, Qr). */
static bool has_ad_word(const char *v)
{
    for (const char *p = v; *p;) {
        const char *start = p;
        while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            p++;
        if (ad_word(start, (size_t)(p - start)))
            return true;
        for (const char *h = start; h < p;) {
            const char *e = h + 1;
            while (e < p && !(*e >= 'A' && *e <= 'Z' && e[-1] >= 'a' && e[-1] <= 'z'))
                e++;
            if (e - h < p - start && ad_word(h, (size_t)(e - h)))
                return true;
            h = e;
        }
        if (*p)
            p++;
    }
    return false;
}

static bool hidden(const xmlNode *n)
{
    static const char *const ROLES[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "advertisement"};
    if (attr(n, "hidden"))
        return true;
    const char *role = attr(n, "role");
    if (role && IN((const xmlChar *)role, ROLES))
        return true;
    const char *style = attr(n, "style");
    if (style) {
        char squeezed[64];
        size_t k = 0;
        for (const char *p = style; *p && k + 1 < sizeof squeezed; p++)
            if (*p != ' ' && *p != '\t')
                squeezed[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        squeezed[k] = '\0';
        if (strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden"))
            return true;
    }
    const char *cls = attr(n, "class"), *id = attr(n, "id");
    return (cls && has_ad_word(cls)) || (id && has_ad_word(id));
}

/* ---- metadata ------------------------------------------------------------ */

typedef struct html_meta {
    const char *title, *og_title, *author, *url, *canonical;
    const char *published[6]; /* by preference, see published_rank */
} html_meta;

static int published_rank(const char *key)
{
    static const char *const KEYS[][4] = {
        {"article:published_time", "og:published_time", "datepublished", NULL},
        {"pubdate", "publishdate", "publish_date", "publish-date"},
        {"publication_date", "dc.date.issued", "dc.date", "dcterms.created"},
        {"weibo: article:create_at", "sailthru.date", "parsely-pub-date", "article.published"},
        {"date", "created", NULL, NULL}};
    for (int r = 0; r < 5; r++)
        for (int k = 0; k < 4 && KEYS[r][k]; k++)
            if (strcasecmp(key, KEYS[r][k]) == 0)
                return r;
    return -1;
}

static void meta_from_element(const xmlNode *n, html_meta *m, po_buf *title)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "title") == 0 && !m->title) {
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content)
                po_buf_puts(title, (const char *)c->content);
        po_buf_append(title, "", 0);
        m->title = title->data;
    } else if (strcmp(name, "link") == 0) {
        const char *rel = attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0 && !m->canonical)
            m->canonical = attr(n, "href");
    } else if (strcmp(name, "meta") == 0) {
        const char *content = attr(n, "content");
        const char *key = attr(n, "property");
        if (!key)
            key = attr(n, "name");
        if (!key)
            key = attr(n, "itemprop");
        if (!content || !key)
            return;
        int rank = published_rank(key);
        if (rank >= 0 && !m->published[rank])
            m->published[rank] = content;
        else if (strcasecmp(key, "og:title") == 0 && !m->og_title)
            m->og_title = content;
        else if (strcasecmp(key, "og:url") == 0 && !m->url)
            m->url = content;
        else if ((strcasecmp(key, "author") == 0 || strcasecmp(key, "article:author") == 0 ||
                  strcasecmp(key, "dc.creator") == 0 || strcasecmp(key, "byline") == 0) &&
                 !m->author && strncmp(content, "http", 4) != 0)
            m->author = content;
    }
}

/* Store a trimmed, white-space-collapsed copy; empty values stay NULL. */
static void set_field(po_outline *o, const char **field, const char *value)
{
    if (*field || !value)
        return;
    po_para p;
    po_para_init(&p, false);
    po_para_text(&p, value, strlen(value), true);
    char *v = po_para_finish(&p);
    if (v && *v) {
        /* a multi-line <title> is one line of metadata */
        for (char *c = v; *c; c++)
            if (*c == '\n')
                *c = ' ';
        *field = po_outline_strdup(o, v);
    }
    free(v);
}

static void collect_meta(po_ingest_ctx *cx, po_outline *o, xmlNode *top)
{
    html_meta m;
    memset(&m, 0, sizeof m);
    po_buf title = PO_BUF_INIT;
    xmlNode *n = top;
    for (;;) {
        if (n->type == XML_ELEMENT_NODE && n->name)
            meta_from_element(n, &m, &title);
        bool descend = n == top || n->type == XML_ELEMENT_NODE;
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n != top && !n->next)
            n = n->parent;
        if (n == top)
            break;
        n = n->next;
    }
    set_field(o, &o->meta.title, m.og_title ? m.og_title : m.title);
    set_field(o, &o->meta.author, m.author);
    set_field(o, &o->meta.url, m.canonical ? m.canonical : m.url);
    for (int r = 0; r < 6 && !o->meta.published; r++) {
        if (!m.published[r])
            continue;
        char iso[PO_PUBLISHED_MAX];
        if (po_published_parse(m.published[r], iso))
            po_published_set(o, iso);
        else
            po_ingest_warn(cx, o, 0, 0, "publication date '%.*s' not understood",
                               (int)po_utf8_prefix(m.published[r], 60), m.published[r]);
    }
    po_buf_free(&title);
}

/* ---- text ---------------------------------------------------------------- */

static void text_node(po_para *p, const char *s, bool pre)
{
    size_t len = strlen(s);
    if (!pre) {
        po_para_text(p, s, len, true);
        return;
    }
    for (const char *end = s + len; s < end;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        po_para_text(p, s, (size_t)(e - s), false);
        if (nl)
            po_para_break(p);
        s = nl ? nl + 1 : end;
    }
}

static void collect_text(po_para *p, xmlNode *top)
{
    int pre = 0;
    xmlNode *n = top;
    for (;;) {
        bool descend = n == top;
        if (n != top && n->type == XML_ELEMENT_NODE && n->name) {
            descend = !is_excluded(n->name) && !hidden(n);
            if (is_block(n->name))
                po_para_break(p);
            pre += descend && strcmp((const char *)n->name, "pre") == 0;
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            text_node(p, (const char *)n->content, pre > 0);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* leave n, then every ancestor that has no next sibling */
        for (;;) {
            if (n != top && n->type == XML_ELEMENT_NODE && n->name && descend) {
                const char *name = (const char *)n->name;
                if (is_block(n->name))
                    po_para_break(p);
                else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
                    po_para_text(p, " ", 1, true);
                pre -= strcmp(name, "pre") == 0;
            }
            if (n == top || n->next)
                break;
            n = n->parent;
            descend = true; /* ancestors were entered */
        }
        if (n == top)
            break;
        n = n->next;
    }
}

/* Markdown around HTML: a blank line or a line opening a Markdown block
 * starts a new paragraph, which HTML alone would not see. */
static char *markdown_breaks(const char *s, size_t len, size_t *out_len)
{
    po_buf b = PO_BUF_INIT;
    const char *end = s + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        const char *t = s;
        while (t < e && (*t == ' ' || *t == '\t'))
            t++;
        size_t h = 0;
        while (t + h < e && t[h] == '#')
            h++;
        bool heading = h >= 1 && h <= 6 && (t + h == e || t[h] == ' ');
        bool marker = (*t == '>' || *t == '-' || *t == '*' || *t == '+') && t + 1 < e && t[1] == ' ';
        if (t == e || heading || marker)
            po_buf_puts(&b, "<br>");
        po_buf_append(&b, s, (size_t)(e - s));
        po_buf_putc(&b, '\n');
        s = nl ? nl + 1 : end;
    }
    *out_len = b.len;
    return po_buf_detach(&b);
}

/* htmlCtxtReadMemory, less one copy of the page: naming the encoding
 * "UTF-8" sends the parser's copy through a converter into another. The
 * text is well-formed UTF-8 already (with no converter the parser would
 * fall back to Latin-1 on a bad byte). What the converter did that matters
 * here, skipping a byte order mark, is done first, and the input's encoding
 * is recorded as UTF-8 so that no <meta> can switch it. Once the parser has
 * its copy, the caller's copies a and b are freed (they are not read again):
 * they would otherwise stay alive through the parse. (A static input buffer,
 * which would save the parser's copy too, loses its place when libxml2 2.9
 * shrinks it.) */
static htmlDocPtr parse(htmlParserCtxtPtr ctxt, const char *s, size_t len, int options, char **a, char **b)
{
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    xmlParserInputBufferPtr buf = len ? xmlParserInputBufferCreateMem(s, (int)len, XML_CHAR_ENCODING_NONE) : NULL;
    free(*a);
    free(*b);
    *a = *b = NULL;
    if (!buf)
        return NULL;
    htmlCtxtReset(ctxt);
    xmlParserInputPtr in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
    if (!in) {
        xmlFreeParserInputBuffer(buf);
        return NULL;
    }
    if (inputPush(ctxt, in) < 0) /* it freed in */
        return NULL;
    in->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    ctxt->charset = XML_CHAR_ENCODING_UTF8; /* what switching to the converter set */
    htmlCtxtUseOptions(ctxt, options);
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    return doc;
}

char *po_html_text(po_ingest_ctx *cx, po_outline *o, const char *s, size_t len, unsigned flags)
{
    pthread_once(&libxml_once, libxml_init);
    char *md = NULL;
    if (flags & PO_HTML_MARKDOWN) {
        md = markdown_breaks(s, len, &len);
        if (!md)
            return NULL;
        s = md;
    }
    size_t guarded_len;
    char *guarded = po_html_guard(s, len, &guarded_len);
    if (guarded) {
        s = guarded;
        len = guarded_len;
        free(md); /* each copy of the page goes as soon as the next is made */
        md = NULL;
    }
    bool cut = len > INT_MAX;
    if (cut) {
        po_ingest_warn(cx, o, 0, 0, "HTML longer than %d bytes: the rest is ignored", INT_MAX);
        len = INT_MAX;
    }
    po_para p;
    po_para_init(&p, (flags & PO_HTML_MARKDOWN) != 0);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        free(guarded);
        free(md);
        po_para_free(&p);
        return NULL;
    }
    /* Text is already UTF-8; XML_PARSE_HUGE lifts 2.9's depth limit of 256
     * and its 10 MB cap on one text node, both of which stop the parser and
     * drop the rest of the page. */
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                  HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    options &= ~(int)cx->html_options_off;
    htmlDocPtr doc = NULL;
    if (cut) /* perhaps inside a character: the converter copes */
        doc = htmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8", options);
    else if (len)
        doc = parse(ctxt, s, len, options, &guarded, &md);
    if (ctxt->disableSAX) {
        const char *why = ctxt->lastError.message ? ctxt->lastError.message : "unknown error";
        size_t wl = strlen(why);
        while (wl && why[wl - 1] == '\n')
            wl--;
        po_ingest_warn(cx, o, ctxt->lastError.line, ctxt->lastError.int2,
                       "HTML parsing stopped early (%.*s): text after this point is missing", (int)wl, why);
    }
    /* the tree holds its own reference to the parser's dictionary: the
     * parser and its copy of the page can go before the text is collected */
    htmlFreeParserCtxt(ctxt);
    free(guarded);
    free(md);
    if (doc) {
        xmlNode *top = (xmlNode *)doc;
        if (flags & PO_HTML_META)
            collect_meta(cx, o, top);
        collect_text(&p, top);
        xmlFreeDoc(doc);
    }
    return po_para_finish(&p);
}
