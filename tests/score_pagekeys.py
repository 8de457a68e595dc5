#!/usr/bin/env python3
"""Score the blind page keys of tests/pagekeys (see its README.md).

Checks every key against its page with ../shared/gold/pages/validate.py, then
runs ../shared/tools/score.py over the 33 pages; arguments are passed on to
score.py (the --min-* thresholds). The keys and pages are in the repository,
the scorer is not: without ../shared the test is skipped (exit 77).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = os.path.join(HERE, "pagekeys")


def main():
    shared = os.environ.get("PO_SHARED", os.path.join(HERE, "..", "..", "shared"))
    score = os.path.join(shared, "tools", "score.py")
    if not os.path.isfile(score):
        print("skipped: %s not found (../shared is absent)" % score)
        return 77
    validate_py = os.path.join(shared, "gold", "pages", "validate.py")
    if os.path.isfile(validate_py):
        sys.path.insert(0, os.path.dirname(validate_py))
        import validate  # the dev keys' checker, pointed at this folder
        validate.HERE = KEYS
        if validate.main():
            return 1
    tool = os.environ.get("PO_BINARY", "build/policy-outline")
    return subprocess.call([sys.executable, score, "--tool", tool, "--gold", KEYS,
                            "--corpus", os.path.join(KEYS, "corpus")] + sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
