#!/bin/bash
# scale_test.sh - beyond one machine, without a cluster:
#   records   --records driven the way Spark's RDD.pipe() and Hadoop Streaming
#             drive a command (tests/pipe_records.py)
#   batches   --batches answers each list of files as one run over it;
#             table --from-rows makes the workbook of one run from rows
#             written in parts (tests/batches_check.py)
#   shards    outline, table and compare --signatures run as N shards and
#             merged are byte-identical to one run; the shards do not depend
#             on the order the inputs are listed in
#   slurm     scale/slurm/outline.sbatch: bash -n, then run end to end here
#             as its array tasks would run, and its merge step
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT, PO_SHARED.
set -u

BIN=${PO_BINARY:-build/policy-outline}
ROOT=${PO_SOURCE_ROOT:-.}
SHARED=${PO_SHARED:-$ROOT/../shared}
PY=/usr/bin/python3

if [ ! -d "$SHARED/corpus/xwlb" ]; then
    echo "skipped: $SHARED/corpus/xwlb is absent"
    exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-scale.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# A part of the corpus: the 2022 day files (98 files, about 1,400 articles),
# the HTML pages and one hexo post.
CORPUS=("$SHARED"/corpus/xwlb/2022* "$SHARED/corpus/pages" "$SHARED/corpus/hexo")

# ---- records ---------------------------------------------------------------
"$PY" "$ROOT/tests/pipe_records.py" "$BIN" "$SHARED" || fail "records through a pipe"

# ---- batches and rows --------------------------------------------------------
# --batches (one process, many lists of files: scale/dask-outline's workers)
# and table --from-rows (a workbook of rows written elsewhere)
"$PY" "$ROOT/tests/batches_check.py" "$BIN" "$SHARED" 2>/dev/null || fail "batches and --from-rows"

# ---- shards ----------------------------------------------------------------
# identical NAME N CMD...: the merged N shards of CMD equal one run of CMD
identical() {
    local name=$1 n=$2
    shift 2
    "$BIN" "$@" > "$TMP/one" 2>/dev/null
    local parts=()
    for ((k = 0; k < n; k++)); do
        "$BIN" "$@" --shard "$k/$n" > "$TMP/part$k" 2>/dev/null
        parts+=("$TMP/part$k")
    done
    "$BIN" merge "${parts[@]}" > "$TMP/merged" || fail "$name: merge failed"
    if ! cmp -s "$TMP/one" "$TMP/merged"; then
        fail "$name: $n merged shards differ from one run"
    elif [ ! -s "$TMP/one" ]; then
        fail "$name: empty output"
    fi
}
identical "outline jsonl" 3 outline -f jsonl "${CORPUS[@]}" /nonexistent.md
identical "table csv" 4 table -f csv "${CORPUS[@]}"
identical "table tsv people" 2 table -f tsv -s people "${CORPUS[@]}"
identical "table jsonl meetings" 5 table -f jsonl -s meetings "${CORPUS[@]}"
identical "signatures" 3 compare --signatures "${CORPUS[@]}"

# every article of the run is in exactly one shard: 1,428 outlines in 2022
lines=$(wc -l < "$TMP/one")
[ "$lines" -gt 0 ] || fail "signatures: no items"
"$BIN" outline -f jsonl "$SHARED"/corpus/xwlb/2022* > "$TMP/one" 2>/dev/null
[ "$(wc -l < "$TMP/one")" -eq 1428 ] || fail "outline: $(wc -l < "$TMP/one") articles in 2022, expected 1428"

# the documented alternative to merge for jsonl: sort the keys, cut them off
for k in 0 1 2; do "$BIN" outline --shard "$k/3" "$SHARED"/corpus/xwlb/2022* > "$TMP/s$k" 2>/dev/null; done
LC_ALL=C sort -m "$TMP"/s[012] | cut -f2- | cmp -s - "$TMP/one" || fail "sort -m | cut differs from one run"

# a shard does not depend on the listing order: the same files named in
# reverse order give the same articles in shard 1 of 3
mapfile -t days < <(printf '%s\n' "$SHARED"/corpus/xwlb/2022* | sort -r)
"$BIN" outline --shard 1/3 "${days[@]}" 2>/dev/null | cut -f2- | "$PY" -c '
import json, sys
print("\n".join(sorted(json.dumps([o["source"], o["index"]]) for o in map(json.loads, sys.stdin))))' > "$TMP/rev"
cut -f2- "$TMP/s1" | "$PY" -c '
import json, sys
print("\n".join(sorted(json.dumps([o["source"], o["index"]]) for o in map(json.loads, sys.stdin))))' > "$TMP/fwd"
cmp -s "$TMP/rev" "$TMP/fwd" || fail "shard 1/3 holds other articles when the inputs are listed in reverse"
[ -s "$TMP/fwd" ] || fail "shard 1/3 is empty"

# merge refuses what is not a shard's output, and reports an article twice
"$BIN" merge "$TMP/one" > /dev/null 2>&1 && fail "merge took plain jsonl"
"$BIN" merge "$TMP/s0" "$TMP/s0" > /dev/null 2>&1 && fail "merge took the same shard twice"
"$BIN" outline --shard 3/3 x.md > /dev/null 2>&1 && fail "--shard 3/3 accepted"

# the clusters from merged signatures are those of one run
"$BIN" compare --corpus -f json "${CORPUS[@]}" > "$TMP/clusters" 2>/dev/null
for k in 0 1; do "$BIN" compare --signatures --shard "$k/2" "${CORPUS[@]}" > "$TMP/g$k" 2>/dev/null; done
"$BIN" merge "$TMP/g0" "$TMP/g1" | "$BIN" compare --from-signatures -f json - > "$TMP/reduced"
cmp -s "$TMP/clusters" "$TMP/reduced" || fail "clusters from signatures differ from one run"
"$PY" -c 'import json, sys; sys.exit(not json.load(open(sys.argv[1]))["clusters"])' "$TMP/clusters" ||
    fail "no clusters in the corpus comparison (one is expected in 2022)"

# ---- slurm -----------------------------------------------------------------
SBATCH=$ROOT/scale/slurm/outline.sbatch
bash -n "$SBATCH" || fail "outline.sbatch: syntax"
out=$TMP/slurm
for k in 0 1 2 3; do
    POLICY_OUTLINE=$BIN SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=4 SLURM_CPUS_PER_TASK=1 \
        bash "$SBATCH" "$out" "$SHARED"/corpus/xwlb/2022* 2>/dev/null || fail "outline.sbatch: task $k"
done
POLICY_OUTLINE=$BIN bash "$SBATCH" --merge "$out" || fail "outline.sbatch --merge"
cmp -s "$out/outlines.jsonl" "$TMP/one" || fail "outline.sbatch: merged output differs from one run"
rm "$out/shard-3-of-4.keyed"
POLICY_OUTLINE=$BIN bash "$SBATCH" --merge "$out" 2>/dev/null && fail "outline.sbatch merged 3 of 4 shards"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "scale: records, shards, merge and the Slurm script as one run"
