/* markdown.c - plain text from Markdown: the marks go, the words stay. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Tags that show a Markdown body holds HTML to be parsed as such. */
static bool html_tag_at(const char *s, size_t len)
{
    static const char *const TAGS[] = {
        "p", "div", "br", "span", "strong", "b", "i", "em", "u", "a", "img", "table", "tr", "td",
        "th", "tbody", "thead", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "blockquote", "style", "script", "iframe", "font", "center", "hr", "pre",
        "code", "sup", "sub", "small", "header", "footer", "nav", "aside", "form", "figure",
        "figcaption", "html", "body", "head", "meta", "title", "link", "noscript", "main"};
    size_t i = 1;
    if (i < len && s[i] == '/')
        i++;
    size_t start = i;
    while (i < len && i - start < 16 && ((lower(s[i]) >= 'a' && lower(s[i]) <= 'z') || (s[i] >= '1' && s[i] <= '6')))
        i++;
    size_t n = i - start;
    if (n == 0 || i >= len || (s[i] != '>' && s[i] != '/' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n'))
        return false;
    for (size_t t = 0; t < sizeof TAGS / sizeof *TAGS; t++) {
        if (strlen(TAGS[t]) != n)
            continue;
        size_t k = 0;
        while (k < n && lower(s[start + k]) == TAGS[t][k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

bool po_markdown_has_html(const char *s, size_t len)
{
    for (const char *p = s, *end = s + len; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
        size_t rest = (size_t)(end - p);
        if ((rest >= 4 && memcmp(p, "<!--", 4) == 0) || html_tag_at(p, rest))
            return true;
    }
    return false;
}

/* The first `c` at or after `from`; searches that failed are remembered so
 * that a line of ten million '[' stays linear. */
typedef struct finder {
    size_t pos; /* last answer (len when none) */
    size_t from;
    bool valid;
} finder;

static size_t find_from(const char *s, size_t len, size_t from, char c, finder *f)
{
    if (f->valid && from >= f->from && (f->pos >= from || f->pos == len))
        return f->pos;
    const char *p = from < len ? memchr(s + from, c, len - from) : NULL;
    f->pos = p ? (size_t)(p - s) : len;
    f->from = from;
    f->valid = true;
    return f->pos;
}

static bool only_chars(const char *s, size_t len, const char *set, size_t min)
{
    size_t count = 0;
    char first = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            continue;
        if (!strchr(set, s[i]) || (first && s[i] != first))
            return false;
        first = s[i];
        count++;
    }
    return count >= min;
}

/* The bytes the loop below may act on: \\ * _ ~ ` [ ! */
static const bool MARK[256] = {['\\'] = true, ['*'] = true, ['_'] = true, ['~'] = true,
                               ['`'] = true, ['['] = true, ['!'] = true};

/* The first byte in [i, limit) the loop below acts on, or limit. Marks are
 * ASCII: eight bytes of 0x80 and up (Chinese text) are passed at once. */
static size_t plain_end(const char *s, size_t i, size_t limit)
{
    const uint64_t highs = 0x8080808080808080u;
    while (i < limit) {
        if (limit - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & highs) == highs) {
                i += 8;
                continue;
            }
        }
        if (MARK[(unsigned char)s[i]])
            return i;
        i++;
    }
    return limit;
}

bool po_markdown_line(po_buf *out, const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    if (only_chars(s, len, "-*_", 3) || only_chars(s, len, "=", 3))
        return false; /* thematic break, setext underline */
    if (len >= 3 && (memcmp(s, "```", 3) == 0 || memcmp(s, "~~~", 3) == 0))
        return false; /* code fence */
    if (len > 0 && s[0] == '[') {
        const char *close = memchr(s, ']', len);
        if (close && close + 1 < s + len && close[1] == ':')
            return false; /* link reference definition */
    }
    /* block prefixes: quotes, headings, bullets */
    for (bool again = true; again && len > 0;) {
        again = false;
        if (s[0] == '>') {
            s++;
            len--;
            again = true;
        } else if (s[0] == '#') {
            size_t h = 0;
            while (h < len && s[h] == '#')
                h++;
            if (h <= 6 && (h == len || s[h] == ' ' || s[h] == '\t')) {
                s += h;
                len -= h;
                /* closing sequence: "## Title ##" */
                size_t e = len;
                while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
                    e--;
                size_t k = e;
                while (k > 0 && s[k - 1] == '#')
                    k--;
                if (k < e && (k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t'))
                    len = k;
            }
        } else if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && len > 1 && (s[1] == ' ' || s[1] == '\t')) {
            s += 2;
            len -= 2;
            again = true;
            if (len >= 4 && s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']' && s[3] == ' ') {
                s += 4;
                len -= 4;
            }
        }
        while (len > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
    }

    finder brk = {0, 0, false}, par = {0, 0, false};
    size_t skip_at = (size_t)-1, skip_to = 0; /* the "](url)" of the open link */
    size_t i = 0;
    while (i < len) {
        if (i == skip_at) {
            i = skip_to;
            skip_at = (size_t)-1;
            continue;
        }
        char c = s[i];
        if (c == '\\' && i + 1 < len && strchr("\\`*_{}[]()#+-.!~|<>", s[i + 1])) {
            po_buf_putc(out, s[i + 1]);
            i += 2;
        } else if ((c == '*' || c == '_' || c == '~') && i + 1 < len && s[i + 1] == c) {
            i += 2; /* **strong**, __strong__, ~~struck~~ */
        } else if (c == '`') {
            i++;
        } else if ((c == '[' || (c == '!' && i + 1 < len && s[i + 1] == '[')) && skip_at == (size_t)-1) {
            size_t open = c == '!' ? i + 1 : i;
            size_t close = find_from(s, len, open + 1, ']', &brk);
            size_t end = close;
            if (close + 1 < len && s[close + 1] == '(') {
                end = find_from(s, len, close + 2, ')', &par);
                /* one level of parentheses inside the URL: x_(y) */
                if (end < len && memchr(s + close + 2, '(', end - close - 2))
                    end = find_from(s, len, end + 1, ')', &par);
            } else if (close + 1 < len && s[close + 1] == '[') {
                end = find_from(s, len, close + 2, ']', &brk);
            } else {
                end = len;
            }
            if (close >= len || end >= len) {
                po_buf_putc(out, c);
                i++;
            } else if (c == '!') {
                i = end + 1; /* images carry no text */
            } else {
                skip_at = close;
                skip_to = end + 1;
                i = open + 1;
            }
        } else {
            /* a run of bytes that mark nothing goes in at once */
            size_t e = plain_end(s, i + 1, skip_at > i && skip_at < len ? skip_at : len);
            po_buf_append(out, s + i, e - i);
            i = e;
        }
    }
    po_buf_append(out, "", 0);
    return true;
}

char *po_markdown_text(const char *s, size_t len)
{
    return po_lines_text(s, len, true);
}

char *po_markdown_title(const char *s, size_t len)
{
    const char *end = s + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        if (e - s > 2 && s[0] == '#' && s[1] == ' ') {
            po_buf b = PO_BUF_INIT;
            po_markdown_line(&b, s, (size_t)(e - s));
            const char *t = b.data ? b.data : "";
            size_t n = b.len;
            po_trim_space(&t, &n);
            char *title = n ? strndup(t, n) : NULL;
            po_buf_free(&b);
            return title;
        }
        s = nl ? nl + 1 : end;
    }
    return NULL;
}
