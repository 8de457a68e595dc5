#!/usr/bin/env python3
"""Write the linker version script of the shared library: the functions the
public headers declare are global, everything else stays local, so the
stages' internal helpers never become part of the ABI."""
import re
import sys


def main():
    out, headers = sys.argv[1], sys.argv[2:]
    names = set()
    for path in headers:
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        names.update(re.findall(r"\b(po_[a-z0-9_]+)\s*\(", text))
    with open(out, "w", encoding="ascii") as f:
        f.write("POLICY_OUTLINE_0 {\n  global:\n")
        for name in sorted(names):
            f.write("    %s;\n" % name)
        f.write("  local:\n    *;\n};\n")


if __name__ == "__main__":
    main()
