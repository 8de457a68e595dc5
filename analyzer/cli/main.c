/* main.c - policy-outline: dispatch to a command. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char USAGE[] =
    "Usage: policy-outline COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Turn Chinese policy news into structured outlines of their directives.\n"
    "\n"
    "Commands:\n"
    "  outline   one outline per article (json, jsonl, markdown, text, html)\n"
    "  table     rows for spreadsheets (csv, tsv, jsonl, xlsx)\n"
    "  compare   the directives of two meetings side by side, or the\n"
    "            recurring directives of a corpus\n"
    "\n"
    "  policy-outline COMMAND --help   options of a command\n"
    "  policy-outline --version        the version\n"
    "\n"
    "Exit status: 0 all inputs analysed, 1 some inputs failed,\n"
    "2 usage or rule pack error.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return PO_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return PO_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("policy-outline %s (schema %s)\n", PO_VERSION, PO_SCHEMA);
        return PO_EXIT_OK;
    }
    if (strcmp(cmd, "outline") == 0)
        return po_cmd_outline(argc - 1, argv + 1);
    if (strcmp(cmd, "table") == 0)
        return po_cmd_table(argc - 1, argv + 1);
    if (strcmp(cmd, "compare") == 0)
        return po_cmd_compare(argc - 1, argv + 1);
    fprintf(stderr, "policy-outline: unknown command '%s'\n\n%s", cmd, USAGE);
    return PO_EXIT_USAGE;
}
