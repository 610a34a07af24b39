import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { applyTextEdits } from '../../../src/core/policy/applyEdits';
import { isCleanRemoval } from '../../../src/core/policy/jsonEdit';
import { disableServerEdit, removeServerEdit } from '../../../src/core/policy/serverEdits';

function edit(kind: 'remove' | 'disable', path: string, text: string, server: string): string | undefined {
  const file = loadConfigText(text, { path });
  const s = file.servers.find((x) => x.name === server);
  assert.ok(s, `server ${server} found`);
  const edits = kind === 'remove' ? removeServerEdit(file, s) : disableServerEdit(file, s);
  return edits && applyTextEdits(text, edits);
}

const CURSOR = '{\n  "mcpServers": {\n    "a": { "command": "x" },\n    "b": { "command": "y" }\n  }\n}\n';

test('remove from plain JSON', () => {
  assert.equal(edit('remove', '/p/.cursor/mcp.json', CURSOR, 'a'), '{\n  "mcpServers": {\n    "b": { "command": "y" }\n  }\n}\n');
  assert.equal(edit('remove', '/p/.cursor/mcp.json', CURSOR, 'b'), '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n}\n');
});

test('clients without a per-server flag in the file get no disable edit', () => {
  assert.equal(edit('disable', '/p/.cursor/mcp.json', CURSOR, 'a'), undefined);
  assert.equal(edit('disable', '/p/.vscode/mcp.json', '{"servers": {"a": {"command": "x"}}}', 'a'), undefined);
  assert.equal(edit('disable', '/p/.mcp.json', '{"mcpServers": {"a": {"command": "x"}}}', 'a'), undefined);
  assert.equal(
    edit('disable', '/home/u/Library/Application Support/Claude/claude_desktop_config.json', '{"mcpServers": {"a": {"command": "x"}}}', 'a'),
    undefined,
  );
});

test('VS Code JSONC keeps comments when removing', () => {
  const text = '{\n  // shared servers\n  "servers": {\n    // GitHub\n    "gh": { "command": "npx" },\n    "keep": { "command": "y" } // stays\n  }\n}\n';
  const out = edit('remove', '/p/.vscode/mcp.json', text, 'gh')!;
  assert.ok(out.includes('// shared servers') && out.includes('// stays'));
  assert.equal(
    loadConfigText(out, { path: '/p/.vscode/mcp.json' })
      .servers.map((s) => s.name)
      .join(),
    'keep',
  );
});

test('Cline, Roo Code, Kiro, Amazon Q: disabled: true', () => {
  const text = '{\n  "mcpServers": {\n    "a": {\n      "command": "x"\n    }\n  }\n}';
  const want = '{\n  "mcpServers": {\n    "a": {\n      "command": "x",\n      "disabled": true\n    }\n  }\n}';
  assert.equal(edit('disable', '/u/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', text, 'a'), want);
  assert.equal(edit('disable', '/p/.roo/mcp.json', text, 'a'), want);
  assert.equal(edit('disable', '/p/.kiro/settings/mcp.json', text, 'a'), want);
  assert.equal(edit('disable', '/p/.amazonq/mcp.json', text, 'a'), want);
  assert.equal(edit('disable', '/p/.roo/mcp.json', text.replace('"x"', '"x", "disabled": false'), 'a'), text.replace('"x"', '"x", "disabled": true'));
});

test('Zed: enabled: false, with tabs and comments', () => {
  const text = '{\n\t// mine\n\t"context_servers": {\n\t\t"a": {\n\t\t\t"command": "x"\n\t\t}\n\t}\n}';
  const out = edit('disable', '/home/u/.config/zed/settings.json', text, 'a')!;
  assert.equal(out, '{\n\t// mine\n\t"context_servers": {\n\t\t"a": {\n\t\t\t"command": "x",\n\t\t\t"enabled": false\n\t\t}\n\t}\n}');
});

test('Gemini CLI: the name goes to mcp.excluded', () => {
  const text = '{\n  "theme": "dark",\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n}';
  const out = edit('disable', '/home/u/.gemini/settings.json', text, 'a')!;
  assert.deepEqual(JSON.parse(out).mcp, { excluded: ['a'] });
  const again = edit('disable', '/home/u/.gemini/settings.json', out.replace('"a": {', '"b": { "command": "z" },\n    "a": {'), 'b')!;
  assert.deepEqual(JSON.parse(again).mcp, { excluded: ['a', 'b'] });
  assert.equal(edit('disable', '/home/u/.gemini/settings.json', out, 'a'), undefined, 'already excluded');
});

test('Claude Code local scope entry is removed from its project only', () => {
  const text = '{"mcpServers": {"a": {"command": "x"}}, "projects": {"/p": {"mcpServers": {"a": {"command": "y"}}}}}';
  const file = loadConfigText(text, { path: '/home/u/.claude.json' });
  const local = file.servers.find((s) => s.projectPath === '/p')!;
  const out = applyTextEdits(text, removeServerEdit(file, local)!);
  assert.deepEqual(JSON.parse(out), { mcpServers: { a: { command: 'x' } }, projects: { '/p': { mcpServers: {} } } });
});

test('duplicate names are left alone', () => {
  assert.equal(edit('remove', '/p/.cursor/mcp.json', '{"mcpServers": {"a": {"command": "x"}, "a": {"command": "y"}}}', 'a'), undefined);
});

const GOOSE =
  '# goose\nextensions:\n  fetch:\n    name: fetch\n    cmd: uvx\n    args: [mcp-server-fetch]\n    enabled: true\n    type: stdio\n  # git tools\n  git:\n    cmd: uvx\n    args:\n      - mcp-server-git\n    type: stdio\nGOOSE_MODEL: x\n';

test('Goose YAML: remove an extension, byte-identical elsewhere', () => {
  assert.equal(
    edit('remove', '/home/u/.config/goose/config.yaml', GOOSE, 'fetch'),
    GOOSE.replace('  fetch:\n    name: fetch\n    cmd: uvx\n    args: [mcp-server-fetch]\n    enabled: true\n    type: stdio\n', ''),
  );
  assert.equal(
    edit('remove', '/home/u/.config/goose/config.yaml', GOOSE, 'git'),
    GOOSE.replace('  git:\n    cmd: uvx\n    args:\n      - mcp-server-git\n    type: stdio\n', ''),
  );
});

test('Goose YAML: removing the last extension leaves an empty map', () => {
  const text = 'extensions:\n  only:\n    cmd: x\nother: 1\n';
  assert.equal(edit('remove', '/home/u/.config/goose/config.yaml', text, 'only'), 'extensions: {}\nother: 1\n');
});

test('Goose YAML: disable flips or adds enabled', () => {
  assert.equal(edit('disable', '/home/u/.config/goose/config.yaml', GOOSE, 'fetch'), GOOSE.replace('enabled: true', 'enabled: false'));
  assert.equal(
    edit('disable', '/home/u/.config/goose/config.yaml', GOOSE, 'git'),
    GOOSE.replace('  git:\n    cmd: uvx', '  git:\n    enabled: false\n    cmd: uvx'),
  );
});

test('Goose YAML in flow style is not edited', () => {
  assert.equal(edit('remove', '/home/u/.config/goose/config.yaml', 'extensions: {a: {cmd: x}, b: {cmd: y}}\n', 'a'), undefined);
});

const CONTINUE = 'name: team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: npx\n    args: ["x"]\n  - name: b\n    command: uvx\n';

test('Continue YAML: remove a list item', () => {
  assert.equal(
    edit('remove', '/p/.continue/mcpServers/t.yaml', CONTINUE, 'a'),
    'name: team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: b\n    command: uvx\n',
  );
  assert.equal(
    edit('remove', '/p/.continue/mcpServers/t.yaml', CONTINUE, 'b'),
    'name: team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: npx\n    args: ["x"]\n',
  );
  const sole = 'mcpServers:\n  - name: a\n    command: x\n';
  assert.equal(edit('remove', '/p/.continue/mcpServers/t.yaml', sole, 'a'), 'mcpServers: []\n');
  assert.equal(edit('disable', '/p/.continue/mcpServers/t.yaml', CONTINUE, 'a'), undefined, 'Continue has no flag');
});

const CODEX = [
  '# codex',
  'model = "o3"',
  '',
  '[mcp_servers.fetch]',
  'command = "uvx"',
  'args = [',
  '  "[mcp_servers.not_a_header]",',
  '  "mcp-server-fetch",',
  ']',
  '',
  '[mcp_servers.fetch.env]',
  'X = "1"',
  '',
  '[mcp_servers."my git"]',
  'command = "uvx" # inline comment',
  'args = ["mcp-server-git"]',
  'enabled = true',
  '',
  '[profiles.fast]',
  'model = "o4-mini"',
  '',
].join('\n');

test('Codex TOML: remove a server with its sub-tables, byte-identical elsewhere', () => {
  const out = edit('remove', '/home/u/.codex/config.toml', CODEX, 'fetch')!;
  assert.equal(out, CODEX.slice(0, CODEX.indexOf('[mcp_servers.fetch]')) + CODEX.slice(CODEX.indexOf('[mcp_servers."my git"]')));
  const out2 = edit('remove', '/home/u/.codex/config.toml', CODEX, 'my git')!;
  assert.equal(out2, CODEX.slice(0, CODEX.indexOf('[mcp_servers."my git"]')) + CODEX.slice(CODEX.indexOf('[profiles.fast]')));
});

test('Codex TOML: disable adds or flips enabled', () => {
  assert.equal(edit('disable', '/home/u/.codex/config.toml', CODEX, 'fetch'), CODEX.replace('[mcp_servers.fetch]\n', '[mcp_servers.fetch]\nenabled = false\n'));
  assert.equal(edit('disable', '/home/u/.codex/config.toml', CODEX, 'my git'), CODEX.replace('enabled = true', 'enabled = false'));
});

test('Codex TOML: CRLF line endings are kept', () => {
  const crlf = CODEX.replace(/\n/g, '\r\n');
  const out = edit('disable', '/home/u/.codex/config.toml', crlf, 'fetch')!;
  assert.equal(out, crlf.replace('[mcp_servers.fetch]\r\n', '[mcp_servers.fetch]\r\nenabled = false\r\n'));
});

test('Codex TOML: inline-table servers are not edited', () => {
  const text = '[mcp_servers]\nfetch = { command = "uvx", args = ["x"] }\n';
  assert.equal(edit('remove', '/home/u/.codex/config.toml', text, 'fetch'), undefined);
  assert.equal(edit('disable', '/home/u/.codex/config.toml', text, 'fetch'), undefined);
});

test('removing the last entry keeps the comment of the one before it', () => {
  const text = '{\n  "servers": {\n    "keep": { "command": "x" }, // keep me\n    "gone": { "command": "y" }\n  }\n}\n';
  assert.equal(edit('remove', '/p/.vscode/mcp.json', text, 'gone'), '{\n  "servers": {\n    "keep": { "command": "x" } // keep me\n  }\n}\n');
});

test('isCleanRemoval refuses edits that take more than the property', () => {
  const file = loadConfigText('{"mcpServers": {"a": {"command": "x"}, "b": {"command": "y"}}}', { path: '/p/.cursor/mcp.json' });
  const prop = file.servers[0]!.node.parent!;
  assert.ok(isCleanRemoval(file.text, prop, [{ offset: prop.offset, length: prop.length + 2, newText: '' }]));
  assert.ok(!isCleanRemoval(file.text, prop, [{ offset: prop.offset, length: prop.length + 6, newText: '' }]), 'would eat the next key');
  assert.ok(!isCleanRemoval(file.text, prop, [{ offset: prop.offset + 1, length: prop.length, newText: '' }]), 'does not cover the property');
});
