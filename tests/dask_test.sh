#!/bin/bash
# dask_test.sh - scale/dask-outline against a real Dask cluster on this
# machine: a scheduler and two worker processes on 127.0.0.1. The driver's
# outline (jsonl, json, markdown), table (csv, xlsx) and corpus comparison
# must equal one run; then one worker
# is killed in the middle of a run and the output must still equal one run
# (its tasks run again on the other, none lost, none written twice). The
# cluster is stopped at the end, and bounds its own life in any case
# (--idle-timeout, --lifetime, --death-timeout).
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT, PO_SHARED.
set -u

BIN=${PO_BINARY:-build/policy-outline}
ROOT=${PO_SOURCE_ROOT:-.}
SHARED=${PO_SHARED:-$ROOT/../shared}
PY=/usr/bin/python3
DRIVER=$ROOT/scale/dask-outline

if [ ! -d "$SHARED/corpus/xwlb" ]; then
    echo "skipped: $SHARED/corpus/xwlb is absent"
    exit 77
fi
if ! "$PY" -c 'import distributed' 2>/dev/null || ! command -v dask >/dev/null; then
    echo "skipped: python3-distributed (Debian) is not installed"
    exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-dask.XXXXXX") || exit 1
pids=()
stop() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$TMP"
}
trap stop EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# ---- the cluster -----------------------------------------------------------
cd "$TMP" || exit 1 # the workers' scratch space
export DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False # CPU for the commands
dask scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$TMP/scheduler.json" \
    --idle-timeout 300s > "$TMP/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do [ -s "$TMP/scheduler.json" ] && break; sleep 1; done
ADDR=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$TMP/scheduler.json") ||
    { echo "the scheduler did not start"; cat "$TMP/scheduler.log"; exit 1; }
start_worker() { # NAME: a worker without a nanny, so that killing it kills it
    dask worker "$ADDR" --name "$1" --host 127.0.0.1 --nthreads 1 --no-nanny --no-dashboard \
        --death-timeout 60s --lifetime 900s --memory-limit 0 > "$TMP/$1.log" 2>&1 &
    pids+=($!)
}
start_worker w1
W1=$!
start_worker w2
"$PY" - "$ADDR" <<'EOF' || { echo "the workers did not join"; exit 1; }
import sys
from distributed import Client
with Client(sys.argv[1], timeout=120) as c:
    c.wait_for_workers(2, timeout=180)
EOF
echo "cluster: scheduler $ADDR, 2 workers"

# ---- identity --------------------------------------------------------------
# A part of the corpus, to keep CI time reasonable: the 2022 day files (98
# files, 1,428 articles) and the HTML pages.
CORPUS=("$SHARED"/corpus/xwlb/2022* "$SHARED/corpus/pages")
drive() { "$PY" "$DRIVER" --scheduler "$ADDR" --binary "$BIN" "$@"; }

"$BIN" outline -f jsonl "${CORPUS[@]}" > "$TMP/one.jsonl" 2>/dev/null
drive --files-per-task 10 -- outline -f jsonl "${CORPUS[@]}" > "$TMP/dask.jsonl" 2>"$TMP/driver.log" ||
    fail "outline: driver exit status $?"
cmp -s "$TMP/one.jsonl" "$TMP/dask.jsonl" || fail "outline: the driver's output differs from one run"
[ "$(wc -l < "$TMP/dask.jsonl")" -eq 1469 ] || fail "outline: $(wc -l < "$TMP/dask.jsonl") outlines, expected 1469"

# the other formats over a smaller part: October 2022 and the pages
SMALL=("$SHARED"/corpus/xwlb/202210* "$SHARED/corpus/pages")
"$BIN" table -f csv -s people "${SMALL[@]}" > "$TMP/one.csv" 2>/dev/null
drive --files-per-task 16 -- table -s people -o "$TMP/dask.csv" "${SMALL[@]}" 2>>"$TMP/driver.log" ||
    fail "table: driver exit status $?"
cmp -s "$TMP/one.csv" "$TMP/dask.csv" || fail "table: the driver's rows differ from one run"
[ "$(wc -l < "$TMP/dask.csv")" -gt 100 ] || fail "table: fewer than 100 people in October 2022"

# json (the default): one array of pretty objects joined from the tasks'
"$BIN" outline "${SMALL[@]}" > "$TMP/one.json" 2>/dev/null
drive --files-per-task 7 -- outline "${SMALL[@]}" > "$TMP/dask.json" 2>>"$TMP/driver.log" ||
    fail "outline json: driver exit status $?"
cmp -s "$TMP/one.json" "$TMP/dask.json" || fail "outline json: the driver's array differs from one run"
"$PY" -c 'import json, sys; sys.exit(len(json.load(open(sys.argv[1]))) < 300)' "$TMP/dask.json" ||
    fail "outline json: not an array of the articles"
"$BIN" outline -f markdown "${SMALL[@]}" > "$TMP/one.md" 2>/dev/null
drive --files-per-task 7 -- outline -f markdown "${SMALL[@]}" > "$TMP/dask.md" 2>>"$TMP/driver.log" ||
    fail "outline markdown: driver exit status $?"
cmp -s "$TMP/one.md" "$TMP/dask.md" || fail "outline markdown: the driver's notes differ from one run"

# a workbook: every sheet's rows from the workers, the workbook made here;
# the same workbook as one run's but for the time it was made
"$BIN" table -o "$TMP/one.xlsx" "${SMALL[@]}" 2>/dev/null
drive --files-per-task 16 -- table -o "$TMP/dask.xlsx" "${SMALL[@]}" 2>>"$TMP/driver.log" ||
    fail "table xlsx: driver exit status $?"
"$PY" - "$TMP/one.xlsx" "$TMP/dask.xlsx" <<'EOF' || fail "table xlsx: the driver's workbook differs from one run"
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:])
differ = [n for n in a.namelist() if n != "docProps/core.xml" and a.read(n) != b.read(n)]
sys.exit(a.namelist() != b.namelist() or bool(differ) or len(a.read("xl/worksheets/sheet2.xml")) < 10000)
EOF

"$BIN" compare --corpus -f json "${CORPUS[@]}" > "$TMP/one.clusters" 2>/dev/null
drive --files-per-task 16 -- compare --corpus -f json "${CORPUS[@]}" > "$TMP/dask.clusters" 2>>"$TMP/driver.log" ||
    fail "compare: driver exit status $?"
cmp -s "$TMP/one.clusters" "$TMP/dask.clusters" || fail "compare: the clusters differ from one run"
"$PY" -c 'import json, sys; sys.exit(not json.load(open(sys.argv[1]))["clusters"])' "$TMP/one.clusters" ||
    fail "compare: no clusters in 2022 (one is expected)"

# ---- a worker dies in the middle of a run ----------------------------------
files=$("$BIN" inputs "${CORPUS[@]}" | wc -l)
tasks=$(((files + 1) / 2))
drive -v --files-per-task 2 -- outline -f jsonl "${CORPUS[@]}" > "$TMP/killed.jsonl" 2>"$TMP/killed.log" &
driver=$!
for _ in $(seq 600); do
    grep -q 'task .* done' "$TMP/killed.log" && break
    sleep 0.5
done
done_before=$(grep -c 'task .* done' "$TMP/killed.log")
kill -KILL "$W1"
echo "killed worker w1 after $done_before of $tasks tasks"
wait "$driver" || fail "after the kill: driver exit status $?"
[ "$done_before" -ge 1 ] && [ "$done_before" -lt "$tasks" ] || fail "the worker was not killed mid-run ($done_before tasks done)"
cmp -s "$TMP/one.jsonl" "$TMP/killed.jsonl" || fail "after the kill: output differs from one run"
[ "$(grep -c 'task .* done' "$TMP/killed.log")" -eq "$tasks" ] || fail "after the kill: not every task reported done once"
grep -q "Remove worker" "$TMP/scheduler.log" || fail "the scheduler did not see the worker go"

if [ "$failures" -gt 0 ]; then
    tail -n 20 "$TMP/driver.log" "$TMP/killed.log" >&2
    echo "$failures failure(s)"
    exit 1
fi
echo "dask: outline, table and compare as one run; a worker killed mid-run lost nothing"
