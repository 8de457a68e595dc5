#!/bin/sh
# The prefilter (analyzer/rules/prefilter.h) changes how fast rules run, never
# what they find: the whole CCTV corpus and the web pages give byte-identical
# JSON Lines with it and in the reference mode (POLICY_OUTLINE_REFERENCE=1,
# every rule run over all of its range). Both runs are compared, not a stored
# checksum, so that changes to rules and outputs need no update here.
set -eu
bin=${PO_BINARY:-build/policy-outline}
shared=${PO_SHARED:-$(dirname "$0")/../../shared}
corpus="$shared/corpus"
if [ ! -d "$corpus/xwlb" ]; then
    echo "skipped: no corpus at $corpus (../shared is absent)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for set in xwlb pages; do
    [ -d "$corpus/$set" ] || continue
    "$bin" outline --format jsonl -j 2 "$corpus/$set" > "$tmp/fast" 2>/dev/null || true
    POLICY_OUTLINE_REFERENCE=1 "$bin" outline --format jsonl -j 2 "$corpus/$set" > "$tmp/ref" 2>/dev/null || true
    lines=$(wc -l < "$tmp/fast")
    echo "$set: $lines outlines; prefilter $(sha256sum < "$tmp/fast" | cut -c1-16)," \
         "reference $(sha256sum < "$tmp/ref" | cut -c1-16)"
    if ! cmp -s "$tmp/fast" "$tmp/ref" || [ "$lines" -lt 10 ]; then
        echo "FAIL: $set differs between the prefilter and the reference mode"
        status=1
    fi
done
exit $status
