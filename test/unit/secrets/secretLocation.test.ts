import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { locateSecret, locateSecrets } from '../../../src/core/secrets/secretLocation';

const GH = 'ghp_' + 'FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6tU8v';
const RANDOM = 'Zq8aB3dE5fG7hJ9kL1mN2pQ4';

function only(path: string, text: string) {
  const file = loadConfigText(text, { path });
  const all = locateSecrets(file);
  assert.equal(all.length, 1, `one secret expected, got ${all.length}`);
  return { file, location: all[0]! };
}

test('VS Code env secret: decoded value, readable name, served by MCP Warden first', () => {
  const text = `{"servers": {"github": {"command": "npx", "env": {"GITHUB_TOKEN": "${GH.slice(0, 6)}\\u0041${GH.slice(7)}"}}}}`;
  const { file, location } = only('/p/.vscode/mcp.json', text);
  assert.equal(location.value, GH.slice(0, 6) + 'A' + GH.slice(7), 'the value as the client reads it');
  assert.equal(location.fieldKind, 'env');
  assert.equal(location.key, 'GITHUB_TOKEN');
  assert.equal(location.server?.name, 'github');
  assert.equal(location.envName, 'GITHUB_TOKEN');
  assert.equal(location.suggestedName, 'mcp-warden/vscode/github/GITHUB_TOKEN');
  assert.deepEqual(
    location.replacements.map((r) => r.mechanism),
    ['definition-provider', 'reference'],
  );
  assert.equal(location.replacements[0]!.preferred, true);
  assert.equal(location.replacements[1]!.reference, '${input:github-token}');
  assert.equal(locateSecret(file, location.range)?.value, location.value, 'found again from the finding range');
});

test('Cursor header token: only the token is replaced, the scheme stays', () => {
  const text = JSON.stringify({ mcpServers: { 'linear-remote': { url: 'https://mcp.example.com', headers: { Authorization: `Bearer ${RANDOM}` } } } });
  const { location } = only('/p/.cursor/mcp.json', text);
  assert.equal(location.fieldKind, 'header');
  assert.equal(location.envName, 'LINEAR_REMOTE_TOKEN');
  const ref = location.replacements.find((r) => r.mechanism === 'reference');
  assert.equal(ref?.newFieldValue, 'Bearer ${env:LINEAR_REMOTE_TOKEN}');
  assert.equal(location.replacements[0]!.mechanism, 'extension-api');
});

test('per-client reference syntax', () => {
  const cases: [string, string, string][] = [
    ['/p/.mcp.json', JSON.stringify({ mcpServers: { s: { command: 'x', env: { API_TOKEN: RANDOM } } } }), '${API_TOKEN}'],
    ['/home/u/.codeium/windsurf/mcp_config.json', JSON.stringify({ mcpServers: { s: { command: 'x', env: { API_TOKEN: RANDOM } } } }), '${env:API_TOKEN}'],
    ['/p/.gemini/settings.json', JSON.stringify({ mcpServers: { s: { command: 'x', env: { API_TOKEN: RANDOM } } } }), '$API_TOKEN'],
    ['/home/u/.continue/config.yaml', `mcpServers:\n  - name: s\n    command: x\n    env:\n      API_TOKEN: ${RANDOM}\n`, '${{ secrets.API_TOKEN }}'],
  ];
  for (const [path, text, reference] of cases) {
    const { location } = only(path, text);
    assert.equal(location.replacements[0]!.reference, reference, path);
    assert.equal(location.replacements[0]!.newFieldValue, reference, path);
  }
});

test('Codex: secrets move by indirection', () => {
  const text = `[mcp_servers.gh]\nurl = "https://api.example.com/mcp"\nhttp_headers = { "Authorization" = "Bearer ${RANDOM}" }\n`;
  const { location } = only('/home/u/.codex/config.toml', text);
  assert.equal(location.replacements[0]!.mechanism, 'indirection');
  assert.match(location.replacements[0]!.change ?? '', /bearer_token_env_var = "GH_TOKEN"/);
});

test('clients without a reference mechanism say so', () => {
  for (const path of ['/home/u/.config/Claude/claude_desktop_config.json', '/home/u/.config/zed/settings.json']) {
    const text = path.includes('zed')
      ? JSON.stringify({ context_servers: { s: { command: 'x', env: { API_TOKEN: RANDOM } } } })
      : JSON.stringify({ mcpServers: { s: { command: 'x', env: { API_TOKEN: RANDOM } } } });
    const { location } = only(path, text);
    assert.deepEqual(
      location.replacements.map((r) => r.mechanism),
      ['none'],
      path,
    );
    assert.match(location.replacements[0]!.requires, /no documented way/);
  }
});

test('names for secrets in arguments and URLs', () => {
  const text = JSON.stringify({
    mcpServers: { brave: { command: 'npx', args: ['--api-key', RANDOM, 'postgresql://u:Tr0ub4dor-FAKE-3x@db.example.com/app'] } },
  });
  const file = loadConfigText(text, { path: '/p/.mcp.json' });
  const all = locateSecrets(file);
  assert.deepEqual(
    all.map((l) => [l.fieldKind, l.key, l.envName]),
    [
      ['arg', '--api-key', 'BRAVE_API_KEY'],
      ['arg', undefined, 'BRAVE_PASSWORD'],
    ],
  );
  assert.equal(all[1]!.replacements[0]!.newFieldValue, 'postgresql://u:${BRAVE_PASSWORD}@db.example.com/app');
});
