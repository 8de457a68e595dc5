/* rules_cmd.c - policy-outline rules: check a rule pack, list what is in
 * force, print the contract between packs and the code. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "outline/rule_values.h"
#include "rules/contract.h"
#include "rules/rules.h"

static const char USAGE[] =
    "Usage: policy-outline rules check [DIR]\n"
    "       policy-outline rules list [DIR]\n"
    "       policy-outline rules contract\n"
    "\n"
    "check     load the pack in DIR (default: the built-in one): check it\n"
    "          against the contract, match every example and counter-example,\n"
    "          and resolve every example's value; each failure is reported\n"
    "          at FILE:LINE:COLUMN\n"
    "list      the kinds, rules and lexicons of the pack, each with where it\n"
    "          is defined\n"
    "contract  what the code reads from a pack, as the Markdown of\n"
    "          rules/README.md's contract section\n"
    "\n"
    "Options:\n"
    "  -h, --help   this help\n"
    "\n"
    "Exit status: 0 the pack passes, 2 usage error or a failure.\n";

/* Count the errors on their way to po_cli_diag. */
static void counting_diag(const po_diag *d, void *user)
{
    if (d->level == PO_DIAG_ERROR)
        ++*(size_t *)user;
    po_cli_diag(d, NULL);
}

static int check(const char *dir)
{
    size_t errors = 0;
    po_rules *r = NULL;
    po_status st = dir ? po_rules_new_from_dir(dir, &r, counting_diag, &errors)
                       : po_rules_new_default(&r, counting_diag, &errors);
    if (st != PO_OK) {
        po_cli_error("%s: %s (%zu error%s)", dir ? dir : "default rules", po_status_str(st), errors,
                     errors == 1 ? "" : "s");
        return PO_EXIT_USAGE;
    }
    size_t values = 0, failures = po_rules_check_values(r, counting_diag, &errors, &values);
    const po_rule *all;
    size_t n = po_rules_all(r, &all), examples = 0, counters = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < all[i].n_examples; k++)
            ++*(all[i].examples[k].counter ? &counters : &examples);
    po_rules_free(r);
    if (failures) {
        po_cli_error("%s: %zu example%s fail%s", dir ? dir : "default rules", failures, failures == 1 ? "" : "s",
                     failures == 1 ? "s" : "");
        return PO_EXIT_USAGE;
    }
    printf("%s: %zu rules, %zu examples (%zu with a value), %zu counter-examples: all pass\n",
           dir ? dir : "default rules", n, examples, values, counters);
    return PO_EXIT_OK;
}

static int list(const char *dir)
{
    po_rules *r = po_cli_rules(dir);
    if (!r)
        return PO_EXIT_USAGE;
    size_t nk;
    const po_kind_contract *kinds = po_contract_kinds(&nk);
    printf("kinds:\n");
    for (size_t i = 0; i < nk; i++)
        printf("  %-14s %3zu rule%s\n", kinds[i].kind, po_rules_count(r, kinds[i].kind),
               po_rules_count(r, kinds[i].kind) == 1 ? "" : "s");
    const po_rule *all;
    size_t n = po_rules_all(r, &all);
    printf("rules:\n");
    for (size_t i = 0; i < n; i++)
        printf("  %-34s %-14s %s:%d\n", all[i].id, all[i].kind, all[i].file, all[i].line);
    const po_lexicon *lex;
    size_t nl = po_rules_lexicons(r, &lex);
    printf("lexicons:\n");
    for (size_t i = 0; i < nl; i++) {
        const po_lexicon_contract *c = po_contract_lexicon(lex[i].name);
        printf("  %-24s %4zu word%s  %-22s %s:%d\n", lex[i].name, lex[i].n_words, lex[i].n_words == 1 ? " " : "s",
               c ? c->reader : "(patterns)", lex[i].file, lex[i].line);
    }
    po_rules_free(r);
    return PO_EXIT_OK;
}

static int contract(void)
{
    po_buf b = PO_BUF_INIT;
    po_contract_markdown(&b);
    if (b.failed) {
        po_buf_free(&b);
        po_cli_error("out of memory");
        return PO_EXIT_INPUT;
    }
    fputs(b.data, stdout);
    po_buf_free(&b);
    return PO_EXIT_OK;
}

static int run(int argc, char **argv)
{
    po_cli_opts o;
    int rc = po_cli_parse(&o, "rules", USAGE, 0, NULL, NULL, NULL, NULL, argc, argv);
    if (rc >= 0)
        return rc;
    static const char *const SUBCOMMANDS[] = {"check", "list", "contract"};
    if (o.n_args == 0)
        return po_cli_usage_error("rules", "name what to do: check, list or contract");
    int which = po_cli_choose("rules", "subcommand", o.args[0], SUBCOMMANDS, 3);
    if (which < 0)
        return PO_EXIT_USAGE;
    size_t most = which == 2 ? 1 : 2;
    if (o.n_args > most)
        return po_cli_usage_error("rules", "%s takes %s", SUBCOMMANDS[which],
                                  which == 2 ? "no operand" : "at most one folder");
    const char *dir = o.n_args > 1 ? o.args[1] : NULL;
    return which == 0 ? check(dir) : which == 1 ? list(dir) : contract();
}

const po_cli_command po_cli_rules_cmd = {"rules", "check a rule pack, list it, or print the contract", run};
