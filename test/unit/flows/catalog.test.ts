import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILTIN_TOOLS } from '../../../src/core/flows/catalog/builtins';
import { CATALOG } from '../../../src/core/flows/catalog/index';

test('catalog ids are unique and match keys are well formed and unshared', () => {
  const ids = CATALOG.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  const keys = CATALOG.flatMap((s) => s.match);
  assert.equal(new Set(keys).size, keys.length, 'a launch key belongs to one server');
  for (const key of keys) assert.match(key, /^(npm|pypi|docker|url|binary|goose):[^\s:]/, key);
});

test('no tool is listed twice in one server, and every server documents its source', () => {
  for (const server of [...CATALOG, ...Object.values(BUILTIN_TOOLS).map((b) => ({ id: b!.title, tools: b!.tools, source: b!.source }))]) {
    const names = server.tools.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, `duplicate tool in ${server.id}: ${names.filter((n, i) => names.indexOf(n) !== i)}`);
    assert.ok(server.source.length > 0, server.id);
  }
});

/** The installed reference servers register their tools with `registerTool("name"`: the catalog must know each. */
for (const [id, pkg] of [
  ['filesystem', 'server-filesystem'],
  ['memory', 'server-memory'],
] as const) {
  test(`catalog lists every tool of the installed @modelcontextprotocol/${pkg}`, () => {
    const source = readFileSync(join('node_modules', '@modelcontextprotocol', pkg, 'dist', 'index.js'), 'utf8');
    const registered = [...source.matchAll(/registerTool\(\s*"([a-z_]+)"/g)].map((m) => m[1]);
    assert.ok(registered.length > 5);
    const known = new Set(CATALOG.find((s) => s.id === id)!.tools.map((t) => t.name));
    assert.deepEqual(
      registered.filter((n) => !known.has(n!)),
      [],
    );
  });
}
