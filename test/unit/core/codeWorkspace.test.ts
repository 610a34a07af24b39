import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeWorkspaceFolders } from '../../../src/core/config/codeWorkspace';
import { loadConfigText } from '../../../src/core/config/load';

const workspace = (path: string, value: object) => loadConfigText(JSON.stringify(value), { path });

test('a .code-workspace file is a VS Code file whose servers sit under settings.mcp.servers', () => {
  const file = loadConfigText(
    '{\n  // team window\n  "folders": [{"path": "."}],\n  "settings": {"mcp": {"servers": {"gh": {"command": "npx", "args": ["x"]}}}, "servers": {"no": {"command": "y"}}},\n}',
    {
      path: '/w/team.code-workspace',
    },
  );
  assert.equal(file.client, 'vscode');
  assert.equal(file.scope, 'workspace');
  assert.equal(file.format, 'jsonc');
  assert.deepEqual(
    file.servers.map((s) => [s.name, s.path]),
    [['gh', ['settings', 'mcp', 'servers', 'gh']]],
  );
  assert.deepEqual(file.problems, []);
  assert.equal(file.sharedSettings, true);
});

test('its folders: relative to the file, absolute as given, uri-only folders left out', () => {
  const file = workspace('/w/sub/team.code-workspace', {
    folders: [{ path: '.' }, { path: '../a' }, { path: './b/../c' }, { path: '/abs/d' }, { path: 'C:\\e' }, { uri: 'vscode-remote://x/y' }, { path: '../a' }],
  });
  assert.deepEqual(codeWorkspaceFolders(file), ['/w/sub', '/w/a', '/w/sub/c', '/abs/d', 'c:/e']);
  assert.deepEqual(codeWorkspaceFolders(workspace('/w/empty.code-workspace', {})), []);
});
