#!/bin/bash
# golden_test.sh - every samples/NAME.{md,html,txt} that has a
# samples/NAME.expected.json must give exactly that output (byte for byte) from
#   policy-outline outline --format json samples/NAME.EXT
# run from the source root, so that "source" reads samples/NAME.EXT.
# Regenerate with tests/update_golden.sh after an intended change.
#
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT.
set -u

BIN=${PO_BINARY:-build/policy-outline}
ROOT=${PO_SOURCE_ROOT:-.}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
cd "$ROOT" || exit 1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-golden.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

shopt -s nullglob
failures=0
compared=0
uncovered=()

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# the input of each expected file: NAME.md, NAME.html or NAME.txt, exactly one
for expected in samples/*.expected.json; do
    name=${expected%.expected.json}
    inputs=()
    for ext in md html txt; do
        [ -f "$name.$ext" ] && inputs+=("$name.$ext")
    done
    if [ "${#inputs[@]}" -ne 1 ]; then
        fail "$expected: ${#inputs[@]} inputs named $(basename "$name").{md,html,txt}, expected one"
        continue
    fi
    input=${inputs[0]}
    compared=$((compared + 1))
    timeout 60 "$BIN" outline --format json "$input" >"$TMP/actual.json" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        fail "$input: exit status $rc"
        head -c 1000 "$TMP/err" >&2
        continue
    fi
    if ! cmp -s "$expected" "$TMP/actual.json"; then
        fail "$input: output differs from $expected"
        diff -u "$expected" "$TMP/actual.json" | head -60 >&2
    fi
done

for input in samples/*.md samples/*.html samples/*.txt; do
    [ -f "${input%.*}.expected.json" ] || uncovered+=("$input")
done
if [ "${#uncovered[@]}" -gt 0 ]; then
    echo "note: no expected output for ${uncovered[*]} (tests/update_golden.sh FILE creates it)"
fi

if [ "$compared" -eq 0 ] && [ "$failures" -eq 0 ]; then
    echo "FAIL: no golden files: samples/ holds no NAME.expected.json" >&2
    exit 1
fi
echo "$compared golden files compared, $failures failures"
[ "$failures" -eq 0 ]
