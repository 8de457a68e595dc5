#!/usr/bin/env python3
"""Every speed and memory figure of issue 9 in one run (bench/run.sh calls
this after building the floor). Times are CPU (user + system) and wall
seconds of each child, peak RSS from its rusage; ratios are taken within
the run, so a loaded machine moves them less than the absolute times. The
runs over the whole corpus, and then the growth series and hostile
inputs, are each the best of three, taken in turns (a busy neighbour only
ever adds time); the reference mode runs once.

    bench/bench.py MEASURE BINARY FLOOR CORPUS_DIR [--quick] [--baseline OLD_BINARY]

--baseline also times an older build over the corpus (outline -j 1,
compare --corpus, table -f xlsx) and prints how many times faster this one
is.
"""
import os
import random
import sys
import tempfile
import time


MEASURE = None  # bench/measure.c, built by run.sh


def run(argv, stdin=None, env=None):
    """(cpu s, wall s, peak RSS bytes, exit status) of one child, through
    bench/measure.c so that the peak RSS is the child's own."""
    r, w = os.pipe()
    pid = os.posix_spawn(MEASURE, [MEASURE, stdin or os.devnull] + argv, env or os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
    os.close(w)
    with os.fdopen(r) as f:
        out = f.read().split()
    os.waitpid(pid, 0)
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def best(argvs, times=3):
    """For each command, the least CPU and the least wall time of several
    runs with the largest peak RSS. The commands take turns, round after
    round, so that a slower minute of a shared machine falls on all of
    them alike (and a busy neighbour only ever adds time)."""
    runs = [[] for _ in argvs]
    for _ in range(times):
        for i, argv in enumerate(argvs):
            runs[i].append(run(argv))
    return [(min(r[0] for r in rs), min(r[1] for r in rs), max(r[2] for r in rs), max(r[3] for r in rs))
            for rs in runs]


def article_texts(corpus):
    """The articles of the corpus as plain text: the day files without their
    Markdown headings (one document when concatenated)."""
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            cur = []
            for line in f:
                if line.startswith("### "):
                    if cur:
                        yield "".join(cur)
                    cur = []
                elif not line.startswith("#"):
                    cur.append(line)
            if cur:
                yield "".join(cur)


def main():
    global MEASURE
    MEASURE, binary, floor, corpus = sys.argv[1:5]
    quick = "--quick" in sys.argv
    old = sys.argv[sys.argv.index("--baseline") + 1] if "--baseline" in sys.argv else None
    days = sorted(os.path.join(corpus, n) for n in os.listdir(corpus) if n.endswith(".md"))
    size = sum(os.path.getsize(d) for d in days)
    tmp = tempfile.mkdtemp(prefix="po-bench-")
    rows = []

    def row(name, res, nbytes=None, base=None):
        cpu, wall, rss, rc = res
        per = "%.0f" % (cpu / nbytes * 1e9) if nbytes else ""
        rows.append((name, cpu, wall, rss, rc, nbytes, per))
        return res

    print("machine: %s, %d processors, load %.1f" % (os.uname().machine, os.cpu_count(),
                                                   os.getloadavg()[0]))
    print("corpus: %s (%d day files, %.1f MB)" % (corpus, len(days), size / 1e6))
    outline = [binary, "outline", "-f", "jsonl", "-j", "1", corpus]
    compare = ["compare", "--corpus", "-f", "json", "-j", "1", "-o", os.path.join(tmp, "c.json"), corpus]
    table = ["table", "-f", "xlsx", "-j", "1", "-o", os.path.join(tmp, "t.xlsx"), corpus]
    olds = [[old] + outline[1:], [old] + compare, [old] + table] if old else []
    timed = best([[floor] + days, outline, outline[:5] + ["2", corpus], [binary] + compare,
                  [binary] + table] + olds)
    fl = row("floor (libxml2 + one PCRE2 JIT scan per article)", timed[0], size)
    j1 = row("outline -f jsonl -j 1", timed[1], size)
    j2 = row("outline -f jsonl -j 2", timed[2], size)
    ref = row("outline -j 1, reference mode (no prefilter)",
              run(outline, env=dict(os.environ, POLICY_OUTLINE_REFERENCE="1")), size)
    cmp1 = row("compare --corpus -j 1", timed[3], size)
    xl = row("table -f xlsx -j 1", timed[4], size)
    olds = [row("baseline: " + name, res, size) for name, res in
            zip(["outline -f jsonl -j 1", "compare --corpus -j 1", "table -f xlsx -j 1"], timed[5:])]
    first_growth = len(rows)

    # growth: 1, 100, 1000, 10000 articles and 50 MB as one plain-text document
    texts = list(article_texts(corpus))
    growth = []
    for n in ([1, 100, 1000] if quick else [1, 100, 1000, 10000]):
        path = os.path.join(tmp, "a%d.txt" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(texts[:n]))
        growth.append(("%d articles as one text" % n, path))
    big = os.path.join(tmp, "big.txt")
    target = (5 if quick else 50) * 1000 * 1000
    with open(big, "w", encoding="utf-8") as f:
        written = 0
        while written < target:
            for t in texts:
                f.write(t)
                written += len(t.encode())
                if written >= target:
                    break
    growth.append(("%d MB as one text" % (target // 1000000), big))
    # the hostile shapes: one long line, a run of markers, random bytes
    rnd = random.Random(9)
    line = os.path.join(tmp, "line.txt")
    with open(line, "w", encoding="utf-8") as f:
        f.write("".join(texts[:3000]).replace("\n", "")[: (2 if quick else 17) * 1000 * 1000 // 3])
    growth.append(("one line", line))
    marks = os.path.join(tmp, "markers.txt")
    with open(marks, "w", encoding="utf-8") as f:
        f.write("会议提出，" + "一是加强管理，二是完善制度；" * (20000 if quick else 100000) + "\n")
    growth.append(("repeated 一是/二是 markers", marks))
    noise = os.path.join(tmp, "random.bin")
    with open(noise, "wb") as f:
        f.write(rnd.randbytes((1 if quick else 10) * 1000 * 1000))
    growth.append(("random bytes", noise))
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "w").close()
    base_rss = run([binary, "outline", "-f", "jsonl", empty])[2]
    grown = best([[binary, "outline", "-f", "jsonl", "-j", "1", path] for _, path in growth])
    for (name, path), res in zip(growth, grown):
        row(name, res, os.path.getsize(path))

    print()
    print("| run | input | CPU s | wall s | peak RSS | ns/byte (CPU) | RSS over empty, bytes/input byte |")
    print("|---|---|---|---|---|---|---|")
    for name, cpu, wall, rss, rc, nbytes, per in rows:
        over = "%.1f" % ((rss - base_rss) / nbytes) if nbytes else ""
        print("| %s%s | %.1f MB | %.2f | %.2f | %.0f MB | %s | %s |" % (
            name, "" if rc == 0 else " (exit %d)" % rc, (nbytes or 0) / 1e6, cpu, wall,
            rss / 1e6, per, over))
    avg = j1[0] / size
    print()
    print("-j 1 / floor: %.2fx CPU, %.2fx wall" % (j1[0] / fl[0], j1[1] / fl[1]))
    print("-j 2 / floor: %.2fx wall" % (j2[1] / fl[1]))
    print("reference mode / prefilter (-j 1 CPU): %.1fx" % (ref[0] / j1[0]))
    print("compare --corpus / outline -j 1 (CPU): %.1fx; table -f xlsx / outline -j 1: %.1fx"
          % (cmp1[0] / j1[0], xl[0] / j1[0]))
    for new, was, name in zip([j1, cmp1, xl], olds, ["outline -j 1", "compare --corpus", "table -f xlsx"]):
        print("%s: %.2fx faster than the baseline (CPU), %.2fx (wall)" % (name, was[0] / new[0],
                                                                       was[1] / new[1]))
    for name, cpu, wall, rss, rc, nbytes, per in rows[first_growth:]:
        print("per-byte CPU of %s / corpus average: %.2fx" % (name, cpu / nbytes / avg))
    print("empty input peak RSS: %.0f MB" % (base_rss / 1e6))
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
