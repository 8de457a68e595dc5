"""The table command's output as spreadsheet readers see it.

1. An XLSX workbook of the seed article and ten corpus day files opened by
   openpyxl: four sheets, the seed's 8 items with their Chinese text intact,
   date cells that are dates, no formulas.
2. A CSV of an article whose item starts with =HYPERLINK( read back by the
   csv module: the cell is text, neutralised by a leading '.
"""
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed for", sys.executable)
    sys.exit(77)  # meson: skipped

BINARY = os.environ["PO_BINARY"]
SHARED = os.environ.get("PO_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
SEED = os.path.join(SHARED, "corpus", "hexo", "000_411ce5df8d938054.md")
DAYS = ["20221027", "20221103", "20221201", "20230104", "20230215",
        "20230412", "20230628", "20230901", "20231110", "20240105"]

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def run(args, **kw):
    return subprocess.run([BINARY] + args, capture_output=True, **kw)


def test_xlsx(tmp):
    out = os.path.join(tmp, "out.xlsx")
    days = [os.path.join(SHARED, "corpus", "xwlb", d + ".md") for d in DAYS]
    r = run(["table", "--format", "xlsx", "-o", out, SEED] + days)
    check(r.returncode == 0, "table xlsx exit %d: %s" % (r.returncode, r.stderr.decode()))
    check(os.listdir(tmp) == ["out.xlsx"], "only the workbook is left: %s" % os.listdir(tmp))
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames == ["items", "people", "meetings", "dates"], "sheets: %s" % wb.sheetnames)
    items = wb["items"]
    header = [c.value for c in items[1]]
    col = {name: i for i, name in enumerate(header)}
    check(items.freeze_panes == "A2", "header row frozen: %s" % items.freeze_panes)
    check(items.auto_filter.ref is not None, "autofilter on")
    rows = [[c.value for c in row] for row in items.iter_rows(min_row=2)]
    seed = [r for r in rows if r[col["source"]] == SEED]
    texts = [r[col["text"]] for r in seed]
    check(len(seed) == 8, "the seed has 8 items, found %d" % len(seed))
    check(any(t and t.startswith("着力抓好工业稳增长政策措施的贯彻实施") for t in texts),
          "the seed's first item is intact: %s" % texts[:1])
    check(any(t and "急难愁盼" in t for t in texts), "the seed's 一要 items are there")
    published = [r[col["published"]] for r in rows if r[col["published"]] is not None]
    check(published and all(isinstance(v, datetime.datetime) for v in published),
          "published cells are dates: %s" % published[:3])
    check(any(v.date() == datetime.date(2021, 11, 4) for v in published if v),
          "the seed was published on 2021-11-04")
    meeting_dates = [r[col["meeting_date"]] for r in rows if r[col["meeting_date"]] is not None]
    check(all(isinstance(v, (datetime.datetime, str)) for v in meeting_dates), "meeting dates")
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                check(c.data_type != "f", "no formula in %s!%s" % (ws.title, c.coordinate))


def test_csv_formula(tmp):
    sample = os.path.join(tmp, "formula.txt")
    with open(sample, "w", encoding="utf-8") as f:
        f.write('会议提出：一是=HYPERLINK("http://x","y")加强协调调度；'
                '二是优化营商环境，稳定企业预期。\n')
    out = os.path.join(tmp, "formula.csv")
    r = run(["table", "--format", "csv", "--bom", "-o", out, sample])
    check(r.returncode == 0, "table csv exit %d: %s" % (r.returncode, r.stderr.decode()))
    with open(out, encoding="utf-8-sig", newline="") as f:
        data = f.read()
    check("\r\n" in data, "CSV lines end in CRLF")
    rows = list(csv.DictReader(io.StringIO(data)))
    texts = [row["text"] for row in rows]
    check(any(t.startswith("'=HYPERLINK(") for t in texts),
          "the formula is neutralised by a leading ': %s" % texts)
    check(not any(t.startswith("=") for t in texts), "no cell starts with =")
    # a failed input is named and the rest is still written
    r = run(["table", "--format", "csv", sample, os.path.join(tmp, "missing.md")])
    check(r.returncode == 1, "a missing input exits 1, got %d" % r.returncode)
    check(b"missing.md" in r.stderr, "the missing input is named")
    check(b"HYPERLINK" in r.stdout, "the other input is still written")


with tempfile.TemporaryDirectory() as tmp:
    os.mkdir(os.path.join(tmp, "x"))
    os.mkdir(os.path.join(tmp, "c"))
    test_xlsx(os.path.join(tmp, "x"))
    test_csv_formula(os.path.join(tmp, "c"))

if failures:
    print("%d failures" % len(failures))
    sys.exit(1)
print("ok")
