/* yaml_budget.h - how large a YAML document is once its aliases are
 * expanded. libyaml loads an alias as a second reference to the anchored
 * node, so a few hundred bytes of anchors and aliases can stand for millions
 * of nodes (or a cycle) to whoever walks the document. Every reader of YAML
 * checks a loaded document here before walking it. */
#ifndef PO_YAML_BUDGET_H
#define PO_YAML_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

/* A node weighs 1 plus the bytes of its value when it is a scalar. The
 * document as written weighs the sum over its nodes; expanded (each node
 * counted once per path from the root that reaches it, keys included) it
 * weighs more only through aliases. The fixed budget is what aliases may
 * add: about a megabyte of text, far beyond any real front matter or rule
 * pack, far below what exhausts memory. */
#define PO_YAML_EXPANSION_BUDGET 1000000u

/* True when the tree reached from the root of doc, aliases followed, weighs
 * at most budget more than the document as written and holds no cycle (a
 * document without aliases always passes). Otherwise returns false and, when
 * where is not NULL, sets it to the start of the node where the expansion
 * went over: the collection whose children together exceed the budget (the
 * child itself when that collection is the root), or the node that holds
 * itself. Costs time and memory linear in the document
 * as loaded, whatever it expands to; false too when that memory is not
 * available. An empty document passes. */
bool po_yaml_within_budget(yaml_document_t *doc, size_t budget, yaml_mark_t *where);

#endif
