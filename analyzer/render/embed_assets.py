#!/usr/bin/env python3
"""Write a C file holding the HTML pages' style sheet and script, each with
the base64 SHA-256 that the pages' Content-Security-Policy names, so that
the pages are self-contained and run nothing else."""
import base64
import hashlib
import os
import sys

# one C-string writer for everything embedded at build time
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules"))
from embed_rules import c_string  # noqa: E402


def main():
    out_path, css_path, js_path = sys.argv[1:4]
    with open(out_path, "w", encoding="ascii") as out:
        out.write("/* generated from analyzer/render/assets by embed_assets.py; do not edit */\n")
        out.write('#include "render/html_assets.h"\n\n')
        for name, path in (("css", css_path), ("js", js_path)):
            with open(path, "rb") as f:
                data = f.read()
            digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
            out.write("const char po_html_%s[] =\n    %s;\n" % (name, c_string(data)))
            out.write('const char po_html_%s_sha256[] = "%s";\n\n' % (name, digest))


if __name__ == "__main__":
    main()
