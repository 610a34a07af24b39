import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Sandbox } from '../core/cliHarness';

const box = new Sandbox();
after(() => box.dispose());

const json = (v: object) => JSON.stringify(v, null, 2);
box.write('a/.vscode/mcp.json', json({ servers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '.'] } } }));
box.write('b/.vscode/mcp.json', json({ servers: { fetch: { command: 'uvx', args: ['mcp-server-fetch==2025.4.7'] } } }));
box.write(
  'team.code-workspace',
  `{\n  "folders": [{ "path": "a" }, { "path": "b" }],\n  "settings": { "mcp": { "servers": { "mem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } } }\n}\n`,
);
box.write(
  'claude/.mcp.json',
  json({ mcpServers: { gh: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] }, fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } }),
);
box.write('claude/.claude/settings.local.json', json({ permissions: { allow: [] }, disabledMcpjsonServers: ['gh'] }));

const flowSessions = (report: ReturnType<Sandbox['scanJson']>['report']) =>
  report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'toxic-flow').map((x) => (x as unknown as { flow: { session: string } }).flow.session));

describe('scan of a .code-workspace file: one VS Code window', () => {
  const { report, stderr } = box.scanJson(['team.code-workspace']);
  test("reads the file's own servers and every folder it opens", () => {
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['a/.vscode/mcp.json', 'b/.vscode/mcp.json', 'team.code-workspace']);
    assert.deepEqual(report.files.find((f) => f.path === 'team.code-workspace')!.servers, ['mem']);
    assert.equal(stderr, '');
  });
  test('the folders are one session: the filesystem server of one and the fetch server of the other make a flow', () => {
    const sessions = flowSessions(report);
    assert.ok(sessions.length > 0);
    assert.ok(
      sessions.every((s) => s.startsWith('vscode@window:') && s.endsWith('/team.code-workspace')),
      sessions.join(', '),
    );
  });
});

test('scan of the two folders side by side: two windows, no flow between them', () => {
  const { report } = box.scanJson(['a', 'b']);
  assert.deepEqual(report.files.map((f) => f.path).sort(), ['a/.vscode/mcp.json', 'b/.vscode/mcp.json']);
  assert.deepEqual(flowSessions(report), []);
});

test("Claude Code's settings are read from the folder: the rejected server is reported as disabled, naming the setting", () => {
  const { report } = box.scanJson(['claude']);
  assert.deepEqual(report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]).sort(), [
    ['claude/.claude/settings.local.json', []],
    ['claude/.mcp.json', ['unpinned-package', 'unpinned-package']],
  ]);
  const [gh, fetch] = report.files.find((f) => f.path === 'claude/.mcp.json')!.findings;
  assert.equal(gh!.server, 'gh');
  assert.equal(gh!.severity, 'info');
  assert.match(gh!.message, /Disabled \(`disabledMcpjsonServers` in \.claude\/settings\.local\.json\)/);
  assert.equal(fetch!.severity, 'warning');
});
