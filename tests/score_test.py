#!/usr/bin/env python3
"""Run ../shared/tools/score.py on a key set and hold it to thresholds.

  score_test.py SHARED --gold DIR [--corpus DIR] [--min-name F] [score.py options]

Every option but --min-name goes to score.py as it is (--tool, --min-people-f1,
--min-date, --min-dates ...); score.py has no threshold for the meeting name,
so this script reads that figure from its JSON and checks it. Exits 77 (a
skipped meson test) when SHARED, the keys or score.py are absent.
"""
import json
import os
import subprocess
import sys


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: score_test.py SHARED --gold DIR [--min-name F] [score.py options]")
    shared, rest = args[0], args[1:]
    min_name = None
    if "--min-name" in rest:
        i = rest.index("--min-name")
        min_name = float(rest[i + 1])
        del rest[i:i + 2]
    score = os.path.join(shared, "tools", "score.py")
    gold = rest[rest.index("--gold") + 1] if "--gold" in rest else None
    if not os.path.isfile(score) or not gold or not os.path.isdir(gold):
        print("skipped: %s or the keys are absent" % score)
        sys.exit(77)
    # the figures as JSON for the name, then the usual run with its verdict
    done = subprocess.run([sys.executable, score, "--json"] + rest, capture_output=True, text=True)
    text = done.stdout
    figures = json.loads(text[:text.rindex("}") + 1])
    print(text[text.rindex("}") + 1:].strip() or text)
    name = figures["meeting_name_accuracy"]
    print("meeting name %.3f" % name)
    failed = done.returncode != 0
    if min_name is not None and name < min_name:
        print("short: meeting name %.3f < %.3f" % (name, min_name))
        failed = True
    if failed:
        verbose = subprocess.run([sys.executable, score, "-v"] + rest, capture_output=True, text=True)
        print(verbose.stdout)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
