/* inputs_cmd.c - policy-outline inputs: the documents the other commands
 * would read, in the order they would read them, for drivers that hand
 * parts of a corpus to other machines (scale/dask-outline). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scale.h"

static const char USAGE[] =
    "Usage: policy-outline inputs [OPTIONS] [FILE|FOLDER]...\n"
    "\n"
    "List the documents that outline, table and compare read for the same\n"
    "arguments (folders expanded, in name order), one a line.\n"
    "\n"
    "Options:\n"
    "  -0, --null              end each path with a NUL byte, not a line break\n"
    "      --files-from LIST   also the paths listed in LIST, one a line\n"
    "      --follow-symlinks   follow symbolic links to folders\n"
    "  -q, --quiet             no notes on stderr\n"
    "  -v, --verbose           name the files passed over in folders\n"
    "  -h, --help              this help\n";

static int own_option(int key, const char *arg, void *ctx)
{
    *(char *)ctx = '\0';
    return PO_EXIT_OK;
}

static int run_inputs(int argc, char **argv)
{
    static const struct option OWN[] = {
        {"null", no_argument, NULL, '0'},
        {NULL, 0, NULL, 0},
    };
    po_cli_opts o;
    char end = '\n';
    int rc = po_cli_parse(&o, "inputs", USAGE, PO_OPT_INPUTS, OWN, "0", own_option, &end, argc, argv);
    if (rc >= 0)
        return rc;
    po_cli_inputs in;
    if ((rc = po_cli_inputs_collect(&o, &in)) >= 0)
        return rc;
    for (size_t i = 0; i < in.n; i++) {
        fputs(in.paths[i], stdout);
        fputc(end, stdout);
    }
    int status = in.errors ? PO_EXIT_INPUT : PO_EXIT_OK;
    po_cli_inputs_free(&in);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        po_cli_error("writing the list: %s", strerror(errno));
        return PO_EXIT_INPUT;
    }
    return status;
}

const po_cli_command po_cli_inputs_list = {
    "inputs", "the documents the commands read for FILE|FOLDER arguments", run_inputs};
