import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { approve, compare } from '../../../src/core/lock/lockfile';
import { identityOf, lockKeyOf } from '../../../src/core/lock/serverKey';
import type { ServerSnapshot } from '../../../src/core/model/tool';

const vscode = loadConfigText(
  JSON.stringify({
    servers: {
      local: { command: 'node', args: ['${workspaceFolder}/server.js', '--port', '1'], env: { TOKEN: '${input:token}' } },
      remote: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${input:t}' } },
    },
  }),
  { path: '/project/.vscode/mcp.json' },
);
const [local, remote] = vscode.servers;

test('the lockfile key is <client>/<config name>', () => {
  assert.equal(lockKeyOf(local!), 'vscode/local');
  const cursor = loadConfigText(JSON.stringify({ mcpServers: { local: { command: 'node' } } }), { path: '/project/.cursor/mcp.json' }).servers[0]!;
  assert.equal(lockKeyOf(cursor), 'cursor/local', 'the same name in another client is another entry');
});

test('the identity is transport, command, args and URL as written in the config (references unresolved, no env or headers)', () => {
  assert.deepEqual(identityOf(local!), { transport: 'stdio', command: 'node', args: ['${workspaceFolder}/server.js', '--port', '1'] });
  assert.deepEqual(identityOf(remote!), { transport: 'http', url: 'https://mcp.example.com/mcp' });
});

test('approve and compare with these helpers: the same server passes, another command is an identity change', () => {
  const snapshot: ServerSnapshot = {
    server: 'local',
    serverInfo: { name: 's', version: '1' },
    tools: [{ name: 't', description: 'T.' }],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
  const lock = approve(undefined, snapshot, identityOf(local!), { serverKey: lockKeyOf(local!) });
  assert.deepEqual(Object.keys(JSON.parse(lock).servers), ['vscode/local']);
  assert.equal(compare(lock, snapshot, identityOf(local!), { serverKey: lockKeyOf(local!) }).status, 'unchanged');
  const moved = loadConfigText(JSON.stringify({ servers: { local: { command: 'python', args: ['server.py'] } } }), { path: '/project/.vscode/mcp.json' })
    .servers[0]!;
  const changed = compare(lock, snapshot, identityOf(moved), { serverKey: lockKeyOf(moved) });
  assert.equal(changed.status, 'changed');
  assert.deepEqual(
    changed.identityChanges.map((c) => c.field),
    ['command', 'args'],
  );
});
