#!/usr/bin/env python3
"""Candidates from a research-benchmark dataset file: MCPTox and MCP-SafetyBench poisoned tools.

The public repository xp4u1/mcp_security_tool_benchmark commits `data/dataset.json`, a merge of two published research
benchmarks: MCPTox (`dataset: data.mcptox`, one poisoned tool per instance, rendered as "Description: …\\nArguments:\\n-
name: text (required)") and MCP-SafetyBench (`dataset: data.mcpsafety`). Every tool there carries the benchmark's own
`malicious` flag and risk `category`. We keep the tools the benchmark marks malicious, except MCP-SafetyBench's
"Function Return Injection" (its description is clean; the attack is in the tool's output, which a definition scanner
never sees).

The primary class is derived by one fixed, documented rule from the text and the benchmark's category (first match wins):
  invisible characters -> invisible-characters; ANSI escapes -> ansi-escapes;
  a URL, e-mail address or curl/wget command -> exfiltration;
  a credential / key / system-account path -> sensitive-target;
  the benchmark says shadowing / message hijacking, or the text orders something about another named tool (before/after/when using X) -> shadowing;
  the benchmark says preference manipulation / function overlapping -> coercion;
  otherwise -> prompt-injection.
The benchmark's category is kept in each record (`sourceCategory`).

  from_benchmark_dataset.py DATASET_JSON REPO COMMIT PATH   (writes /tmp/h12cand/mcptox-….json and mcp-safetybench-….json)
"""
import json
import os
import re
import sys

CAND = os.environ.get("H12_CAND", "/tmp/h12cand")

INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")
URL = re.compile(r"https?://|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\bcurl\s|\bwget\s", re.I)
SECRET = re.compile(r"id_rsa|\.ssh\b|/etc/(shadow|passwd|sudoers)|\.aws|credential|\.env\b|private[ _-]?key|api[ _-]?key|"
                    r"access[ _-]?token|password|secret", re.I)
CROSS_TOOL = re.compile(r"\b(before|after|prior to|instead of)\b[^.]{0,80}\b(us(e|ing)|call(ing)?|invok(e|ing)|utiliz(e|ing))\b"
                        r"|\byou must (first )?call\b|\bmust first call\b"
                        r"|\bwhen(ever)?\s+(you\s+)?(use|using|call|calling|invoke|invoking)\s+(the\s+)?[`'\"]?(?!this\b)[A-Za-z]+[_A-Z`'\"]",
                        re.I)


def classify(text, category, own_name=""):
    if own_name:  # an order about the tool itself is not a cross-tool order
        text = re.sub(r"[`'\"]?" + re.escape(own_name) + r"[`'\"]?", "this tool", text)
    if INVISIBLE.search(text):
        return "invisible-characters"
    if "\x1b[" in text:
        return "ansi-escapes"
    if URL.search(text):
        return "exfiltration"
    if SECRET.search(text):
        return "sensitive-target"
    cat = (category or "").lower()
    if "shadow" in cat or "hijack" in cat or CROSS_TOOL.search(text):
        return "shadowing"
    if "preference" in cat or "overlapping" in cat:
        return "coercion"
    return "prompt-injection"


def split_mcptox(desc):
    """MCPTox renders 'description\\nArguments:\\n- name: text (required)'; return (description, inputSchema|None)."""
    text = desc.replace("\\n", "\n")
    m = re.search(r"\nArguments:\n?(.*)$", text, re.S)
    if not m:
        return text.strip(), None
    body, props, required = m.group(1), {}, []
    for line in body.splitlines():
        lm = re.match(r"\s*-\s*([^:]+?)\s*:\s*(.*)$", line)
        if not lm:
            continue
        name, pdesc = lm.group(1).strip(), lm.group(2).strip()
        if name.lower() == "no arguments":
            continue
        req = pdesc.endswith("(required)")
        pdesc = pdesc[: -len("(required)")].strip() if req else pdesc
        props[name] = {} if pdesc in ("", "No description", "None") else {"description": pdesc}
        if req:
            required.append(name)
    schema = {"type": "object", "properties": props}
    if required:
        schema["required"] = required
    return text[: m.start()].strip(), schema


def main(path, repo, commit, relpath):
    data = json.load(open(path, encoding="utf-8"))
    out = {"data.mcptox": [], "data.mcpsafety": []}
    for i, inst in enumerate(data):
        ds = inst["dataset"]
        for t in inst["server"]["tools"]:
            if not t.get("malicious"):
                continue
            if ds == "data.mcpsafety" and t.get("category") == "Function Return Injection":
                continue
            if ds == "data.mcptox":
                desc, schema = split_mcptox(t["description"])
                name = re.sub(r"^\d+_", "", t["name"]) if False else t["name"]
            else:
                desc, schema, name = t["description"], None, t["name"]
            out[ds].append({"name": name, "description": desc, "inputSchema": schema, "line": 0,
                            "via": f"{ds} instance {inst['id']} server {inst['server']['name']}", "path": relpath,
                            "class": classify(desc + " " + json.dumps(schema or {}), t.get("category"), name),
                            "sourceCategory": t.get("category"), "server": inst["server"]["name"]})
    for ds, slug in (("data.mcptox", "mcptox-via-xp4u1"), ("data.mcpsafety", "mcp-safetybench-via-xp4u1")):
        json.dump({"slug": slug, "repo": repo, "commit": commit, "candidates": out[ds]},
                  open(os.path.join(CAND, slug + ".json"), "w"), ensure_ascii=False, indent=1)
        print(slug, len(out[ds]))


if __name__ == "__main__":
    main(*sys.argv[1:5])
