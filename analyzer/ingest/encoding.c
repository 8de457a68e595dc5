/* encoding.c - which encoding the bytes are in, and iconv to UTF-8. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "../util/utf8.h"

/* Declarations are looked for this far into the input: a <head> longer
 * than this is unheard of. */
enum { DECL_WINDOW = 64 * 1024, DETECT_SAMPLE = 512 * 1024 };

/* The iconv names used for decoding. Big5 pages on the web are written in
 * the HKSCS superset, so it decodes plain Big5 and the extensions. */
static const char *const ICONV_NAME[] = {"UTF-8", "GB18030", "BIG5-HKSCS"};

const char *po_encoding_name(po_encoding enc)
{
    static const char *const NAME[] = {"UTF-8", "GB18030", "BIG5"};
    return NAME[enc];
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive search for an ASCII word in [s, end). */
static const unsigned char *find_ci(const unsigned char *s, const unsigned char *end, const char *word)
{
    size_t n = strlen(word);
    /* a word that opens with a symbol (<meta, ?>) is found by memchr first */
    bool symbol = n && !(word[0] >= 'a' && word[0] <= 'z');
    for (; (size_t)(end - s) >= n; s++) {
        if (symbol && !(s = memchr(s, word[0], (size_t)(end - s) - n + 1)))
            return NULL;
        size_t i = 0;
        while (i < n && lower(s[i]) == word[i])
            i++;
        if (i == n)
            return s;
    }
    return NULL;
}

/* Read `charset = "label"` (or encoding=) starting at p; store the label. */
static bool read_label(const unsigned char *p, const unsigned char *end, char *out, size_t out_size)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    if (p >= end || *p != '=')
        return false;
    p++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' || *p == '\''))
        p++;
    size_t n = 0;
    while (p < end && n + 1 < out_size &&
           ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        out[n++] = (char)lower(*p++);
    out[n] = '\0';
    return n > 0;
}

bool po_encoding_declared(const unsigned char *data, size_t len, char *out, size_t out_size)
{
    const unsigned char *end = data + (len < DECL_WINDOW ? len : DECL_WINDOW);
    const unsigned char *p = data;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    if (end - p > 5 && memcmp(p, "<?xml", 5) == 0) {
        const unsigned char *close = find_ci(p, end, "?>");
        const unsigned char *e = find_ci(p, close ? close : end, "encoding");
        if (e && read_label(e + 8, close ? close : end, out, out_size))
            return true;
    }
    /* <meta charset=gbk> or <meta http-equiv=... content="text/html; charset=gbk"> */
    for (p = data; (p = find_ci(p, end, "<meta")) != NULL; p += 5) {
        const unsigned char *close = memchr(p, '>', (size_t)(end - p));
        const unsigned char *tag_end = close ? close : end;
        for (const unsigned char *c = p; (c = find_ci(c, tag_end, "charset")) != NULL; c += 7)
            if (read_label(c + 7, tag_end, out, out_size))
                return true;
    }
    return false;
}

/* The encoding a charset label names; -1 for one this library does not read. */
static int label_encoding(const char *label)
{
    static const char *const GB[] = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936",
                                     "windows-936", "csgb2312", "chinese", "euc-cn", "gb_2312",
                                     "gb_2312-80", "iso-ir-58", "csiso58gb231280", "x-euc-cn"};
    static const char *const BIG5[] = {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5",
                                       "cp950", "ms950", "windows-950", "big5hkscs"};
    if (strcmp(label, "utf-8") == 0 || strcmp(label, "utf8") == 0 ||
        strcmp(label, "unicode-1-1-utf-8") == 0)
        return PO_ENC_UTF8;
    for (size_t i = 0; i < sizeof GB / sizeof *GB; i++)
        if (strcmp(label, GB[i]) == 0)
            return PO_ENC_GB18030;
    for (size_t i = 0; i < sizeof BIG5 / sizeof *BIG5; i++)
        if (strcmp(label, BIG5[i]) == 0)
            return PO_ENC_BIG5;
    return -1;
}

static bool grow(char **out, size_t *cap, char **op, size_t *opleft, size_t need)
{
    size_t used = (size_t)(*op - *out);
    size_t ncap = *cap;
    while (ncap - used - 1 < need) {
        if (ncap > SIZE_MAX / 2)
            return false;
        ncap *= 2;
    }
    char *p = realloc(*out, ncap);
    if (!p)
        return false;
    *out = p;
    *cap = ncap;
    *op = p + used;
    *opleft = ncap - used - 1;
    return true;
}

char *po_encoding_convert(const char *from, const unsigned char *data, size_t len,
                          size_t *out_len, size_t *bad)
{
    *bad = 0;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len > SIZE_MAX / 4 ? len : len + len / 2 + 64;
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)(uintptr_t)data, *op = out;
    size_t inleft = len, opleft = cap - 1;
    bool ok = true;
    while (ok && inleft > 0) {
        if (iconv(cd, &in, &inleft, &op, &opleft) != (size_t)-1)
            break;
        if (errno == E2BIG) {
            ok = grow(&out, &cap, &op, &opleft, opleft + 64);
        } else if (errno == EILSEQ || errno == EINVAL) {
            /* one undecodable (or, at the end, truncated) byte: replace it
             * and resynchronise on the next byte */
            ok = opleft >= 3 || grow(&out, &cap, &op, &opleft, 3);
            if (ok) {
                memcpy(op, "\xEF\xBF\xBD", 3);
                op += 3;
                opleft -= 3;
                in++;
                inleft--;
                (*bad)++;
                iconv(cd, NULL, NULL, NULL, NULL);
            }
        } else {
            ok = false;
        }
    }
    /* flush a character a stateful decoder (HKSCS) may still hold */
    if (ok && (opleft >= 16 || grow(&out, &cap, &op, &opleft, 16)))
        iconv(cd, NULL, NULL, &op, &opleft);
    iconv_close(cd);
    if (!ok) {
        free(out);
        return NULL;
    }
    *op = '\0';
    *out_len = (size_t)(op - out);
    return out;
}

/* How well bytes read as a double-byte Chinese encoding: characters seen and
 * how many fall in the block of frequent characters (GB2312 level 1,
 * B0A1-D7FE; Big5's frequently used block, A440-C67E). Text in the other
 * encoding scatters over symbol rows and rare blocks instead. */
typedef struct cjk_score {
    size_t chars, common, bad;
} cjk_score;

static cjk_score score_bytes(const unsigned char *s, size_t len, po_encoding enc)
{
    cjk_score sc = {0, 0, 0};
    size_t i = 0;
    while (i < len) {
        unsigned b = s[i];
        if (b < 0x80 || i + 1 >= len) {
            i++;
            continue;
        }
        unsigned t = s[i + 1];
        sc.chars++;
        if (enc == PO_ENC_GB18030) {
            if (b >= 0x81 && b <= 0xFE && t >= 0x30 && t <= 0x39) {
                i += 4; /* four-byte form: outside both frequent blocks */
                continue;
            }
            if (b >= 0xB0 && b <= 0xD7 && t >= 0xA1 && t <= 0xFE)
                sc.common++;
        } else if ((b >= 0xA4 && b < 0xC6 && ((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE))) ||
                   (b == 0xC6 && t >= 0x40 && t <= 0x7E)) {
            sc.common++;
        }
        i += 2;
    }
    return sc;
}

static cjk_score score(const unsigned char *s, size_t len, po_encoding enc)
{
    size_t n = len < DETECT_SAMPLE ? len : DETECT_SAMPLE;
    cjk_score sc = score_bytes(s, n, enc);
    size_t out_len;
    char *tmp = po_encoding_convert(ICONV_NAME[enc], s, n, &out_len, &sc.bad);
    free(tmp);
    return sc;
}

/* Undeclared bytes that are not UTF-8: GB18030 or Big5, whichever decodes
 * more cleanly into more frequent characters; UTF-8 (with replacements)
 * when neither looks like Chinese text. */
static po_encoding guess(const unsigned char *s, size_t len)
{
    cjk_score gb = score(s, len, PO_ENC_GB18030), b5 = score(s, len, PO_ENC_BIG5);
    /* a byte that does not decode weighs more than a frequent character */
    double sgb = (double)gb.common - 8.0 * (double)gb.bad;
    double sb5 = (double)b5.common - 8.0 * (double)b5.bad;
    po_encoding best = sb5 > sgb ? PO_ENC_BIG5 : PO_ENC_GB18030;
    cjk_score *bs = best == PO_ENC_BIG5 ? &b5 : &gb;
    /* random bytes hit the frequent block about one time in six */
    if (bs->common == 0 || bs->common * 2 < bs->chars || bs->bad * 10 > bs->chars)
        return PO_ENC_UTF8;
    return best;
}

static bool has_non_ascii(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 0x80)
            return true;
    return false;
}

/* CRLF and lone CR become LF, in place, from the first CR on. */
static size_t normalise_newlines(char *s, size_t len)
{
    char *cr = memchr(s, '\r', len);
    if (!cr)
        return len;
    size_t o = (size_t)(cr - s);
    for (size_t i = o; i < len; i++) {
        if (s[i] == '\r') {
            s[o++] = '\n';
            if (i + 1 < len && s[i + 1] == '\n')
                i++;
        } else {
            s[o++] = s[i];
        }
    }
    s[o] = '\0';
    return o;
}

char *po_encoding_decode(po_ingest_ctx *cx, const unsigned char *data, size_t len,
                         po_encoding *enc, size_t *out_len)
{
    bool bom = len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;
    if (bom) {
        data += 3;
        len -= 3;
    }
    bool valid = po_utf8_valid(data, len);
    po_encoding e = PO_ENC_UTF8;
    char label[32];
    if (bom) {
        e = PO_ENC_UTF8;
    } else if (po_encoding_declared(data, len, label, sizeof label)) {
        int k = label_encoding(label);
        if (k == PO_ENC_GB18030 || k == PO_ENC_BIG5) {
            /* pages saved from a browser keep their old declaration */
            if (valid && has_non_ascii(data, len))
                po_ingest_warn(cx, NULL, 0, 0, "charset %s is declared but the input is UTF-8; read as UTF-8",
                               label);
            else
                e = (po_encoding)k;
        } else if (k == PO_ENC_UTF8) {
            if (!valid && (e = guess(data, len)) != PO_ENC_UTF8)
                po_ingest_warn(cx, NULL, 0, 0, "charset utf-8 is declared but the input is %s; read as %s",
                               po_encoding_name(e), po_encoding_name(e));
        } else {
            if (!valid)
                e = guess(data, len);
            po_ingest_warn(cx, NULL, 0, 0, "charset %s is not supported; read as %s", label,
                           po_encoding_name(e));
        }
    } else if (!valid) {
        e = guess(data, len);
    }

    size_t nul = 0;
    for (const unsigned char *p = data, *end = data + len; (p = memchr(p, 0, (size_t)(end - p))) != NULL; p++)
        nul++;
    size_t bad = 0, text_len = 0;
    char *text;
    if (e == PO_ENC_UTF8 && valid && nul == 0) {
        /* the common case: the bytes are the text */
        text = malloc(len + 1);
        if (text) {
            memcpy(text, data, len);
            text[len] = '\0';
            text_len = len;
        }
    } else if (e == PO_ENC_UTF8) {
        text = po_utf8_repair(data, len, &bad, &text_len);
    } else {
        size_t conv_len;
        char *conv = po_encoding_convert(ICONV_NAME[e], data, len, &conv_len, &bad);
        /* the decoder's output may still hold the input's NUL bytes */
        text = conv ? po_utf8_repair((const unsigned char *)conv, conv_len, NULL, &text_len) : NULL;
        free(conv);
    }
    if (!text)
        return NULL;
    if (bad)
        po_ingest_warn(cx, NULL, 0, 0, "%zu byte%s not valid %s, replaced by U+FFFD", bad, bad == 1 ? " is" : "s are",
                       po_encoding_name(e));
    if (nul)
        po_ingest_warn(cx, NULL, 0, 0, "%zu NUL byte%s dropped", nul, nul == 1 ? "" : "s");
    *enc = e;
    *out_len = normalise_newlines(text, text_len);
    return text;
}
