/* compare_cmd.c - placeholder. */
#include <stdio.h>

#include "cli.h"

int po_cmd_compare(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("policy-outline compare: not implemented yet\n", stderr);
    return PO_EXIT_USAGE;
}
