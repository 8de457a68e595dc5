"""batches_check.py BINARY SHARED - --batches as scale/dask-outline drives it:
one process, lists of paths in, each answered with "STATUS SIZE" and what
one run of the command over that list alone writes (bytes and status);
then table --from-rows, which makes a workbook or a sheet of the rows that
-f jsonl --sheet all wrote elsewhere."""
import glob
import os
import subprocess
import sys
import tempfile
import zipfile

binary, shared = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


days = sorted(glob.glob(os.path.join(shared, "corpus", "xwlb", "2022*.md")))[:6]
pages = sorted(glob.glob(os.path.join(shared, "corpus", "pages", "*.html")))[:3]
missing = os.path.join(shared, "corpus", "no-such-file.md")
lists = [days[:3], [pages[0]], days[3:] + [missing] + pages[1:]]


def request(paths):
    return b"".join(os.fsencode(p) + b"\0" for p in paths) + b"\0"


def answers(data):
    out = []
    while data:
        nl = data.index(b"\n")
        status, size = (int(x) for x in data[:nl].split())
        out.append((status, data[nl + 1:nl + 1 + size]))
        data = data[nl + 1 + size:]
    return out


def one_run(argv, paths):
    p = subprocess.run([binary] + argv + ["-q", "-j1", "--"] + paths, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    return p.returncode, p.stdout


COMMANDS = [["outline", "-f", "jsonl"], ["outline", "-f", "markdown"], ["outline"],
            ["table", "-f", "csv", "-s", "people"], ["table", "-f", "jsonl", "--sheet", "all"],
            ["compare", "--signatures"]]
for argv in COMMANDS:
    p = subprocess.run([binary] + argv + ["-q", "-j1", "--batches"], input=b"".join(map(request, lists)),
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    got = answers(p.stdout)
    want = [one_run(argv, paths) for paths in lists]
    name = " ".join(argv)
    check(len(got) == 3, f"{name} --batches: {len(got)} answers to 3 requests")
    for n, (g, w) in enumerate(zip(got, want)):
        check(g == w, f"{name} --batches: answer {n} is not one run over its list "
                      f"(status {g[0]} vs {w[0]}, {len(g[1])} vs {len(w[1])} bytes)")
    check(p.returncode == 1, f"{name} --batches: exit status {p.returncode}, expected 1 (a missing file)")
    check(sum(len(w[1]) for w in want) > 1000, f"{name}: no output for real articles")

# the outlines of a day file in an answer are its articles: 15 on 2022-09-24
got = answers(subprocess.run([binary, "outline", "-f", "jsonl", "--batches"], input=request(days[:1]),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout)
check(len(got) == 1 and got[0][1].count(b"\n") == 15, "outline --batches: not 15 outlines for 2022-09-24")

# "-" is refused (the requests are on standard input) and the stream goes
# on; a request cut short by the end of the stream gets no answer
p = subprocess.run([binary, "outline", "-f", "jsonl", "--batches"],
                   input=request(["-"]) + request(days[:1]) + os.fsencode(days[1]) + b"\0",
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
got = answers(p.stdout)
check([g[0] for g in got] == [1, 0] and got[0][1] == b"" and got[1][1],
      f"'-' in a request, then a request: answers {[(g[0], len(g[1])) for g in got]}")
check(b"standard input holds the requests" in p.stderr, "'-' in a request: no reason given")
for argv in (["outline", "--batches", days[0]], ["outline", "--batches", "-o", "x.jsonl"],
             ["table", "--batches", "-f", "xlsx"], ["compare", "--batches"], ["outline", "--batches", "--records"]):
    status = subprocess.run([binary] + argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
    check(status == 2, f"{' '.join(argv)}: exit status {status}, expected 2")

# ---- table --from-rows -------------------------------------------------------
corpus = sorted(glob.glob(os.path.join(shared, "corpus", "xwlb", "2022*.md"))) + \
    [os.path.join(shared, "corpus", "pages")]
with tempfile.TemporaryDirectory() as tmp:
    rows = os.path.join(tmp, "rows.jsonl")
    with open(rows, "wb") as f:  # in two parts, as two workers would write them
        half = len(corpus) // 2
        for part in (corpus[:half], corpus[half:]):
            f.write(subprocess.run([binary, "table", "-q", "-f", "jsonl", "--sheet", "all", "--"] + part,
                                   stdout=subprocess.PIPE).stdout)
    sheets = {}
    with open(rows, encoding="utf-8") as f:
        for line in f:
            s = line[len('{"sheet":"'):line.index('"', len('{"sheet":"'))]
            sheets[s] = sheets.get(s, 0) + 1
    check(sorted(sheets) == ["dates", "items", "meetings", "people"] and min(sheets.values()) > 100,
          f"--sheet all: rows by sheet {sheets}")
    book, direct = os.path.join(tmp, "rows.xlsx"), os.path.join(tmp, "direct.xlsx")
    status = subprocess.run([binary, "table", "--from-rows", "-o", book, rows]).returncode
    subprocess.run([binary, "table", "-q", "-o", direct, "--"] + corpus)
    check(status == 0, f"--from-rows -o rows.xlsx: exit status {status}")
    a, b = zipfile.ZipFile(book), zipfile.ZipFile(direct)
    # the same workbook but for the time it was made (docProps/core.xml)
    differ = [n for n in b.namelist() if n != "docProps/core.xml" and (n not in a.namelist() or a.read(n) != b.read(n))]
    check(a.namelist() == b.namelist() and not differ, f"--from-rows workbook differs from one run: {differ}")
    for sheet in ("people", "dates"):
        got = subprocess.run([binary, "table", "--from-rows", "-s", sheet, rows], stdout=subprocess.PIPE).stdout
        want = subprocess.run([binary, "table", "-q", "-s", sheet, "--"] + corpus, stdout=subprocess.PIPE).stdout
        check(got == want and got.count(b"\n") > 100, f"--from-rows -s {sheet}: csv differs from one run")
    # a bad line is named and passed over; the others are kept
    with open(rows, "a") as f:
        f.write('{"sheet":"items","group":"x"}\nnot json\n')
    p = subprocess.run([binary, "table", "--from-rows", "-f", "jsonl", "-s", "all", rows], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    total, kept = sum(sheets.values()), p.stdout.count(b"\n")
    check(p.returncode == 1 and kept == total, f"bad rows: status {p.returncode}, {kept} rows of {total}")
    check(f"rows.jsonl:{total + 1}: \"group\" is not a number".encode() in p.stderr and
          f"rows.jsonl:{total + 2}: not a JSON object".encode() in p.stderr, f"bad rows: {p.stderr[-300:]}")

if failures:
    sys.exit(1)
print(f"batches: {len(COMMANDS)} commands answer lists as single runs; --from-rows makes the same workbook")
