#!/bin/bash
# run.sh BUILD SECONDS [OUT] [TARGET...] - run each libFuzzer target of
# BUILD (a -Dfuzz=true build) for SECONDS on its seeds: tests/fuzz/seeds/T,
# seeds/articles and the samples (the rule pack for the rules target); before fuzzing, ingest
# also runs once on an input of 1 MB. New inputs go to OUT/corpus/T, findings to OUT/findings/T-*
# (OUT: a temporary folder, removed at the end, when not given). Fails on
# any crash, leak, timeout (-timeout) or memory over -rss_limit_mb. Prints
# one line per target: coverage (edges, features), corpus, executions.
set -u
[ $# -ge 2 ] || { echo "usage: $0 BUILD SECONDS [OUT] [TARGET...]" >&2; exit 2; }
build=$1 seconds=$2
shift 2
out=
if [ $# -ge 1 ]; then out=$1; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ingest analyze render rules table compare)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ -z "$out" ]; then
    out=$(mktemp -d "${TMPDIR:-/tmp}/po-fuzz.XXXXXX") || exit 1
    trap 'rm -rf "$out"' EXIT
fi

# ASan/UBSan: every report fatal; leaks checked at each input's end
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=0
for t in "${targets[@]}"; do
    exe=$build/tests/fuzz/fuzz_$t
    [ -x "$exe" ] || { echo "fuzz: no $exe" >&2; exit 2; }
    mkdir -p "$out/corpus/$t" "$out/findings" "$out/big"
    seeds=("$here/seeds/$t")
    dict=$here/text.dict
    if [ "$t" = rules ]; then
        seeds+=("$root/rules")
        dict=$here/yaml.dict
    else
        seeds+=("$here/seeds/articles" "$root/samples")
    fi
    log=$out/$t.log
    if [ "$t" = ingest ]; then
        # the seed article again and again up to 1 MB, run once: fuzzing
        # grows inputs from small ones, and a large seed would slow it
        big=$out/big/seed-1mb.md
        [ -s "$big" ] || for _ in $(seq 300); do cat "$root/samples/seed.md"; done > "$big"
        if ! "$exe" -timeout=120 -rss_limit_mb=2048 "$big" > "$log" 2>&1; then
            echo "fuzz $t: the 1 MB input failed" >&2
            tail -40 "$log" >&2
            failed=1
        fi
    fi
    "$exe" -max_total_time="$seconds" -max_len=1048576 -timeout=60 -rss_limit_mb=2048 \
        -dict="$dict" -print_final_stats=1 -artifact_prefix="$out/findings/$t-" \
        "$out/corpus/$t" "${seeds[@]}" >> "$log" 2>&1
    status=$?
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    printf 'fuzz %-8s status %d  %s  execs %s\n' "$t" "$status" \
        "$(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+')" "${execs:-?}"
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "---- $t: the end of its log ($log)" >&2
        tail -40 "$log" >&2
        ls "$out/findings" >&2
    fi
done
exit $failed
