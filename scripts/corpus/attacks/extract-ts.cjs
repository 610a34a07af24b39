#!/usr/bin/env node
// Extract MCP tool definitions from TypeScript/JavaScript source text without running it (TypeScript parser only).
// Recognised shapes:
//   * server.tool("name", "description", { zod shape }, handler)  and  server.registerTool("name", { description,
//     inputSchema }, handler)
//   * object literals with string `name` and `description` (tool lists, ListTools handlers), with `inputSchema`
//     converted from JSON-like literals or zod shapes (type from z.<type>(), text from .describe("…")).
// Strings from literals, template literals over file-level constants, and `+` concatenation are resolved; anything
// else is left out rather than guessed.
// Usage: node extract-ts.cjs FILE...   (prints JSON to stdout)
const fs = require('fs');
const ts = require(require.resolve('typescript', { paths: [process.cwd(), '/work/main'] }));

function extract(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const consts = new Map();
  const U = Symbol('unresolved');
  function ev(n) {
    if (!n) return U;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
    if (ts.isNumericLiteral(n)) return Number(n.text);
    if (n.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (n.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (n.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || (ts.isSatisfiesExpression && ts.isSatisfiesExpression(n))) return ev(n.expression);
    if (ts.isIdentifier(n)) return consts.has(n.text) ? consts.get(n.text) : U;
    if (ts.isTemplateExpression(n)) {
      let s = n.head.text;
      for (const sp of n.templateSpans) {
        const v = ev(sp.expression);
        if (v === U) return U;
        s += String(v) + sp.literal.text;
      }
      return s;
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = ev(n.left),
        b = ev(n.right);
      return a === U || b === U ? U : a + b;
    }
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.MinusToken) {
      const v = ev(n.operand);
      return v === U ? U : -v;
    }
    if (ts.isArrayLiteralExpression(n)) {
      const a = n.elements.map(ev);
      return a.includes(U) ? U : a;
    }
    if (ts.isObjectLiteralExpression(n)) {
      const o = {};
      for (const p of n.properties) {
        if (!ts.isPropertyAssignment(p)) return U;
        const k = propName(p.name);
        if (k === U) return U;
        const v = ev(p.initializer);
        if (v === U) return U;
        o[k] = v;
      }
      return o;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const m = n.expression.name.text;
      if ((m === 'trim' || m === 'trimStart' || m === 'trimEnd') && n.arguments.length === 0) {
        const v = ev(n.expression.expression);
        return typeof v === 'string' ? v[m]() : U;
      }
      if (m === 'join' && ts.isArrayLiteralExpression(n.expression.expression)) {
        const a = ev(n.expression.expression);
        const sep = n.arguments.length ? ev(n.arguments[0]) : ',';
        return a === U || sep === U ? U : a.join(sep);
      }
    }
    return U;
  }
  function propName(n) {
    if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
    return U;
  }
  // zod shape -> JSON schema (best effort; unknown pieces leave the property without a type)
  function zod(n) {
    const chain = [];
    let cur = n;
    while (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
      chain.unshift({ m: cur.expression.name.text, args: cur.arguments });
      cur = cur.expression.expression;
    }
    if (!(ts.isIdentifier(cur) && cur.text === 'z')) return U;
    const s = {};
    let optional = false;
    for (const { m, args } of chain) {
      if (['string', 'number', 'boolean', 'array', 'object'].includes(m)) {
        s.type = m;
        if (m === 'object' && args[0] && ts.isObjectLiteralExpression(args[0])) Object.assign(s, zodShape(args[0]));
        if (m === 'array' && args[0]) {
          const it = zod(args[0]);
          if (it !== U) s.items = it.schema;
        }
      } else if (m === 'enum' && args[0]) {
        const v = ev(args[0]);
        if (v !== U) {
          s.type = 'string';
          s.enum = v;
        }
      } else if (m === 'literal' && args[0]) {
        const v = ev(args[0]);
        if (v !== U) s.const = v;
      } else if (m === 'int') s.type = 'integer';
      else if (m === 'describe' && args[0]) {
        const v = ev(args[0]);
        if (v !== U) s.description = v;
      } else if (m === 'default' && args[0]) {
        const v = ev(args[0]);
        if (v !== U) s.default = v;
        optional = true;
      } else if (m === 'optional' || m === 'nullish') optional = true;
      else if (m === 'record' || m === 'any' || m === 'unknown') {
        if (m === 'record') s.type = 'object';
      }
    }
    return { schema: s, optional };
  }
  function zodShape(obj) {
    const properties = {};
    const required = [];
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p)) return U;
      const k = propName(p.name);
      if (k === U) return U;
      const z = zod(p.initializer);
      if (z === U) {
        const v = ev(p.initializer);
        if (v === U) return U;
        properties[k] = v;
        continue;
      }
      properties[k] = z.schema;
      if (!z.optional) required.push(k);
    }
    const s = { type: 'object', properties };
    if (required.length) s.required = required;
    return s;
  }
  function schemaOf(n) {
    if (!n) return null;
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'object' &&
      ts.isIdentifier(n.expression.expression) &&
      n.expression.expression.text === 'z' &&
      n.arguments[0] &&
      ts.isObjectLiteralExpression(n.arguments[0])
    )
      return zodShape(n.arguments[0]);
    if (ts.isIdentifier(n) && consts.has(n.text)) return consts.get(n.text);
    if (!ts.isObjectLiteralExpression(n)) return null;
    const v = ev(n);
    if (v !== U) return v;
    const z = zodShape(n);
    return z === U ? null : z;
  }
  // pass 1: file-level consts
  (function collect(node) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const v = ev(node.initializer);
      if (v !== U) consts.set(node.name.text, v);
    }
    ts.forEachChild(node, collect);
  })(sf);
  collectAgain(sf); // second pass resolves constants built from later-declared ones
  function collectAgain(node) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !consts.has(node.name.text)) {
      const v = ev(node.initializer);
      if (v !== U) consts.set(node.name.text, v);
    }
    ts.forEachChild(node, collectAgain);
  }
  const out = [];
  const line = (n) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  (function walk(node) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const m = node.expression.name.text;
      const a = node.arguments;
      if (m === 'tool' && a.length >= 2) {
        const name = ev(a[0]);
        const second = ev(a[1]);
        if (typeof name === 'string') {
          let desc = typeof second === 'string' ? second : '';
          let schemaNode = typeof second === 'string' ? a[2] : a[1];
          if (schemaNode && (ts.isArrowFunction(schemaNode) || ts.isFunctionExpression(schemaNode))) schemaNode = null;
          out.push({ name, description: desc, inputSchema: schemaOf(schemaNode), line: line(node), via: 'server.tool' });
        }
      } else if (m === 'registerTool' && a.length >= 2 && ts.isObjectLiteralExpression(a[1])) {
        const name = ev(a[0]);
        let desc = U,
          sch = null,
          title;
        for (const p of a[1].properties)
          if (ts.isPropertyAssignment(p)) {
            const k = propName(p.name);
            if (k === 'description') desc = ev(p.initializer);
            if (k === 'title') title = ev(p.initializer);
            if (k === 'inputSchema') sch = schemaOf(p.initializer);
          }
        if (typeof name === 'string' && typeof desc === 'string')
          out.push({ name, description: desc, inputSchema: sch, ...(typeof title === 'string' ? { title } : {}), line: line(node), via: 'registerTool' });
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      let name = U,
        desc = U,
        sch = null;
      for (const p of node.properties)
        if (ts.isPropertyAssignment(p)) {
          const k = propName(p.name);
          if (k === 'name') name = ev(p.initializer);
          if (k === 'description') desc = ev(p.initializer);
          if (k === 'inputSchema' || k === 'input_schema' || k === 'parameters') sch = schemaOf(p.initializer);
        }
      if (typeof name === 'string' && typeof desc === 'string') out.push({ name, description: desc, inputSchema: sch, line: line(node), via: 'object' });
    }
    ts.forEachChild(node, walk);
  })(sf);
  return out;
}

const res = {};
for (const f of process.argv.slice(2)) {
  try {
    res[f] = extract(f, fs.readFileSync(f, 'utf8'));
  } catch (e) {
    res[f] = { error: String(e) };
  }
}
process.stdout.write(JSON.stringify(res, null, 1));
