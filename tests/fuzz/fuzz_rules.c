/* fuzz_rules.c - a rule pack as input: the bytes are one YAML file of a
 * pack folder, loaded and compiled; a pack that compiles then analyses a
 * short text that holds a bit of everything. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

static const char TEXT[] =
    "---\ntitle: 国务院常务会议\ndate: 2023-03-05\n---\n"
    "国务院总理李强3月5日主持召开国务院常务会议。副总理丁薛祥出席。\n"
    "会议指出，一是加强领导；二是狠抓落实；三是（一）稳增长（二）促就业。\n"
    "第一，坚持稳中求进。第二，今年上半年完成。1. 明天上午。2、去年。\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir;
    FILE *f = fopen(fuzz_temp_file("pack.yaml", &dir), "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        fuzz_fail("the pack file is written");
    po_rules *rules = NULL;
    po_status st = po_rules_new_from_dir(dir, &rules, NULL, NULL);
    if (st == PO_OK) {
        po_outline **list = NULL;
        size_t n = 0;
        if (po_ingest("rules.md", (const unsigned char *)TEXT, sizeof TEXT - 1, &list, &n, NULL, NULL) == PO_OK) {
            for (size_t i = 0; i < n; i++) {
                po_analyze(rules, list[i], NULL);
                fuzz_check_outline(list[i]);
                char *s = po_render_json(list[i], 0);
                fuzz_check_json(s, 0);
                free(s);
            }
            fuzz_free(list, n);
        }
        po_rules_free(rules);
    } else if (rules) {
        fuzz_fail("no pack is returned on error");
    }
    return 0;
}
