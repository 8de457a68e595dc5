#!/bin/bash
# cli_behaviour_test.sh - what the command line promises beyond outlines:
# one article numbering everywhere, atomic -o that signals never leave half
# written (nor a temporary file behind), standard input read when nothing is
# named, - and --files-from alike in every command, folders walked safely
# (what is passed over is counted, links to folders followed only when
# asked and each folder entered once), progress only on a terminal, one-line
# usage errors with a hint, options a format does not use refused, the
# format of -o taken from its extension. Needs only the repository.
set -u

. "$(dirname "$0")/cli_lib.sh"

D=$TMP/d
mkdir -p "$D"

# ---- messages: one line, one prefix, a hint ---------------------------------

run unknown-option outline --no-such-option "$SEED"
expect_rc unknown-option 2
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "unknown-option: $(wc -l <"$TMP/err") lines on stderr, expected 1"
expect_err unknown-option "^policy-outline: outline: unknown option '--no-such-option'; try 'policy-outline outline --help'$"

run unknown-short table -Z "$SEED"
expect_rc unknown-short 2
expect_err unknown-short "unknown option '-Z'; try 'policy-outline table --help'"

run missing-value outline "$SEED" --format
expect_rc missing-value 2
expect_err missing-value "^policy-outline: outline: --format needs a value"

run misspelt-format outline --format mardown "$SEED"
expect_rc misspelt-format 2
expect_err misspelt-format "did you mean 'markdown'\\?\\); choose json, jsonl, markdown, text or html"

run misspelt-table-format table --format xslx -o "$D/t.xlsx" "$SEED"
expect_rc misspelt-table-format 2
expect_err misspelt-table-format "unknown format 'xslx' \\(did you mean 'xlsx'\\?\\); choose csv, tsv, jsonl or xlsx"

run misspelt-sheet table --sheet peple "$SEED"
expect_rc misspelt-sheet 2
expect_err misspelt-sheet "did you mean 'people'"

run misspelt-command outlin "$SEED"
expect_rc misspelt-command 2
expect_err misspelt-command "^policy-outline: unknown command 'outlin' \\(did you mean 'outline'\\?\\)"

# every message of these failures starts with the one prefix
checks=$((checks + 1))
: >"$TMP/all-err"
for args in "outline --bogus" "outline --format xml $SEED" "table -o $D/x.json $SEED" \
    "outline --reference-date 2023-02-30 $SEED" "outline $D/missing.md" "compare $SEED" \
    "compare $SEED $D/missing.md" "outline --rules $D/no-rules $SEED" "table --bom -f tsv $SEED"; do
    # shellcheck disable=SC2086
    timeout "$LIMIT" "$BIN" $args >/dev/null 2>>"$TMP/all-err"
done
if grep -v '^policy-outline: ' "$TMP/all-err" >"$TMP/bad"; then
    fail "messages without the 'policy-outline: ' prefix: $(head -3 "$TMP/bad")"
fi

# ---- options a format does not use are refused ------------------------------

run explain-markdown outline --format markdown --explain "$SEED"
expect_rc explain-markdown 2
expect_err explain-markdown "^policy-outline: outline: --explain is for text, html \\(not markdown\\)"
[ -s "$TMP/out" ] && fail "explain-markdown: wrote output despite refusing"
run explain-html outline --format html --explain "$SEED"
expect_rc explain-html 0
expect_out explain-html '<span class="rule">marker.shi</span>'
run with-text-markdown outline --format markdown --with-text "$SEED"
expect_rc with-text-markdown 2
expect_err with-text-markdown "--with-text is for json, jsonl, html \\(not markdown\\)"
run color-json outline --format json --color "$SEED"
expect_rc color-json 2
run with-text-jsonl outline --format jsonl --with-text "$SEED"
expect_rc with-text-jsonl 0
expect_out with-text-jsonl '"text":'
run bom-tsv table --format tsv --bom "$SEED"
expect_rc bom-tsv 2
expect_err bom-tsv "--bom is for csv"
run sheet-xlsx table --sheet people -o "$D/s.xlsx" "$SEED"
expect_rc sheet-xlsx 2
[ -e "$D/s.xlsx" ] && fail "sheet-xlsx: wrote the workbook despite refusing"
run min-size-pair compare --min-size 3 "$SEED" "$SEED"
expect_rc min-size-pair 2
run jobs-pair compare -j 2 "$SEED" "$SEED"
expect_rc jobs-pair 2
expect_err jobs-pair "--jobs is for a corpus"
run article-corpus compare --corpus --article 1 "$SEED" "$SEED"
expect_rc article-corpus 2

# ---- the format of -o: from its extension, or a mismatch refused ------------

run table-json table -o "$D/x.json" "$SEED"
expect_rc table-json 2
expect_err table-json "cannot tell the format of -o .*x\\.json: name it \\.csv, \\.tsv, \\.jsonl, \\.xlsx, or give -f"
[ -e "$D/x.json" ] && fail "table-json: wrote x.json"
run table-mismatch table -f tsv -o "$D/x.csv" "$SEED"
expect_rc table-mismatch 2
expect_err table-mismatch "-o .*x\\.csv names csv, but -f asks for tsv"
run table-tsv table -o "$D/x.tsv" "$SEED"
expect_rc table-tsv 0
head -1 "$D/x.tsv" | grep -q $'^doc_id\titem_id\t' || fail "table-tsv: x.tsv is not tab-separated"
run table-jsonl table -o "$D/x.jsonl" "$SEED"
expect_rc table-jsonl 0
head -1 "$D/x.jsonl" | grep -q '^{"doc_id":' || fail "table-jsonl: x.jsonl is not JSON lines"
run outline-md outline -o "$D/notes.md" "$SEED"
expect_rc outline-md 0
head -1 "$D/notes.md" | grep -q '^# 工信部' || fail "outline-md: notes.md is not markdown"
run outline-named outline -f text -o "$D/notes.out" "$SEED"
expect_rc outline-named 0
run outline-mismatch outline -f json -o "$D/notes.html" "$SEED"
expect_rc outline-mismatch 2

# ---- the table speaks of an organization, as the JSON does -------------------

run people-sheet table --sheet people "$SEED"
expect_rc people-sheet 0
head -1 "$TMP/out" | grep -q ',organization,' || fail "people-sheet: no 'organization' column"
grep -q organisation "$TMP/out" && fail "people-sheet: 'organisation' in the header"

# ---- standard input: implicit when nothing is named; - is a document ---------

run implicit-stdin outline --format jsonl <"$SEED"
expect_rc implicit-stdin 0
expect_out implicit-stdin '^\{"schema":"policy-outline/1","source":"-"'
checks=$((checks + 1))
cat "$SEED" | timeout "$LIMIT" "$BIN" table >"$TMP/out" 2>"$TMP/err" ||
    fail "implicit-stdin table: exit status $?"
grep -q "^'-,'-/g0/1," "$TMP/out" || fail "implicit-stdin table: no row of the piped document"
run dash-table table - <"$SEED"
expect_rc dash-table 0
expect_out dash-table "^'-,'-/g0/1," # the - of stdin, kept from formulas
run dash-compare compare --format json - "$SEED" <"$SEED"
expect_rc dash-compare 0
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["only_a"] == [] and d["only_b"] == [] and len(d["pairs"]) == 8, d.keys()' \
    "$TMP/out" 2>/dev/null || fail "dash-compare: the piped seed against itself is not 8 pairs and nothing alone"
run dash-twice table - - <"$SEED"
expect_rc dash-twice 2

printf '会议要求：一是加强领导；二是压实责任。\n' >"$D/a.txt"
printf '%s\n' "$SEED" "" "$D/a.txt" >"$D/list"
run files-from table --files-from "$D/list"
expect_rc files-from 0
[ "$(($(wc -l <"$TMP/out") - 1))" -eq 10 ] || fail "files-from: expected the 8 rows of the seed and 2 of a.txt"
run files-from-stdin outline -f jsonl --files-from - <"$D/list"
expect_rc files-from-stdin 0
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "files-from-stdin: expected 2 outlines"
run files-from-corpus compare --files-from "$D/list" --format json
expect_rc files-from-corpus 0
expect_out files-from-corpus '"clusters"'

# nothing named and standard input a terminal: a usage error, not a wait
if [ "$HAVE_PTY" = 1 ]; then
    checks=$((checks + 1))
    script -qec "$BIN table" /dev/null >"$TMP/out" 2>&1 </dev/null
    rc=$?
    [ "$rc" -eq 2 ] || fail "no input on a terminal: exit status $rc, expected 2"
    grep -q "policy-outline: table: no input" "$TMP/out" || fail "no input on a terminal: no message"
else
    no_pty "no input on a terminal"
fi

# ---- folders: what is passed over is counted; no document is an error -------

mkdir -p "$D/empty" "$D/nodocs" "$D/mixed/sub"
cp "$SEED" "$D/nodocs/LICENSE"
printf '{"schema": "policy-outline/1"}\n' >"$D/nodocs/outline.json"
cp "$SEED" "$D/mixed/LICENSE"
cp "$SEED" "$D/mixed/README.md"
cp "$SEED" "$D/mixed/sub/seed.md"
printf 'PK\003\004\000\000binary' >"$D/mixed/book.xlsx"
printf 'all: ; true\n' >"$D/mixed/Makefile"

run empty-folder outline "$D/empty"
expect_rc empty-folder 1
expect_err empty-folder "^policy-outline: .*/empty: no document found$"
[ -s "$TMP/out" ] && fail "empty-folder: wrote output"
run no-documents table "$D/nodocs"
expect_rc no-documents 1
expect_err no-documents "nodocs: no document found \\(2 files passed over\\)"
run mixed outline -f jsonl "$D/mixed"
expect_rc mixed 0
[ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "mixed: expected one outline (sub/seed.md), not LICENSE or README"
expect_out mixed '"source":"[^"]*/mixed/sub/seed\.md"'
expect_err mixed "^policy-outline: passed over 4 files in folders that are not documents \\(--verbose names them\\)$"
run mixed-verbose outline -v -f jsonl "$D/mixed"
expect_err mixed-verbose "passed over .*/mixed/LICENSE: a project file"
expect_err mixed-verbose "passed over .*/mixed/book\\.xlsx"
expect_no_err mixed-verbose "passed over 4 files"
run mixed-quiet outline -q -f jsonl "$D/mixed"
[ -s "$TMP/err" ] && fail "mixed-quiet: stderr not empty with --quiet: $(head -c 300 "$TMP/err")"

# ---- symbolic links: not followed unless asked; each folder entered once -----

mkdir -p "$D/loop/in" "$D/other"
cp "$SEED" "$D/loop/in/seed.md"
cp "$SEED" "$D/other/other.md"
ln -s . "$D/loop/in/self1"
ln -s . "$D/loop/in/self2"
ln -s .. "$D/loop/in/up"
ln -s ../../other "$D/loop/in/o1"
ln -s ../other "$D/loop/o2"
ln -s in/seed.md "$D/loop/file-link.md"

# the walk's own cost: the CPU time of the folder against its documents
# named one by one (CPU, not wall time: other suites share the machine)
cpu_ms() {
    local t
    t=$({ TIMEFORMAT='%3U %3S'; time timeout "$LIMIT" "$BIN" "$@" >/dev/null 2>&1; } 2>&1)
    awk '{ printf "%d", ($1 + $2) * 1000 }' <<<"$t"
}
files_ms=$(cpu_ms outline -q -f jsonl "$D/loop/file-link.md" "$D/loop/in/seed.md")
walk_ms=$(($(cpu_ms outline -q -f jsonl "$D/loop") - files_ms))
[ "$walk_ms" -lt 1000 ] || fail "loop: the walk took ${walk_ms} ms of CPU more than its files named"
files_ms=$(cpu_ms outline -q -f jsonl "$D/loop/file-link.md" "$D/loop/in/o1/other.md" "$D/loop/in/seed.md")
walk_ms=$(($(cpu_ms outline -q --follow-symlinks -f jsonl "$D/loop") - files_ms))
[ "$walk_ms" -lt 1000 ] || fail "loop --follow-symlinks: the walk took ${walk_ms} ms of CPU more than its files named"
run loop-nofollow outline -f jsonl "$D/loop"
expect_rc loop-nofollow 0
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "loop-nofollow: expected 2 outlines (in/seed.md, file-link.md)"
expect_err loop-nofollow "passed over 5 files"
run loop-nofollow-verbose outline -v -f jsonl "$D/loop"
expect_err loop-nofollow-verbose "passed over .*/in/self1: a symbolic link to a folder"

run loop-follow outline --follow-symlinks -v -f jsonl "$D/loop"
expect_rc loop-follow 0
# file-link.md, in/seed.md, other/other.md once (through in/o1); o2 is
# the same folder again
[ "$(wc -l <"$TMP/out")" -eq 3 ] || fail "loop-follow: $(wc -l <"$TMP/out") outlines, expected 3"
expect_err loop-follow "warning: .*/in/self1: a loop back to .*/loop/in, not walked"
expect_err loop-follow "warning: .*/in/up: a loop back to .*/loop, not walked"
[ "$(grep -c '/in/seed\.md"' "$TMP/out")" -eq 1 ] || fail "loop-follow: in/seed.md not read exactly once"
expect_err loop-follow "passed over .*/loop/o2: a folder already walked"

# ---- progress and summary: on a terminal only, never with --quiet ----------

mkdir -p "$D/many"
for i in 1 2 3; do cp "$SEED" "$D/many/$i.md"; done
if [ "$HAVE_PTY" = 1 ]; then
    checks=$((checks + 1))
    script -qec "$BIN outline -j 1 -f jsonl -o $D/p.jsonl $D/many" /dev/null >"$TMP/tty" 2>&1 </dev/null
    grep -aq 'policy-outline: 3 inputs, 3 articles, 3 outlines with directives, 0 errors, 0 warnings' "$TMP/tty" ||
        fail "progress on a terminal: no summary line: $(head -c 300 "$TMP/tty")"
    checks=$((checks + 1))
    script -qec "$BIN outline -q -f jsonl -o $D/p.jsonl $D/many" /dev/null >"$TMP/tty" 2>&1 </dev/null
    [ -s "$TMP/tty" ] && fail "progress with --quiet: the terminal got $(head -c 200 "$TMP/tty")"
else
    no_pty "progress on a terminal"
fi
run no-tty outline -f jsonl -o "$D/p.jsonl" "$D/many"
[ -s "$TMP/err" ] && fail "progress without a terminal: stderr got $(head -c 200 "$TMP/err")"

# ---- one numbering: #N of every format is index, doc_id and FILE#N -----------

day=$D/20221027.md
{
    printf '# 《新闻联播》 (20221027)\n\n## 详细新闻\n\n'
    printf '### 甲会议召开\n\n会议提出，一是加强领导；二是压实责任。\n\n[查看原文](https://example.org/0)\n\n'
    printf '### 乙会议召开\n\n会议强调，一是稳定就业；二是扩大消费；三是保障民生。\n\n[查看原文](https://example.org/1)\n\n'
    printf '### 丙会议召开\n\n会议要求，一要深化改革；二要扩大开放。\n\n[查看原文](https://example.org/2)\n'
} >"$day"
run numbering-markdown outline -f markdown "$day"
expect_rc numbering-markdown 0
grep -o 'source .*#[0-9]*' "$TMP/out" | sed 's/.*#//' | tr '\n' ' ' >"$TMP/labels"
[ "$(cat "$TMP/labels")" = "0 1 2 " ] || fail "numbering-markdown: labels $(cat "$TMP/labels"), expected 0 1 2"
md_title=$(awk '/^# /{t=$0} /source .*#1$/{print substr(t, 3); exit}' "$TMP/out")
[ "$md_title" = 乙会议召开 ] || fail "numbering-markdown: #1 is '$md_title', expected 乙会议召开"
for fmt in text html; do
    run "numbering-$fmt" outline -f "$fmt" "$day"
    expect_out "numbering-$fmt" '#0'
    expect_out "numbering-$fmt" '#2'
    grep -q '#3' "$TMP/out" && fail "numbering-$fmt: an article numbered #3 among three"
done
run numbering-jsonl outline -f jsonl "$day"
"$PY" -c '
import json, sys
o = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [x["index"] for x in o] == [0, 1, 2]
assert o[1]["title"] == "乙会议召开", o[1]["title"]' "$TMP/out" || fail "numbering-jsonl: index is not 0 1 2 with #1 乙会议召开"
run numbering-table table "$day"
grep -q "^$day#1,$day#1/g0/3,.*稳定就业\\|保障民生" "$TMP/out" || fail "numbering-table: doc_id $day#1 is not 乙会议召开"
run numbering-compare compare "$day#1" "$day#1"
expect_rc numbering-compare 0
expect_out numbering-compare "^A  .*#1  乙会议召开"

# ---- atomic -o: interrupted, nothing is left but the old destination --------

# Each run reads a FIFO as its second input, so it is caught mid-run with
# its temporary file open; the destination holds "old" before.
set -m # background runs keep SIGINT (a non-interactive shell ignores it in them)
interrupt() { # NAME SIGNAL DEST ARGS...
    local name=$1 sig=$2 dest=$3
    shift 3
    checks=$((checks + 1))
    local dir fifo pid i
    dir=$(dirname "$dest")
    fifo=$TMP/fifo.$sig
    rm -f "$fifo"
    mkfifo "$fifo"
    echo old >"$dest"
    "$BIN" "$@" -j 1 -o "$dest" "$SEED" "$fifo" >/dev/null 2>"$TMP/sig.err" &
    pid=$!
    for ((i = 0; i < LIMIT * 10; i++)); do
        compgen -G "$dir/.$(basename "$dest").*.tmp" >/dev/null && break
        sleep 0.1
    done
    compgen -G "$dir/.$(basename "$dest").*.tmp" >/dev/null || fail "$name: no temporary file seen"
    sleep 0.3
    kill -s "$sig" "$pid"
    { wait "$pid"; } 2>/dev/null
    local status=$?
    [ "$status" -ge 128 ] || fail "$name: exit status $status after SIG$sig"
    [ "$(cat "$dest")" = old ] || fail "$name: the destination changed"
    if [ "$sig" = KILL ]; then
        compgen -G "$dir/.$(basename "$dest").*.tmp" >/dev/null || fail "$name: SIGKILL left no temporary file?"
    elif compgen -G "$dir/.$(basename "$dest").*.tmp" >/dev/null; then
        fail "$name: SIG$sig left $(ls -a "$dir" | grep tmp)"
    fi
    rm -f "$fifo"
}
mkdir -p "$D/sig"
for sig in INT TERM HUP; do
    interrupt "outline-$sig" "$sig" "$D/sig/out.jsonl" outline -f jsonl
    interrupt "table-$sig" "$sig" "$D/sig/t.csv" table
    interrupt "xlsx-$sig" "$sig" "$D/sig/t.xlsx" table
    interrupt "compare-$sig" "$sig" "$D/sig/c.md" compare --corpus
done
interrupt outline-KILL KILL "$D/sig/out.jsonl" outline -f jsonl
set +m
# a stale temporary file of a killed run is never read as a document
mkdir -p "$D/stale"
mv "$D"/sig/.out.jsonl.*.tmp "$D/stale/"
cp "$SEED" "$D/stale/doc.md"
run stale-temp outline -v -f jsonl "$D/stale"
[ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "stale-temp: $(wc -l <"$TMP/out") outlines, expected doc.md alone"
grep -q '\.tmp' "$TMP/out" && fail "stale-temp: the temporary file was read"
# uninterrupted, the destination is replaced whole
run outline-o outline -f jsonl -o "$D/sig/out.jsonl" "$SEED" "$D/a.txt"
expect_rc outline-o 0
[ "$(wc -l <"$D/sig/out.jsonl")" -eq 2 ] || fail "outline-o: expected 2 lines in the destination"
[ -s "$TMP/out" ] && fail "outline-o: wrote to stdout as well"
run outline-o-missing outline -f jsonl -o "$D/sig/out2.jsonl" "$SEED" "$D/missing.md"
expect_rc outline-o-missing 1
[ "$(wc -l <"$D/sig/out2.jsonl")" -eq 2 ] || fail "outline-o-missing: the outline and the error object are not both written"
run o-unwritable outline -o "$D/no/such/dir/x.json" "$SEED"
expect_rc o-unwritable 1
expect_err o-unwritable "^policy-outline: .*x\\.json: No such file or directory"

finish
