#!/bin/bash
# update_golden.sh - write samples/NAME.expected.json from the current
# build, for the inputs named (samples/seed.md ...) or, with none, for every
# samples/*.{md,html,txt}. Review the diff before committing it.
#
#   PO_BINARY=build/policy-outline tests/update_golden.sh [samples/FILE ...]
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PO_BINARY:-build/policy-outline}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
if [ ! -x "$BIN" ]; then
    echo "update_golden.sh: no binary at $BIN (set PO_BINARY)" >&2
    exit 2
fi
cd "$ROOT" || exit 1

shopt -s nullglob
if [ "$#" -gt 0 ]; then
    inputs=()
    for f in "$@"; do
        # accept paths relative to the caller or to the source root
        f=${f#"$ROOT"/}
        case $f in samples/*) ;; *) f=samples/$(basename "$f") ;; esac
        inputs+=("$f")
    done
else
    inputs=(samples/*.md samples/*.html samples/*.txt)
fi

status=0
for input in "${inputs[@]}"; do
    case $input in
    *.expected.json) continue ;;
    *.md | *.html | *.txt) ;;
    *)
        echo "update_golden.sh: $input: not .md, .html or .txt" >&2
        status=1
        continue
        ;;
    esac
    if [ ! -f "$input" ]; then
        echo "update_golden.sh: $input: no such sample" >&2
        status=1
        continue
    fi
    out=${input%.*}.expected.json
    # the same command as golden_test.sh, from the source root
    if "$BIN" outline --format json "$input" >"$out.tmp"; then
        mv "$out.tmp" "$out"
        echo "wrote $out"
    else
        rm -f "$out.tmp"
        echo "update_golden.sh: $input: policy-outline failed; $out left as it was" >&2
        status=1
    fi
done
exit "$status"
