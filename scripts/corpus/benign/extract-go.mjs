#!/usr/bin/env node
// Static extraction of MCP tool definitions from Go server source in a git mirror (issue 12). Nothing is compiled or
// run. Recognised shapes (mark3labs/mcp-go and wrappers around it):
//   mcp.NewTool("name", mcp.WithDescription("…"), mcp.WithString("p", mcp.Required(), mcp.Description("…")), …)
//   X.MustTool("name", "description", handler, …)  /  X.NewTool("name", "description", handler, …)
//   &mcp.Tool{Name: "name", Description: "…"}
// Names and descriptions are Go string literals (or constants / concatenations of them, resolved across the scanned
// files); anything computed at run time is skipped. Parameters declared with mcp.With<Type> become schema properties
// with their own Description text; parameters declared through struct tags are not reconstructed.
//
// usage: extract-go.mjs <git-dir> <owner/name> <dir-regex with one group> <slug-prefix> <sourceGroup>
//        [--official] [--license X] [--server-name-format "{dir}"]
import { execFileSync } from 'node:child_process';
import { slugify, makeRecord, writeCorpusFile, today } from './lib.mjs';

const argv = process.argv.slice(2);
const [gitDir, repo, dirRe, slugPrefix, sourceGroup] = argv;
const rest = argv.slice(5);
const flag = (n) => (rest.includes(n) ? rest[rest.indexOf(n) + 1] : undefined);
const official = rest.includes('--official');
const license = flag('--license');
const nameFmt = flag('--server-name-format') ?? '{dir}';
const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 256 << 20 });
const commit = git('rev-parse', 'HEAD').trim();
const paths = git('ls-tree', '-r', '--name-only', 'HEAD')
  .split('\n')
  .filter((p) => p.endsWith('.go') && !p.endsWith('_test.go') && !/(^|\/)(vendor|testdata|examples?|e2e)\//.test(p));

// ---- a tiny Go tokenizer: enough to split call arguments and read string literals ----
function tokenize(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      let value;
      try {
        value = JSON.parse(
          src
            .slice(i, j + 1)
            .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
            .replace(/\\'/g, "'"),
        );
      } catch {
        value = undefined;
      }
      toks.push({ t: 'str', v: value });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      toks.push({ t: 'str', v: src.slice(i + 1, j < 0 ? src.length : j).replace(/\r/g, '') });
      i = j < 0 ? src.length : j + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 'op', v: 'rune' });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j])) j++;
      toks.push({ t: 'id', v: src.slice(i, j) });
      i = j;
    } else if (/\s/.test(c)) i++;
    else {
      toks.push({ t: 'op', v: c });
      i++;
    }
  }
  return toks;
}

// Split tokens between matching brackets starting at index `open` into top-level comma-separated arguments.
function args(toks, open) {
  const closeOf = { '(': ')', '{': '}', '[': ']' };
  const stack = [];
  const out = [[]];
  for (let k = open; k < toks.length; k++) {
    const tk = toks[k];
    if (tk.t === 'op' && closeOf[tk.v]) {
      stack.push(closeOf[tk.v]);
      if (stack.length === 1) continue;
    } else if (tk.t === 'op' && tk.v === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return { list: out.filter((a) => a.length), end: k };
    } else if (tk.t === 'op' && tk.v === ',' && stack.length === 1) {
      out.push([]);
      continue;
    }
    out[out.length - 1].push(tk);
  }
  return { list: out.filter((a) => a.length), end: toks.length };
}

const consts = new Map();
const files = paths.map((p) => ({ path: p, toks: tokenize(git('show', `HEAD:${p}`)) }));
for (const { toks } of files) {
  for (let k = 0; k + 2 < toks.length; k++) {
    // NAME = "..." (const/var declarations, possibly concatenated)
    if (toks[k].t === 'id' && toks[k + 1].v === '=' && toks[k + 2].t === 'str' && toks[k - 1]?.v !== '.' && !consts.has(toks[k].v)) {
      const parts = [];
      let m = k + 2;
      while (toks[m]?.t === 'str') {
        parts.push(toks[m].v);
        if (toks[m + 1]?.v === '+' && toks[m + 2]?.t === 'str') m += 2;
        else break;
      }
      if (parts.every((p) => p !== undefined)) consts.set(toks[k].v, parts.join(''));
    }
  }
}

// Evaluate a string expression: literals, constants, pkg.Const and '+' concatenation.
function strOf(tokens) {
  let out = '';
  let expectValue = true;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k];
    if (expectValue) {
      if (tk.t === 'str' && tk.v !== undefined) out += tk.v;
      else if (tk.t === 'id' && tokens[k + 1]?.v === '.' && tokens[k + 2]?.t === 'id' && consts.has(tokens[k + 2].v)) {
        out += consts.get(tokens[k + 2].v);
        k += 2;
      } else if (tk.t === 'id' && consts.has(tk.v)) out += consts.get(tk.v);
      else return undefined;
      expectValue = false;
    } else if (tk.v === '+') expectValue = true;
    else return undefined;
  }
  return expectValue ? undefined : out;
}

// "mcp.WithDescription(...)" -> { fn: 'WithDescription', args: [...] }
function callOf(tokens) {
  let k = 0;
  if (tokens[0]?.t === 'id' && tokens[1]?.v === '.') k = 2;
  if (tokens[k]?.t !== 'id' || tokens[k + 1]?.v !== '(') return undefined;
  const { list } = args(tokens, k + 1);
  return { fn: tokens[k].v, args: list };
}

const TYPE = { WithString: 'string', WithNumber: 'number', WithBoolean: 'boolean', WithArray: 'array', WithObject: 'object', WithInteger: 'integer' };

function paramOf(call) {
  const name = strOf(call.args[0] ?? []);
  if (name === undefined) return undefined;
  const schema = { type: TYPE[call.fn] };
  let required = false;
  for (const opt of call.args.slice(1)) {
    const o = callOf(opt);
    if (!o) continue;
    if (o.fn === 'Description') {
      const d = strOf(o.args[0] ?? []);
      if (d !== undefined) schema.description = d;
    } else if (o.fn === 'Required') required = true;
    else if (o.fn === 'Enum') {
      const vals = o.args.map(strOf);
      if (vals.every((v) => v !== undefined)) schema.enum = vals;
    } else if (o.fn === 'DefaultString') {
      const d = strOf(o.args[0] ?? []);
      if (d !== undefined) schema.default = d;
    }
  }
  return { name, schema, required };
}

function toolFromNewTool(list) {
  const name = strOf(list[0] ?? []);
  if (name === undefined) return undefined;
  const item = { name };
  const properties = {};
  const required = [];
  const annotations = {};
  for (const opt of list.slice(1)) {
    const o = callOf(opt);
    if (!o) continue;
    if (o.fn === 'WithDescription') {
      const d = strOf(o.args[0] ?? []);
      if (d === undefined) return undefined;
      item.description = d;
    } else if (TYPE[o.fn]) {
      const p = paramOf(o);
      if (p) {
        properties[p.name] = p.schema;
        if (p.required) required.push(p.name);
      }
    } else if (o.fn === 'WithTitleAnnotation') {
      const t = strOf(o.args[0] ?? []);
      if (t !== undefined) annotations.title = t;
    } else if (/^With(ReadOnly|Destructive|Idempotent|OpenWorld)HintAnnotation$/.test(o.fn)) {
      const key = o.fn.replace(/^With/, '').replace(/Annotation$/, '');
      annotations[key[0].toLowerCase() + key.slice(1)] = o.args[0]?.[0]?.v === 'true';
    }
  }
  item.inputSchema = { type: 'object', properties, ...(required.length ? { required } : {}) };
  if (Object.keys(annotations).length) item.annotations = annotations;
  return item;
}

const rx = new RegExp(dirRe);
const byDir = new Map();
for (const { path, toks } of files) {
  const m = rx.exec(path);
  if (!m) continue;
  const found = [];
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== 'id' || (toks[k + 1]?.v !== '(' && toks[k + 1]?.v !== '{')) continue;
    if (tk.v === 'NewTool' && toks[k - 1]?.v === '.' && toks[k - 2]?.v === 'mcp') {
      const { list } = args(toks, k + 1);
      const item = toolFromNewTool(list);
      if (item) found.push(item);
    } else if ((tk.v === 'MustTool' || tk.v === 'NewTool' || tk.v === 'ConvertTool') && toks[k + 1].v === '(') {
      const { list } = args(toks, k + 1);
      const name = strOf(list[0] ?? []);
      const description = strOf(list[1] ?? []);
      if (name !== undefined && description !== undefined) {
        const item = toolFromNewTool([list[0], ...list.slice(3)]) ?? { name };
        found.push({ name, description, inputSchema: item.inputSchema, ...(item.annotations ? { annotations: item.annotations } : {}) });
      }
    } else if (tk.v === 'Tool' && toks[k + 1].v === '{' && toks[k - 1]?.v === '.' && toks[k - 2]?.v === 'mcp') {
      const { list } = args(toks, k + 1);
      const field = (f) => list.find((a) => a[0]?.v === f && a[1]?.v === ':');
      const n = field('Name');
      const d = field('Description');
      const name = n && strOf(n.slice(2));
      const description = d && strOf(d.slice(2));
      if (name && description !== undefined) found.push({ name, description, inputSchema: { type: 'object' } });
    }
  }
  if (!found.length) continue;
  if (!byDir.has(m[1])) byDir.set(m[1], { paths: [], items: [] });
  byDir.get(m[1]).paths.push(path);
  byDir.get(m[1]).items.push(...found);
}

let total = 0;
for (const [dir, { paths: used, items }] of [...byDir.entries()].sort()) {
  const seen = new Set();
  const unique = items.filter((i) => (seen.has(i.name) ? false : (seen.add(i.name), true)));
  const slug = dir ? `${slugPrefix}-${slugify(dir)}` : slugPrefix;
  const common = used.reduce((a, b) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  });
  const path = used.length === 1 ? used[0] : common.replace(/[^/]*$/, '');
  writeCorpusFile(slug, {
    source: {
      id: `repo:${repo}:${path}`,
      sourceGroup,
      kind: 'repo-code',
      repo,
      path,
      paths: used,
      commit,
      ...(license ? { license } : {}),
      retrieved: today(),
      method:
        'static extraction from Go source (scripts/corpus/benign/extract-go.mjs): names, descriptions and mcp.With<Type> ' +
        'parameter descriptions verbatim; parameters declared through struct tags are not reconstructed',
    },
    server: nameFmt.replace('{dir}', dir),
    official,
    records: unique.map((item) => makeRecord(slug, 'tool', item)),
  });
  total += unique.length;
  console.log(`${slug}: ${unique.length} records from ${used.length} files`);
}
console.log(`total ${total} records at ${commit}`);
