import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { canRoute, routedLaunch, routeEdits, unrouteEdits } from '../../../src/core/gateway/route';
import { applyTextEdits } from '../../../src/core/policy/applyEdits';

const TEXT = `// lab
{
  "servers": {
    "notes": { "type": "stdio", "command": "node", "args": ["\${workspaceFolder}/notes.mjs", "--flag"], "env": { "A": "1" } },
    "remote": { "type": "http", "url": "http://127.0.0.1:1/mcp" }
  }
}
`;
const load = (text: string) => loadConfigText(text, { path: '/w/.vscode/mcp.json' });
const launcher = { command: 'node', args: ['/ext/dist/cli.js'] };

test('route through the gateway and back: the entry runs the gateway with its own command line after --, comments and other fields kept', () => {
  const file = load(TEXT);
  const notes = file.servers.find((s) => s.name === 'notes')!;
  assert.equal(canRoute(file, notes), true);
  assert.equal(
    canRoute(
      file,
      file.servers.find((s) => s.name === 'remote')!,
    ),
    false,
    'an HTTP entry has no command line to wrap',
  );
  const routedText = applyTextEdits(TEXT, routeEdits(file, notes, launcher, { lock: { path: '/w/.vscode/mcp-lock.json', key: 'vscode/notes' } })!);
  const routed = load(routedText);
  const entry = routed.servers.find((s) => s.name === 'notes')!;
  assert.equal(entry.command!.value, 'node');
  assert.deepEqual(
    entry.args.map((a) => a.value),
    [
      '/ext/dist/cli.js',
      'gateway',
      '--server',
      'notes',
      '--lock',
      '/w/.vscode/mcp-lock.json',
      '--lock-key',
      'vscode/notes',
      '--',
      'node',
      '${workspaceFolder}/notes.mjs',
      '--flag',
    ],
  );
  assert.ok(routedText.startsWith('// lab\n') && routedText.includes('"env": { "A": "1" }') && routedText.includes('"remote"'));
  assert.ok(routedLaunch(entry));
  assert.equal(canRoute(routed, entry), false, 'a routed entry is not routed twice');
  const back = load(applyTextEdits(routedText, unrouteEdits(routed, entry)!)).servers.find((s) => s.name === 'notes')!;
  assert.equal(back.command!.value, 'node');
  assert.deepEqual(
    back.args.map((a) => a.value),
    ['${workspaceFolder}/notes.mjs', '--flag'],
  );
  assert.equal(unrouteEdits(file, notes), undefined, 'an entry that is not routed has nothing to undo');
});

test('an entry whose args merely contain "gateway" is not taken for a routed one', () => {
  const file = load(`{"servers":{"g":{"command":"docker","args":["run","gateway","--","x"]}}}`);
  assert.equal(routedLaunch(file.servers[0]!), undefined);
  assert.equal(canRoute(file, file.servers[0]!), true);
});

test('every launcher the editor and the docs write is recognised, so "Stop routing" is offered and nothing is routed twice', () => {
  const launchers = [
    { command: 'node', args: ['/home/u/.vscode/extensions/mcp-warden.mcp-warden-0.2.0/dist/gateway.js'] },
    { command: 'node', args: ['C:\\Users\\u\\.vscode\\extensions\\mcp-warden.mcp-warden-0.2.0\\dist\\gateway.js'] },
    { command: 'npx', args: ['-y', 'mcp-warden@0.2.0'] },
    { command: 'mcp-warden', args: [] },
  ];
  for (const l of launchers) {
    const file = load(TEXT);
    const notes = file.servers.find((s) => s.name === 'notes')!;
    const routedText = applyTextEdits(TEXT, routeEdits(file, notes, l)!);
    const routed = load(routedText);
    const entry = routed.servers.find((s) => s.name === 'notes')!;
    assert.ok(routedLaunch(entry), `${l.command} ${l.args.join(' ')}`);
    assert.equal(canRoute(routed, entry), false);
    const back = load(applyTextEdits(routedText, unrouteEdits(routed, entry)!)).servers.find((s) => s.name === 'notes')!;
    assert.deepEqual([back.command!.value, ...back.args.map((a) => a.value)], ['node', '${workspaceFolder}/notes.mjs', '--flag']);
  }
});
