#!/usr/bin/env node
// Static extraction of MCP tool definitions from TypeScript/JavaScript server source in a git mirror (issue 12), for
// servers that cannot be listed over stdio here (remote-only servers, monorepos, packages that need a live account).
// Parsed with the TypeScript compiler (no code is run). Recognised shapes:
//   server.tool('name', 'description', { zodShape }, handler)      server.tool('name', { zodShape }, handler)
//   server.registerTool('name', { title, description, inputSchema: zodShape | z.object(zodShape) }, handler)
//   registerTool({ name: 'x', description: '…', schema|inputSchema|parameters: zodShape })
//   literal tool objects { name: 'x', description: '…', inputSchema: { type: 'object', properties: {…} } }
// Names and descriptions are verbatim string literals (or constants / concatenations of them, resolved across the
// scanned files); a description that is computed at run time is skipped, never guessed. Zod shapes become JSON schema
// properties with their .describe() text; types are approximate.
//
// usage: extract-ts.mjs <git-dir> <owner/name> <dir-regex with one group> <slug-prefix> <sourceGroup>
//        [--official] [--license X] [--server-name-format "{dir}"] [--min N] [--exclude regex]
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { slugify, makeRecord, writeCorpusFile, today } from './lib.mjs';

const argv = process.argv.slice(2);
const [gitDir, repo, dirRe, slugPrefix, sourceGroup] = argv;
const rest = argv.slice(5);
const flag = (n) => (rest.includes(n) ? rest[rest.indexOf(n) + 1] : undefined);
const official = rest.includes('--official');
const license = flag('--license');
const nameFmt = flag('--server-name-format') ?? '{dir}';
const minRecords = Number(flag('--min') ?? 1);
const exclude = flag('--exclude') ? new RegExp(flag('--exclude')) : null;
const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 256 << 20 });

const SKIP = /(^|\/)(node_modules|dist|build|tests?|__tests__|examples?|fixtures|mocks?|e2e|evals?)\/|\.(test|spec|d)\.[cm]?[jt]sx?$/;
const commit = git('rev-parse', 'HEAD').trim();
const allPaths = git('ls-tree', '-r', '--name-only', 'HEAD')
  .split('\n')
  .filter((p) => /\.(c|m)?[jt]sx?$/.test(p) && !SKIP.test(p) && !(exclude && exclude.test(p)));

const rx = new RegExp(dirRe);
const byDir = new Map();
for (const p of allPaths) {
  const m = rx.exec(p);
  if (!m) continue;
  if (!byDir.has(m[1])) byDir.set(m[1], []);
  byDir.get(m[1]).push(p);
}

const sources = new Map();
function sourceOf(path) {
  if (!sources.has(path)) {
    let text = '';
    try {
      text = git('show', `HEAD:${path}`);
    } catch {}
    sources.set(path, text.length > 600_000 ? null : ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
  }
  return sources.get(path);
}

// Top-level `const X = expr` per file, for constants and shared zod params. A name resolves in the current file
// first, then in the other scanned files only when exactly one of them defines it (an import); never by guess.
const fileConsts = new Map();
const globalDefs = new Map();
for (const p of allPaths) {
  const sf = sourceOf(p);
  if (!sf) continue;
  const local = new Map();
  fileConsts.set(p, local);
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !local.has(node.name.text)) {
      local.set(node.name.text, node.initializer);
      if (!globalDefs.has(node.name.text)) globalDefs.set(node.name.text, []);
      globalDefs.get(node.name.text).push(node.initializer);
    }
    if (ts.isSourceFile(node) || ts.isVariableStatement(node) || ts.isVariableDeclarationList(node) || ts.isModuleBlock?.(node)) ts.forEachChild(node, visit);
  };
  visit(sf);
}
let currentFile = null;
const constIndex = {
  get(name) {
    const local = fileConsts.get(currentFile);
    if (local?.has(name)) return local.get(name);
    const defs = globalDefs.get(name);
    return defs?.length === 1 ? defs[0] : undefined;
  },
  has(name) {
    return this.get(name) !== undefined;
  },
};

function str(node, depth = 0) {
  if (!node || depth > 6) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return str(node.expression, depth + 1);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = str(node.left, depth + 1);
    const b = str(node.right, depth + 1);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const v = str(span.expression, depth + 1);
      if (v === undefined) return undefined;
      out += v + span.literal.text;
    }
    return out;
  }
  if (ts.isIdentifier(node) && constIndex.has(node.text)) return str(constIndex.get(node.text), depth + 1);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && constIndex.has(node.expression.text)) {
    const obj = resolve(constIndex.get(node.expression.text));
    return obj && ts.isObjectLiteralExpression(obj) ? str(prop(obj, node.name.text), depth + 1) : undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['trim', 'join'].includes(node.expression.name.text)) {
    if (node.expression.name.text === 'trim') return str(node.expression.expression, depth + 1)?.trim();
    const arr = node.expression.expression;
    const sep = node.arguments[0] ? str(node.arguments[0], depth + 1) : ',';
    if (ts.isArrayLiteralExpression(arr) && sep !== undefined) {
      const parts = arr.elements.map((e) => str(e, depth + 1));
      return parts.every((x) => x !== undefined) ? parts.join(sep) : undefined;
    }
  }
  return undefined;
}

function prop(obj, name) {
  if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && (p.name.text ?? p.name.getText()) === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return constIndex.get(name);
  }
  return undefined;
}

function resolve(node, depth = 0) {
  while (node && depth < 6 && ts.isIdentifier(node) && constIndex.has(node.text)) {
    node = constIndex.get(node.text);
    depth++;
  }
  while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node))) node = node.expression;
  return node;
}

const ZOD_TYPES = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
  enum: 'string',
  literal: undefined,
  record: 'object',
  date: 'string',
  bigint: 'integer',
  int: 'integer',
  url: 'string',
  email: 'string',
};

// Zod expression -> { schema, optional }
function zod(node, depth = 0) {
  node = resolve(node);
  if (!node || depth > 8) return { schema: {}, optional: false };
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const target = node.expression.expression;
    const isBase = ts.isIdentifier(target) && /^(z|zod|Type|t)$/.test(target.text);
    if (isBase) {
      const schema = ZOD_TYPES[method] ? { type: ZOD_TYPES[method] } : {};
      if (method === 'enum' && node.arguments[0]) {
        const arr = resolve(node.arguments[0]);
        if (arr && ts.isArrayLiteralExpression(arr)) {
          const vals = arr.elements.map((e) => str(e));
          if (vals.every((v) => v !== undefined)) schema.enum = vals;
        }
      }
      if (method === 'literal' && node.arguments[0]) {
        const v = str(node.arguments[0]);
        if (v !== undefined) schema.const = v;
      }
      if (method === 'array' && node.arguments[0]) {
        const item = zod(node.arguments[0], depth + 1).schema;
        if (Object.keys(item).length) schema.items = item;
      }
      if (method === 'object' && node.arguments[0]) Object.assign(schema, shape(node.arguments[0], depth + 1) ?? {});
      if (method === 'optional' && node.arguments[0]) return { schema: zod(node.arguments[0], depth + 1).schema, optional: true };
      return { schema, optional: false };
    }
    const inner = zod(target, depth + 1);
    const schema = { ...inner.schema };
    let optional = inner.optional;
    if (method === 'describe' && node.arguments[0]) {
      const d = str(node.arguments[0]);
      if (d !== undefined) schema.description = d;
    } else if (method === 'optional' || method === 'nullish') optional = true;
    else if (method === 'default') {
      optional = true;
      const a = node.arguments[0];
      if (a && (ts.isStringLiteral(a) || ts.isNumericLiteral(a) || a.kind === ts.SyntaxKind.TrueKeyword || a.kind === ts.SyntaxKind.FalseKeyword))
        schema.default = ts.isStringLiteral(a) ? a.text : ts.isNumericLiteral(a) ? Number(a.text) : a.kind === ts.SyntaxKind.TrueKeyword;
    } else if (method === 'int') schema.type = 'integer';
    else if (method === 'array') return { schema: { type: 'array', items: schema }, optional: false };
    return { schema, optional };
  }
  return { schema: {}, optional: false };
}

// An object literal of zod fields (or z.object({...})) -> JSON schema object
function shape(node, depth = 0) {
  node = resolve(node);
  if (!node) return undefined;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const m = node.expression.name.text;
    if (m === 'object' && node.arguments[0]) return shape(node.arguments[0], depth + 1);
    if (['strict', 'describe', 'passthrough', 'strip', 'extend', 'merge'].includes(m)) {
      const base = shape(node.expression.expression, depth + 1);
      if (m === 'extend' && node.arguments[0] && base) {
        const more = shape(node.arguments[0], depth + 1);
        if (more) {
          base.properties = { ...base.properties, ...more.properties };
          base.required = [...(base.required ?? []), ...(more.required ?? [])];
        }
      }
      if (m === 'describe' && base && node.arguments[0] && str(node.arguments[0]) !== undefined) base.description = str(node.arguments[0]);
      return base;
    }
    return undefined;
  }
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  // a literal JSON schema ({ type: 'object', properties: {...} }) is taken as data
  if (prop(node, 'properties') || str(prop(node, 'type')) === 'object') return literal(node);
  const properties = {};
  const required = [];
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      const spread = shape(p.expression, depth + 1);
      if (spread) {
        Object.assign(properties, spread.properties);
        required.push(...(spread.required ?? []));
      }
      continue;
    }
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const key = p.name.text ?? p.name.getText();
    const value = ts.isPropertyAssignment(p) ? p.initializer : constIndex.get(key);
    const { schema, optional } = zod(value, depth + 1);
    properties[key] = schema;
    if (!optional) required.push(key);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

// Evaluate a literal (object/array/string/number/bool/null); undefined where something is computed.
function literal(node, depth = 0) {
  node = resolve(node);
  if (!node || depth > 20) return undefined;
  const s = str(node);
  if (s !== undefined) return s;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand) && node.operator === ts.SyntaxKind.MinusToken) return -Number(node.operand.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) {
    const out = [];
    for (const e of node.elements) {
      if (ts.isSpreadElement(e)) {
        const v = literal(e.expression, depth + 1);
        if (!Array.isArray(v)) return undefined;
        out.push(...v);
        continue;
      }
      const v = literal(e, depth + 1);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const out = {};
    for (const p of node.properties) {
      if (ts.isSpreadAssignment(p)) {
        const v = literal(p.expression, depth + 1);
        if (!v || typeof v !== 'object') return undefined;
        Object.assign(out, v);
        continue;
      }
      if (!ts.isPropertyAssignment(p)) return undefined;
      const key = ts.isComputedPropertyName(p.name) ? undefined : p.name.text;
      if (key === undefined) return undefined;
      const v = literal(p.initializer, depth + 1);
      if (v === undefined) return undefined;
      out[key] = v;
    }
    return out;
  }
  return undefined;
}

function schemaFrom(node) {
  if (!node) return undefined;
  return shape(node) ?? literal(node);
}

function extractFile(sf) {
  const items = [];
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const a = node.arguments;
      if (/^(tool|registerTool|[a-z]\w*Tool)$/.test(method) && a.length >= 2 && str(a[0]) !== undefined) {
        const name = str(a[0]);
        let description;
        let schema;
        let title;
        let annotations;
        let ok = true;
        const cfgNode = resolve(a[1]);
        if (cfgNode && ts.isObjectLiteralExpression(cfgNode) && (prop(cfgNode, 'description') || prop(cfgNode, 'inputSchema'))) {
          const cfg = resolve(a[1]);
          const d = prop(cfg, 'description');
          description = d ? str(d) : undefined;
          if (d && description === undefined) ok = false;
          title = str(prop(cfg, 'title'));
          schema = schemaFrom(prop(cfg, 'inputSchema'));
          annotations = literal(prop(cfg, 'annotations'));
        } else {
          const second = str(a[1]);
          if (second !== undefined) {
            description = second;
            if (a.length >= 4) schema = schemaFrom(a[2]);
            else if (a.length === 3 && !ts.isArrowFunction(a[2]) && !ts.isFunctionExpression(a[2])) schema = schemaFrom(a[2]);
          } else if (ts.isObjectLiteralExpression(resolve(a[1])) && a.length >= 3) {
            schema = schemaFrom(a[1]);
          } else if (!ts.isArrowFunction(a[1])) ok = false;
        }
        if (ok && name) {
          const item = { name };
          if (title) item.title = title;
          if (description !== undefined) item.description = description;
          item.inputSchema = schema ?? { type: 'object', properties: {} };
          if (annotations) item.annotations = annotations;
          items.push(item);
        }
      } else if (a.length === 1 && ts.isObjectLiteralExpression(a[0]) && /^(registerTool|createTool|defineTool|tool|addTool)$/.test(method)) {
        const o = a[0];
        const name = str(prop(o, 'name'));
        const d = prop(o, 'description');
        const description = d ? str(d) : undefined;
        if (name && (!d || description !== undefined)) {
          const item = { name };
          if (description !== undefined) item.description = description;
          item.inputSchema = schemaFrom(prop(o, 'inputSchema') ?? prop(o, 'schema') ?? prop(o, 'parameters')) ?? { type: 'object', properties: {} };
          items.push(item);
        }
        return;
      }
    }
    // keyed tool definitions: const fooToolDefs = { tool_name: { description: '…', parameters: zodSchema }, … }
    if (ts.isPropertyAssignment(node) && !ts.isComputedPropertyName(node.name) && ts.isObjectLiteralExpression(node.initializer)) {
      const init = node.initializer;
      let holder = node.parent?.parent;
      while (
        holder &&
        !ts.isVariableDeclaration(holder) &&
        (ts.isAsExpression(holder) || ts.isSatisfiesExpression?.(holder) || ts.isParenthesizedExpression(holder))
      )
        holder = holder.parent;
      const d = prop(init, 'description');
      if (
        holder &&
        ts.isVariableDeclaration(holder) &&
        /tool/i.test(holder.name.getText()) &&
        d &&
        !prop(init, 'name') &&
        (prop(init, 'parameters') || prop(init, 'inputSchema'))
      ) {
        const description = str(d);
        if (description !== undefined) {
          const item = { name: node.name.text, description };
          item.inputSchema = schemaFrom(prop(init, 'parameters') ?? prop(init, 'inputSchema')) ?? { type: 'object', properties: {} };
          const ann = literal(prop(init, 'annotations'));
          if (ann) item.annotations = ann;
          items.push(item);
        }
      }
    }
    if (ts.isObjectLiteralExpression(node) && prop(node, 'name') && prop(node, 'description') && prop(node, 'inputSchema')) {
      const parent = node.parent;
      const isArgOfRegistration = parent && ts.isCallExpression(parent) && /registerTool|createTool|defineTool|addTool/.test(parent.expression.getText());
      const name = str(prop(node, 'name'));
      const description = str(prop(node, 'description'));
      if (!isArgOfRegistration && name && description !== undefined) {
        const schema = schemaFrom(prop(node, 'inputSchema'));
        const item = { name, description, inputSchema: schema ?? { type: 'object', properties: {} } };
        const ann = literal(prop(node, 'annotations'));
        if (ann) item.annotations = ann;
        items.push(item);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return items;
}

let total = 0;
for (const [dir, paths] of [...byDir.entries()].sort()) {
  const used = [];
  const items = [];
  for (const p of paths) {
    const sf = sourceOf(p);
    if (!sf) continue;
    currentFile = p;
    const got = extractFile(sf);
    if (got.length) {
      used.push(p);
      items.push(...got);
    }
  }
  const seen = new Set();
  const unique = items.filter((i) => (seen.has(i.name) ? false : (seen.add(i.name), true)));
  if (unique.length < minRecords) continue;
  const slug = dir ? `${slugPrefix}-${slugify(dir)}` : slugPrefix;
  const commonPrefix = used.reduce((a, b) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  });
  const path = used.length === 1 ? used[0] : commonPrefix.replace(/[^/]*$/, '');
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
        'static extraction from TypeScript/JavaScript source with the TypeScript parser (scripts/corpus/benign/extract-ts.mjs): ' +
        'names and descriptions verbatim; zod shapes turned into JSON schema with their .describe() texts, types approximate',
    },
    server: nameFmt.replace('{dir}', dir),
    official,
    records: unique.map((item) => makeRecord(slug, 'tool', item)),
  });
  total += unique.length;
  console.log(`${slug}: ${unique.length} records from ${used.length} files`);
}
console.log(`total ${total} records from ${byDir.size} dirs at ${commit}`);
