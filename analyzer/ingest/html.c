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

enum { TAG_BLOCK = 1, TAG_SKIP = 2 };

/* What an element is to the text: a block (it ends a paragraph where it
 * opens and where it closes), skipped (its content is never article text),
 * both or neither. One binary search over the names, sorted by strcmp. */
typedef struct tag {
    const char *name;
    unsigned kind;
} tag;

/* By name, the first byte settling most steps without a call. */
static int cmp_tag(const void *key, const void *entry)
{
    const char *name = key, *other = ((const tag *)entry)->name;
    int c = (unsigned char)name[0] - (unsigned char)other[0];
    return c ? c : strcmp(name, other);
}

static unsigned tag_kind(const char *name)
{
    static const tag TAGS[] = {
        {"address", TAG_BLOCK}, {"applet", TAG_SKIP}, {"article", TAG_BLOCK},
        {"aside", TAG_BLOCK | TAG_SKIP}, {"audio", TAG_SKIP}, {"blockquote", TAG_BLOCK},
        {"body", TAG_BLOCK}, {"br", TAG_BLOCK}, {"button", TAG_SKIP}, {"canvas", TAG_SKIP},
        {"caption", TAG_BLOCK}, {"center", TAG_BLOCK}, {"dd", TAG_BLOCK}, {"details", TAG_BLOCK},
        {"dir", TAG_BLOCK}, {"div", TAG_BLOCK}, {"dl", TAG_BLOCK}, {"dt", TAG_BLOCK},
        {"embed", TAG_SKIP}, {"fieldset", TAG_BLOCK}, {"figcaption", TAG_BLOCK}, {"figure", TAG_BLOCK},
        {"footer", TAG_BLOCK | TAG_SKIP}, {"form", TAG_BLOCK | TAG_SKIP}, {"frame", TAG_SKIP},
        {"frameset", TAG_SKIP}, {"h1", TAG_BLOCK}, {"h2", TAG_BLOCK}, {"h3", TAG_BLOCK},
        {"h4", TAG_BLOCK}, {"h5", TAG_BLOCK}, {"h6", TAG_BLOCK}, {"head", TAG_BLOCK | TAG_SKIP},
        {"header", TAG_BLOCK | TAG_SKIP}, {"hr", TAG_BLOCK}, {"html", TAG_BLOCK}, {"iframe", TAG_SKIP},
        {"legend", TAG_BLOCK}, {"li", TAG_BLOCK}, {"main", TAG_BLOCK}, {"math", TAG_SKIP},
        {"menu", TAG_BLOCK}, {"nav", TAG_BLOCK | TAG_SKIP}, {"noscript", TAG_SKIP},
        {"object", TAG_SKIP}, {"ol", TAG_BLOCK}, {"option", TAG_BLOCK}, {"p", TAG_BLOCK},
        {"pre", TAG_BLOCK}, {"script", TAG_SKIP}, {"section", TAG_BLOCK}, {"select", TAG_SKIP},
        {"style", TAG_SKIP}, {"summary", TAG_BLOCK}, {"svg", TAG_SKIP}, {"table", TAG_BLOCK},
        {"tbody", TAG_BLOCK}, {"template", TAG_SKIP}, {"textarea", TAG_SKIP}, {"tfoot", TAG_BLOCK},
        {"thead", TAG_BLOCK}, {"title", TAG_SKIP}, {"tr", TAG_BLOCK}, {"ul", TAG_BLOCK},
        {"video", TAG_SKIP}};
    const tag *t = bsearch(name, TAGS, sizeof TAGS / sizeof *TAGS, sizeof *TAGS, cmp_tag);
    return t ? t->kind : 0;
}

/* The value of an attribute ("" when it has none), or NULL. */
static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcasecmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
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

static bool hidden(const xmlChar **n)
{
    static const char *const ROLES[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "advertisement"};
    if (attr(n, "hidden"))
        return true;
    const char *role = attr(n, "role");
    for (size_t i = 0; role && i < sizeof ROLES / sizeof *ROLES; i++)
        if (strcmp(role, ROLES[i]) == 0)
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

/* Metadata as the elements go by: malloc'd copies (the parser frees its
 * attributes after each element's callback). */
typedef struct html_meta {
    char *title, *og_title, *author, *url, *canonical;
    char *published[6]; /* by preference, see published_rank */
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

static void keep(char **field, const char *value)
{
    if (!*field && value)
        *field = strdup(value);
}

static void meta_from_element(const char *name, const xmlChar **atts, html_meta *m)
{
    if (strcmp(name, "link") == 0) {
        const char *rel = attr(atts, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0)
            keep(&m->canonical, attr(atts, "href"));
    } else if (strcmp(name, "meta") == 0) {
        const char *content = attr(atts, "content");
        const char *key = attr(atts, "property");
        if (!key)
            key = attr(atts, "name");
        if (!key)
            key = attr(atts, "itemprop");
        if (!content || !key)
            return;
        int rank = published_rank(key);
        if (rank >= 0)
            keep(&m->published[rank], content);
        else if (strcasecmp(key, "og:title") == 0)
            keep(&m->og_title, content);
        else if (strcasecmp(key, "og:url") == 0)
            keep(&m->url, content);
        else if ((strcasecmp(key, "author") == 0 || strcasecmp(key, "article:author") == 0 ||
                  strcasecmp(key, "dc.creator") == 0 || strcasecmp(key, "byline") == 0) &&
                 strncmp(content, "http", 4) != 0)
            keep(&m->author, content);
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

static void apply_meta(po_ingest_ctx *cx, po_outline *o, html_meta *m)
{
    set_field(o, &o->meta.title, m->og_title ? m->og_title : m->title);
    set_field(o, &o->meta.author, m->author);
    set_field(o, &o->meta.url, m->canonical ? m->canonical : m->url);
    for (int r = 0; r < 6 && !o->meta.published; r++) {
        if (!m->published[r])
            continue;
        char iso[PO_PUBLISHED_MAX];
        if (po_published_parse(m->published[r], iso))
            po_published_set(o, iso);
        else
            po_ingest_warn(cx, o, 0, 0, "publication date '%.*s' not understood",
                           (int)po_utf8_prefix(m->published[r], 60), m->published[r]);
    }
}

static void free_meta(html_meta *m)
{
    free(m->title);
    free(m->og_title);
    free(m->author);
    free(m->url);
    free(m->canonical);
    for (int r = 0; r < 6; r++)
        free(m->published[r]);
}

/* ---- text ---------------------------------------------------------------- */

static void text_node(po_para *p, const char *s, size_t len, bool pre)
{
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

/* The parser's events, read as the document tree libxml2 would have built
 * from them (and as its tree was once walked): an element that is excluded
 * or hidden is skipped with all it holds, a block element breaks the
 * paragraph where it opens and where it closes. Where the tree would have
 * put a node decides a few cases: text outside any element has no parent
 * and is dropped; an element opened after the root closed becomes the
 * root's last child (skipped with a hidden root) unless a doctype, comment
 * or processing instruction came first, which makes it a sibling at the
 * end of the document. */
typedef struct sax_state {
    po_para *p;
    html_meta *meta;    /* NULL: no metadata wanted */
    po_buf title;       /* the first <title>'s own text */
    int depth;          /* open elements */
    int skip;           /* depth of the skipped element holding the events, 0 if none */
    int pre;            /* open <pre> elements being read */
    int title_depth;    /* depth of the first <title> while it is open */
    bool title_seen;
    bool doc_child;     /* the document has a node at its top */
    bool root_seen, root_first, root_read; /* the first element: the document's first node? read? */
    bool doctype;       /* a doctype came, and went in front of the document's nodes */
} sax_state;

static void sax_start(void *user, const xmlChar *xname, const xmlChar **atts)
{
    sax_state *st = user;
    const char *name = (const char *)xname;
    st->depth++;
    bool late_in_hidden_root = false, root = false;
    if (st->depth == 1) {
        if (!st->root_seen) {
            st->root_seen = root = true;
            st->root_first = !st->doc_child;
        } else {
            late_in_hidden_root = st->root_first && !st->doctype && !st->root_read;
        }
        st->doc_child = true;
    }
    if (st->meta) {
        if (strcmp(name, "title") == 0 && !st->title_seen) {
            st->title_seen = true;
            st->title_depth = st->depth;
            po_buf_append(&st->title, "", 0);
        } else {
            meta_from_element(name, atts, st->meta);
        }
    }
    if (st->skip)
        return;
    if (late_in_hidden_root) {
        st->skip = st->depth;
        return;
    }
    unsigned kind = tag_kind(name);
    bool descend = !(kind & TAG_SKIP) && !hidden(atts);
    if (kind & TAG_BLOCK)
        po_para_break(st->p);
    if (!descend)
        st->skip = st->depth;
    else
        st->pre += strcmp(name, "pre") == 0;
    if (root)
        st->root_read = descend;
}

static void sax_end(void *user, const xmlChar *xname)
{
    sax_state *st = user;
    if (st->depth == 0)
        return;
    if (st->title_depth == st->depth)
        st->title_depth = 0;
    if (st->skip) {
        if (st->skip == st->depth)
            st->skip = 0;
        st->depth--;
        return;
    }
    const char *name = (const char *)xname;
    if (tag_kind(name) & TAG_BLOCK)
        po_para_break(st->p);
    else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
        po_para_text(st->p, " ", 1, true);
    st->pre -= strcmp(name, "pre") == 0;
    st->depth--;
}

static void sax_text(void *user, const xmlChar *ch, int len)
{
    sax_state *st = user;
    if (st->depth == 0 || len <= 0)
        return;
    if (st->title_depth == st->depth)
        po_buf_append(&st->title, (const char *)ch, (size_t)len);
    if (!st->skip)
        text_node(st->p, (const char *)ch, (size_t)len, st->pre > 0);
}

static void sax_cdata(void *user, const xmlChar *ch, int len)
{
    sax_state *st = user;
    if (st->depth > 0 && !st->skip && len > 0)
        text_node(st->p, (const char *)ch, (size_t)len, st->pre > 0);
}

static void sax_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name, (void)ext, (void)sys;
    sax_state *st = user;
    st->doctype = true;
    st->doc_child = true;
}

static void sax_comment(void *user, const xmlChar *value)
{
    (void)value;
    sax_state *st = user;
    if (st->depth == 0)
        st->doc_child = true;
}

static void sax_pi(void *user, const xmlChar *target, const xmlChar *data)
{
    (void)target, (void)data;
    sax_comment(user, NULL);
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
static void parse(htmlParserCtxtPtr ctxt, const char *s, size_t len, int options, char **a, char **b)
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
        return;
    htmlCtxtReset(ctxt);
    xmlParserInputPtr in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
    if (!in) {
        xmlFreeParserInputBuffer(buf);
        return;
    }
    if (inputPush(ctxt, in) < 0) /* it freed in */
        return;
    in->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    ctxt->charset = XML_CHAR_ENCODING_UTF8; /* what switching to the converter set */
    htmlCtxtUseOptions(ctxt, options);
    htmlParseDocument(ctxt);
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
    /* the parser's events go to sax_*; no tree is built */
    html_meta meta;
    memset(&meta, 0, sizeof meta);
    sax_state st;
    memset(&st, 0, sizeof st);
    st.p = &p;
    st.meta = flags & PO_HTML_META ? &meta : NULL;
    xmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->startElement = sax_start;
    sax->endElement = sax_end;
    sax->characters = sax_text;
    sax->cdataBlock = sax_cdata;
    sax->internalSubset = sax_doctype;
    sax->comment = sax_comment;
    sax->processingInstruction = sax_pi;
    ctxt->userData = &st;
    if (cut) { /* perhaps inside a character: the converter copes */
        htmlDocPtr doc = htmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8", options);
        xmlFreeDoc(doc); /* none: no handler builds one */
    } else if (len) {
        parse(ctxt, s, len, options, &guarded, &md);
    }
    if (ctxt->disableSAX) {
        const char *why = ctxt->lastError.message ? ctxt->lastError.message : "unknown error";
        size_t wl = strlen(why);
        while (wl && why[wl - 1] == '\n')
            wl--;
        po_ingest_warn(cx, o, ctxt->lastError.line, ctxt->lastError.int2,
                       "HTML parsing stopped early (%.*s): text after this point is missing", (int)wl, why);
    }
    htmlFreeParserCtxt(ctxt);
    free(guarded);
    free(md);
    if (st.meta) {
        if (st.title_seen)
            meta.title = po_buf_detach(&st.title);
        apply_meta(cx, o, &meta);
    }
    free_meta(&meta);
    po_buf_free(&st.title);
    return po_para_finish(&p);
}
