#!/usr/bin/env python3
"""Static extraction of MCP tool/prompt/resource definitions from Python server source in a git mirror (issue 12).

Python servers cannot be installed here, so their definitions are read from the source at a fixed commit:
  * FastMCP decorators: @mcp.tool(...), @app.tool, @server.prompt(...), @mcp.resource("uri") on a function;
    name = name= keyword or the function name; description = description= keyword or the docstring
    (inspect.cleandoc, as FastMCP 2 serves it; the low-level SDK keeps the raw indentation, the words are the same);
  * registrations mcp.tool(name=..., description=...)(fn) and mcp.add_tool(fn, name=..., description=...);
  * low-level types.Tool(name="...", description="...", inputSchema={literal dict}).
inputSchema for decorated functions is rebuilt from the signature: property names, pydantic Field(description=...)
texts and defaults are the source's own; JSON types are mapped from the annotations (approximate for complex types).
Descriptions that are not string literals (or module-level string constants / concatenations of them) are skipped,
never guessed.

usage: extract-python.py <git-dir> <owner/name> <server-dir-regex with one group> <slug-prefix> <sourceGroup>
       [--official] [--license X] [--server-name-format "AWS {dir}"] [--only-dirs a,b]
Prints one line per server; writes test/fixtures/tool-corpus-real/benign/<slug-prefix>-<dir>.json via lib conventions.
"""
import ast
import inspect
import json
import os
import re
import subprocess
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'tool-corpus-real', 'benign')

args = sys.argv[1:]
git_dir, repo, dir_re, slug_prefix, source_group = args[:5]
rest = args[5:]
official = '--official' in rest
license_ = rest[rest.index('--license') + 1] if '--license' in rest else None
name_fmt = rest[rest.index('--server-name-format') + 1] if '--server-name-format' in rest else '{dir}'
only_dirs = set(rest[rest.index('--only-dirs') + 1].split(',')) if '--only-dirs' in rest else None
min_records = int(rest[rest.index('--min') + 1]) if '--min' in rest else 1


def git(*a):
    return subprocess.run(['git', '--git-dir', git_dir, *a], capture_output=True, text=True, check=True).stdout


def slugify(t):
    return re.sub(r'^-+|-+$', '', re.sub(r'[^a-z0-9]+', '-', t.lower().lstrip('@')))


SKIP_PATH = re.compile(r'(^|/)(tests?|testing|examples?|samples?|docs?|benchmarks?|scripts)/|(^|/)test_[^/]*\.py$|_test\.py$|conftest\.py$')


def const_str(node, consts):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in consts:
        return consts[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = const_str(node.left, consts), const_str(node.right, consts)
        return a + b if a is not None and b is not None else None
    if isinstance(node, ast.JoinedStr):
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == 'strip' and not node.args:
        inner = const_str(node.func.value, consts)
        return inner.strip() if inner is not None else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == 'dedent':
        inner = const_str(node.args[0], consts) if node.args else None
        return inspect.cleandoc(inner) if inner is not None else None
    return None


def kw(call, name):
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


SIMPLE = {'str': 'string', 'int': 'integer', 'float': 'number', 'bool': 'boolean', 'list': 'array', 'List': 'array',
          'Sequence': 'array', 'set': 'array', 'tuple': 'array', 'dict': 'object', 'Dict': 'object', 'Mapping': 'object',
          'AnyUrl': 'string', 'datetime': 'string', 'date': 'string', 'Path': 'string', 'bytes': 'string'}


def ann_schema(node):
    """Maps an annotation to a JSON-schema fragment; returns (schema, optional, field_call)."""
    if node is None:
        return {}, False, None
    if isinstance(node, ast.Constant) and node.value is None:
        return {'type': 'null'}, True, None
    if isinstance(node, ast.Name):
        return ({'type': SIMPLE[node.id]} if node.id in SIMPLE else {}), False, None
    if isinstance(node, ast.Attribute):
        return ({'type': SIMPLE[node.attr]} if node.attr in SIMPLE else {}), False, None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        parts = [node.left, node.right]
        non_null = [p for p in parts if not (isinstance(p, ast.Constant) and p.value is None)]
        s, _, f = ann_schema(non_null[0]) if len(non_null) == 1 else ({}, False, None)
        return s, len(non_null) < len(parts), f
    if isinstance(node, ast.Subscript):
        base = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, 'attr', '')
        inner = node.slice
        elts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
        if base == 'Optional':
            s, _, f = ann_schema(elts[0])
            return s, True, f
        if base == 'Union':
            non_null = [e for e in elts if not (isinstance(e, ast.Constant) and e.value is None)]
            s = ann_schema(non_null[0])[0] if len(non_null) == 1 else {}
            return s, len(non_null) < len(elts), None
        if base == 'Annotated':
            s, opt, _ = ann_schema(elts[0])
            field = next((e for e in elts[1:] if isinstance(e, ast.Call) and getattr(e.func, 'id', getattr(e.func, 'attr', '')) == 'Field'), None)
            return s, opt, field
        if base == 'Literal':
            vals = [e.value for e in elts if isinstance(e, ast.Constant)]
            s = {'type': 'string' if all(isinstance(v, str) for v in vals) else 'integer' if all(isinstance(v, int) for v in vals) else None, 'enum': vals}
            return {k: v for k, v in s.items() if v is not None}, False, None
        if base in SIMPLE:
            s = {'type': SIMPLE[base]}
            if SIMPLE[base] == 'array' and elts:
                item = ann_schema(elts[0])[0]
                if item:
                    s['items'] = item
            return s, False, None
    return {}, False, None


def literal(node):
    try:
        return ast.literal_eval(node)
    except Exception:
        return None


def build_schema(fn, consts):
    props, required = {}, []
    a = fn.args
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    pairs = list(zip(positional, defaults)) + list(zip(a.kwonlyargs, a.kw_defaults))
    for arg, default in pairs:
        if arg.arg in ('self', 'cls', 'ctx', 'context'):
            continue
        ann_text = ast.unparse(arg.annotation) if arg.annotation is not None else ''
        if re.search(r'\bContext\b', ann_text):
            continue
        schema, optional, field = ann_schema(arg.annotation)
        schema = dict(schema)
        has_default = default is not None
        if isinstance(default, ast.Call) and getattr(default.func, 'id', getattr(default.func, 'attr', '')) == 'Field':
            field = default
            has_default = False
        if field is not None:
            desc = kw(field, 'description')
            d = const_str(desc, consts) if desc is not None else None
            if d is not None:
                schema['description'] = d
            fdefault = kw(field, 'default')
            if fdefault is None and field.args and not (isinstance(field.args[0], ast.Constant) and field.args[0].value is Ellipsis):
                fdefault = field.args[0]
            if fdefault is not None and not (isinstance(fdefault, ast.Constant) and fdefault.value is Ellipsis):
                has_default = True
                v = literal(fdefault)
                if v is not None or (isinstance(fdefault, ast.Constant) and fdefault.value is None):
                    schema['default'] = v
            elif kw(field, 'default_factory') is not None:
                has_default = True
        elif default is not None:
            v = literal(default)
            if v is not None or (isinstance(default, ast.Constant) and default.value is None):
                schema['default'] = v
        schema['title'] = arg.arg.replace('_', ' ').title()
        props[arg.arg] = schema
        if not has_default and not optional:
            required.append(arg.arg)
    out = {'type': 'object', 'properties': props}
    if required:
        out['required'] = required
    return out


def deco_kind(dec):
    target = dec.func if isinstance(dec, ast.Call) else dec
    if isinstance(target, ast.Attribute) and target.attr in ('tool', 'prompt', 'resource'):
        owner = ast.unparse(target.value)
        if re.search(r'(mcp|app|server|fastmcp|self\.\w+|\w*_mcp|\w*server\w*|router|toolset)$', owner, re.I):
            return target.attr
    if isinstance(target, ast.Name) and target.id in ('tool', 'mcp_tool'):
        return 'tool'
    return None


def module_consts(tree):
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            v = const_str(node.value, consts)
            if v is not None:
                consts[node.targets[0].id] = v
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            v = const_str(node.value, consts)
            if v is not None:
                consts[node.target.id] = v
    return consts


def module_funcs(tree, consts):
    funcs = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            funcs.setdefault(node.name, (node, consts))
    return funcs


def callee_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def extract_module(tree, server_funcs):
    consts = module_consts(tree)
    funcs = {**server_funcs, **module_funcs(tree, consts)}
    items = []

    def from_function(kind, fn, call, fn_consts=None):
        fn_consts = fn_consts or consts
        name_node = kw(call, 'name') if call is not None else None
        desc_node = kw(call, 'description') if call is not None else None
        name = const_str(name_node, consts) if name_node is not None else fn.name
        if name is None:
            return
        if desc_node is not None:
            desc = const_str(desc_node, consts)
            if desc is None:
                return
        else:
            doc = ast.get_docstring(fn, clean=True)
            desc = doc
        if desc is None and fn_consts is not consts:
            pass
        if kind == 'resource':
            uri_node = (call.args[0] if call is not None and call.args else kw(call, 'uri') if call is not None else None)
            uri = const_str(uri_node, consts) if uri_node is not None else None
            if uri is None:
                return
            item = {('uriTemplate' if '{' in uri else 'uri'): uri, 'name': name}
            if desc:
                item['description'] = desc
            items.append(('resourceTemplate' if '{' in uri else 'resource', item))
            return
        if kind == 'prompt':
            schema = build_schema(fn, fn_consts)
            arguments = [{'name': k, **({'description': v['description']} if 'description' in v else {}),
                          'required': k in schema.get('required', [])} for k, v in schema['properties'].items()]
            item = {'name': name}
            if desc:
                item['description'] = desc
            if arguments:
                item['arguments'] = arguments
            items.append(('prompt', item))
            return
        item = {'name': name}
        if desc:
            item['description'] = desc
        item['inputSchema'] = build_schema(fn, fn_consts)
        items.append(('tool', item))

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for dec in node.decorator_list:
                k = deco_kind(dec)
                if k:
                    from_function(k, node, dec if isinstance(dec, ast.Call) else None)
                    break
        elif isinstance(node, ast.Call):
            f = node.func
            # mcp.tool(name=..., description=...)(fn)
            if isinstance(f, ast.Call) and deco_kind(f) and node.args and callee_name(node.args[0]) in funcs:
                fn, fc = funcs[callee_name(node.args[0])]
                from_function(deco_kind(f), fn, f, fc)
            # mcp.add_tool(fn, name=..., description=...)
            elif isinstance(f, ast.Attribute) and f.attr == 'add_tool' and node.args and isinstance(node.args[0], (ast.Name, ast.Attribute)):
                fname = node.args[0].id if isinstance(node.args[0], ast.Name) else node.args[0].attr
                if fname in funcs:
                    fn, fc = funcs[fname]
                    from_function('tool', fn, node, fc)
            # types.Tool(name="...", description="...", inputSchema={...})
            elif (isinstance(f, ast.Name) and f.id == 'Tool') or (isinstance(f, ast.Attribute) and f.attr == 'Tool'):
                n, d, s = kw(node, 'name'), kw(node, 'description'), kw(node, 'inputSchema')
                name = const_str(n, consts) if n is not None else None
                desc = const_str(d, consts) if d is not None else None
                schema = literal(s) if s is not None else None
                if name and desc is not None:
                    tool = {'name': name, 'description': desc}
                    if isinstance(schema, dict):
                        tool['inputSchema'] = schema
                    items.append(('tool', tool))
    return items


# ---- hard-negative cues: same rules as lib.mjs (kept in sync by the manifest builder, which recomputes them) ----
def main():
    commit = git('rev-parse', 'HEAD').strip()
    paths = [p for p in git('ls-tree', '-r', '--name-only', 'HEAD').split('\n') if p.endswith('.py')]
    by_dir = {}
    rx = re.compile(dir_re)
    for p in paths:
        m = rx.search(p)
        if not m or SKIP_PATH.search(p[m.end():] if m.end() < len(p) else p):
            continue
        d = m.group(1)
        if only_dirs and d not in only_dirs:
            continue
        by_dir.setdefault(d, []).append(p)
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for d, files in sorted(by_dir.items()):
        items, used, trees = [], [], {}
        for p in files:
            try:
                trees[p] = ast.parse(git('show', f'HEAD:{p}'))
            except Exception:
                continue
        # a function registered from another module is resolved only when its name is defined once in the server
        defs = {}
        for t in trees.values():
            for k, v in module_funcs(t, module_consts(t)).items():
                defs.setdefault(k, []).append(v)
        server_funcs = {k: v[0] for k, v in defs.items() if len(v) == 1}
        for p, t in trees.items():
            try:
                got = extract_module(t, server_funcs)
            except Exception:
                continue
            if got:
                used.append(p)
                items.extend(got)
        seen, unique = set(), []
        for kind, item in items:
            key = (kind, item.get('name'), item.get('uri') or item.get('uriTemplate'))
            if key in seen:
                continue
            seen.add(key)
            unique.append((kind, item))
        if len(unique) < min_records:
            continue
        slug = f'{slug_prefix}-{slugify(d)}' if d else slug_prefix
        prefix = os.path.commonpath(used) if len(used) > 1 else used[0]
        doc = {
            'source': {
                'id': f'repo:{repo}:{prefix}',
                'sourceGroup': source_group,
                'kind': 'repo-code',
                'repo': repo,
                'path': prefix,
                'paths': used,
                'commit': commit,
                **({'license': license_} if license_ else {}),
                'retrieved': date.today().isoformat(),
                'method': 'static extraction from Python source (scripts/corpus/benign/extract-python.py): names and '
                          'descriptions verbatim (docstrings via inspect.cleandoc); inputSchema rebuilt from the '
                          'signature with the source\'s Field descriptions, JSON types approximate',
            },
            'server': name_fmt.format(dir=d),
            'official': official,
            'records': [{'id': f'{slug}/{"" if k == "tool" else k + ":"}{it.get("name")}', 'label': 'benign',
                         'hardNegative': False, 'kind': k, 'item': it} for k, it in unique],
        }
        with open(os.path.join(OUT, f'{slug}.json'), 'w') as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False)
            fh.write('\n')
        total += len(unique)
        print(f'{slug}: {len(unique)} records from {len(used)} files')
    print(f'total {total} records, {len(by_dir)} dirs scanned, commit {commit}')


main()
