/* main.c - policy-outline: dispatch to a command. */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scale.h"

/* Every command, in the order of the help. */
static const po_cli_command *const COMMANDS[] = {
    &po_cli_outline,
    &po_cli_table,
    &po_cli_compare,
    &po_cli_report,
    &po_cli_rules_cmd,
    &po_cli_merge,
    &po_cli_inputs_list,
};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static void usage(FILE *f)
{
    fputs("Usage: policy-outline COMMAND [OPTIONS] [FILE|FOLDER|-]...\n"
          "\n"
          "Turn Chinese policy news into structured outlines of their directives.\n"
          "\n"
          "Commands:\n",
          f);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-9s %s\n", COMMANDS[i]->name, COMMANDS[i]->summary);
    fputs("\n"
          "  policy-outline COMMAND --help   options of a command\n"
          "  policy-outline --version        the version\n"
          "\n"
          "Exit status: 0 all inputs analysed, 1 some inputs failed,\n"
          "2 usage or rule pack error.\n",
          f);
}

int main(int argc, char **argv)
{
#ifdef M_TRIM_THRESHOLD
    /* Keep freed memory for the next input: by default glibc hands the top
     * of the heap back after each article and faults it in again for the
     * next (30,000 page faults and a tenth of the time over the corpus).
     * The peak is unchanged; only what is kept between inputs grows. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    if (argc < 2) {
        usage(stderr);
        return PO_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return PO_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("policy-outline %s (schema %s)\n", PO_VERSION, PO_SCHEMA);
        return PO_EXIT_OK;
    }
    const char *names[N_COMMANDS];
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(cmd, COMMANDS[i]->name) == 0)
            return COMMANDS[i]->run(argc - 1, argv + 1);
        names[i] = COMMANDS[i]->name;
    }
    if (cmd[0] == '-')
        return po_cli_usage_error(NULL, "unknown option '%s' (the command comes first)", cmd);
    po_cli_choose(NULL, "command", cmd, names, N_COMMANDS);
    return PO_EXIT_USAGE;
}
