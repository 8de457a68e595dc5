#!/bin/bash
# rules_test.sh - broken rule packs, one per class of error: each is a copy
# of the shipped pack with one mistake, refused before any document is read
# with exit status 2 and the message quoted here, at FILE:LINE:COLUMN.
#
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT.
set -u

BIN=${PO_BINARY:-build/policy-outline}
ROOT=${PO_SOURCE_ROOT:-.}
LIMIT=60 # seconds for any one run (a loaded machine, sanitizers)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/po-rules.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
printf '会议提出，一是加强管理；二是完善制度。\n' >"$TMP/doc.txt"

failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# pack NAME: a fresh copy of the shipped pack in $TMP/NAME
pack() {
    rm -rf "${TMP:?}/$1"
    mkdir -p "$TMP/$1"
    cp "$ROOT"/rules/*.yaml "$TMP/$1/"
}

# refused NAME MESSAGE: the pack in $TMP/NAME is refused (exit 2, no
# outline) and stderr holds MESSAGE as a whole line, file names relative.
refused() {
    local name=$1 want=$2
    checks=$((checks + 1))
    (cd "$TMP" && timeout "$LIMIT" "$BIN" outline --rules "$name" doc.txt >"$TMP/out" 2>"$TMP/err")
    local rc=$?
    if [ "$rc" -ne 2 ]; then
        fail "$name: exit status $rc, expected 2"
        head -c 2000 "$TMP/err" >&2
        return
    fi
    [ -s "$TMP/out" ] && fail "$name: wrote an outline despite the broken pack"
    sed 's/^policy-outline: //' "$TMP/err" | grep -qxF -- "$want" || {
        fail "$name: no line '$want' in:"
        head -c 2000 "$TMP/err" >&2
    }
}

# line FILE TEXT: the number of the first line of FILE holding TEXT
line() {
    grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1
}

# ---- values, keys, groups --------------------------------------------------

pack resolve
sed -i '0,/resolve: range$/s//resolve: rnage/' "$TMP/resolve/dates.yaml"
n=$(line "$TMP/resolve/dates.yaml" 'resolve: rnage')
# the expected modes are the contract's table of them (so a new mode needs
# no edit here), and must list calendar and range among a dozen or more
modes=$("$BIN" rules contract | sed -n '/^### Date resolve modes/,/^###* [^D]/s/^| `\([a-z_]*\)` |.*/\1/p' |
    paste -sd, - | sed 's/,/, /g')
for m in calendar range; do
    case ", $modes, " in *", $m, "*) ;; *) fail "resolve: no $m in the contract's modes '$modes'" ;; esac
done
[ "$(echo "$modes" | tr ',' '\n' | wc -l)" -ge 12 ] || fail "resolve: only '$modes' in the contract's modes table"
refused resolve "resolve/dates.yaml:$n:14: error: rule date.range.days: unknown resolve mode 'rnage' (expected one of: $modes); did you mean 'range'?"

pack ordinal
sed -i '0,/ordinal: cn$/s//ordinal: chinese/' "$TMP/ordinal/markers.yaml"
n=$(line "$TMP/ordinal/markers.yaml" 'ordinal: chinese')
refused ordinal "ordinal/markers.yaml:$n:14: error: rule marker.shi: unknown ordinal 'chinese' (expected one of: cn, arabic, circled, words)"

pack key
sed -i '0,/^    style: shi$/s//    stlye: shi/' "$TMP/key/markers.yaml"
n=$(line "$TMP/key/markers.yaml" 'stlye: shi')
refused key "key/markers.yaml:$n:5: error: rule marker.shi: unknown key 'stlye' for kind marker (its keys: style, ordinal, words, position, and the common ones); did you mean 'style'?"

pack no-group
sed -i "s/pattern: '(?<num>{cn_num})要'/pattern: '({cn_num})要'/" "$TMP/no-group/markers.yaml"
n=$(line "$TMP/no-group/markers.yaml" "pattern: '({cn_num})要'")
refused no-group "no-group/markers.yaml:$n:14: error: rule marker.yao: a rule of kind marker needs group 'num' in its pattern, as (?<num>…)"

pack stray-group
sed -i "s/pattern: '(?<num>{cn_num})要'/pattern: '(?<nmu>{cn_num})要'/" "$TMP/stray-group/markers.yaml"
n=$(line "$TMP/stray-group/markers.yaml" "pattern: '(?<nmu>")
refused stray-group "stray-group/markers.yaml:$n:14: error: rule marker.yao: unknown group 'nmu' for kind marker (it reads: num); write (?:…) for a group the code does not read"

pack lexicon
sed -i 's/^  surnames:/  surname:/' "$TMP/lexicon/people.yaml"
n=$(line "$TMP/lexicon/people.yaml" '  surname:')
refused lexicon "lexicon/people.yaml:$n:3: error: lexicon 'surnames' is missing (people_names.c reads it: single-character surnames; a bare name needs one); is 'surname' a misspelling of it?"

pack required
cat >"$TMP/required/zz.yaml" <<'EOF'
rules:
  - id: meta.author
    kind: metadata
    pattern: '作者：(?<value>\S+)'
EOF
refused required "required/zz.yaml:2:5: error: rule meta.author: a rule of kind metadata needs the key 'field' (one of: original_title, editor, author, published)"

pack needs
cat >"$TMP/needs/zz.yaml" <<'EOF'
rules:
  - id: date.next_year
    kind: date
    pattern: '(?<ry>明年)春天'
EOF
refused needs "needs/zz.yaml:4:14: error: rule date.next_year: the group 'ry' needs the key 'offsets'"

pack mode
cat >"$TMP/mode/zz.yaml" <<'EOF'
rules:
  - id: date.weekday
    kind: date
    resolve: relative_week
    pattern: '下周[一二三四五]'
EOF
refused mode "mode/zz.yaml:5:14: error: rule date.weekday: resolve mode relative_week needs group 'rw'"

pack styles
cat >"$TMP/styles/zz.yaml" <<'EOF'
rules:
  - id: trap.first
    kind: trap
    styles: [dii]
    pattern: '第一线'
EOF
refused styles "styles/zz.yaml:4:13: error: rule trap.first: unknown marker style 'dii' (expected one of: shi, yao, di, paren-cn, dun-cn, arabic, paren-arabic, circled, sequence, aspect); did you mean 'di'?"

# ---- patterns that would blow up ----------------------------------------------

pack no-pattern
cat >"$TMP/no-pattern/zz.yaml" <<'EOF'
rules:
  - id: role.host
    kind: role
    role: chair
EOF
refused no-pattern "no-pattern/zz.yaml:2:5: error: rule role.host: a rule of kind role needs the key 'pattern'"

pack empty
cat >"$TMP/empty/zz.yaml" <<'EOF'
rules:
  - id: role.anywhere
    kind: role
    pattern: '(?=)'
EOF
refused empty "empty/zz.yaml:4:14: error: rule role.anywhere: the pattern can match the empty string; rules of kind role are run along the text and must match at least one character"

# definitions 7 deep, each naming the next 20 times: 20^7 copies unchecked
pack bomb
{
    echo 'defs:'
    echo "  d0: 'ab'"
    for i in 1 2 3 4 5 6 7; do
        printf "  d%d: '" "$i"
        for _ in $(seq 20); do printf '{d%d}' $((i - 1)); done
        echo "'"
    done
    echo 'rules:'
    echo '  - id: trap.bomb'
    echo '    kind: trap'
    echo "    pattern: '{d7}'"
} >"$TMP/bomb/zz.yaml"
refused bomb "bomb/zz.yaml:13:14: error: rule trap.bomb: pattern: definitions expand to more than 256 KiB (through d7 → d6 → d5 → d4 → d3 → d2 → d1 → d0)"

pack deep
{
    echo 'defs:'
    echo "  d0: 'x'"
    for i in $(seq 1 9); do echo "  d$i: '{d$((i - 1))}'"; done
    echo 'rules:'
    echo '  - id: trap.deep'
    echo '    kind: trap'
    echo "    pattern: '{d9}'"
} >"$TMP/deep/zz.yaml"
refused deep "deep/zz.yaml:15:14: error: rule trap.deep: pattern: definitions nest deeper than 8 at d1 (through d9 → d8 → d7 → d6 → d5 → d4 → d3 → d2)"

pack cycle
printf "defs:\n  a: 'x{b}'\n  b: 'y{a}'\nrules:\n  - id: trap.cycle\n    kind: trap\n    pattern: '{a}'\n" \
    >"$TMP/cycle/zz.yaml"
refused cycle "cycle/zz.yaml:7:14: error: rule trap.cycle: pattern: a definition refers to itself: a (through a → b)"

pack utf8
printf "rules:\n  - id: trap.bytes\n    kind: trap\n    pattern: '第一\xff次'\n" >"$TMP/utf8/zz.yaml"
refused utf8 "utf8/zz.yaml:4:17: error: invalid UTF-8 (byte 0xFF); rule files are UTF-8"

# one rule listed through 10^6 aliases (ten lists of ten, six deep)
pack aliases
{
    echo 'rules:'
    echo "  - &r {id: trap.a, kind: trap, pattern: 'x'}"
    echo '  - &l1 [*r, *r, *r, *r, *r, *r, *r, *r, *r, *r]'
    for i in 2 3 4 5 6; do
        p=$((i - 1))
        echo "  - &l$i [*l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p]"
    done
} >"$TMP/aliases/zz.yaml"
refused aliases "aliases/zz.yaml:7:5: error: YAML: aliases expand this file past 1000000 bytes, or into itself"

# ---- examples -------------------------------------------------------------------

pack example
cat >"$TMP/example/zz.yaml" <<'EOF'
rules:
  - id: marker.qi
    kind: marker
    style: qi
    pattern: '其(?<num>{cn_num})(?=[，：])'
    examples: ['其一，', '其二是']
EOF
refused example "example/zz.yaml:6:23: error: rule marker.qi: pattern does not match its example '其二是'"

pack counter
cat >"$TMP/counter/zz.yaml" <<'EOF'
rules:
  - id: marker.qi
    kind: marker
    style: qi
    pattern: '其(?<num>{cn_num})'
    counter: ['其一是', '尤其一方面']
EOF
refused counter "counter/zz.yaml:6:15: error: rule marker.qi: counter-example '其一是' is matched ('其一')"

pack capture
cat >"$TMP/capture/zz.yaml" <<'EOF'
rules:
  - id: marker.qi
    kind: marker
    style: qi
    pattern: '其(?<num>{cn_num})'
    examples: [{text: '其十一，', num: 十}]
EOF
refused capture "capture/zz.yaml:6:16: error: rule marker.qi: example '其十一，': group num captured '十一' (expected '十')"

# ---- policy-outline rules check | list ------------------------------------------

# run_rules NAME ARGS...: the rules command in $TMP; status in $rc
run_rules() {
    local name=$1
    shift
    checks=$((checks + 1))
    (cd "$TMP" && timeout "$LIMIT" "$BIN" rules "$@" >"$TMP/out" 2>"$TMP/err")
    rc=$?
    [ "$rc" -ge 124 ] && fail "$name: status $rc (time limit or signal)"
}

run_rules check-shipped check
[ "$rc" -eq 0 ] || { fail "check-shipped: exit status $rc"; head -c 2000 "$TMP/err" >&2; }
# no warning either: each word written once (a traditional twin is one)
[ -s "$TMP/err" ] && fail "check-shipped: warnings: $(head -c 2000 "$TMP/err")"
grep -qE '^default rules: [0-9]+ rules, [0-9]+ examples \([1-9][0-9]* with a value\), [1-9][0-9]* counter-examples: all pass$' \
    "$TMP/out" || fail "check-shipped: no summary in: $(cat "$TMP/out")"

run_rules check-copy check resolve
[ "$rc" -eq 2 ] || fail "check-copy: exit status $rc, expected 2"
sed 's/^policy-outline: //' "$TMP/err" | grep -qF "resolve/dates.yaml:" || fail "check-copy: the broken key is not located"

pack twin
sed -i 's/date_cue_past: \[截至, 截止到, 已于, 曾于\]/date_cue_past: [截至, 截止到, 已于, 曾于, 已於]/' "$TMP/twin/dates.yaml"
n=$(line "$TMP/twin/dates.yaml" '已於')
run_rules check-twin check twin
[ "$rc" -eq 0 ] || fail "check-twin: exit status $rc, expected 0 (a warning)"
want="twin/dates.yaml:$n:36: warning: lexicon 'date_cue_past': '已於' is '已于' folded to simplified"
sed 's/^policy-outline: //' "$TMP/err" | grep -qF -- "$want" || fail "check-twin: no '$want' in: $(cat "$TMP/err")"

pack value
sed -i 's/{text: 十一是加强, value: 11}/{text: 十一是加强, value: 12}/' "$TMP/value/markers.yaml"
n=$(line "$TMP/value/markers.yaml" '{text: 十一是加强, value: 12}')
run_rules check-value check value
[ "$rc" -eq 2 ] || fail "check-value: exit status $rc, expected 2"
want="value/markers.yaml:$n:26: error: rule marker.shi: example '十一是加强' reads as ordinal 11 (expected 12)"
sed 's/^policy-outline: //' "$TMP/err" | grep -qxF -- "$want" || fail "check-value: no line '$want' in: $(cat "$TMP/err")"

run_rules list list
[ "$rc" -eq 0 ] || fail "list: exit status $rc"
n=$(line "$ROOT/rules/markers.yaml" 'id: marker.shi')
grep -qE "^  marker\.shi +marker +rules/markers\.yaml:$n\$" "$TMP/out" || fail "list: no line for marker.shi"
grep -qE '^  marker +10 rules$' "$TMP/out" || fail "list: no count of the marker rules"
grep -qE '^  surnames +[0-9]+ words  people_names\.c +rules/people\.yaml:[0-9]+$' "$TMP/out" ||
    fail "list: no line for the surnames lexicon"

run_rules usage lst
[ "$rc" -eq 2 ] || fail "usage: exit status $rc, expected 2"
grep -qF "unknown subcommand 'lst' (did you mean 'list'?)" "$TMP/err" || fail "usage: $(cat "$TMP/err")"

echo "$checks checks, $failures failures"
[ "$failures" -eq 0 ]
