/* table_cmd.c - placeholder. */
#include <stdio.h>

#include "cli.h"

int po_cmd_table(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("policy-outline table: not implemented yet\n", stderr);
    return PO_EXIT_USAGE;
}
