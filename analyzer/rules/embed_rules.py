#!/usr/bin/env python3
"""Write a C file that holds the default rule pack (every YAML file named on
the command line, in name order), so the tool works with nothing installed."""
import os
import sys


def c_string(data):
    out = []
    for i in range(0, len(data), 64):
        part = data[i:i + 64]
        out.append('"' + "".join(
            "\\%03o" % b if b < 0x20 or b >= 0x7f or b in (0x22, 0x5c, 0x3f) else chr(b)
            for b in part) + '"')
    return "\n    ".join(out) if out else '""'


def main():
    out_path, files = sys.argv[1], sorted(sys.argv[2:], key=os.path.basename)
    with open(out_path, "w", encoding="ascii") as out:
        out.write("/* generated from the rules folder by embed_rules.py; do not edit */\n")
        out.write('#include "rules/rules.h"\n\n')
        out.write("const po_rule_source po_default_pack[] = {\n")
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            name = "rules/" + os.path.basename(path)
            out.write("  {%s,\n    %s,\n    %d},\n" % (c_string(name.encode()), c_string(data), len(data)))
        out.write("  {0, 0, 0}\n};\n")
        out.write("const size_t po_default_pack_size = %d;\n" % len(files))


if __name__ == "__main__":
    main()
