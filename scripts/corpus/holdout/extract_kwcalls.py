#!/usr/bin/env python3
"""Extract tool definitions written as keyword calls in Python test code, e.g.
`ToolDefinition(tool_name="x", description="...", input_schema={...})` or `MCPTool(name=..., description=...)`, and
benchmark scenarios that replace a tool's description: `Scenario(..., description_override={"tool": "..."})`.

Only literal strings (and implicit/`+` concatenations of literals) are read; anything computed at run time (f-strings
over loop variables, function calls) is left out rather than guessed. Nothing is executed.

usage: extract_kwcalls.py FILE...   prints {file: [{name, description, inputSchema, line, via}]} as JSON
"""
import ast
import json
import sys

NAME_KEYS = ("tool_name", "name")
SCHEMA_KEYS = ("input_schema", "inputSchema", "parameters")


def lit(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool, type(None))):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = lit(node.left), lit(node.right)
        if isinstance(a, str) and isinstance(b, str):
            return a + b
        raise ValueError
    if isinstance(node, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in node.values):
        return "".join(v.value for v in node.values)
    if isinstance(node, ast.Dict):
        return {lit(k): lit(v) for k, v in zip(node.keys, node.values)}
    if isinstance(node, (ast.List, ast.Tuple)):
        return [lit(e) for e in node.elts]
    raise ValueError


def extract(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        if isinstance(kw.get("description_override"), ast.Dict):
            try:
                overrides = lit(kw["description_override"])
            except ValueError:
                overrides = {}
            for name, desc in overrides.items():
                if isinstance(name, str) and isinstance(desc, str):
                    out.append({"name": name, "description": desc, "inputSchema": None, "line": node.lineno,
                                "via": "description_override"})
        name_key = next((k for k in NAME_KEYS if k in kw), None)
        if not name_key or "description" not in kw:
            continue
        try:
            name, desc = lit(kw[name_key]), lit(kw["description"])
        except ValueError:
            continue
        if not isinstance(name, str) or not isinstance(desc, str):
            continue
        schema = None
        for k in SCHEMA_KEYS:
            if k in kw:
                try:
                    schema = lit(kw[k])
                except ValueError:
                    schema = None
        out.append({"name": name, "description": desc, "inputSchema": schema, "line": node.lineno, "via": "kwcall"})
    return out


if __name__ == "__main__":
    print(json.dumps({p: extract(p) for p in sys.argv[1:]}, ensure_ascii=False))
