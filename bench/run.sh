#!/bin/sh
# Reproduce every figure of the Speed section of the README: build the floor
# (bench/floor.c), then time it, policy-outline at -j 1 and -j 2, the
# reference mode, compare and table over the corpus, the growth series and
# the hostile inputs, with peak RSS, and print the table and the ratios.
#
#   bench/run.sh [BUILD_DIR] [CORPUS_DIR] [--quick] [--baseline OLD_BINARY]
#
# BUILD_DIR defaults to build-release, configured and compiled here with
# --buildtype=release (-O3: what to install for large corpora; the default
# debugoptimized build is about 5% slower); CORPUS_DIR to ../shared/corpus/xwlb. --quick uses smaller growth inputs;
# --baseline times an older build too (compare and table speed-ups).
# It takes a few minutes; run it on a quiet machine, or read the ratios.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=""
corpus="$here/../shared/corpus/xwlb"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then corpus=$1; shift; fi
if [ -z "$build" ]; then
  build="$here/build-release"
  [ -d "$build" ] || meson setup "$build" "$here" --buildtype=release -Dtests=false >/dev/null
  meson compile -C "$build" policy-outline:executable >/dev/null
fi
bin="$build/policy-outline"
[ -x "$bin" ] || { echo "no $bin: build first (meson compile -C $build)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
floor="$build/bench-floor"
measure="$build/bench-measure"
cc -O2 -Wall -Wextra "$here/bench/floor.c" $(pkg-config --cflags --libs libxml-2.0 libpcre2-8) -o "$floor"
cc -O2 -Wall -Wextra "$here/bench/measure.c" -o "$measure"
echo "build: $build ($(meson introspect "$build" --buildoptions |
  python3 -c 'import json, sys; print("buildtype", next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))'))"
exec python3 "$here/bench/bench.py" "$measure" "$bin" "$floor" "$corpus" "$@"
