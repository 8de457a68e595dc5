#!/bin/sh
# Time `policy-outline compare` in corpus mode over the whole xwlb corpus
# and show the most recurrent directives. A benchmark, not a test:
#
#   bench/compare_corpus.sh [BUILD_DIR] [CORPUS_DIR]
#
# BUILD_DIR defaults to build, CORPUS_DIR to ../shared/corpus/xwlb. The
# target is well under a minute on a two-core machine.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
corpus=${2:-"$here/../shared/corpus/xwlb"}
bin="$build/policy-outline"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[ -x "$bin" ] || { echo "no $bin: build first (meson compile -C $build)" >&2; exit 2; }
files=$(find "$corpus" -name '*.md' | wc -l)
echo "corpus: $corpus ($files files)"

start=$(date +%s.%N)
status=0
"$bin" compare --corpus --format json -o "$out/clusters.json" "$corpus" 2>"$out/stderr" || status=$?
end=$(date +%s.%N)
echo "exit status: $status ($(grep -c . "$out/stderr" || true) lines on stderr)"
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall time: %.1f s\n", e - s }'

# The summary and the five largest clusters, without needing jq.
/usr/bin/python3 - "$out/clusters.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
cl = d["clusters"]
print("items: %d from %d articles with directives; clusters: %d (threshold %.2f)"
      % (d["items"], d["articles"], len(cl), d["threshold"]))
for k, c in enumerate(cl[:5], 1):
    print("%d. %d articles, %s .. %s: %s" % (k, c["articles"], c["first"], c["last"], c["lead"]))
    for m in c["members"][:3]:
        print("     %s  %s" % (m["date"], m["text"][:60]))
PY
