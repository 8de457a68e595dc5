/* dates_published.c - the publication day as a reader finds it when the
 * metadata gives none, and the dateline day that 今天 means.
 *
 * The rules are the `metadata` rules of field `published` (rules/dates.yaml),
 * tried in pack order: the information table of a portal (发布日期), a date
 * line (时间：), the page's address, the dateline (新华社北京3月5日电), the
 * signature at the foot of a document. The first that gives a whole day is
 * the publication day, and its `from` says where it came from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/* A dateline without its year and month names a day at most this far
 * before the publication day (a day's report, filed the evening before). */
enum { DATELINE_DAYS = 31 };

typedef struct day {
    int y, m, d; /* 0 when not written */
} day;

/* The day written in groups y, m, d of the match just made over t. */
static day read_day(const po_matcher *mt, const po_text *t, const po_rule *r)
{
    static const char *const NAMES[3] = {"y", "m", "d"};
    int v[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        po_date_span g;
        if (po_match_group(mt, r, NAMES[i], &g.s, &g.e)) {
            int n = po_date_parse_number(t, g);
            v[i] = n > 0 ? n : 0;
        }
    }
    if (v[0])
        v[0] += atoi(po_rule_str(r, "era", "0"));
    return (day){v[0], v[1], v[2]};
}

static bool whole(day x)
{
    return x.y && po_date_valid_day(x.y, x.m, x.d);
}

/* The first match of r over t (the last with `take: last`); false when none
 * gives a day. shared: the analysis text's matcher (scanned already), when
 * t is that text. */
static bool find_day(po_matcher *shared, const po_text *t, const po_rule *r, day *out)
{
    po_matcher own, *mt = shared;
    if (!mt && po_matcher_init(mt = &own, t) != 0)
        return false;
    bool last = strcmp(po_rule_str(r, "take", "first"), "last") == 0, found = false;
    size_t from = 0;
    po_match m;
    while (from < t->n && po_rule_match(mt, r, from, t->n, 0, &m) == 1) {
        day x = read_day(mt, t, r);
        if (x.d) {
            *out = x;
            found = true;
            if (!last)
                break;
        }
        from = m.end > m.start ? m.end : m.start + 1;
    }
    if (mt == &own)
        po_matcher_free(&own);
    return found;
}

/* "YYYY-MM-DD…" */
static bool parse_iso(const char *s, day *out)
{
    int y, m, d;
    if (!po_date_read_iso(s, &y, &m, &d) || !po_date_valid_day(y, m, d))
        return false;
    *out = (day){y, m, d};
    return true;
}

/* A dateline day with its missing year (and month) taken from the
 * publication day `pub`: the latest such day not after it, within
 * DATELINE_DAYS. A dateline day written whole is kept unless after pub. */
static bool complete_dateline(day x, day pub, day *out)
{
    long p = po_date_day_number(pub.y, pub.m, pub.d);
    if (whole(x)) {
        *out = x;
        return po_date_day_number(x.y, x.m, x.d) <= p + 1;
    }
    for (int back = 0; back <= 13; back++) {
        long mn = po_date_month_number(pub.y, pub.m) - back;
        int y = (int)(mn / 12), m = (int)(mn % 12) + 1;
        if ((x.m && x.m != m) || !po_date_valid_day(y, m, x.d))
            continue;
        long k = po_date_day_number(y, m, x.d);
        if (k > p)
            continue;
        if (p - k > DATELINE_DAYS && !x.m)
            return false;
        *out = (day){y, m, x.d};
        return true;
    }
    return false;
}

static void set_ref(po_analysis *a, day x)
{
    a->ref_year = x.y;
    a->ref_month = x.m;
    a->ref_day = x.d;
}

po_status po_find_published(po_analysis *a, const char *reference_date)
{
    po_outline *o = a->o;
    po_text url = {0};
    /* the address is read only when a rule of it is reached */
    bool have_url = false, url_tried = false;
    day pub = {0}, dateline = {0};
    bool have_pub = parse_iso(o->meta.published, &pub), have_dateline = false;
    const char *from = NULL;
    size_t n;
    const po_rule *const *rules_of = po_rules_of(a->rules, "metadata", &n);
    for (size_t i = 0; i < n && !(have_pub && have_dateline); i++) {
        const po_rule *r = rules_of[i];
        const char *src = po_rule_str(r, "from", "article");
        bool is_dateline = strcmp(src, "dateline") == 0;
        if ((have_pub && !(is_dateline && !have_dateline)) || strcmp(po_rule_str(r, "field", ""), "published") != 0)
            continue;
        bool on_url = strcmp(src, "url") == 0;
        if (on_url && !url_tried) {
            url_tried = true;
            have_url = o->meta.url && po_text_init(&url, o->meta.url, strlen(o->meta.url)) == 0;
        }
        if (on_url && !have_url)
            continue;
        day x;
        if (!(on_url ? find_day(NULL, &url, r, &x) : find_day(&a->m, &a->text, r, &x)))
            continue;
        if (is_dateline && !have_dateline) {
            dateline = x;
            have_dateline = true;
        }
        if (!have_pub && whole(x)) {
            pub = x;
            have_pub = true;
            from = src;
        }
    }
    if (have_url)
        po_text_free(&url);
    if (have_pub && !from && !o->meta.published_from &&
        !(o->meta.published_from = po_outline_strdup(o, "metadata")))
        return PO_ERR_NOMEM;
    if (from) {
        char iso[16];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", pub.y, pub.m, pub.d);
        o->meta.published = po_outline_strdup(o, iso);
        o->meta.published_from = po_outline_strdup(o, from);
        if (!o->meta.published || !o->meta.published_from)
            return PO_ERR_NOMEM;
    }
    day ref;
    if (reference_date) {
        if (parse_iso(reference_date, &ref))
            set_ref(a, ref);
        return PO_OK;
    }
    if (have_pub)
        set_ref(a, pub);
    /* 新华社北京9月22日电 … 今天, in a paper of 9月23日: the day it was filed */
    if (have_pub && have_dateline && complete_dateline(dateline, pub, &ref))
        set_ref(a, ref);
    return PO_OK;
}
