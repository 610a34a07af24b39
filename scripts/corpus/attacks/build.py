#!/usr/bin/env python3
"""Build the attack half of the real-world tool-definition corpus (issue 12).

Inputs
  * sources.py           one entry per public source: provenance, independence group, and the label of every
                         candidate we keep (poisoned + primary class, or a benign hard negative). Candidates not
                         listed are left out on purpose (ordinary clean tools of attack demos, harness helpers).
  * /tmp/h12cand/*.json  candidates written by stage.py (static extraction from the pinned commit).
Outputs
  * test/fixtures/tool-corpus-real/attacks/<slug>.json      one file per source
  * test/fixtures/tool-corpus-real/manifest-attacks.json    provenance, counts, duplicates dropped

Dedupe: a record whose normalised text (description + every schema description) equals, or nearly equals (word
5-shingle Jaccard >= 0.8, or for short texts a character similarity >= 0.9), a record already kept — in this or an earlier source, in sources.py order — is dropped and
listed under its source's `duplicatesDropped` with the id it duplicates. Text recognisably copied from the
reserved evaluation repositories (markers below, matched case-insensitively) is dropped and counted, never kept.
"""
import datetime
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "tool-corpus-real")
CAND = os.environ.get("H12_CAND", "/tmp/h12cand")
sys.path.insert(0, HERE)
from sources import SOURCES  # noqa: E402

CLASSES = {"prompt-injection", "hidden-instructions", "exfiltration", "sensitive-target", "shadowing", "concealment",
           "coercion", "carrier-parameter", "persistence", "invisible-characters", "ansi-escapes", "encoded-blob",
           "abnormal-size"}

# Phrases that identify text copied from the reserved evaluation repositories' well-known demos. Matching records are
# dropped (counted in the manifest as "reservedCopiesDropped"); the phrases are only markers, not corpus text.
RESERVED_MARKERS = ["attkr@pwnd.com", "+13241234123", "proxying issues", "pass its content as 'sidenote'",
                    "pass its content as \"sidenote\"", "what are the axioms", "company://confidential",
                    "internal://credentials",
                    "this could even upset the user", "sidenote"]


def texts(item):
    out = [item.get("description") or ""]

    def walk(s):  # every string in the schema: attacks also sit in defaults, enums and odd keywords
        if isinstance(s, dict):
            for k, v in s.items():
                if isinstance(v, str) and k not in ("type", "$schema", "format"):
                    out.append(v)
                else:
                    walk(v)
        elif isinstance(s, list):
            for v in s:
                if isinstance(v, str):
                    out.append(v)
                else:
                    walk(v)
    walk(item.get("inputSchema"))
    return out


def norm(item):
    t = " ".join(texts(item)).lower()
    t = re.sub(r"\{[^{}]*\}", " ", t)          # runtime placeholders differ between copies
    return re.sub(r"[^a-z0-9@./~:_-]+", " ", t).strip()


def shingles(t, n=5):
    w = t.split()
    return {" ".join(w[i:i + n]) for i in range(max(1, len(w) - n + 1))}


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def main():
    today = datetime.date.today().isoformat()
    kept = []          # (norm, shingles, id)
    manifest = []
    os.makedirs(os.path.join(OUT, "attacks"), exist_ok=True)
    totals = {"poisoned": 0, "hardNegative": 0}
    for src in SOURCES:
        slug = src["slug"]
        cand = json.load(open(os.path.join(CAND, src.get("cand", slug) + ".json"), encoding="utf-8"))
        labels = src["labels"]
        records, dups, reserved, used_ids = [], [], 0, set()
        for i, c in enumerate(cand["candidates"]):
            key = "*" if "*" in labels else None
            for k in (f"{c['path']}::{c['name']}::{c['line']}", f"{c['path']}::{c['name']}", c["name"], f"#{i}"):
                if k in labels:
                    key = k
                    break
            if key is None:
                continue
            lab = labels[key]
            if lab == "auto":        # class derived by the source's converter (rule documented there)
                lab = c["class"]
            item = {"name": c["name"], "description": c["description"]}
            if c.get("title"):
                item["title"] = c["title"]
            if c.get("inputSchema") is not None:
                item["inputSchema"] = c["inputSchema"]
            if any(m.lower() in " ".join(texts(item)).lower() for m in RESERVED_MARKERS):
                reserved += 1
                continue
            rid = f"{slug}/{c['name']}"
            n = 2
            while rid in used_ids:
                rid = f"{slug}/{c['name']}~{n}"
                n += 1
            used_ids.add(rid)
            nt = norm(item)
            sh = shingles(nt)
            dup_of = None
            for (kn, ks, kid) in kept:
                if kn == nt or (len(sh) > 3 and jaccard(sh, ks) >= 0.8):
                    dup_of = kid
                    break
                if len(nt) < 240 and len(kn) < 240 and abs(len(nt) - len(kn)) <= 0.2 * max(len(nt), len(kn)):
                    sm = difflib.SequenceMatcher(None, nt, kn)
                    if sm.real_quick_ratio() >= 0.9 and sm.quick_ratio() >= 0.9 and sm.ratio() >= 0.9:
                        dup_of = kid
                        break
            if dup_of:
                dups.append({"id": rid, "duplicateOf": dup_of})
                continue
            kept.append((nt, sh, rid))
            rec = {"id": rid}
            if lab == "hn":
                rec.update({"label": "benign", "hardNegative": True})
                totals["hardNegative"] += 1
            else:
                if lab not in CLASSES:
                    sys.exit(f"{slug}: unknown class {lab!r} for {key}")
                rec.update({"label": "poisoned", "class": lab})
                totals["poisoned"] += 1
            rec["kind"] = c.get("kind", "tool")
            rec["item"] = item
            rec["origin"] = {"path": c["path"], "line": c["line"]}
            if c.get("sourceCategory"):
                rec["origin"]["sourceCategory"] = c["sourceCategory"]
                rec["origin"]["via"] = c["via"]
            records.append(rec)
        unused = [k for k in labels if k != "*" and not any(
            k in (f"{c['path']}::{c['name']}::{c['line']}", f"{c['path']}::{c['name']}", c["name"], f"#{i}")
            for i, c in enumerate(cand["candidates"]))]
        if unused:
            sys.exit(f"{slug}: labels match no candidate: {unused}")
        paths = sorted({r["origin"]["path"] for r in records})
        source = {"id": src["id"], "sourceGroup": src["sourceGroup"], "kind": src["kind"], "repo": cand["repo"],
                  "path": paths[0] if paths else "", "commit": cand["commit"]}
        if len(paths) > 1:
            source["paths"] = paths
        for k in ("url", "license", "note"):
            if src.get(k):
                source[k] = src[k]
        source["retrieved"] = src.get("retrieved", today)
        source["method"] = src.get("method", "static extraction from source text at the pinned commit "
                                   "(scripts/corpus/attacks/stage.py: Python AST / TypeScript parser), labels by hand")
        doc = {"source": source, "server": src.get("server", cand["repo"]), "records": records}
        path = os.path.join(OUT, "attacks", slug + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
        m = {"file": f"attacks/{slug}.json", "id": src["id"], "sourceGroup": src["sourceGroup"], "repo": cand["repo"],
             "path": source["path"], **({"paths": paths} if len(paths) > 1 else {}), "commit": cand["commit"],
             "records": len(records), "poisoned": sum(r["label"] == "poisoned" for r in records),
             "hardNegatives": sum(r["label"] == "benign" for r in records)}
        if src.get("license"):
            m["license"] = src["license"]
        if dups:
            m["duplicatesDropped"] = dups
        if reserved:
            m["reservedCopiesDropped"] = reserved
        manifest.append(m)
        print(f"{slug:45s} kept {len(records):4d}  dups {len(dups):3d}  reserved-copies {reserved}")
    groups = sorted({m["sourceGroup"] for m in manifest if m["poisoned"]})
    doc = {"generated": today, "script": "scripts/corpus/attacks/build.py",
           "note": "Attack half of the real-world corpus: poisoned definitions (and a few benign hard negatives) "
                   "extracted verbatim from public sources. Reserved evaluation repositories are never used.",
           "totals": {**totals, "sources": len(manifest), "independentGroupsWithPoisoned": len(groups)},
           "sources": manifest}
    ov = os.path.join(OUT, "own-variants", "own-variants.json")
    if os.path.exists(ov):
        recs = json.load(open(ov, encoding="utf-8"))["records"]
        by = {}
        for r in recs:
            by[r["class"]] = by.get(r["class"], 0) + 1
        doc["ownVariants"] = {"file": "own-variants/own-variants.json", "kind": "own-variant",
                              "script": "scripts/corpus/attacks/own_variants.py", "records": len(recs), "byClass": by,
                              "note": "written by us; scored separately; never a source and never in LOSO source counts"}
    with open(os.path.join(OUT, "manifest-attacks.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(json.dumps(doc["totals"]))


if __name__ == "__main__":
    main()
