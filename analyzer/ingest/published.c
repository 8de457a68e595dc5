/* published.c - publication dates as written in front matter and <meta>
 * tags, normalised to ISO 8601. */
#include <stdio.h>
#include <string.h>

#include "ingest.h"
#include "../outline/model.h"

typedef struct stamp {
    int y, mo, d, h, mi, s;
    bool time;
    char zone[8]; /* "", "Z" or "+08:00" */
} stamp;

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid(const stamp *t)
{
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (t->y < 1000 || t->y > 9999 || t->mo < 1 || t->mo > 12 || t->d < 1)
        return false;
    if (t->d > DAYS[t->mo - 1] + (t->mo == 2 && leap(t->y)))
        return false;
    return !t->time || (t->h <= 23 && t->mi <= 59 && t->s <= 60);
}

/* Read from min to max digits. */
static bool digits(const char **p, int min, int max, int *out)
{
    int n = 0, v = 0;
    while (n < max && **p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n >= min;
}

static void skip_space(const char **p)
{
    while (**p == ' ' || **p == '\t')
        (*p)++;
}

/* HH:MM[:SS[.fraction]] */
static bool clock(const char **p, stamp *t)
{
    if (!digits(p, 1, 2, &t->h) || **p != ':')
        return false;
    (*p)++;
    if (!digits(p, 2, 2, &t->mi))
        return false;
    t->s = 0;
    if (**p == ':') {
        (*p)++;
        if (!digits(p, 2, 2, &t->s))
            return false;
        if (**p == '.' || **p == ',') { /* fractions are dropped */
            (*p)++;
            int ignored;
            if (!digits(p, 1, 9, &ignored))
                return false;
            while (**p >= '0' && **p <= '9')
                (*p)++;
        }
    }
    t->time = true;
    return true;
}

/* Z, GMT, UTC, +08:00, +0800, +08 */
static bool offset(const char **p, stamp *t)
{
    if (**p == 'Z' || **p == 'z') {
        (*p)++;
        strcpy(t->zone, "Z");
        return true;
    }
    if (strncmp(*p, "GMT", 3) == 0 || strncmp(*p, "UTC", 3) == 0) {
        *p += 3;
        if (**p != '+' && **p != '-') {
            strcpy(t->zone, "Z");
            return true;
        }
    } else if (strncmp(*p, "UT", 2) == 0) {
        *p += 2;
        strcpy(t->zone, "Z");
        return true;
    }
    if (**p != '+' && **p != '-')
        return false;
    char sign = **p;
    (*p)++;
    int hh, mm = 0;
    if (!digits(p, 2, 2, &hh))
        return false;
    if (**p == ':')
        (*p)++;
    if (**p >= '0' && **p <= '9' && !digits(p, 2, 2, &mm))
        return false;
    if (hh > 23 || mm > 59)
        return false;
    if (hh == 0 && mm == 0)
        strcpy(t->zone, "Z");
    else
        snprintf(t->zone, sizeof t->zone, "%c%02d:%02d", sign, hh, mm);
    return true;
}

/* 2021-11-04[T ]09:21[:43][zone], 2021/11/04, 2021.11.04, 20211104 */
static bool iso(const char *p, stamp *t)
{
    if (!digits(&p, 4, 4, &t->y))
        return false;
    if (*p >= '0' && *p <= '9') {
        if (!digits(&p, 2, 2, &t->mo) || !digits(&p, 2, 2, &t->d))
            return false;
    } else {
        char sep = *p;
        if (sep != '-' && sep != '/' && sep != '.')
            return false;
        p++;
        if (!digits(&p, 1, 2, &t->mo) || *p != sep)
            return false;
        p++;
        if (!digits(&p, 1, 2, &t->d))
            return false;
    }
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        skip_space(&p);
        if (!clock(&p, t))
            return false;
        skip_space(&p);
        if (*p && !offset(&p, t))
            return false;
    }
    skip_space(&p);
    return *p == '\0';
}

/* 2021年11月4日[ 09:21[:43]] */
static bool chinese(const char *p, stamp *t)
{
    if (!digits(&p, 4, 4, &t->y) || strncmp(p, "年", 3) != 0)
        return false;
    p += 3;
    skip_space(&p);
    if (!digits(&p, 1, 2, &t->mo) || strncmp(p, "月", 3) != 0)
        return false;
    p += 3;
    skip_space(&p);
    if (!digits(&p, 1, 2, &t->d) || (strncmp(p, "日", 3) != 0 && strncmp(p, "号", 3) != 0))
        return false;
    p += 3;
    skip_space(&p);
    if (*p && !clock(&p, t))
        return false;
    skip_space(&p);
    return *p == '\0';
}

/* [Thu, ]04 Nov 2021 09:21[:43] GMT|+0800 (RFC 2822). Named zones other
 * than GMT/UT and the North American ones carry no offset: CST in
 * particular means China as often as Central time. */
static bool rfc2822(const char *p, stamp *t)
{
    static const char *const MON[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const struct {
        const char *name, *zone;
    } ZONES[] = {{"EST", "-05:00"}, {"EDT", "-04:00"}, {"MST", "-07:00"},
                 {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"}};
    if (((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) {
        while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            p++;
        if (*p != ',')
            return false;
        p++;
    }
    skip_space(&p);
    if (!digits(&p, 1, 2, &t->d))
        return false;
    skip_space(&p);
    t->mo = 0;
    for (int i = 0; i < 12; i++)
        if (strncmp(p, MON[i], 3) == 0)
            t->mo = i + 1;
    if (!t->mo)
        return false;
    p += 3;
    skip_space(&p);
    if (!digits(&p, 4, 4, &t->y))
        return false;
    skip_space(&p);
    if (*p && !clock(&p, t))
        return false;
    skip_space(&p);
    if (*p && !offset(&p, t)) {
        const char *z = p;
        while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            p++;
        if (p == z)
            return false;
        for (size_t i = 0; i < sizeof ZONES / sizeof *ZONES; i++)
            if ((size_t)(p - z) == 3 && strncmp(z, ZONES[i].name, 3) == 0)
                strcpy(t->zone, ZONES[i].zone);
    }
    skip_space(&p);
    return *p == '\0';
}

/* Copy s trimmed, with full-width digits, colon and space made ASCII. */
static bool simplify(const char *s, char *out, size_t size)
{
    const char *p = s;
    size_t len = strlen(s);
    po_trim_space(&p, &len);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        const unsigned char *u = (const unsigned char *)p + i;
        char c = 0;
        if (i + 2 < len + 0 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x9A)
            c = u[2] == 0x9A ? ':' : (char)('0' + (u[2] - 0x90));
        else if (i + 2 < len && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
            c = ' ';
        if (o + 4 >= size)
            return false;
        if (c) {
            out[o++] = c;
            i += 3;
        } else {
            out[o++] = p[i++];
        }
    }
    out[o] = '\0';
    return o > 0;
}

bool po_published_parse(const char *s, char out[PO_PUBLISHED_MAX])
{
    char buf[128];
    if (!s || !simplify(s, buf, sizeof buf))
        return false;
    stamp t;
    memset(&t, 0, sizeof t);
    bool ok = iso(buf, &t);
    if (!ok) {
        memset(&t, 0, sizeof t);
        ok = chinese(buf, &t);
    }
    if (!ok) {
        memset(&t, 0, sizeof t);
        ok = rfc2822(buf, &t);
    }
    if (!ok || !valid(&t))
        return false;
    /* validated fields fit; the larger buffer keeps the compiler sure of it */
    char tmp[96];
    if (t.time)
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d%s", t.y, t.mo, t.d, t.h, t.mi, t.s, t.zone);
    else
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", t.y, t.mo, t.d);
    if (strlen(tmp) >= PO_PUBLISHED_MAX)
        return false;
    strcpy(out, tmp);
    return true;
}

void po_published_set(po_outline *o, const char *iso)
{
    o->meta.published = po_outline_strdup(o, iso);
    o->meta.published_from = o->meta.published ? po_outline_strdup(o, "metadata") : NULL;
    if (!o->meta.published_from)
        o->meta.published = NULL;
}
