#!/bin/bash
# cli_test.sh - the policy-outline command line: help and version, exit
# statuses 0/1/2, rule pack errors in FILE:LINE:COLUMN form, and pathological
# inputs that must end in an outline or a clear error naming the file, within
# seconds. Inputs are generated in a temporary folder at run time.
#
#   cli_test.sh            everything but the day-file count
#   cli_test.sh dayfiles   one jsonl line per "### " article of xwlb/2022*.md
#
# Environment (set by meson): PO_BINARY, PO_SOURCE_ROOT, PO_SHARED.
set -u

. "$(dirname "$0")/cli_lib.sh"

# Every stdout line is a JSON object; prints how many.
jsonl_objects() {
    "$PY" -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if not isinstance(json.loads(line), dict):
        sys.exit("not an object: " + line[:80])
    n += 1
print(n)' "$TMP/out"
}

dayfiles() {
    local files=("$SHARED"/corpus/xwlb/2022*.md)
    local want got
    want=$(cat "${files[@]}" | grep -c '^### ')
    checks=$((checks + 1))
    got=$(timeout 600 "$BIN" outline --format jsonl "${files[@]}" 2>/dev/null | wc -l)
    if [ "$got" -ne "$want" ]; then
        fail "xwlb/2022*.md: $got jsonl lines for $want '### ' articles"
    fi
}

if [ "${1:-}" = dayfiles ]; then
    if [ "$HAVE_SHARED" = 0 ]; then
        echo "skipped: needs the day files of $SHARED/corpus/xwlb, absent beside this clone"
        exit 77
    fi
    dayfiles
    echo "$checks checks, $failures failures"
    [ "$failures" -eq 0 ]
    exit
fi

# ---- help and version -----------------------------------------------------

run version --version
expect_rc version 0
expect_out version '^policy-outline [0-9]+\.[0-9]+\.[0-9]+'

run help --help
expect_rc help 0
expect_out help '^Usage: policy-outline COMMAND'
expect_out help 'outline'

run outline-help outline --help
expect_rc outline-help 0
expect_out outline-help '^Usage: policy-outline outline'
expect_out outline-help '--format'
expect_out outline-help 'Exit status'

run no-command
expect_rc no-command 2
expect_err no-command 'Usage:'

run unknown-command frobnicate
expect_rc unknown-command 2
expect_err unknown-command 'frobnicate'

# ---- usage errors: 2 ------------------------------------------------------

run unknown-option outline --no-such-option "$SEED"
expect_rc unknown-option 2
expect_err unknown-option 'no-such-option'

run unknown-format outline --format xml "$SEED"
expect_rc unknown-format 2
expect_err unknown-format "xml"

for d in 2022-13-01 2023-02-29 yesterday 2022-1-1 ' 2022-01-01'; do
    run "reference-date '$d'" outline --reference-date "$d" "$SEED"
    expect_rc "reference-date '$d'" 2
    expect_err "reference-date '$d'" 'reference-date'
done
run reference-date-ok outline --reference-date 2024-02-29 "$SEED"
expect_rc reference-date-ok 0

# nothing named and standard input a terminal: a usage error, not a wait
if [ "$HAVE_PTY" = 1 ]; then
    checks=$((checks + 1))
    script -qec "$BIN outline --format json" /dev/null >"$TMP/out" 2>&1 </dev/null
    rc=$?
    [ "$rc" -eq 2 ] || fail "no-inputs on a terminal: exit status $rc, expected 2"
    grep -q "no input" "$TMP/out" || fail "no-inputs on a terminal: no message"
else
    no_pty no-inputs
fi

# ---- rule packs: 2, with FILE:LINE:COLUMN ------------------------------------

mkdir -p "$TMP/rules-yaml" "$TMP/rules-key" "$TMP/rules-pattern"
printf 'rules:\n  - id: broken\n    kind: marker\n   style: [shi\n' >"$TMP/rules-yaml/markers.yaml"
printf 'rules:\n  - id: typo\n    kind: marker\n    style: shi\n    ordinal: cn\n    patern: "(?<num>一)是"\n' \
    >"$TMP/rules-key/markers.yaml"
printf 'rules:\n  - id: unclosed\n    kind: marker\n    style: shi\n    ordinal: cn\n    pattern: "(?<num>一是"\n' \
    >"$TMP/rules-pattern/markers.yaml"

run rules-yaml outline --rules "$TMP/rules-yaml" "$SEED"
expect_rc rules-yaml 2
expect_err rules-yaml 'rules-yaml/markers\.yaml:[0-9]+:[0-9]+:'
[ -s "$TMP/out" ] && fail "rules-yaml: wrote an outline despite the broken pack"

run rules-key outline --rules "$TMP/rules-key" "$SEED"
expect_rc rules-key 2
expect_err rules-key 'rules-key/markers\.yaml:[0-9]+:[0-9]+:.*patern'

run rules-pattern outline --rules "$TMP/rules-pattern" "$SEED"
expect_rc rules-pattern 2
expect_err rules-pattern 'rules-pattern/markers\.yaml:[0-9]+:[0-9]+:'

run rules-missing-dir outline --rules "$TMP/no-such-dir" "$SEED"
expect_rc rules-missing-dir 2

# ---- a missing file among good ones: 1 --------------------------------------

MISSING=$TMP/does-not-exist.md
cp "$SEED" "$TMP/second.md"

run missing-jsonl outline --format jsonl "$SEED" "$MISSING" "$TMP/second.md"
expect_rc missing-jsonl 1
expect_err missing-jsonl 'does-not-exist\.md'
n=$(jsonl_objects) || fail "missing-jsonl: output is not JSON lines"
[ "${n:-0}" -eq 3 ] || fail "missing-jsonl: ${n:-0} objects, expected 3 (two outlines and one error)"
"$PY" - "$TMP/out" "$MISSING" <<'EOF' || fail "missing-jsonl: no error object naming the missing file, or an outline lost"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
errors = [o for o in objs if "error" in o]
assert len(errors) == 1 and errors[0]["source"] == sys.argv[2], errors
assert objs[1] is errors[0], "the error object is not in input order"
assert all("groups" in o for o in objs if "error" not in o)
EOF

run missing-json outline --format json "$SEED" "$MISSING"
expect_rc missing-json 1
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == 2 and "error" in d[1], d' \
    "$TMP/out" || fail "missing-json: not a JSON array of an outline and an error"

for fmt in markdown text html; do
    run "missing-$fmt" outline --format "$fmt" "$SEED" "$MISSING"
    expect_rc "missing-$fmt" 1
    expect_err "missing-$fmt" 'does-not-exist\.md'
    expect_out "missing-$fmt" '工信部'
done

run missing-only outline --format jsonl "$MISSING"
expect_rc missing-only 1
expect_out missing-only '"error"'

run stdin-input outline --format jsonl - <"$SEED"
expect_rc stdin-input 0
expect_out stdin-input '"source":"-"'

# ---- every format on the seed ---------------------------------------------

for fmt in json jsonl markdown md text html; do
    run "seed-$fmt" outline --format "$fmt" "$SEED"
    expect_rc "seed-$fmt" 0
    [ -s "$TMP/out" ] || fail "seed-$fmt: no output"
done
run seed-html outline --format html "$SEED"
expect_out seed-html '<meta charset="utf-8">'
expect_out seed-html 'data-start="[0-9]+" data-end="[0-9]+"'
run seed-markdown outline --format markdown "$SEED"
expect_out seed-markdown '^# '
run seed-text-nocolor outline --format text --explain "$SEED"
grep -q $'\033' "$TMP/out" && fail "seed-text-nocolor: ANSI escapes without --color"
run seed-text-color outline --format text --color "$SEED"
grep -q $'\033\\[' "$TMP/out" || fail "seed-text-color: no ANSI escapes with --color"
run seed-json-color outline --format json --color "$SEED"
grep -q $'\033' "$TMP/out" && fail "seed-json-color: ANSI escapes in JSON"

# ---- a folder: every document below it, not JSON or binary files -----------
mkdir -p "$TMP/folder/sub"
cp "$SEED" "$TMP/folder/sub/seed.md"
printf '会议要求：一是加强领导；二是压实责任。\n' > "$TMP/folder/a.txt"
printf '{"schema": "policy-outline/1"}\n' > "$TMP/folder/outline.json"
printf 'PK\003\004\000\000binary' > "$TMP/folder/book.xlsx"
run folder outline --format jsonl "$TMP/folder"
expect_rc folder 0
[ "$(jsonl_objects)" = 2 ] || fail "folder: expected 2 outlines (a.txt, sub/seed.md)"
expect_out folder '"source":"[^"]*/folder/a\.txt"'
expect_out folder '"source":"[^"]*/folder/sub/seed\.md"'

# ---- --jobs: the same output, in input order, whatever the threads ---------
if [ "$HAVE_SHARED" = 1 ]; then
days=("$SHARED"/corpus/xwlb/202301*.md)
checks=$((checks + 1))
timeout 300 "$BIN" outline -j 1 --format jsonl "${days[@]}" "$TMP/missing.md" >"$TMP/j1" 2>"$TMP/j1.err"
timeout 300 "$BIN" outline -j 3 --format jsonl "${days[@]}" "$TMP/missing.md" >"$TMP/j3" 2>"$TMP/j3.err"
cmp -s "$TMP/j1" "$TMP/j3" || fail "jobs: -j 3 output differs from -j 1"
cmp -s "$TMP/j1.err" "$TMP/j3.err" || fail "jobs: -j 3 messages differ from -j 1"
checks=$((checks + 1))
timeout 300 "$BIN" table -j 1 "${days[@]}" >"$TMP/t1" 2>/dev/null
timeout 300 "$BIN" table -j 3 "${days[@]}" >"$TMP/t3" 2>/dev/null
cmp -s "$TMP/t1" "$TMP/t3" || fail "jobs: table -j 3 differs from -j 1"
checks=$((checks + 1))
timeout 300 "$BIN" compare -j 1 --format json "${days[@]}" >"$TMP/c1" 2>/dev/null
timeout 300 "$BIN" compare -j 3 --format json "${days[@]}" >"$TMP/c3" 2>/dev/null
cmp -s "$TMP/c1" "$TMP/c3" || fail "jobs: compare -j 3 differs from -j 1"
else
    echo "jobs over the day files: skipped, no $SHARED/corpus/xwlb"
fi
run jobs-bad outline --jobs 0 "$SEED"
expect_rc jobs-bad 2

# ---- pathological inputs ----------------------------------------------------

P=$TMP/patho
mkdir -p "$P"
: >"$P/empty.md"
head -c 1048576 /dev/urandom >"$P/random.bin"
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>截断</title></head><body><div><p>会议提出，一是加强管理；二是完善制' \
    >"$P/truncated.html"
"$PY" - "$P" <<'EOF'
import sys
d = sys.argv[1]
with open(d + "/nested.html", "w", encoding="utf-8") as f:
    f.write("<html><body>" + "<div>" * 100000 + "<p>会议提出，一是加强管理；二是完善制度。</p>" + "</div>" * 100000 + "</body></html>")
with open(d + "/invalid-utf8.md", "wb") as f:
    f.write(b"---\ntitle: \xff\xfe bad \xc0\x80\n---\n\n" + "会议提出，一是加强管理；".encode() + b"\xe4\xb8\xff\xed\xa0\x80"
            + "二是完善制度。\n".encode() + b"\x00\x1b[31m\x80\x81" * 1000)
with open(d + "/front-matter.md", "w", encoding="utf-8") as f:
    f.write("---\ntitle: '未闭合\ndate: [2021-13-45\ncategories:\n - : :\n  bad: {\n\n会议提出，一是加强管理；二是完善制度。\n")
with open(d + "/markers.txt", "w", encoding="utf-8") as f:
    f.write("会议提出，" + "一是加强管理，二是完善制度；" * 100000 + "\n")
EOF

for f in empty.md random.bin truncated.html nested.html invalid-utf8.md front-matter.md markers.txt; do
    fmts="jsonl markdown text html"
    [ "$f" = markers.txt ] && fmts="jsonl text" # the heavy one: twice, not four times
    for fmt in $fmts; do
        name="$f ($fmt)"
        explain=()
        [ "$fmt" = text ] && explain=(--explain)
        run "$name" outline --format "$fmt" "${explain[@]}" "$P/$f"
        case $rc in
        0)
            [ -s "$TMP/out" ] || fail "$name: exit 0 but no outline"
            if [ "$fmt" = jsonl ]; then
                n=$(jsonl_objects) || fail "$name: output is not JSON lines"
            fi
            ;;
        1) expect_err "$name" "$f" ;;
        124 | 1[2-9][0-9] | 2[0-9][0-9]) ;; # reported by run
        *) fail "$name: exit status $rc" ;;
        esac
    done
done

run missing-file outline --format jsonl "$P/missing.md"
expect_rc missing-file 1
expect_err missing-file 'missing\.md'

echo "$checks checks, $failures failures"
[ "$failures" -eq 0 ]
