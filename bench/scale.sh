#!/bin/bash
# scale.sh [ARTICLES] - a synthetic corpus of ARTICLES articles (default
# 1,000,000: the CCTV day files of ../shared/corpus/xwlb replicated with
# distinct paths and dates, written to a temporary folder and removed after)
# through a Dask cluster on this machine, against `outline -j 2` over the
# same files, in one run:
#   1. outline -f jsonl -j 2 over the corpus            (the baseline)
#   2. scale/dask-outline, a scheduler and WORKERS workers of one thread
#   3. the baseline again (on a shared machine the load drifts)
# Every process runs at niceness NICE. Prints for each run the articles,
# wall seconds and CPU seconds (user + system of every process involved:
# for Dask the driver, the scheduler, the workers and the commands they ran),
# the Dask run's throughput against the mean baseline both by wall time and
# by CPU time (what a dedicated machine would see when the cores are the
# limit), and the peak resident size (VmHWM) of each worker process and of
# the largest command a worker ran.
#
# Environment: PO_BINARY (build/policy-outline), WORKERS (2),
# FILES_PER_TASK (128), NICE (10), PO_SHARED (../shared).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${PO_BINARY:-$ROOT/build/policy-outline}")
SHARED=${PO_SHARED:-$ROOT/../shared}
ARTICLES=${1:-1000000}
WORKERS=${WORKERS:-2}
FILES_PER_TASK=${FILES_PER_TASK:-128}
NICE=${NICE:-10}
PY=/usr/bin/python3
TICKS=$(getconf CLK_TCK)

renice -n "$NICE" $$ > /dev/null # everything below inherits it
# Dask's statistical profiler samples every running task's stack every 10
# ms and its system monitor wakes twice a second: CPU taken from the work
export DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL=5s

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-scale-bench.XXXXXX")
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT

read -r files articles < <("$PY" "$ROOT/bench/synth_corpus.py" "$SHARED/corpus/xwlb" "$TMP/corpus" "$ARTICLES")
echo "corpus: $files day files, $articles articles (generated in $TMP/corpus)"

# cpu PID: user + system seconds of a process and of its waited-for children;
# own PID: of the process alone
cpu() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / t }' "/proc/$1/stat"; }
own() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$1/stat"; }

# baseline: "outlines wall cpu"
baseline() {
    /usr/bin/time -f "%e %U %S" -o "$TMP/time" "$BIN" outline -f jsonl -j 2 "$TMP/corpus" 2>/dev/null |
        wc -l > "$TMP/count"
    read -r wall user sys < "$TMP/time"
    echo "$(cat "$TMP/count") $wall $(echo "$user + $sys" | bc)"
}

read -r n1 w1 c1 < <(baseline)
echo "outline -j 2:  $n1 outlines, $w1 s wall, $c1 s CPU"

cd "$TMP"
dask scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$TMP/scheduler.json" \
    --idle-timeout 3600s > "$TMP/scheduler.log" 2>&1 &
scheduler=$!
pids+=($scheduler)
for _ in $(seq 300); do [ -s "$TMP/scheduler.json" ] && break; sleep 1; done
ADDR=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$TMP/scheduler.json")
workers=()
for w in $(seq "$WORKERS"); do
    dask worker "$ADDR" --name "w$w" --host 127.0.0.1 --nthreads 1 --no-nanny --no-dashboard \
        --death-timeout 60s --memory-limit 0 > "$TMP/w$w.log" 2>&1 &
    pids+=($!)
    workers+=($!)
done
"$PY" -c 'import sys; from distributed import Client; Client(sys.argv[1], timeout=300).wait_for_workers(int(sys.argv[2]), timeout=600)' \
    "$ADDR" "$WORKERS"

before=0
own_before=0
for p in "$scheduler" "${workers[@]}"; do
    before=$(echo "$before + $(cpu "$p")" | bc)
    own_before=$(echo "$own_before + $(own "$p")" | bc)
done
/usr/bin/time -f "%e %U %S" -o "$TMP/time" "$PY" "$ROOT/scale/dask-outline" --scheduler "$ADDR" --binary "$BIN" \
    --files-per-task "$FILES_PER_TASK" --stats "$TMP/stats" -- outline -f jsonl "$TMP/corpus" 2>/dev/null |
    wc -l > "$TMP/count"
after=0
own_after=0
for p in "$scheduler" "${workers[@]}"; do
    after=$(echo "$after + $(cpu "$p")" | bc)
    own_after=$(echo "$own_after + $(own "$p")" | bc)
done
read -r w2 user sys < "$TMP/time"
n2=$(cat "$TMP/count")
c2=$(echo "$after - $before + $user + $sys" | bc)
echo "dask-outline:  $n2 outlines, $w2 s wall, $c2 s CPU ($WORKERS workers, $FILES_PER_TASK files per task)"
engine=$(echo "$own_after - $own_before" | bc)
commands=$(echo "$after - $before - $engine" | bc)
echo "  of which: commands on the workers $commands s, scheduler and worker processes $engine s," \
    "driver $(echo "$user + $sys" | bc) s"
peaks=()
for p in "${workers[@]}"; do
    peaks+=("$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$p/status") MiB")
done
command_peak=$(awk -F= '/peak_command_kib/ {printf "%.0f", $2 / 1024}' "$TMP/stats")

read -r n3 w3 c3 < <(baseline)
echo "outline -j 2:  $n3 outlines, $w3 s wall, $c3 s CPU (again)"

"$PY" - "$n1" "$w1" "$c1" "$n2" "$w2" "$c2" "$w3" "$c3" <<'EOF'
import sys
n, w1, c1, n2, w2, c2, w3, c3 = (float(x) for x in sys.argv[1:])
wall = (n2 / w2) / (n / ((w1 + w3) / 2))
cpu = (n / ((c1 + c3) / 2)) / (n2 / c2)
print(f"per article: baseline {1000 * (c1 + c3) / 2 / n:.3f} ms CPU, dask {1000 * c2 / n2:.3f} ms CPU")
print(f"dask throughput / baseline: {wall:.1%} by wall time, {1 / cpu:.1%} by CPU time")
if n2 != n:
    print(f"MISMATCH: {n2:.0f} outlines from dask, {n:.0f} from one run")
EOF
echo "peak resident size: workers ${peaks[*]}; largest command a worker ran $command_peak MiB"
