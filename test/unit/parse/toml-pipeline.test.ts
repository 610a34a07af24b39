import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import type { DocNode } from '../../../src/core/model/docNode';

const TEXT = [
  '# Codex user config',
  'model = "gpt-5-codex"',
  '',
  '[mcp_servers.github]',
  'command = "npx"',
  'args = ["-y", "@modelcontextprotocol/server-github@2025.4.8"]',
  'env = { "API_KEY" = "FAKE-0000-EXAMPLE" }',
  'startup_timeout_sec = 20',
  '',
  '[mcp_servers.figma]',
  'url = "https://mcp.figma.example/mcp"',
  'bearer_token_env_var = "FIGMA_OAUTH_TOKEN"',
  'http_headers = { "X-Region" = "us-east-1" }',
  'enabled = false',
  '',
  '[mcp_servers."local.files"]',
  "command = 'C:\\Tools\\files.exe'",
  'args = [',
  '  "--root", # where',
  '  "/srv",',
  ']',
  '[mcp_servers."local.files".env]',
  'ROOT = "/srv"',
  '',
].join('\n');

function src(node: DocNode): string {
  return TEXT.slice(node.offset, node.offset + node.length);
}

describe('TOML through loadConfigText', () => {
  const file = loadConfigText(TEXT, { path: '/h/.codex/config.toml' });
  const byName = new Map(file.servers.map((s) => [s.name, s]));

  it('is read as a Codex TOML file without problems', () => {
    assert.equal(file.format, 'toml');
    assert.equal(file.client, 'codex');
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.servers.map((s) => s.name),
      ['github', 'figma', 'local.files'],
    );
  });

  it('a stdio server: command, args, env with their nodes and paths', () => {
    const github = byName.get('github')!;
    assert.equal(github.transport, 'stdio');
    assert.deepEqual(github.path, ['mcp_servers', 'github']);
    assert.equal(src(github.nameNode), 'github');
    assert.ok(src(github.node).startsWith('[mcp_servers.github]\n'));
    assert.ok(src(github.node).endsWith('startup_timeout_sec = 20'));
    assert.equal(github.command?.value, 'npx');
    assert.equal(src(github.command!.node), '"npx"');
    assert.deepEqual(github.command?.path, ['mcp_servers', 'github', 'command']);
    assert.deepEqual(
      github.args.map((a) => a.value),
      ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
    );
    assert.deepEqual(github.args[1]!.path, ['mcp_servers', 'github', 'args', 1]);
    assert.equal(src(github.args[1]!.node), '"@modelcontextprotocol/server-github@2025.4.8"');
    assert.equal(github.env.length, 1);
    const env = github.env[0]!;
    assert.equal(env.key, 'API_KEY');
    assert.equal(env.value, 'FAKE-0000-EXAMPLE');
    assert.deepEqual(env.path, ['mcp_servers', 'github', 'env', 'API_KEY']);
    assert.equal(src(env.keyNode), '"API_KEY"');
    assert.equal(src(env.node), '"FAKE-0000-EXAMPLE"');
  });

  it('a remote server: url, headers, disabled', () => {
    const figma = byName.get('figma')!;
    assert.equal(figma.transport, 'http');
    assert.equal(figma.url?.value, 'https://mcp.figma.example/mcp');
    assert.equal(src(figma.url!.node), '"https://mcp.figma.example/mcp"');
    assert.deepEqual(figma.url?.path, ['mcp_servers', 'figma', 'url']);
    assert.deepEqual(
      figma.headers.map((h) => [h.key, h.value, h.path]),
      [['X-Region', 'us-east-1', ['mcp_servers', 'figma', 'http_headers', 'X-Region']]],
    );
    assert.equal(figma.disabled, true);
  });

  it('a quoted server name with a sub-table for env', () => {
    const local = byName.get('local.files')!;
    assert.equal(src(local.nameNode), '"local.files"');
    assert.equal(local.command?.value, 'C:\\Tools\\files.exe');
    assert.equal(src(local.command!.node), "'C:\\Tools\\files.exe'");
    assert.deepEqual(
      local.args.map((a) => a.value),
      ['--root', '/srv'],
    );
    assert.deepEqual(
      local.env.map((e) => [e.key, e.value, e.path]),
      [['ROOT', '/srv', ['mcp_servers', 'local.files', 'env', 'ROOT']]],
    );
    assert.equal(src(local.env[0]!.keyNode), 'ROOT');
  });

  it('syntax errors reach the file as problems while the other servers are still read', () => {
    const broken = TEXT.replace('command = "npx"', 'command = npx');
    const out = loadConfigText(broken, { path: '/h/.codex/config.toml' });
    assert.equal(out.problems.length, 1);
    assert.equal(out.problems[0]!.offset, broken.indexOf('npx'));
    assert.deepEqual(
      out.servers.map((s) => s.name),
      ['github', 'figma', 'local.files'],
    );
    assert.equal(out.servers[0]!.command, undefined);
  });
});
