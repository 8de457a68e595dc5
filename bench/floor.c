/* floor.c - the least a tool can do over the CCTV corpus: read each day
 * file, cut it at its "### " article headings, parse every article with
 * libxml2's HTML parser, take the text, scan it once with one PCRE2 JIT
 * pattern (enumeration markers: 一是, 二要, （三）) and write one JSON line
 * per article with the count. policy-outline's times are quoted as a
 * multiple of this one's (bench/run.sh builds and runs it).
 *
 *   cc -O2 floor.c $(pkg-config --cflags --libs libxml-2.0 libpcre2-8) -o floor
 *   ./floor FILE... > /dev/null */
#define _GNU_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include <libxml/HTMLparser.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void article(const char *s, size_t len, pcre2_code *re, pcre2_match_data *md, const char *path,
                    int index)
{
    htmlDocPtr doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    xmlChar *text = doc ? xmlNodeGetContent(xmlDocGetRootElement(doc)) : NULL;
    size_t n = text ? strlen((const char *)text) : 0, at = 0, markers = 0;
    while (text && at < n &&
           pcre2_match(re, text, n, at, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        markers++;
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    printf("{\"file\":\"%s\",\"article\":%d,\"chars\":%zu,\"markers\":%zu}\n", path, index, n, markers);
    xmlFree(text);
    xmlFreeDoc(doc);
}

int main(int argc, char **argv)
{
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile(
        (PCRE2_SPTR) "(?:[一二三四五六七八九十]+[是要]|（[一二三四五六七八九十]+）)", PCRE2_ZERO_TERMINATED,
        PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
    if (!re || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0)
        return 1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *s = slurp(argv[i], &len);
        if (!s)
            continue;
        const char *end = s + len, *p = memmem(s, len, "\n### ", 5);
        for (int k = 0; p; k++) {
            const char *q = memmem(p + 5, (size_t)(end - p - 5), "\n### ", 5);
            article(p, (size_t)((q ? q : end) - p), re, md, argv[i], k);
            p = q;
        }
        free(s);
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return 0;
}
