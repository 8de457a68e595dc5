/* shard.c - --shard K/N: the articles of one shard, chosen by a hash of the
 * path and the article's index, and written as keyed records that
 * `policy-outline merge` puts back in the order of a single run. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"

bool po_shard_parse(const char *cmd, const char *arg, po_shard *out)
{
    char *end;
    errno = 0;
    unsigned long k = strtoul(arg, &end, 10), n = 0;
    bool ok = end != arg && *end == '/' && arg[0] >= '0' && arg[0] <= '9';
    if (ok) {
        const char *m = end + 1;
        n = strtoul(m, &end, 10);
        ok = end != m && *end == '\0' && m[0] >= '0' && m[0] <= '9' && !errno && n >= 1 &&
             n <= 1000000 && k < n;
    }
    if (!ok) {
        po_cli_usage_error(cmd, "--shard wants K/N with 0 <= K < N <= 1000000, not '%s'", arg);
        return false;
    }
    out->k = k;
    out->n = n;
    return true;
}

/* SplitMix64's finaliser over FNV-1a: fixed constants, so a path and an
 * index land in the same shard on every machine. */
static uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

bool po_shard_keeps(const po_shard *shard, const char *path, int index)
{
    if (!shard || shard->n <= 1)
        return true;
    uint64_t h = 0xCBF29CE484222325ull;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        h = (h ^ *p) * 0x100000001B3ull;
    h = mix(h ^ mix((uint64_t)(uint32_t)index));
    return h % shard->n == shard->k;
}

static void put_payload(FILE *out, const char *s)
{
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (p != s)
            fputc('\t', out); /* a continuation line */
        fwrite(p, 1, len, out);
        fputc('\n', out);
        p += len + (nl ? 1 : 0);
    }
    if (!*s)
        fputc('\n', out);
}

void po_shard_put(FILE *out, size_t input, int index, const char *s)
{
    fprintf(out, "%016llx%08x\t", (unsigned long long)input, (unsigned)index);
    put_payload(out, s);
}

void po_shard_put_header(FILE *out, const char *s)
{
    fputs("-\t", out);
    put_payload(out, s);
}
