#!/usr/bin/env python3
"""Stage one source: copy the listed files of a repository snapshot at a pinned commit into a raw cache, run the
static extractors over them, and write the candidate definitions (with path and line) to the candidates cache.

  stage.py SLUG OWNER/REPO COMMIT PATH...     files are read with `git show COMMIT:PATH` from the local snapshot
                                              /work/.mirror/OWNER+REPO/repo, or from RAW/OWNER+REPO/PATH when the
                                              text was saved there by hand (read through the file index)
  stage.py --list SLUG                        print the candidates compactly for review

RAW = /tmp/h12raw, CAND = /tmp/h12cand. Nothing here runs code from the source; it only parses text (Python AST, TypeScript parser, inline JSON in Go).
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.environ.get("H12_RAW", "/tmp/h12raw")
CAND = os.environ.get("H12_CAND", "/tmp/h12cand")


def walk_json(v, out, path=""):
    if isinstance(v, dict):
        if isinstance(v.get("name"), str) and isinstance(v.get("description"), str):
            sch = v.get("inputSchema", v.get("input_schema", v.get("parameters")))
            out.append({"name": v["name"], "description": v["description"], "inputSchema": sch, "line": 0,
                        "via": "json" + path})
        for k, x in v.items():
            walk_json(x, out, path)
    elif isinstance(v, list):
        for x in v:
            walk_json(x, out, path)


def stage(slug, repo, commit, paths):
    os.makedirs(CAND, exist_ok=True)
    mirror = f"/work/.mirror/{repo.replace('/', '+')}/repo"
    base = os.path.join(RAW, repo.replace("/", "+"))
    files = []
    for p in paths:
        dst = os.path.join(base, p)
        if os.path.isdir(mirror):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            data = subprocess.run(["git", "-C", mirror, "show", f"{commit}:{p}"], check=True, capture_output=True).stdout
            open(dst, "wb").write(data)
        if not os.path.exists(dst):
            sys.exit(f"missing raw file {dst}")
        files.append((p, dst))
    cands = []
    py = [d for p, d in files if d.endswith(".py")]
    js = [d for p, d in files if d.endswith((".ts", ".js", ".mjs", ".cjs", ".tsx"))]
    res = {}
    if py:
        res.update(json.loads(subprocess.run([sys.executable, os.path.join(HERE, "extract_py.py"), *py], check=True,
                                             capture_output=True, text=True).stdout))
    if js:
        res.update(json.loads(subprocess.run(["node", os.path.join(HERE, "extract-ts.cjs"), *js], check=True,
                                             capture_output=True, text=True).stdout))
    go = [d for p, d in files if d.endswith(".go")]
    if go:
        res.update(json.loads(subprocess.run([sys.executable, os.path.join(HERE, "extract_go_json.py"), *go], check=True,
                                             capture_output=True, text=True).stdout))
    for p, d in files:
        if d.endswith(".json"):
            out = []
            try:
                walk_json(json.load(open(d, encoding="utf-8")), out)
            except ValueError as e:
                print(f"!! {p}: not JSON ({e})", file=sys.stderr)
            res[d] = out
    for p, d in files:
        r = res.get(d, [])
        if isinstance(r, dict):
            print(f"!! {p}: {r.get('error')}", file=sys.stderr)
            continue
        for c in r:
            c["path"] = p
            cands.append(c)
    json.dump({"slug": slug, "repo": repo, "commit": commit, "candidates": cands},
              open(os.path.join(CAND, slug + ".json"), "w"), ensure_ascii=False, indent=1)
    print(f"{slug}: {len(cands)} candidates")


def show(slug, width=400):
    d = json.load(open(os.path.join(CAND, slug + ".json")))
    for i, c in enumerate(d["candidates"]):
        desc = (c["description"] or "").replace("\n", " ⏎ ")
        print(f"[{i}] {c['path']}:{c['line']} {c['via']} name={c['name']!r} len={len(c['description'] or '')}")
        print("    " + desc[:width])
        sch = c.get("inputSchema") or {}
        if isinstance(sch, dict):
            for k, v in (sch.get("properties") or {}).items():
                if isinstance(v, dict) and v.get("description"):
                    print(f"    .{k}: {str(v['description'])[:200]}")


if __name__ == "__main__":
    if sys.argv[1] == "--list":
        show(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 400)
    else:
        stage(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
