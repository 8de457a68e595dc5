/* outline_file.c - the library in a complete program: read a file, outline
 * every article in it, print each article's directives, then its JSON.
 *
 *   cc outline_file.c $(pkg-config --cflags --libs policy-outline) -o outline_file
 *   ./outline_file article.md
 *
 * Exit status: 0 when every article was analysed, 1 otherwise. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <policy_outline.h>

/* The whole file in a malloc'd buffer; NULL (errno set) on failure. */
static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *data = malloc(cap);
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *more = realloc(data, cap *= 2);
            if (!more) {
                free(data);
                data = NULL;
                errno = ENOMEM;
                break;
            }
            data = more;
        }
    }
    if (data && ferror(f)) {
        free(data);
        data = NULL;
        errno = EIO;
    }
    fclose(f);
    *len = n;
    return data;
}

/* Diagnostics (malformed front matter, invalid bytes) come through here:
 * the library never prints. */
static void on_diag(const po_diag *d, void *user)
{
    (void)user;
    static const char *const LEVEL[] = {"note", "warning", "error"};
    fprintf(stderr, "%s:%d: %s: %s\n", d->file ? d->file : "?", d->line, LEVEL[d->level],
            d->message);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    size_t len;
    unsigned char *data = read_file(argv[1], &len);
    if (!data) {
        fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
        return 1;
    }

    /* compiled once; immutable, so threads may share it */
    po_rules *rules;
    po_status st = po_rules_new_default(&rules, on_diag, NULL);
    if (st != PO_OK) {
        fprintf(stderr, "rules: %s\n", po_status_str(st));
        free(data);
        return 1;
    }

    po_outline **list;
    size_t n;
    st = po_ingest(argv[1], data, len, &list, &n, on_diag, NULL);
    free(data); /* the outlines keep copies of what they need */
    if (st != PO_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], po_status_str(st));
        po_rules_free(rules);
        return 1;
    }

    int status = 0;
    for (size_t i = 0; i < n; i++) {
        po_outline *o = list[i];
        st = po_analyze(rules, o, NULL);
        if (st != PO_OK) {
            fprintf(stderr, "%s#%d: %s\n", o->source, o->index, po_status_str(st));
            status = 1;
        } else {
            printf("%s#%d %s\n", o->source, o->index, o->meta.title ? o->meta.title : "(untitled)");
            for (size_t g = 0; g < o->n_groups; g++) {
                const po_group *grp = &o->groups[g];
                printf("  %s%s%s\n", grp->introducer ? grp->introducer : "(directives)",
                       grp->actor ? " -> " : "", grp->actor ? grp->actor : "");
                for (size_t k = 0; k < grp->n_items; k++)
                    printf("    %d. %s\n", grp->items[k].ordinal, grp->items[k].lead);
            }
            char *json = po_render_json(o, PO_RENDER_PRETTY);
            if (json) {
                puts(json);
                free(json);
            } else {
                fputs("out of memory\n", stderr);
                status = 1;
            }
        }
        po_outline_free(o); /* frees every string inside */
    }
    free(list);
    po_rules_free(rules);
    return status;
}
