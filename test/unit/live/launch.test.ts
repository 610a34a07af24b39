import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { readConfigFile } from '../../../src/node/readConfig';
import { LiveError } from '../../../src/live/errors';
import { describeEntry, projectFolderOf, resolveLaunch } from '../../../src/live/launch';
import { parseServerUrl } from '../../../src/live/httpTransport';
import { REPO, tempDir } from './lab';

const entry = (path: string, text: string, client?: Parameters<typeof loadConfigText>[1]['client']) =>
  loadConfigText(text, { path, ...(client ? { client } : {}) }).servers[0]!;

test('VS Code entry: variables, env (null unsets), cwd, inputs through the callback', async () => {
  const ws = tempDir();
  mkdirSync(join(ws, 'sub'));
  const e = entry(
    join(ws, '.vscode/mcp.json'),
    JSON.stringify({
      servers: {
        s: {
          command: 'node',
          args: ['${workspaceFolder}/x.mjs', '--key=${input:k}'],
          cwd: 'sub',
          env: { A: '${env:BASE}-1', DROP: null, TOKEN: '${input:k}' },
        },
      },
    }),
  );
  const asked: string[] = [];
  const launch = await resolveLaunch(e, {
    env: { BASE: 'b', DROP: 'was-set', PATH: '/bin' },
    resolveInput: async ({ id }) => (asked.push(id), 'FAKE-input-0000'),
  });
  assert.deepEqual(asked, ['k'], 'each input is asked once');
  assert.deepEqual(launch.args, [`${ws}/x.mjs`, '--key=FAKE-input-0000']);
  assert.equal(launch.cwd, join(ws, 'sub'));
  assert.equal(launch.env.A, 'b-1');
  assert.equal(launch.env.DROP, undefined);
  assert.equal(launch.env.PATH, '/bin');
  assert.ok(launch.secrets.includes('FAKE-input-0000'));
});

test('an input the user does not give stops the launch with a clear message', async () => {
  const e = entry(join(tempDir(), '.vscode/mcp.json'), JSON.stringify({ servers: { s: { command: 'node', env: { T: '${input:tok}' } } } }));
  await assert.rejects(resolveLaunch(e, { env: {} }), (err: LiveError) => err.kind === 'config' && /no value was given for \$\{input:tok\}/.test(err.message));
});

test('Continue secrets and unset env references go to the secret callback', async () => {
  const dir = tempDir();
  const c = entry(
    join(dir, '.continue/mcpServers/a.yaml'),
    'name: x\nversion: 1\nschema: v1\nmcpServers:\n  - name: s\n    command: node\n    env:\n      K: ${{ secrets.API_KEY }}\n',
  );
  const launch = await resolveLaunch(c, {
    env: {},
    resolveSecret: async ({ name, from }) => (from === 'secret' && name === 'API_KEY' ? 'FAKE-secret-0000' : undefined),
  });
  assert.equal(launch.env.K, 'FAKE-secret-0000');
  assert.equal(projectFolderOf(c), dir);

  const cursor = entry(join(dir, '.cursor/mcp.json'), JSON.stringify({ mcpServers: { s: { command: 'node', env: { K: '${env:GH_TOKEN}' } } } }));
  const fromEnv = await resolveLaunch(cursor, {
    env: {},
    resolveSecret: async ({ name, from }) => (from === 'env' && name === 'GH_TOKEN' ? 'FAKE-stored-0000' : undefined),
  });
  assert.equal(fromEnv.env.K, 'FAKE-stored-0000');
});

test('Claude Code: a missing variable without fallback is an error, a fallback is used', async () => {
  const dir = tempDir();
  const bad = entry(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { s: { command: 'node', args: ['${NOPE}'] } } }));
  await assert.rejects(resolveLaunch(bad, { env: {} }), /NOPE, which is not set/);
  const ok = entry(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { s: { command: 'node', args: ['${NOPE:-x}'] } } }));
  assert.deepEqual((await resolveLaunch(ok, { env: {} })).args, ['x']);
});

test('envFile values load before env entries, which win', async () => {
  const ws = tempDir();
  writeFileSync(join(ws, '.env'), '# comment\nexport A=from-file\nB="quoted value"\nC=plain # trailing comment\n');
  const e = entry(
    join(ws, '.vscode/mcp.json'),
    JSON.stringify({ servers: { s: { command: 'node', envFile: '${workspaceFolder}/.env', env: { A: 'from-entry' } } } }),
  );
  const launch = await resolveLaunch(e, { env: {} });
  assert.deepEqual([launch.env.A, launch.env.B, launch.env.C], ['from-entry', 'quoted value', 'plain']);
});

test('HTTP entry: url and headers resolved; a missing working folder and non-http URLs are config errors', async () => {
  const ws = tempDir();
  const h = entry(
    join(ws, '.vscode/mcp.json'),
    JSON.stringify({ servers: { s: { type: 'http', url: 'http://127.0.0.1:9/mcp?key=${env:K}', headers: { Authorization: 'Bearer ${env:K}' } } } }),
  );
  const launch = await resolveLaunch(h, { env: { K: 'FAKE-header-0000' } });
  assert.equal(launch.transport, 'http');
  assert.equal(launch.headers.Authorization, 'Bearer FAKE-header-0000');
  assert.ok(launch.secrets.includes('FAKE-header-0000'));
  const noDir = entry(join(ws, '.vscode/mcp.json'), JSON.stringify({ servers: { s: { command: 'node', cwd: 'missing-folder' } } }));
  await assert.rejects(resolveLaunch(noDir, { env: {} }), /working folder .* does not exist/);
  assert.throws(() => parseServerUrl('unix:///tmp/sock#/mcp'), /only http and https/);
  assert.throws(() => parseServerUrl('not a url'), /is not valid/);
});

test('describeEntry shows the command as written, asks nothing and masks env and header values', () => {
  const e = entry(
    '/p/.vscode/mcp.json',
    JSON.stringify({ servers: { s: { command: 'npx', args: ['-y', 'pkg', '--token=EXAMPLE0000abcd', '${input:x}'], env: { GH: 'FAKE-gh-0000-abcdef' } } } }),
  );
  assert.equal(describeEntry(e), "npx -y pkg --token=**** '${input:x}' (env: GH=FAKE…)");
});

test('every lab config resolves each stdio server to an existing lab script', async () => {
  const configs = join(REPO, 'test/lab/configs');
  const files = [
    '.vscode/mcp.json',
    '.cursor/mcp.json',
    '.mcp.json',
    'claude_desktop_config.json',
    '.gemini/settings.json',
    '.codex/config.toml',
    ...readdirSync(join(configs, '.continue/mcpServers')).map((f) => `.continue/mcpServers/${f}`),
  ];
  for (const rel of files) {
    const file = readConfigFile({ path: join(configs, rel) });
    assert.ok(file.client, `${rel} is recognised`);
    assert.ok(file.servers.length >= 9, `${rel} lists the lab servers`);
    for (const server of file.servers.filter((s) => s.transport === 'stdio')) {
      const launch = await resolveLaunch(server, {
        env: { LAB_TOKEN: 'FAKE-0000' },
        resolveInput: async () => 'FAKE-0000',
        resolveSecret: async () => 'FAKE-0000',
      });
      const script = resolve(launch.cwd!, launch.args[0]!);
      assert.ok(existsSync(script) && dirname(script) === join(REPO, 'test/lab/servers'), `${rel} ${server.name}: ${script}`);
    }
  }
});
