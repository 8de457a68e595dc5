#!/bin/bash
# scale.sh [--articles N] [--workers N] [--files-per-task N] [--rounds N]
#
# The million-article simulation: a synthetic corpus of N articles (default
# 1,000,000: the CCTV day files of ../shared/corpus/xwlb replicated with
# distinct paths and dates, written to a temporary folder and removed after;
# about 1.9 kB per article) through a Dask cluster on this machine, against
# `outline -j 2` over the same files, in one run:
#   1. outline -f jsonl -j 2 over the corpus            (the baseline)
#   2. scale/dask-outline, a scheduler and WORKERS workers of one thread
#   3. the baseline again (on a shared machine the load drifts)
# and steps 2-3 again for each further round. Every process runs at
# niceness NICE. Prints for each run the outlines, wall seconds and CPU
# seconds (user + system of every process involved: for Dask the driver,
# the scheduler, the workers and the policy-outline process each worker
# keeps), whether the Dask output is byte-identical to the baseline's (by
# SHA-256), the Dask run's throughput against the baselines around it by
# wall time and by CPU time, and the peak resident size (VmHWM) of each
# worker process and of its policy-outline process.
#
# Environment: PO_BINARY (build/policy-outline), NICE (10), PO_SHARED
# (../shared), TMPDIR (where the corpus goes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${PO_BINARY:-$ROOT/build/policy-outline}")
SHARED=${PO_SHARED:-$ROOT/../shared}
ARTICLES=1000000
WORKERS=2
FILES_PER_TASK=64
ROUNDS=1
while [ $# -gt 0 ]; do
    case $1 in
    --articles) ARTICLES=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --files-per-task) FILES_PER_TASK=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    [0-9]*) ARTICLES=$1; shift ;; # the old form: scale.sh ARTICLES
    *) echo "usage: scale.sh [--articles N] [--workers N] [--files-per-task N] [--rounds N]" >&2; exit 2 ;;
    esac
done
NICE=${NICE:-10}
PY=/usr/bin/python3
TICKS=$(getconf CLK_TCK)

renice -n "$NICE" $$ > /dev/null # everything below inherits it
# the settings the driver gives a local cluster (scale/dask-outline QUIET)
export DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=1s \
    DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL=5s

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-scale-bench.XXXXXX")
pids=()
cleanup() {
    # a worker told to stop waits for its scheduler, which is stopping too:
    # the workers first, then whatever is left, for good
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for _ in $(seq 20); do
        alive=0
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.5
    done
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT

# the corpus takes about 1.9 kB an article: refuse rather than fill the disk
need=$((ARTICLES * 2 * 1024 / 1024 / 1024 + 64)) # MiB, with room
free=$(df -Pm "$TMP" | awk 'NR == 2 {print $4}')
if [ "$free" -lt $((need * 2)) ]; then
    echo "scale.sh: $ARTICLES articles need about $need MiB in $TMP; $free MiB free" >&2
    exit 1
fi
started=$(date +%s)
read -r files articles < <("$PY" "$ROOT/bench/synth_corpus.py" "$SHARED/corpus/xwlb" "$TMP/corpus" "$ARTICLES")
echo "corpus: $files day files, $articles articles, $(du -sm "$TMP/corpus" | cut -f1) MiB" \
    "(written in $(($(date +%s) - started)) s to $TMP/corpus)"

# cpu PID: user + system seconds of a process and of its waited-for children;
# own PID: of the process alone
cpu() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / t }' "/proc/$1/stat"; }
own() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$1/stat"; }
sum() { awk '{ s += $1 } END { printf "%.2f", s }'; }
peak() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# run CMD...: its stdout's lines and SHA-256, wall and CPU seconds:
# "lines sha wall cpu"
run() {
    /usr/bin/time -f "%e %U %S" -o "$TMP/time" "$@" 2>/dev/null |
        tee >(wc -l > "$TMP/count") | sha256sum | cut -c1-16 > "$TMP/sha"
    sleep 0.2 # the line count's subshell
    read -r wall user sys < "$TMP/time"
    echo "$(cat "$TMP/count") $(cat "$TMP/sha") $wall $(echo "$user + $sys" | bc)"
}

read -r n1 sha1 w1 c1 < <(run "$BIN" outline -f jsonl -j 2 "$TMP/corpus")
echo "outline -j 2:  $n1 outlines, $w1 s wall, $c1 s CPU"

cd "$TMP"
dask scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$TMP/scheduler.json" \
    --idle-timeout 36000s > "$TMP/scheduler.log" 2>&1 &
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

# the policy-outline processes the workers keep (they live as long as the
# workers, so their CPU is read from them, not from the workers' children)
kept() { for p in "${workers[@]}"; do pgrep -P "$p" || true; done; }
for round in $(seq "$ROUNDS"); do
    before=$(for p in "$scheduler" "${workers[@]}"; do cpu "$p"; echo; done | sum)
    own_before=$(for p in "$scheduler" "${workers[@]}"; do own "$p"; echo; done | sum)
    kept_before=$(for p in $(kept); do own "$p"; echo; done | sum)
    read -r n2 sha2 w2 c_driver < <(run "$PY" "$ROOT/scale/dask-outline" --scheduler "$ADDR" --binary "$BIN" \
        --files-per-task "$FILES_PER_TASK" --stats "$TMP/stats" -- outline -f jsonl "$TMP/corpus")
    after=$(for p in "$scheduler" "${workers[@]}"; do cpu "$p"; echo; done | sum)
    own_after=$(for p in "$scheduler" "${workers[@]}"; do own "$p"; echo; done | sum)
    kept_after=$(for p in $(kept); do own "$p"; echo; done | sum)
    engine=$(echo "$own_after - $own_before" | bc)
    commands=$(echo "$after - $before - $engine + $kept_after - $kept_before" | bc)
    c2=$(echo "$engine + $commands + $c_driver" | bc)
    tasks=$(awk -F= '/^tasks=/ {print $2}' "$TMP/stats")
    echo "dask-outline:  $n2 outlines, $w2 s wall, $c2 s CPU ($WORKERS workers, $tasks tasks of $FILES_PER_TASK files)"
    echo "  of which: policy-outline on the workers $commands s, scheduler and worker processes $engine s," \
        "driver $c_driver s"
    echo "  workers busy running tasks: $(awk -F= '/^busy_seconds/ {printf "%s%.1f s", sep, $2; sep = ", "}' \
        "$TMP/stats") of the driver's $(awk -F= '/^seconds=/ {print $2}' "$TMP/stats") s"
    if [ "$sha2" = "$sha1" ] && [ "$n2" = "$n1" ]; then
        echo "  output: byte-identical to the baseline's ($n2 lines, sha256 $sha2…)"
    else
        echo "  output: DIFFERS from the baseline's ($n2 lines, sha256 $sha2…; baseline $n1, $sha1…)"
    fi
    peaks=()
    for p in "${workers[@]}"; do
        k=$(pgrep -P "$p" | head -1 || true)
        peaks+=("$(peak "$p") MiB + policy-outline ${k:+$(peak "$k")} MiB")
    done
    echo "  peak resident size per worker: ${peaks[*]}"

    read -r n3 sha3 w3 c3 < <(run "$BIN" outline -f jsonl -j 2 "$TMP/corpus")
    echo "outline -j 2:  $n3 outlines, $w3 s wall, $c3 s CPU (again)"
    "$PY" - "$n1" "$w1" "$c1" "$n2" "$w2" "$c2" "$w3" "$c3" <<'EOF'
import sys
n, w1, c1, n2, w2, c2, w3, c3 = (float(x) for x in sys.argv[1:])
wall = (n2 / w2) / (n / ((w1 + w3) / 2))
cpu = (n / ((c1 + c3) / 2)) / (n2 / c2)
print(f"per article: baseline {1000 * (c1 + c3) / 2 / n:.3f} ms CPU, dask {1000 * c2 / n2:.3f} ms CPU")
print(f"dask throughput / baseline: {wall:.1%} by wall time, {1 / cpu:.1%} by CPU time")
EOF
    n1=$n3 w1=$w3 c1=$c3 # the next round is measured against this baseline and the next
done
