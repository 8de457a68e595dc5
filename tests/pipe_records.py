"""pipe_records.py BINARY SHARED - outline --records driven as Spark's
RDD.pipe() and a Hadoop Streaming mapper drive a command: records written to
its standard input, one line read back per record, in order. The command
must answer each record before the next is written (a mapper's reader
waits), carry each id, and answer a bad record with an error naming its id
and line instead of stopping."""
import glob
import json
import os
import select
import subprocess
import sys
import threading

binary, shared = sys.argv[1], sys.argv[2]


def utf8(path):
    try:
        with open(path, encoding="utf-8") as f:
            f.read()
        return True
    except UnicodeDecodeError:
        return False


# JSON carries Unicode text: the pages stored in UTF-8 (the others are
# decoded by the sender, as a real pipeline would)
pages = [p for p in sorted(glob.glob(os.path.join(shared, "corpus", "pages", "*.html"))) if utf8(p)][:12]
hexo = sorted(glob.glob(os.path.join(shared, "corpus", "hexo", "*.md")))
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


records = []
for i, p in enumerate(pages):
    records.append({"id": f"page-{i}", "html": read(p), "url": f"https://example.org/{i}"})
records.append({"id": "hexo", "markdown": read(hexo[0]), "published": "2021-11-04"})
records.append({"id": 42, "text": "国务院常务会议要求，一是稳定就业；二是保障民生；三是扩大内需。"})
records.append({"id": "by-path", "path": pages[0]})
bad = {  # position in the stream -> what the error must be about
    len(records): "{not json",
    len(records) + 1: json.dumps({"title": "no id", "text": "x"}),
    len(records) + 2: json.dumps({"id": "nobody"}),
    len(records) + 3: json.dumps({"id": "baddate", "text": "x", "published": "yesterday"}),
}
lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(bad.values())
lines.append(json.dumps({"id": "after", "text": "会议强调，一是加强领导；二是压实责任。"}, ensure_ascii=False))

proc = subprocess.Popen([binary, "outline", "--records"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL)

# 1. interactive: the answer to the first record comes before the second is
# written (the stream stays open)
proc.stdin.write((lines[0] + "\n").encode())
proc.stdin.flush()
ready, _, _ = select.select([proc.stdout], [], [], 120)
check(ready, "no answer to the first record while the stream stays open")
first = proc.stdout.readline() if ready else b""

# 2. the rest as RDD.pipe() writes a partition: from a thread, while the
# answers are read
def feed():
    for line in lines[1:]:
        proc.stdin.write((line + "\n").encode())
    proc.stdin.close()


writer = threading.Thread(target=feed)
writer.start()
answers = [first] + proc.stdout.readlines()
writer.join()
status = proc.wait(timeout=300)

check(len(answers) == len(lines), f"{len(answers)} answers to {len(lines)} records")
check(status == 1, f"exit status {status}, expected 1 (some records refused)")
out = [json.loads(a) for a in answers]
for n, (line, o) in enumerate(zip(lines, out), start=1):
    if n - 1 in bad:
        check("error" in o and o.get("line") == n, f"record {n}: no error naming line {n}: {o}")
    else:
        want = json.loads(line)["id"]
        check(o.get("id") == want and "error" not in o, f"record {n}: id {o.get('id')!r}, expected {want!r}")
check(out[len(records) + 2].get("id") == "nobody", "the error of a record without a body lost its id")
check(out[len(records) + 1].get("id") is None, "a record without an id got one")

# 3. real values: an HTML record gives the outline of the same page read from
# its file, with the url it carries; the text record's three items
by_file = json.loads(subprocess.run([binary, "outline", "-f", "jsonl", pages[0]], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL).stdout)
check(out[0]["groups"] == by_file["groups"] and out[0]["title"] == by_file["title"],
      "the HTML record's outline differs from its file's")
check(out[0]["url"] == "https://example.org/0", "the record's url was not kept")
check(out[0]["source"] == "page-0", "an inline record's source is not its id")
hexo_out = out[len(pages)]
check(hexo_out["published"] == "2021-11-04" and hexo_out["format"] == "markdown",
      "the Markdown record's published day or format is wrong")
text_out = out[len(pages) + 1]
check(text_out["id"] == 42 and [i["lead"] for g in text_out["groups"] for i in g["items"]] ==
      ["稳定就业", "保障民生", "扩大内需"], f"the text record's items: {text_out['groups']}")
path_out = out[len(pages) + 2]
check(path_out["source"] == pages[0] and path_out["groups"] == by_file["groups"],
      "the path record's outline differs from its file's")
check(out[-1]["id"] == "after" and len(out[-1]["groups"]) == 1, "the record after the bad ones")

# the answers are outlines and errors of the published schema
try:
    import jsonschema
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "outline.schema.json")) as f:
        schema = json.load(f)
    for n, o in enumerate(out, start=1):
        try:
            jsonschema.validate(o, schema)
        except jsonschema.ValidationError as e:
            check(False, f"answer {n} is not of the schema: {e.message[:200]}")
except ImportError:
    print("note: jsonschema is not installed; the schema is not checked", file=sys.stderr)

# 4. table --records: each record's rows, as the rows of one run over them
stream = [lines[len(pages) + 1], "{not json", lines[-1]]
rows = subprocess.run([binary, "table", "--records", "-f", "jsonl"], input="\n".join(stream).encode(),
                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().splitlines()
got = [json.loads(r).get("doc_id", "error") for r in rows]
check(got == ["42", "42", "42", "error", "after", "after"], f"table --records: rows {got}")

# a record that names a file: its rows carry the record's id, with #N for
# the articles of a day file (the dates of 2022-09-24: articles 0 to 14)
day = os.path.join(shared, "corpus", "xwlb", "20220924.md")
stream = json.dumps({"id": "cctv-0924", "path": day}) + "\n" + json.dumps({"id": 7, "path": pages[0]})
rows = subprocess.run([binary, "table", "--records", "-f", "jsonl", "-s", "dates"], input=stream.encode(),
                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().splitlines()
ids = [json.loads(r)["doc_id"] for r in rows]
by_file = subprocess.run([binary, "table", "-f", "jsonl", "-s", "dates", day, pages[0]], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout.decode().splitlines()
want = [json.loads(r)["doc_id"].replace(day, "cctv-0924").replace(pages[0], "7") for r in by_file]
check(ids == want and "cctv-0924#14" in ids and "7" in ids and len(ids) > 30,
      f"table --records by path: doc_ids {sorted(set(ids))[:5]}..., expected the record ids")

if failures:
    sys.exit(1)
print(f"records: {len(lines)} records, {len(answers)} answers in order")
