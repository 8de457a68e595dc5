# cli_lib.sh - what the command-line tests share (sourced): the binary and
# paths, a temporary folder, and run/expect helpers that count checks.
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT, PO_SHARED.

BIN=${PO_BINARY:-build/policy-outline}
ROOT=${PO_SOURCE_ROOT:-.}
SHARED=${PO_SHARED:-$ROOT/../shared}
SEED=$ROOT/samples/seed.md
PY=/usr/bin/python3
# seconds for any one run: generous, for a loaded 2-core machine running
# other suites beside this one under the sanitizers (speed is measured in
# bench/, not here)
LIMIT=120
HAVE_SHARED=0
[ -d "$SHARED/corpus/xwlb" ] && HAVE_SHARED=1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-cli.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run NAME ARGS...: runs the binary with a time limit; leaves the status in
# $rc and the output in $TMP/out and $TMP/err.
run() {
    local name=$1
    shift
    checks=$((checks + 1))
    timeout "$LIMIT" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$rc" -eq 124 ]; then
        fail "$name: no answer within ${LIMIT}s"
    elif [ "$rc" -ge 128 ]; then
        fail "$name: killed by signal $((rc - 128))"
        head -c 2000 "$TMP/err" >&2
    fi
}

expect_rc() {
    local name=$1 want=$2
    if [ "$rc" -ne "$want" ]; then
        fail "$name: exit status $rc, expected $want"
        head -c 1000 "$TMP/err" >&2
    fi
}

expect_out() { # NAME REGEX: stdout matches
    grep -Eq -- "$2" "$TMP/out" || fail "$1: stdout does not match /$2/"
}

expect_err() { # NAME REGEX: stderr matches
    grep -Eq -- "$2" "$TMP/err" || {
        fail "$1: stderr does not match /$2/"
        head -c 1000 "$TMP/err" >&2
    }
}

expect_no_err() { # NAME REGEX: stderr does not match
    if grep -Eq -- "$2" "$TMP/err"; then
        fail "$1: stderr matches /$2/"
        head -c 1000 "$TMP/err" >&2
    fi
}

finish() {
    echo "$checks checks, $failures failures"
    [ "$failures" -eq 0 ]
    exit
}

# Terminal checks run the binary under script(1), which needs a
# pseudo-terminal: a chroot without /dev/pts has none, and says so.
HAVE_PTY=0
script -qec true /dev/null >/dev/null 2>&1 </dev/null && HAVE_PTY=1
no_pty() { # NAME: report a terminal check that cannot run here
    echo "$1: skipped, no pseudo-terminal here (script(1) cannot open one)"
}
