#!/usr/bin/python3
"""Validate what `policy-outline outline --format json|jsonl` writes against
docs/outline.schema.json: the seed article and several corpus day files, the
error object written for a missing input, and --with-text.

Run by meson with PO_BINARY, PO_SOURCE_ROOT and PO_SHARED set. Needs Debian's
python3-jsonschema (hence /usr/bin/python3); exits 77 (skipped) without it.
"""
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped", file=sys.stderr)
    sys.exit(77)

BINARY = os.environ.get("PO_BINARY", "build/policy-outline")
ROOT = os.environ.get("PO_SOURCE_ROOT", ".")
SHARED = os.environ.get("PO_SHARED", os.path.join(ROOT, "..", "shared"))

INPUTS = [
    os.path.join(SHARED, "corpus", "hexo", "000_411ce5df8d938054.md"),
    os.path.join(SHARED, "corpus", "xwlb", "20221027.md"),
    os.path.join(SHARED, "corpus", "xwlb", "20230213.md"),
    os.path.join(SHARED, "corpus", "xwlb", "20251031.md"),
]
MISSING = os.path.join(ROOT, "tests", "no-such-input.md")

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def run(args):
    """Run the binary; returns (exit status, stdout as text)."""
    try:
        p = subprocess.run([BINARY, "outline"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    except subprocess.TimeoutExpired:
        fail("timed out: outline %s" % " ".join(args))
        return None, ""
    try:
        out = p.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("outline %s: output is not UTF-8: %s" % (" ".join(args), e))
        return p.returncode, ""
    return p.returncode, out


def semantic(obj, where):
    """What a schema cannot say: spans inside the text, parents in range."""
    if "error" in obj:
        return
    chars = obj["chars"]

    def span(x, what):
        if not (0 <= x["start"] <= x["end"] <= chars):
            fail("%s: %s span %d-%d outside 0-%d" % (where, what, x["start"], x["end"], chars))

    groups = obj["groups"]
    for gi, g in enumerate(groups):
        if g["parent"] is not None and not (0 <= g["parent"] < len(groups) and g["parent"] != gi):
            fail("%s: group %d has parent %r" % (where, gi, g["parent"]))
        for it in g["items"]:
            span(it, "item %s" % it["marker"])
    for p in obj["people"]:
        for m in p["mentions"]:
            span(m, "mention of %s" % p["name"])
    for m in obj["meetings"]:
        span(m, "meeting")
    for d in obj["dates"]:
        span(d, "date %s" % d["text"])
    if "text" in obj and len(obj["text"]) != chars:
        fail("%s: text has %d code points, chars says %d" % (where, len(obj["text"]), chars))


def main():
    with open(os.path.join(ROOT, "docs", "outline.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    entry = cls({"$ref": "#/$defs/entry", "$defs": schema["$defs"]})

    def check(obj, where):
        errors = sorted(entry.iter_errors(obj), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            path = "/".join(str(p) for p in e.absolute_path)
            fail("%s: /%s: %s" % (where, path, e.message))
        if not errors:
            semantic(obj, where)

    objects = 0
    cases = [[path] for path in INPUTS] + [INPUTS[:2], ["--with-text", INPUTS[0]], [INPUTS[0], MISSING]]
    for args in cases:
        name = " ".join(os.path.basename(a) for a in args)
        for fmt in ("json", "jsonl"):
            status, out = run(["--format", fmt] + args)
            if status is None:
                continue
            want = 1 if MISSING in args else 0
            if status != want:
                fail("%s (%s): exit status %d, expected %d" % (name, fmt, status, want))
            if fmt == "json":
                try:
                    doc = json.loads(out)
                except ValueError as e:
                    fail("%s (json): not JSON: %s" % (name, e))
                    continue
                if not validator.is_valid(doc):
                    fail("%s (json): the document does not match the schema" % name)
                for i, obj in enumerate(doc if isinstance(doc, list) else [doc]):
                    check(obj, "%s (json) #%d" % (name, i))
                    objects += 1
            else:
                lines = out.splitlines()
                if not lines:
                    fail("%s (jsonl): no output" % name)
                for i, line in enumerate(lines):
                    try:
                        obj = json.loads(line)
                    except ValueError as e:
                        fail("%s (jsonl) line %d: not JSON: %s" % (name, i + 1, e))
                        continue
                    check(obj, "%s (jsonl) line %d" % (name, i + 1))
                    objects += 1
            if MISSING in args:
                if os.path.basename(MISSING) not in out:
                    fail("%s (%s): the missing input has no error object" % (name, fmt))

    print("%d objects checked, %d failures" % (objects, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
