/* gen_fold.c - writes the traditional-to-simplified folding table at build
 * time from OpenCC's character dictionaries.
 *
 *   gen_fold OUT.h TS.json TW_REV.json HK_REV.json ST.json
 *
 * Each JSON file is an OpenCC configuration that applies one character
 * dictionary (TSCharacters, TWVariantsRev, HKVariantsRev, STCharacters).
 * Every Han code point is converted on its own, so phrase dictionaries play
 * no part and each entry maps one code point to one code point:
 *
 *   - a character of TSCharacters folds to its first simplified candidate
 *     (韓 -> 韩, 後 -> 后);
 *   - a Taiwan or Hong Kong variant folds through OpenCC's standard form
 *     (裡 -> 裏 -> 里, 説 -> 說 -> 说), unless it is itself a simplified
 *     character (a TSCharacters target or an STCharacters source: 才, 台
 *     and 么 stay as they are);
 *   - conversions to several characters or to nothing are left out.
 *
 * The result is resolved until each target is a fixed point, and written as
 * a sorted array of pairs for a binary search. */
#include <opencc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TS, TW, HK, ST, N_DICTS };
enum { MAX_CP = 0x32000 };

static const struct { uint32_t lo, hi; } RANGES[] = {
    {0x2E80, 0x2FDF},   /* radicals */
    {0x3400, 0x4DBF},   /* extension A */
    {0x4E00, 0x9FFF},   /* unified ideographs */
    {0xF900, 0xFAFF},   /* compatibility ideographs */
    {0x20000, 0x3134F}, /* extensions B-G */
};

static size_t encode(uint32_t c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The single code point of a UTF-8 string, or 0 when it holds another count. */
static uint32_t single(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), len;
    uint32_t c;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        c = u[0];
        len = 1;
    } else if ((u[0] & 0xE0) == 0xC0) {
        c = u[0] & 0x1F;
        len = 2;
    } else if ((u[0] & 0xF0) == 0xE0) {
        c = u[0] & 0x0F;
        len = 3;
    } else if ((u[0] & 0xF8) == 0xF0) {
        c = u[0] & 0x07;
        len = 4;
    } else {
        return 0;
    }
    if (len != n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    return c;
}

/* One dictionary applied to every Han code point: map[c] is the result when
 * it is one code point other than c, 0 otherwise. */
static int convert_all(const char *config, uint32_t *map)
{
    opencc_t cc = opencc_open(config);
    if (cc == (opencc_t)-1) {
        fprintf(stderr, "gen_fold: %s: %s\n", config, opencc_error());
        return -1;
    }
    for (size_t r = 0; r < sizeof RANGES / sizeof RANGES[0]; r++)
        for (uint32_t c = RANGES[r].lo; c <= RANGES[r].hi; c++) {
            char in[5];
            size_t n = encode(c, in);
            char *out = opencc_convert_utf8(cc, in, n);
            if (!out) {
                fprintf(stderr, "gen_fold: %s: %s\n", config, opencc_error());
                opencc_close(cc);
                return -1;
            }
            uint32_t to = single(out);
            if (to && to != c)
                map[c] = to;
            opencc_convert_utf8_free(out);
        }
    opencc_close(cc);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2 + N_DICTS) {
        fprintf(stderr, "usage: gen_fold OUT.h TS.json TW_REV.json HK_REV.json ST.json\n");
        return 2;
    }
    uint32_t *map[N_DICTS];
    uint32_t *fold = calloc(MAX_CP, sizeof *fold);
    unsigned char *simplified = calloc(MAX_CP, 1);
    for (int d = 0; d < N_DICTS; d++)
        map[d] = calloc(MAX_CP, sizeof *map[d]);
    if (!fold || !simplified || !map[TS] || !map[TW] || !map[HK] || !map[ST]) {
        fprintf(stderr, "gen_fold: out of memory\n");
        return 1;
    }
    for (int d = 0; d < N_DICTS; d++)
        if (convert_all(argv[2 + d], map[d]) < 0)
            return 1;
    for (uint32_t c = 0; c < MAX_CP; c++) {
        if (map[TS][c] && map[TS][c] < MAX_CP)
            simplified[map[TS][c]] = 1;
        if (map[ST][c])
            simplified[c] = 1;
    }
    for (uint32_t c = 0; c < MAX_CP; c++) {
        uint32_t to = map[TS][c];
        for (int d = TW; !to && d <= HK && !simplified[c]; d++) {
            uint32_t v = map[d][c];
            if (v && v < MAX_CP)
                v = map[TS][v] ? map[TS][v] : v;
            if (v && v != c)
                to = v;
        }
        if (to && to < MAX_CP)
            fold[c] = to;
    }
    /* every target a fixed point (a chain of at most a few steps) */
    for (uint32_t c = 0; c < MAX_CP; c++)
        for (int step = 0; fold[c] && fold[fold[c]] && step < 4; step++)
            fold[c] = fold[fold[c]] == c ? 0 : fold[fold[c]];
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t n = 0;
    fprintf(f, "/* generated by gen_fold.c from OpenCC's character dictionaries; do not edit */\n");
    fprintf(f, "static const uint32_t fold_pairs[][2] = {\n");
    for (uint32_t c = 0; c < MAX_CP; c++)
        if (fold[c] && fold[c] != c && !fold[fold[c]]) {
            fprintf(f, "    {0x%05X, 0x%05X},\n", (unsigned)c, (unsigned)fold[c]);
            n++;
        }
    fprintf(f, "};\n");
    /* one bit per code point of the BMP: does it fold? Most text is
     * simplified already, and a bit is cheaper than a binary search */
    fprintf(f, "const uint64_t po_fold_bmp[%u] = {\n", 0x10000u / 64);
    for (uint32_t b = 0; b < 0x10000 / 64; b++) {
        uint64_t bits = 0;
        for (uint32_t k = 0; k < 64; k++) {
            uint32_t c = b * 64 + k;
            if (c < MAX_CP && fold[c] && fold[c] != c && !fold[fold[c]])
                bits |= (uint64_t)1 << k;
        }
        fprintf(f, "    0x%016llXu,\n", (unsigned long long)bits);
    }
    fprintf(f, "};\n");
    if (fclose(f) != 0 || n == 0) {
        fprintf(stderr, "gen_fold: %s: %s\n", argv[1], n ? "write failed" : "no entries");
        return 1;
    }
    for (int d = 0; d < N_DICTS; d++)
        free(map[d]);
    free(fold);
    free(simplified);
    return 0;
}
