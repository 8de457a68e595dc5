/* load.c - where rule packs come from: a folder of YAML files, or the
 * default pack embedded at build time (default_pack.c, generated). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "../util/buf.h"
#include "../util/vec.h"

extern const po_rule_source po_default_pack[];
extern const size_t po_default_pack_size;

po_status po_rules_new_default(po_rules **out, po_diag_fn diag, void *user)
{
    return po_rules_compile(po_default_pack, po_default_pack_size, out, diag, user);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void fail(po_diag_fn diag, void *user, const char *file, const char *msg)
{
    if (!diag)
        return;
    po_diag d = {PO_DIAG_ERROR, file, 0, 0, NULL, msg};
    diag(&d, user);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    po_buf b = PO_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        po_buf_append(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    po_buf_append(&b, "", 0);
    *len = b.len;
    if (bad) {
        po_buf_free(&b);
        return NULL;
    }
    return po_buf_detach(&b);
}

po_status po_rules_new_from_dir(const char *dir, po_rules **out, po_diag_fn diag, void *user)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d) {
        fail(diag, user, dir, strerror(errno));
        return PO_ERR_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    po_status st = PO_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 6 || strcmp(e->d_name + l - 5, ".yaml") != 0)
            continue;
        char *path = malloc(strlen(dir) + l + 2);
        char **slot = path ? po_vec_push((void **)&names, &n, &cap, sizeof *names) : NULL;
        if (!slot) {
            free(path);
            st = PO_ERR_NOMEM;
            break;
        }
        sprintf(path, "%s/%s", dir, e->d_name);
        *slot = path;
    }
    closedir(d);
    if (st == PO_OK && n == 0) {
        fail(diag, user, dir, "no *.yaml rule files in this folder");
        st = PO_ERR_RULES;
    }
    po_rule_source *src = st == PO_OK ? calloc(n, sizeof *src) : NULL;
    if (st == PO_OK && !src)
        st = PO_ERR_NOMEM;
    if (st == PO_OK) {
        qsort(names, n, sizeof *names, cmp_names);
        for (size_t i = 0; i < n && st == PO_OK; i++) {
            src[i].name = names[i];
            src[i].text = read_all(names[i], &src[i].len);
            if (!src[i].text) {
                fail(diag, user, names[i], strerror(errno ? errno : EIO));
                st = PO_ERR_IO;
            }
        }
    }
    if (st == PO_OK)
        st = po_rules_compile(src, n, out, diag, user);
    for (size_t i = 0; src && i < n; i++)
        free((char *)src[i].text);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(src);
    return st;
}
