import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import { loadConfigText } from '../../../src/core/config/load';
import { minimalEdit, planMoveBack, planMoveToWarden } from '../../../src/core/served/moveServer';
import { secretNamesIn, secretNameFor, substituteSecrets } from '../../../src/core/served/references';
import { applyEdits } from '../helpers/ruleTester';

// Assembled at run time so no token-shaped literal sits in the repository.
const TOKEN = ['ghp', 'FAKE0000example0000FAKE0000example00'].join('_');

const SOURCE = `{
  // team servers
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
      "env": { "GITHUB_TOKEN": "${TOKEN}" }
    },
    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] }
  }
}
`;

test('moves the server, replaces the secret by a reference and keeps everything else', () => {
  const file = loadConfigText(SOURCE, { path: '/w/.vscode/mcp.json' });
  const server = file.servers.find((s) => s.name === 'github')!;
  const plan = planMoveToWarden(file, server, [{ value: TOKEN, name: 'github.GITHUB_TOKEN' }], undefined);
  assert.ok(plan.ok, plan.ok ? '' : plan.reason);
  const after = applyEdits(SOURCE, [plan.sourceEdit]);
  assert.ok(!after.includes(TOKEN), 'no plaintext left in mcp.json');
  assert.ok(!plan.wardenText.includes(TOKEN), 'no plaintext in the served file');
  assert.match(after, /\/\/ "github" is served by MCP Warden from \.vscode\/mcp-warden\.json/);
  assert.ok(after.includes('// team servers'), 'comments kept');
  const remaining = parse(after);
  assert.deepEqual(Object.keys(remaining.servers), ['memory']);
  assert.deepEqual(remaining.servers.memory, parse(SOURCE).servers.memory);
  const served = parse(plan.wardenText);
  assert.deepEqual(served.servers.github, { ...parse(SOURCE).servers.github, env: { GITHUB_TOKEN: '${secret:github.GITHUB_TOKEN}' } });
});

test('adds to an existing served file and refuses a name already there', () => {
  const file = loadConfigText(SOURCE, { path: '/w/.vscode/mcp.json' });
  const server = file.servers.find((s) => s.name === 'github')!;
  const existing = '{\n  "servers": {\n    "other": { "command": "x" }\n  }\n}\n';
  const plan = planMoveToWarden(file, server, [{ value: TOKEN, name: 'github.GITHUB_TOKEN' }], existing);
  assert.ok(plan.ok);
  assert.deepEqual(Object.keys(parse(plan.wardenText).servers), ['other', 'github']);
  const clash = planMoveToWarden(file, server, [{ value: TOKEN, name: 'github.GITHUB_TOKEN' }], plan.wardenText);
  assert.equal(clash.ok, false);
});

test('refuses servers that use ${input:…}', () => {
  const text = '{"servers": {"a": {"command": "x", "env": {"K": "${input:k}", "T": "' + TOKEN + '"}}}}';
  const file = loadConfigText(text, { path: '/w/.vscode/mcp.json' });
  const plan = planMoveToWarden(file, file.servers[0]!, [{ value: TOKEN, name: 'a.T' }], undefined);
  assert.equal(plan.ok, false);
});

test('secret references', () => {
  assert.equal(secretNameFor('my server', 'X-API-Key'), 'my_server.X-API-Key');
  assert.deepEqual(secretNamesIn('Bearer ${secret:a.B} and ${secret:c.D}'), ['a.B', 'c.D']);
  assert.deepEqual(
    substituteSecrets('Bearer ${secret:a.B}', (n) => (n === 'a.B' ? 'v' : undefined)),
    { value: 'Bearer v', missing: [] },
  );
  assert.deepEqual(
    substituteSecrets('${secret:x.Y}', () => undefined),
    { value: '${secret:x.Y}', missing: ['x.Y'] },
  );
});

test('minimalEdit covers only the changed middle', () => {
  assert.deepEqual(minimalEdit('abcXYZdef', 'abc12def'), { offset: 3, length: 3, newText: '12' });
  assert.equal(applyEdits('abcXYZdef', [minimalEdit('abcXYZdef', 'abc12def')]), 'abc12def');
});

test('moving back restores the server with its secret, and the note goes away', () => {
  const file = loadConfigText(SOURCE, { path: '/w/.vscode/mcp.json' });
  const plan = planMoveToWarden(
    file,
    file.servers.find((s) => s.name === 'github')!,
    [{ value: TOKEN, name: 'github.GITHUB_TOKEN' }],
    undefined,
  );
  assert.ok(plan.ok);
  const mcpAfter = applyEdits(SOURCE, [plan.sourceEdit]);
  const served = loadConfigText(plan.wardenText, { path: '/w/.vscode/mcp-warden.json' });
  assert.equal(served.client, 'mcp-warden');
  const back = planMoveBack(served, served.servers[0]!, new Map([['github.GITHUB_TOKEN', TOKEN]]), mcpAfter);
  assert.ok(back.ok, back.ok ? '' : back.reason);
  assert.deepEqual(parse(back.wardenText), parse(SOURCE));
  assert.ok(!back.wardenText.includes('served by MCP Warden'));
  assert.deepEqual(parse(applyEdits(plan.wardenText, [back.sourceEdit])).servers, {});
});

test('moving back leaves no "served by MCP Warden" note in the served file', () => {
  const file = loadConfigText(SOURCE, { path: '/w/.vscode/mcp.json' });
  const plan = planMoveToWarden(
    file,
    file.servers.find((s) => s.name === 'github')!,
    [{ value: TOKEN, name: 'github.GITHUB_TOKEN' }],
    undefined,
  );
  assert.ok(plan.ok);
  const served = loadConfigText(plan.wardenText, { path: '/w/.vscode/mcp-warden.json' });
  const back = planMoveBack(served, served.servers[0]!, new Map([['github.GITHUB_TOKEN', TOKEN]]), applyEdits(SOURCE, [plan.sourceEdit]));
  assert.ok(back.ok);
  const servedAfter = applyEdits(plan.wardenText, [back.sourceEdit]);
  assert.ok(!servedAfter.includes('is served by MCP Warden'), servedAfter);
  assert.match(servedAfter, /"servers": \{\n  \}\n\}\n$/);
});

test('removing the last server also removes the comma before it', () => {
  const text = '{\n  "servers": {\n    "a": { "command": "x" },\n    "b": { "command": "y", "env": { "T": "' + TOKEN + '" } }\n  }\n}\n';
  const file = loadConfigText(text, { path: '/w/.vscode/mcp.json' });
  const plan = planMoveToWarden(file, file.servers[1]!, [{ value: TOKEN, name: 'b.T' }], undefined);
  assert.ok(plan.ok);
  const after = applyEdits(text, [plan.sourceEdit]);
  assert.deepEqual(parse(after, [], { allowTrailingComma: false }), { servers: { a: { command: 'x' } } });
  assert.ok(after.includes('"a": { "command": "x" }\n'), after);
});
