#!/usr/bin/env python3
"""How fast the report of a whole corpus opens: writes the report of
../shared/corpus/xwlb (or the folders given) and opens its index in
headless Chromium three times, printing the seconds to the load event.

  python3 bench/reader_index.py [BINARY] [INPUT...]
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "browser"))
import cdp  # noqa: E402


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "policy-outline")
    inputs = sys.argv[2:] or [os.path.join(HERE, "..", "..", "shared", "corpus", "xwlb")]
    with tempfile.TemporaryDirectory() as site:
        start = time.time()
        subprocess.run([binary, "report", "-o", site] + inputs, check=True)
        print("report: %.1f s" % (time.time() - start))
        index = os.path.join(site, "index.html")
        print("index.html: %.1f MB" % (os.path.getsize(index) / 1e6))
        with cdp.Browser(1280, 900) as b:
            for _ in range(3):
                seconds = b.open("file://" + index, timeout=300)
                rows = b.eval("document.querySelectorAll('#articles tbody tr').length")
                print("index opens in %.2f s (%s articles, %d rows drawn)"
                      % (seconds, b.eval("document.getElementById('shown').textContent"), rows))


if __name__ == "__main__":
    main()
