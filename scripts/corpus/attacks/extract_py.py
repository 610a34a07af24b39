#!/usr/bin/env python3
"""Extract MCP tool definitions from Python source text without running it.

Reads one or more .py files (raw text taken from a public repository at a pinned commit) and prints a JSON list of
candidate definitions: {name, description, inputSchema, line, via}. Recognised shapes:
  * functions decorated with `@<x>.tool(...)` (FastMCP style): name/description from the decorator's keywords or the
    function name and docstring; inputSchema from the parameters (types, defaults, Field(description=...)).
  * `Tool(name=..., description=..., inputSchema=...)` calls (mcp.types.Tool and look-alikes).
  * dict literals that have string "name" and "description" keys (tool lists kept as data).
Strings built from module-level constants, concatenation, implicit joins and f-strings over constants are resolved;
anything not resolvable statically is left out rather than guessed.

Usage: extract_py.py FILE...   (prints JSON to stdout)
"""
import ast
import json
import sys

TYPE_MAP = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array",
            "dict": "object", "List": "array", "Dict": "object", "Any": None, "Optional": None}


class Unresolved(Exception):
    pass


class Ev:
    def __init__(self, tree):
        self.consts = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    self.consts[node.targets[0].id] = self.ev(node.value)
                except Unresolved:
                    pass
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                try:
                    self.consts[node.target.id] = self.ev(node.value)
                except Unresolved:
                    pass

    def ev(self, n):
        if isinstance(n, ast.Constant):
            return n.value
        if isinstance(n, ast.Name):
            if n.id in self.consts:
                return self.consts[n.id]
            raise Unresolved(n.id)
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
            a, b = self.ev(n.left), self.ev(n.right)
            if isinstance(a, str) and isinstance(b, str):
                return a + b
            raise Unresolved("add")
        if isinstance(n, ast.JoinedStr):
            out = []
            for v in n.values:
                if isinstance(v, ast.Constant):
                    out.append(str(v.value))
                elif isinstance(v, ast.FormattedValue):
                    try:
                        out.append(str(self.ev(v.value)))
                    except Unresolved:
                        # runtime value (flag, config): keep the source expression as a visible placeholder
                        out.append("{" + ast.unparse(v.value) + "}")
            return "".join(out)
        if isinstance(n, ast.Dict):
            d = {}
            for k, v in zip(n.keys, n.values):
                if k is None:
                    raise Unresolved("splat")
                key = self.ev(k)
                if not isinstance(key, (str, int, float, bool)):
                    raise Unresolved("key")
                d[key] = self.ev(v)
            return d
        if isinstance(n, (ast.List, ast.Tuple)):
            return [self.ev(e) for e in n.elts]
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "strip" and not n.args:
            v = self.ev(n.func.value)
            if isinstance(v, str):
                return v.strip()
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "dedent" and n.args:
            import textwrap
            return textwrap.dedent(self.ev(n.args[0]))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "dedent" and n.args:
            import textwrap
            return textwrap.dedent(self.ev(n.args[0]))
        raise Unresolved(type(n).__name__)

    def try_ev(self, n):
        try:
            return self.ev(n)
        except Unresolved:
            return None


def ann_name(a):
    if a is None:
        return None
    if isinstance(a, ast.Name):
        return a.id
    if isinstance(a, ast.Attribute):
        return a.attr
    if isinstance(a, ast.Subscript):
        base = ann_name(a.value)
        if base in ("Optional",):
            return ann_name(a.slice)
        if base == "Annotated":
            elts = a.slice.elts if isinstance(a.slice, ast.Tuple) else [a.slice]
            return ann_name(elts[0])
        return base
    if isinstance(a, ast.Constant) and isinstance(a.value, str):
        return a.value
    if isinstance(a, ast.BinOp):  # str | None
        return ann_name(a.left)
    return None


def field_desc(ev, node):
    """description=... of a pydantic Field(...) call, or None."""
    if isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "Field" or getattr(node.func, "attr", None) == "Field"):
        for kw in node.keywords:
            if kw.arg == "description":
                return ev.try_ev(kw.value)
    return None


def schema_from_args(ev, fn):
    args = fn.args
    props, required = {}, []
    pos = args.args
    defaults = [None] * (len(pos) - len(args.defaults)) + list(args.defaults)
    allargs = list(zip(pos, defaults)) + list(zip(args.kwonlyargs, args.kw_defaults))
    for a, d in allargs:
        if a.arg in ("self", "ctx", "context") or ann_name(a.annotation) == "Context":
            continue
        p = {}
        t = TYPE_MAP.get(ann_name(a.annotation) or "", None)
        if t:
            p["type"] = t
        desc = None
        if isinstance(a.annotation, ast.Subscript) and ann_name(a.annotation.value) == "Annotated":
            elts = a.annotation.slice.elts if isinstance(a.annotation.slice, ast.Tuple) else []
            for e in elts[1:]:
                desc = desc or field_desc(ev, e) or (ev.try_ev(e) if isinstance(e, ast.Constant) else None)
        if d is not None:
            fd = field_desc(ev, d)
            if fd:
                desc = fd
                # Field(default=...) or Field(...) with a default counts as optional
                has_default = any(k.arg == "default" for k in d.keywords) or (d.args and not (isinstance(d.args[0], ast.Constant) and d.args[0].value is Ellipsis))
                if not has_default:
                    required.append(a.arg)
            else:
                v = ev.try_ev(d)
                if v is not None and isinstance(v, (str, int, float, bool)):
                    p["default"] = v
        else:
            required.append(a.arg)
        if desc:
            p["description"] = desc
        props[a.arg] = p
    schema = {"type": "object", "properties": props}
    if required:
        schema["required"] = required
    return schema


def is_tool_decorator(d):
    f = d.func if isinstance(d, ast.Call) else d
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
    return name in ("tool", "add_tool", "register_tool", "mcp_tool")


def extract(text):
    tree = ast.parse(text)
    ev = Ev(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                if not is_tool_decorator(d):
                    continue
                name, desc, has_kw = node.name, None, False
                if isinstance(d, ast.Call):
                    for kw in d.keywords:
                        if kw.arg == "name":
                            name = ev.try_ev(kw.value) or name
                        if kw.arg == "description":
                            has_kw = True
                            desc = ev.try_ev(kw.value)
                    if d.args and isinstance(ev.try_ev(d.args[0]), str):
                        name = ev.try_ev(d.args[0])
                if desc is None and has_kw:
                    print(f"unresolved description for {name} at line {node.lineno}", file=sys.stderr)
                    continue
                if desc is None:
                    desc = ast.get_docstring(node, clean=True) or ""
                out.append({"name": name, "description": desc, "inputSchema": schema_from_args(ev, node),
                            "line": node.lineno, "via": "decorator"})
        elif isinstance(node, ast.Call):
            fname = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if fname in ("add_tool", "register_tool") and any(kw.arg == "description" for kw in node.keywords):
                kws = {kw.arg: kw.value for kw in node.keywords if kw.arg}
                name = ev.try_ev(kws["name"]) if "name" in kws else None
                desc = ev.try_ev(kws["description"])
                if isinstance(name, str) and isinstance(desc, str):
                    out.append({"name": name, "description": desc, "inputSchema": None, "line": node.lineno,
                                "via": "add_tool()"})
            if fname in ("Tool", "MCPTool", "ToolDefinition"):
                kws = {kw.arg: kw.value for kw in node.keywords if kw.arg}
                name = ev.try_ev(kws["name"]) if "name" in kws else None
                desc = ev.try_ev(kws["description"]) if "description" in kws else None
                if isinstance(name, str) and isinstance(desc, str):
                    sch = None
                    for k in ("inputSchema", "input_schema", "parameters"):
                        if k in kws:
                            sch = ev.try_ev(kws[k])
                    out.append({"name": name, "description": desc, "inputSchema": sch, "line": node.lineno, "via": "Tool()"})
        elif isinstance(node, ast.Dict):
            keys = [ev.try_ev(k) if k is not None else None for k in node.keys]
            if "name" in keys and "description" in keys:
                vals = dict(zip(keys, node.values))
                name, desc = ev.try_ev(vals["name"]), ev.try_ev(vals["description"])
                if isinstance(name, str) and isinstance(desc, str):
                    sch = None
                    for k in ("inputSchema", "input_schema", "parameters"):
                        if k in vals:
                            sch = ev.try_ev(vals[k])
                    out.append({"name": name, "description": desc, "inputSchema": sch, "line": node.lineno, "via": "dict"})
    return out


if __name__ == "__main__":
    res = {}
    for f in sys.argv[1:]:
        try:
            res[f] = extract(open(f, encoding="utf-8", errors="replace").read())
        except SyntaxError as e:
            res[f] = {"error": str(e)}
    json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
