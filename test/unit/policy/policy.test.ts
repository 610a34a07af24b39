import assert from 'node:assert/strict';
import { automaticFix } from '../../../src/core/engine/fixes';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { applyTextEdits } from '../../../src/core/policy/applyEdits';
import { approveEdit, createPolicyFromServers, policyEntryFor } from '../../../src/core/policy/approve';
import { evaluatePolicy, versionAllowed } from '../../../src/core/policy/evaluate';
import { imageNames } from '../../../src/core/policy/identity';
import { readPolicy } from '../../../src/core/policy/read';
import { disableServerEdit } from '../../../src/core/policy/serverEdits';
import { lintWithPolicy, policyOf } from './policyHelpers';

const servers = (entries: Record<string, unknown>) => loadConfigText(JSON.stringify({ mcpServers: entries }, null, 2), { path: '/p/.cursor/mcp.json' }).servers;

test('readPolicy reports problems where they are and keeps the valid entries', () => {
  const text =
    '{\n  // team policy\n  "allow": [{"package": "@modelcontextprotocol/*"}, {"pkg": "x"}, {"reason": "no matcher"}, 3],\n  "deny": {"name": "x"},\n  "extra": 1,\n  "acceptedFlows": [{"servers": ["a", "b"], "reason": "reviewed"}],\n}';
  const { policy, problems } = readPolicy(text, 'p.json');
  assert.deepEqual(policy!.allow, [{ package: ['@modelcontextprotocol/*'] }]);
  assert.deepEqual(policy!.deny, []);
  assert.deepEqual(policy!.acceptedFlows, [{ servers: ['a', 'b'], reason: 'reviewed' }]);
  assert.deepEqual(
    problems.map((p) => text.slice(p.offset, p.offset + p.length)),
    ['"pkg"', '{"reason": "no matcher"}', '3', '{"name": "x"}', '"extra"'],
  );
});

test('readPolicy: not JSON, or not an object', () => {
  assert.equal(readPolicy('{"allow": [', 'p').policy, undefined);
  assert.match(readPolicy('[]', 'p').problems[0]!.message, /JSON object/);
  assert.equal(readPolicy('{}', 'p').policy!.allow, undefined, 'no allow key: no allow-list');
});

test('image names match with and without docker.io and library/', () => {
  assert.deepEqual(imageNames('mcp/fetch'), ['mcp/fetch', 'docker.io/mcp/fetch']);
  assert.deepEqual(imageNames('node'), ['node', 'docker.io/library/node', 'library/node']);
  assert.deepEqual(imageNames('docker.io/library/node'), ['docker.io/library/node', 'library/node', 'node']);
  assert.deepEqual(imageNames('ghcr.io/o/x'), ['ghcr.io/o/x']);
});

test('versionAllowed: exact, ranges, PyPI and Go forms', () => {
  assert.ok(versionAllowed('1.2.3', '1.2.3'));
  assert.ok(versionAllowed('1.2.3', '^1.0.0'));
  assert.ok(!versionAllowed('2.0.0', '^1.0.0'));
  assert.ok(versionAllowed('v1.4.0', '>=1.2 <2'));
  assert.ok(versionAllowed('0.6', '0.6.x'), 'two-part PyPI versions are read as x.y.0');
  assert.ok(versionAllowed('2025.4.8', '2025.4.8 || 2025.5.0'));
  assert.ok(!versionAllowed('1.0.0-beta.1', '^1.0.0'), 'prereleases need an explicit range');
  assert.ok(versionAllowed('1.0rc1', '1.0rc1'), 'unparseable versions compare as written');
});

test('evaluatePolicy states', () => {
  const [gh, img] = servers({ gh: { command: 'npx', args: ['@s/gh@1.2.0'] }, img: { command: 'docker', args: ['run', 'mcp/x:2.0'] } });
  assert.deepEqual(evaluatePolicy(policyOf({ allow: [{ package: '@s/gh' }] }), gh!), { state: 'approved', entry: 0 });
  assert.deepEqual(evaluatePolicy(policyOf({ deny: [{ package: 'other' }] }), gh!), { state: 'not-denied' });
  assert.deepEqual(evaluatePolicy(policyOf({ allow: [{ image: 'mcp/x', versions: '^2.0.0' }] }), img!), { state: 'approved', entry: 0 });
  assert.deepEqual(evaluatePolicy(policyOf({ allow: [{ image: 'mcp/x', versions: '3.0.0' }] }), img!), {
    state: 'version-not-allowed',
    entry: 0,
    allowed: '3.0.0',
    version: '2.0',
  });
  assert.deepEqual(evaluatePolicy(policyOf({ allow: [{ name: '*' }], deny: [{ package: '@s/gh', versions: '<=1.2.0' }] }), gh!), { state: 'denied', entry: 0 });
});

test('policyEntryFor: package, image, URL without query, or command line', () => {
  const [a, b, c, d] = servers({
    a: { command: 'uvx', args: ['--from', 'mcp-server-git==1', 'mcp-server-git'] },
    b: { command: 'docker', args: ['run', 'ghcr.io/o/x:1'] },
    c: { url: 'https://mcp.example.com/mcp?token=FAKE0000' },
    d: { command: 'node', args: ['/opt/s.js'] },
  });
  assert.deepEqual(policyEntryFor(a!), { name: 'a', package: 'mcp-server-git' });
  assert.deepEqual(policyEntryFor(b!), { name: 'b', image: 'ghcr.io/o/x' });
  assert.deepEqual(policyEntryFor(c!), { name: 'c', url: 'https://mcp.example.com/mcp' });
  assert.deepEqual(policyEntryFor(d!), { name: 'd', command: 'node /opt/s.js' });
});

test('approveEdit appends to allow, keeping comments; the server is then approved', () => {
  const [gh] = servers({ gh: { command: 'npx', args: ['@s/gh'] } });
  const text = '{\n  // reviewed by security\n  "allow": [\n    { "package": "@modelcontextprotocol/*" } // official\n  ]\n}\n';
  const out = applyTextEdits(text, approveEdit(text, gh!));
  assert.ok(out.startsWith('{\n  // reviewed by security\n  "allow": [\n    { "package": "@modelcontextprotocol/*" }'));
  assert.ok(out.includes('// official'));
  assert.deepEqual(evaluatePolicy(policyOf(out), gh!), { state: 'approved', entry: 1 });
});

test('approveEdit adds allow when absent, and creates a policy from nothing', () => {
  const [gh] = servers({ gh: { command: 'npx', args: ['@s/gh'] } });
  const out = applyTextEdits('{ "deny": [] }', approveEdit('{ "deny": [] }', gh!));
  assert.deepEqual(JSON.parse(out), { deny: [], allow: [{ name: 'gh', package: '@s/gh' }] });
  const fresh = applyTextEdits('', approveEdit('', gh!));
  assert.deepEqual(JSON.parse(fresh), { version: 1, allow: [{ name: 'gh', package: '@s/gh' }], deny: [], acceptedFlows: [] });
  assert.throws(() => approveEdit('{"allow": [', gh!), /not valid JSON/);
  assert.throws(() => approveEdit('{"allow": {}}', gh!), /not a list/);
});

test('createPolicyFromServers approves everything installed, once', () => {
  const all = [
    ...servers({ b: { command: 'npx', args: ['pkg-b@1.0.0'] }, a: { url: 'https://x.example/mcp' } }),
    ...servers({ b: { command: 'npx', args: ['pkg-b'] } }),
  ];
  const text = createPolicyFromServers(all);
  assert.deepEqual(JSON.parse(text).allow, [
    { name: 'a', url: 'https://x.example/mcp' },
    { name: 'b', package: 'pkg-b' },
  ]);
  const policy = policyOf(text);
  for (const s of all) assert.equal(evaluatePolicy(policy, s).state, 'approved');
});

test('disable on a one-line JSON server object', () => {
  const text = '{"mcpServers": {"a": {"command": "x"}, "b": {"command": "y"}}}';
  const file = loadConfigText(text, { path: '/p/.roo/mcp.json' });
  const out = applyTextEdits(text, disableServerEdit(file, file.servers[0]!)!);
  assert.deepEqual(JSON.parse(out), { mcpServers: { a: { command: 'x', disabled: true }, b: { command: 'y' } } });
  assert.ok(out.endsWith('"b": {"command": "y"}}}'), 'the rest is untouched');
});

test('unapproved-server offers Disable where the client has a flag, and Remove', () => {
  const text = '{"mcpServers": {"a": {"command": "npx", "args": ["x"]}, "b": {"command": "y"}}}';
  const roo = lintWithPolicy('/p/.roo/mcp.json', text, { allow: [{ name: 'b' }] });
  assert.deepEqual(
    roo.map((f) => f.fixes.map((x) => x.title)),
    [['Disable server "a"', 'Remove server "a"']],
  );
  assert.deepEqual(
    roo[0]!.fixes.map((f) => f.preferred === true),
    [true, false],
    'disabling (reversible) is the preferred fix',
  );
  assert.equal(automaticFix(roo[0]!), undefined, 'no fix is applied without asking: the rule only suggests');
  const cursor = lintWithPolicy('/p/.cursor/mcp.json', text, { allow: [{ name: 'b' }] });
  assert.deepEqual(
    cursor.map((f) => f.fixes.map((x) => x.title)),
    [['Remove server "a"']],
  );
  assert.deepEqual(JSON.parse(applyTextEdits(text, cursor[0]!.fixes[0]!.edits)), { mcpServers: { b: { command: 'y' } } });
  assert.deepEqual((cursor[0]!.data as { approval: unknown }).approval, { state: 'unlisted' });
});

test('readPolicy keeps accepted flows (with kinds) for the flow analysis and reports incomplete ones', () => {
  const text = JSON.stringify({
    acceptedFlows: [{ servers: ['github'], kinds: ['data-leak'], reason: 'reviewed' }, { servers: ['x'] }, { servers: [], reason: 'r' }],
  });
  const { policy, problems } = readPolicy(text, 'p');
  assert.deepEqual(policy!.acceptedFlows, [{ servers: ['github'], kinds: ['data-leak'], reason: 'reviewed' }]);
  assert.equal(problems.length, 2);
});
