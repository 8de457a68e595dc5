#!/usr/bin/env python3
"""The reader's view in a real browser (headless Chromium, no network): the
seed's items marked in its text and linked both ways, a day file's marks at
the JSON offsets, the report index filtering to the right articles, and a
hostile article that runs nothing.

  reader_test.py                     the checks (exit 77 without chromium)
  reader_test.py --screenshots DIR   also write the README's screenshots
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "browser"))
import cdp  # noqa: E402

ROOT = os.environ.get("PO_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.environ.get("PO_BINARY", os.path.join(ROOT, "build", "policy-outline"))
SHARED = os.environ.get("PO_SHARED", os.path.join(ROOT, "..", "shared"))
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([BINARY] + list(args), check=False, capture_output=True, timeout=600).stdout


def outlines(*paths):
    return [json.loads(line) for line in run("outline", "-f", "jsonl", *paths).decode().splitlines()]


def items_of(o):
    return [it for g in o["groups"] for it in g["items"]]


def page(tmp, name, *args):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(run("outline", "-f", "html", *args))
    return "file://" + path


def marks(b):
    return b.eval("""Array.from(document.querySelectorAll('.text mark.item')).map(m =>
        ({start: +m.dataset.start, end: +m.dataset.end, text: m.textContent, id: m.id}))""")


def in_view(b, selector):
    return b.eval("""(() => { const r = document.querySelector(%s).getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight; })()""" % json.dumps(selector))


def seed_page(b, tmp, shots):
    seed = os.path.join(ROOT, "samples", "seed.md")
    o = outlines(seed)[0]
    want = items_of(o)
    b.open(page(tmp, "seed.html", seed))
    got = marks(b)
    check(len(want) == 8 and len(got) == 8, "seed: 8 items marked in the text (%d)" % len(got))
    check([(m["start"], m["end"]) for m in got] == [(i["start"], i["end"]) for i in want],
          "seed: each mark at its item's offsets")
    check(all(m["text"].startswith(i["marker"]) for m, i in zip(got, want)),
          "seed: each mark starts at its marker (一是 … 四要)")
    check(b.eval("document.title") == o["title"], "seed: the page title is the article's title")
    check(b.eval("getComputedStyle(document.querySelector('mark.item')).backgroundColor") != "rgba(0, 0, 0, 0)",
          "seed: the embedded style sheet is allowed by the page's policy")
    check(b.eval("performance.getEntriesByType('resource').length") == 0, "seed: the page loads nothing")
    dates = b.eval("Array.from(document.querySelectorAll('.text .date')).map(d => d.title)")
    check(dates == [d["value"] for d in o["dates"]], "seed: every date shows its value on hover %s" % dates)
    if shots:
        b.screenshot(os.path.join(shots, "reader-seed.png"))
    # the last outline line, clicked, brings its mark into view; the mark's
    # marker, clicked, brings the outline line back
    last = got[-1]["id"]
    cut = last.rindex("t")  # {prefix}t{g}-{i} -> {prefix}o{g}-{i}
    line = last[:cut] + "o" + last[cut + 1:]
    b.eval("window.scrollTo(0, document.body.scrollHeight)")
    b.eval("document.getElementById(%s).querySelector('a.to-text').click()" % json.dumps(line))
    check(b.eval("location.hash") == "#" + last and in_view(b, "#" + last),
          "seed: clicking an outline line scrolls to its place in the text")
    b.eval("window.scrollTo(0, 0)")
    b.eval("document.getElementById(%s).querySelector('a.marker').click()" % json.dumps(last))
    check(b.eval("location.hash") == "#" + line and in_view(b, "#" + line),
          "seed: clicking the marker in the text scrolls back to the outline line")
    b.resize(380, 700, mobile=True)
    b.open("file://" + os.path.join(tmp, "seed.html"))
    check(b.eval("document.documentElement.scrollWidth <= innerWidth + 1"),
          "seed: nothing overflows a narrow screen")
    b.resize(1280, 800)
    b.open(page(tmp, "seed-explain.html", "--explain", seed))
    rules = b.eval("Array.from(document.querySelectorAll('.pane .rule')).map(r => r.textContent)")
    check("marker.shi" in rules and "marker.yao" in rules, "seed: --explain shows the rule ids")


def day_page(b, tmp):
    day = os.path.join(SHARED, "corpus", "xwlb", "20221027.md")
    if not os.path.exists(day):
        print("skip day file: ../shared is absent")
        return
    want = [(i["start"], i["end"]) for o in outlines(day) for i in items_of(o)]
    b.open(page(tmp, "day.html", day))
    got = [(m["start"], m["end"]) for m in marks(b)]
    check(len(want) >= 3 and got == want, "day file: %d items marked at their JSON offsets" % len(got))
    check(b.eval("document.querySelectorAll('article.outline').length") == len(outlines(day)),
          "day file: one article element per article")


STEP = 300  # rows drawn at a time


def visible(b):
    """[the count the page shows, the rows drawn], after drawing them all."""
    b.eval("""(() => { const m = document.getElementById('more');
        while (!m.hidden) m.click(); })()""")
    return b.eval("""[+document.getElementById('shown').textContent,
        document.querySelectorAll('#articles tbody tr').length]""")


def set_filter(b, field, value):
    b.eval("""(() => { const e = document.getElementById(%s); e.value = %s;
        e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change')); })()"""
           % (json.dumps(field), json.dumps(value)))


def index_page(b, tmp, shots):
    days = [os.path.join(SHARED, "corpus", "xwlb", "2022102%d.md" % d) for d in range(10)]
    days = [d for d in days if os.path.exists(d)]
    inputs = days or [os.path.join(ROOT, "samples")]
    site = os.path.join(tmp, "site")
    subprocess.run([BINARY, "report", "-o", site] + inputs, check=True, capture_output=True, timeout=600)
    all_o = outlines(*inputs)
    b.open("file://" + os.path.join(site, "index.html"))
    check(visible(b) == [len(all_o), len(all_o)], "index: lists every article (%d)" % len(all_o))
    if shots:
        b.screenshot(os.path.join(shots, "reader-index.png"))

    def day(o):
        return (o.get("published") or "")[:10] or next((m["date"][:10] for m in o["meetings"] if m.get("date")), "")

    people = [p["name"] for o in all_o for p in o["people"]]
    if people:
        who = max(set(people), key=people.count)
        want = sum(1 for o in all_o if any(who in p["name"] for p in o["people"]))
        set_filter(b, "f-person", who)
        check(visible(b) == [want, want], "index: person %s keeps %d articles" % (who, want))
        set_filter(b, "f-person", "")
    types = [m["type"] for o in all_o for m in o["meetings"] if m.get("type")]
    if types:
        kind = max(set(types), key=types.count)
        want = sum(1 for o in all_o if any(m.get("type") == kind for m in o["meetings"]))
        set_filter(b, "f-type", kind)
        check(visible(b) == [want, want], "index: meeting type %s keeps %d articles" % (kind, want))
        set_filter(b, "f-type", "")
    first = min(day(o) for o in all_o if day(o))
    want = sum(1 for o in all_o if day(o) == first)
    set_filter(b, "f-from", first)
    set_filter(b, "f-to", first)
    check(visible(b) == [want, want], "index: the date range %s keeps %d articles" % (first, want))
    set_filter(b, "f-from", "")
    set_filter(b, "f-to", "")
    actors = [g["actor"] for o in all_o for g in o["groups"] if g.get("actor")]
    if actors:
        who = max(set(actors), key=actors.count)
        want = sum(1 for o in all_o if any(who in (g.get("actor") or "") for g in o["groups"]))
        set_filter(b, "f-actor", who)
        check(visible(b) == [want, want], "index: actor %s keeps %d articles" % (who, want))
        set_filter(b, "f-actor", "")
    # the first row's link opens a page that marks its items
    href = b.eval("document.querySelector('#articles tbody a').href")
    b.open(href)
    check(b.eval("document.querySelector('nav.crumbs a').getAttribute('href')") == "../index.html",
          "index: an article page links back to the index")
    only = os.path.join(tmp, "only")
    subprocess.run([BINARY, "report", "--only-with", "directives", "-o", only] + inputs, check=True,
                   capture_output=True, timeout=600)
    want = sum(1 for o in all_o if items_of(o))
    b.open("file://" + os.path.join(only, "index.html"))
    check(visible(b) == [want, want], "index: --only-with directives keeps the %d articles with items" % want)


HOSTILE = """---
title: "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>\u202egnp.exe"
url: "javascript:window.__pwned=3"
categories: ["<b onmouseover=window.__pwned=4>x</b>"]
---
<p>会议强调，一是<script>window.__pwned=5</script>加强预测预警；二是<img src=x onerror="window.__pwned=6">加强企业帮扶。</p>
<p><a href="javascript:window.__pwned=7">点击</a> \u202e反转文字 <iframe src="https://example.org/"></iframe></p>
"""


def hostile_page(b, tmp):
    src = os.path.join(tmp, "hostile.md")
    with open(src, "w", encoding="utf-8") as f:
        f.write(HOSTILE)
    for url in (page(tmp, "hostile.html", src), None):
        if url is None:
            site = os.path.join(tmp, "hostile-site")
            subprocess.run([BINARY, "report", "-o", site, src], check=True, capture_output=True, timeout=60)
            url = "file://" + os.path.join(site, "a", "00001.html")
        b.open(url)
        # every link that stays on the page (a javascript: one would run
        # here); one to another page would navigate away under the checks
        b.eval("document.querySelectorAll('a').forEach(a => { if (a.protocol !== 'javascript:' &&"
               " a.pathname !== location.pathname) return; try { a.click(); } catch (e) {} })")
        b.eval("document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))")
        check(b.eval("typeof window.__pwned") == "undefined", "hostile: nothing ran (%s)" % url.rsplit("/", 1)[1])
        check(b.eval("document.querySelectorAll('article script, article img, article iframe').length") == 0,
              "hostile: no script, img or iframe element in the article")
        check(b.eval("document.querySelectorAll('[onerror], [onmouseover]').length") == 0,
              "hostile: no event handler attribute")
        check(b.eval("Array.from(document.querySelectorAll('a[href]')).every(a => !/^javascript:/i.test(a.getAttribute('href')))"),
              "hostile: no javascript: link")
        check(b.eval("performance.getEntriesByType('resource').length") == 0, "hostile: the page loads nothing")


def main():
    shots = None
    if len(sys.argv) > 2 and sys.argv[1] == "--screenshots":
        shots = sys.argv[2]
        os.makedirs(shots, exist_ok=True)
    if not cdp.find_chromium():
        print("skipped: no chromium on PATH (tools/install-deps.sh installs it)")
        return 77
    with tempfile.TemporaryDirectory() as tmp, cdp.Browser(1280, 800) as b:
        seed_page(b, tmp, shots)
        day_page(b, tmp)
        index_page(b, tmp, shots)
        hostile_page(b, tmp)
    if failures:
        print("reader: %d checks failed" % len(failures))
        return 1
    print("reader: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
