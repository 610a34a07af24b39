#!/usr/bin/env python3
"""Candidates from JSON tool objects written inline in Go source (test fixtures such as
`{"name":"x","description":"..."}` inside raw strings). Prints JSON {file: [candidates]} like the other extractors."""
import json
import re
import sys

OBJ = re.compile(r'\{"name":\s*"((?:[^"\\]|\\.)*)",\s*"description":\s*"((?:[^"\\]|\\.)*)"')


def extract(text):
    out = []
    for m in OBJ.finditer(text):
        try:
            name = json.loads('"' + m.group(1) + '"')
            desc = json.loads('"' + m.group(2) + '"')
        except ValueError:
            continue
        out.append({"name": name, "description": desc, "inputSchema": None,
                    "line": text.count("\n", 0, m.start()) + 1, "via": "inline JSON in Go source"})
    return out


if __name__ == "__main__":
    json.dump({f: extract(open(f, encoding="utf-8", errors="replace").read()) for f in sys.argv[1:]}, sys.stdout,
              ensure_ascii=False, indent=1)
