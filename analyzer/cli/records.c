/* records.c - --records: JSON Lines in, one record at a time, so that the
 * command can sit behind Spark's RDD.pipe() or a Hadoop Streaming mapper.
 * A bad record is answered with an error naming its id and line; the stream
 * never stops early. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scale.h"
#include "../ingest/ingest.h"
#include "../outline/model.h"

/* Read one line into b (without its LF). Returns false at the end of the
 * stream; *too_long when the line passed max bytes (the rest of it is read
 * and dropped, so memory stays bounded). */
static bool read_line(FILE *in, po_buf *b, size_t max, bool *too_long)
{
    char chunk[65536];
    bool any = false;
    po_buf_clear(b);
    *too_long = false;
    while (fgets(chunk, sizeof chunk, in)) {
        any = true;
        size_t n = strlen(chunk);
        bool end = n && chunk[n - 1] == '\n';
        if (end)
            n--;
        if (!*too_long && b->len + n > max)
            *too_long = true;
        if (!*too_long)
            po_buf_append(b, chunk, n);
        if (end)
            break;
    }
    po_buf_append(b, "", 0);
    return any;
}

/* A string member, or NULL when absent or null; *bad when of another type. */
static const char *string_member(const cJSON *o, const char *name, bool *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        *bad = true;
        return NULL;
    }
    return v->valuestring;
}

static bool set_meta(po_outline *o, const char *title, const char *published, const char *url)
{
    if (title && !(o->meta.title = po_outline_strdup(o, title)))
        return false;
    if (url && !(o->meta.url = po_outline_strdup(o, url)))
        return false;
    return !published || (o->meta.published = po_outline_strdup(o, published));
}

/* The outlines of one parsed record, or a reason (a static string or one
 * written into why). */
static const char *outlines_of(const cJSON *obj, const char *id, const po_rules *rules,
                               const po_options *opt, po_outline ***list, size_t *n, char *why,
                               size_t why_size)
{
    static const char *const BODIES[] = {"html", "text", "markdown", "path"};
    bool bad = false;
    const char *body = NULL, *kind = NULL;
    for (size_t i = 0; i < 4; i++) {
        const char *s = string_member(obj, BODIES[i], &bad);
        if (s && body)
            return "holds more than one of \"html\", \"text\", \"markdown\", \"path\"";
        if (s) {
            body = s;
            kind = BODIES[i];
        }
    }
    const char *title = string_member(obj, "title", &bad);
    const char *published = string_member(obj, "published", &bad);
    const char *url = string_member(obj, "url", &bad);
    if (bad)
        return "a field that should be a string is not one";
    if (!body)
        return "holds none of \"html\", \"text\", \"markdown\", \"path\"";
    char day[PO_PUBLISHED_MAX];
    if (published && !po_published_parse(published, day))
        return "\"published\" is not a date";

    po_status st;
    if (strcmp(kind, "path") == 0) {
        unsigned char *data;
        size_t len;
        int err = po_cli_read(body, PO_CLI_MAX_BYTES, &data, &len);
        if (err) {
            snprintf(why, why_size, "%s: %s", body, strerror(err));
            return why;
        }
        st = po_ingest(body, data, len, list, n, po_cli_diag, NULL);
        free(data);
    } else {
        st = po_ingest_as(id, kind, (const unsigned char *)body, strlen(body), list, n, po_cli_diag, NULL);
    }
    if (st != PO_OK)
        return po_status_str(st);
    for (size_t i = 0; i < *n; i++) {
        if (!set_meta((*list)[i], title, published ? day : NULL, url))
            st = PO_ERR_NOMEM;
        if (st == PO_OK)
            st = po_analyze(rules, (*list)[i], opt);
    }
    if (st != PO_OK) {
        po_cli_free_outlines(*list, *n);
        *list = NULL;
        *n = 0;
        return po_status_str(st);
    }
    return NULL;
}

size_t po_records_each(FILE *in, size_t max_line, const po_rules *rules, const po_options *opt,
                       po_record_fn fn, void *ctx)
{
    po_buf line = PO_BUF_INIT;
    size_t refused = 0;
    bool too_long;
    for (size_t number = 1; read_line(in, &line, max_line, &too_long); number++) {
        po_record rec = {number, NULL, NULL};
        const char *error = NULL;
        char why[512];
        po_outline **list = NULL;
        size_t n = 0;
        const char *s = line.data ? line.data : "";
        size_t len = line.len;
        if (len && s[len - 1] == '\r')
            len--; /* CRLF streams */
        if (!too_long && strspn(s, " \t\r") == strlen(s))
            continue; /* a blank line is no record */
        cJSON *obj = too_long ? NULL : cJSON_ParseWithLength(s, len);
        const cJSON *id = obj ? cJSON_GetObjectItemCaseSensitive(obj, "id") : NULL;
        if (id && (cJSON_IsString(id) || cJSON_IsNumber(id))) {
            rec.id_json = cJSON_PrintUnformatted(id);
            rec.id = cJSON_IsString(id) ? strdup(id->valuestring) : cJSON_PrintUnformatted(id);
        }
        if (too_long)
            error = "the record is longer than the limit";
        else if (!cJSON_IsObject(obj))
            error = "not a JSON object";
        else if (!id)
            error = "no \"id\"";
        else if (!cJSON_IsString(id) && !cJSON_IsNumber(id))
            error = "\"id\" is neither a string nor a number";
        else if (!rec.id_json || !rec.id)
            error = po_status_str(PO_ERR_NOMEM);
        else
            error = outlines_of(obj, rec.id, rules, opt, &list, &n, why, sizeof why);
        cJSON_Delete(obj);
        if (error) {
            po_cli_error("record at line %zu%s%s: %s", number, rec.id ? " id " : "", rec.id ? rec.id : "",
                         error);
            refused++;
        }
        fn(&rec, list, n, error, ctx);
        po_cli_free_outlines(list, n);
        free(rec.id_json);
        free(rec.id);
    }
    po_buf_free(&line);
    return refused;
}

char *po_record_error_json(const po_record *rec, const char *error)
{
    po_buf b = PO_BUF_INIT;
    char *msg = NULL;
    cJSON *e = cJSON_CreateString(error);
    if (e)
        msg = cJSON_PrintUnformatted(e);
    cJSON_Delete(e);
    po_buf_printf(&b, "{\"id\":%s,\"schema\":\"%s\",\"line\":%zu,\"error\":%s}",
                  rec->id_json ? rec->id_json : "null", PO_SCHEMA, rec->line, msg ? msg : "\"\"");
    free(msg);
    return po_buf_detach(&b);
}

char *po_record_tag(const po_record *rec, const char *json)
{
    if (!json || json[0] != '{')
        return NULL;
    po_buf b = PO_BUF_INIT;
    po_buf_printf(&b, "{\"id\":%s%s", rec->id_json ? rec->id_json : "null", json[1] == '}' ? "" : ",");
    po_buf_puts(&b, json + 1);
    return po_buf_detach(&b);
}
