#!/bin/bash
# install_test.sh - what `meson install` leaves: the library, headers and
# pkg-config file, against which examples/outline_file.c builds and runs;
# the manual page, which names every option of every command's --help; the
# bash completion, which offers every command, option and format.
# Installs into a staging folder (DESTDIR), never into the system.
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT, PO_BUILD_ROOT.
set -u

. "$(dirname "$0")/cli_lib.sh"
BUILD=${PO_BUILD_ROOT:-$ROOT/build}
STAGE=$TMP/stage

checks=$((checks + 1))
if ! meson install -C "$BUILD" --destdir "$STAGE" --no-rebuild --quiet >"$TMP/install.log" 2>&1; then
    fail "meson install: $(tail -5 "$TMP/install.log")"
    finish
fi

# ---- the example program, built with pkg-config against the staged library
pc=$(find "$STAGE" -name policy-outline.pc | head -1)
checks=$((checks + 1))
if [ -z "$pc" ]; then
    fail "no policy-outline.pc installed"
    finish
fi
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_SYSROOT_DIR=$STAGE pkg-config --cflags --libs policy-outline) ||
    fail "pkg-config --cflags --libs policy-outline failed"
lib=$(dirname "$(find "$STAGE" -name 'libpolicy-outline.so.0' | head -1)")
# a sanitizer build's library wants its runtime loaded first: build the
# example with the same sanitizers
sanitize=()
if readelf -d "$lib/libpolicy-outline.so.0" 2>/dev/null | grep -q 'libasan'; then
    sanitize=(-fsanitize=address,undefined)
fi
# shellcheck disable=SC2086
${CC:-cc} "${sanitize[@]}" -std=c11 -Wall -Wextra -Werror "$ROOT/examples/outline_file.c" $flags -o "$TMP/outline_file" \
    2>"$TMP/cc.err" || fail "examples/outline_file.c does not build: $(head -c 1000 "$TMP/cc.err")"
checks=$((checks + 1))
LD_LIBRARY_PATH=$lib "$TMP/outline_file" "$SEED" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc outline_file 0
expect_out outline_file '^.*seed\.md#0 工信部：推动惠企减负政策落实 进一步稳定企业预期$'
expect_out outline_file '^    1\. 着力抓好工业稳增长政策措施的贯彻实施$'
expect_out outline_file '^  会议强调 -> 各行业协会$'
expect_out outline_file '"schema":	"policy-outline/1"'
checks=$((checks + 1))
LD_LIBRARY_PATH=$lib "$TMP/outline_file" "$TMP/missing.md" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc outline_file-missing 1
expect_err outline_file-missing 'missing\.md: No such file or directory'

# ---- the manual page: installed, and naming every option of every command
man=$(find "$STAGE" -path '*/man1/policy-outline.1' | head -1)
checks=$((checks + 1))
[ -n "$man" ] || fail "no man1/policy-outline.1 installed"
commands=$("$BIN" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "no commands in policy-outline --help"
for cmd in $commands; do
    checks=$((checks + 1))
    grep -q "^\\.B policy-outline $cmd\$" "${man:-/dev/null}" || fail "the man page has no synopsis of '$cmd'"
    for opt in $("$BIN" "$cmd" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z-]*(, --[a-z][a-z-]*)?' |
        grep -oE -- '--[a-z][a-z-]*'); do
        checks=$((checks + 1))
        # roff writes - as \-
        grep -qF -- "${opt//-/\\-}" "${man:-/dev/null}" || fail "the man page does not describe $cmd $opt"
    done
done

# ---- bash completion: commands, options, formats
comp=$(find "$STAGE" -path '*/bash-completion/completions/policy-outline' | head -1)
checks=$((checks + 1))
[ -n "$comp" ] || fail "no bash-completion/completions/policy-outline installed"
complete_words() { # WORDS...: what completing the last word offers
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _policy_outline; echo "${COMPREPLY[*]}"' \
        _ "${comp:-/dev/null}" "$BIN" "$@" 2>/dev/null
}
for cmd in $commands; do
    checks=$((checks + 1))
    [[ " $(complete_words "${cmd:0:3}") " == *" $cmd "* ]] || fail "completion does not offer '$cmd'"
    offered=" $(complete_words "$cmd" --) "
    for opt in $("$BIN" "$cmd" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*'); do
        checks=$((checks + 1))
        [[ $offered == *" $opt "* ]] || fail "completion does not offer $cmd $opt"
    done
    # every format the command accepts, as its error message lists them
    valid=$("$BIN" "$cmd" --format no-such-format a b 2>&1 | sed -n 's/.*; choose \(.*\); try.*/\1/p' | sed 's/, / /g; s/ or / /')
    formats=" $(complete_words "$cmd" --format '') "
    for f in $valid; do
        checks=$((checks + 1))
        [[ $formats == *" $f "* ]] || fail "completion does not offer the format $cmd -f $f"
    done
done

finish
