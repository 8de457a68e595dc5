#!/usr/bin/env bash
# Outline every article of the CCTV corpus as JSON Lines and check that each
# day file gives exactly one valid outline per `### ` article.
# Usage: bench/corpus_check.sh [BINARY]   (prints the time taken)
set -euo pipefail
bin=${1:-build/policy-outline}
corpus=${PO_CORPUS:-$(dirname "$0")/../../shared/corpus/xwlb}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s.%N)
"$bin" outline --format jsonl "$corpus"/*.md > "$out"
end=$(date +%s.%N)
want=$(cat "$corpus"/*.md | grep -c '^### ')
got=$(wc -l < "$out")
python3 - "$out" <<'PY'
import json, sys
bad = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    o = json.loads(line)
    if o.get("schema") != "policy-outline/1" or "error" in o:
        bad += 1
sys.exit("%d outlines are errors" % bad if bad else 0)
PY
printf 'corpus: %s outlines for %s articles in %.1f s\n' "$got" "$want" "$(awk "BEGIN{print $end - $start}")"
[ "$got" -eq "$want" ]
