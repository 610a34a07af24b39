// The CLI and the editor find the same files and the same findings on the same workspace. The CLI
// walks folders (src/node/discovery.ts); the editor hands `configSearchGlob()` and `skippedFoldersGlob()`
// to VS Code's file search and keeps what `isDiscoverable` accepts (src/extension/discovery.ts). Here
// that search is done with minimatch over every file of the tree, as ripgrep would.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { minimatch } from 'minimatch';
import { loadConfigText } from '../../../src/core/config/load';
import { lintProject } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { configSearchGlob, isConfigPath, isDiscoverable, MAX_SEARCH_DEPTH, skippedFoldersGlob } from '../../../src/core/workspace/discovery';
import { findConfigFiles } from '../../../src/node/discovery';

const config = (servers: Record<string, unknown>) => JSON.stringify({ mcpServers: servers }, null, 2);
const FILES: Record<string, string> = {
  '.vscode/mcp.json': JSON.stringify({
    servers: {
      gh: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_TOKEN: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8' } },
    },
  }),
  '.cursor/mcp.json': config({ fetch: { command: 'uvx', args: ['mcp-server-fetch'] } }),
  '.mcp.json': config({ local: { command: 'node', args: ['server.js'] }, off: { command: 'npx', args: ['off-mcp'] } }),
  // Claude Code's settings: no servers of their own, but they reject `off` above.
  '.claude/settings.json': JSON.stringify({ permissions: { allow: [] } }),
  '.claude/settings.local.json': JSON.stringify({ disabledMcpjsonServers: ['off'] }),
  'apps/web/.cursor/mcp.json': config({ web: { url: 'http://example.com/mcp' } }),
  'apps/web/.roo/mcp.json': config({ roo: { command: 'docker', args: ['run', '--privileged', 'img'] } }),
  'tools/.codex/config.toml': '[mcp_servers.x]\ncommand = "npx"\nargs = ["x-mcp@latest"]\n',
  'tools/.continue/mcpServers/a.yaml': 'name: a\nmcpServers:\n  - name: a\n    command: npx\n    args: [a-mcp]\n',
  'examples/claude_desktop_config.json': config({ ex: { command: 'npx', args: ['ex-mcp'] } }),
  'examples/.gemini/settings.json': config({ g: { command: 'npx', args: ['g-mcp'] } }),
  // Skipped folders: neither front end reads these.
  'node_modules/pkg/.cursor/mcp.json': config({ dep: { command: 'npx', args: ['dep'] } }),
  'build/.vscode/mcp.json': JSON.stringify({ servers: { b: { command: 'npx', args: ['b'] } } }),
  '.venv/lib/.mcp.json': config({ v: { command: 'npx', args: ['v'] } }),
  'target/.cursor/mcp.json': config({ t: { command: 'npx', args: ['t'] } }),
  // Not configs.
  '.vscode/settings.json': '{ "editor.tabSize": 2 }',
  'package.json': '{ "name": "x" }',
  'config.yaml': 'a: 1\n',
  // Too deep for either.
  [`${Array.from({ length: MAX_SEARCH_DEPTH + 1 }, (_, i) => `d${i}`).join('/')}/.cursor/mcp.json`]: config({ deep: { command: 'npx', args: ['deep'] } }),
  [`${Array.from({ length: MAX_SEARCH_DEPTH - 1 }, (_, i) => `e${i}`).join('/')}/.cursor/mcp.json`]: config({ deepEnough: { command: 'npx', args: ['deep'] } }),
};

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** What VS Code's `findFiles(configSearchGlob(), skippedFoldersGlob())` and the editor's filter return. */
function editorDiscovery(root: string): string[] {
  return allFiles(root)
    .filter((path) => {
      const rel = relative(root, path).replace(/\\/g, '/');
      return minimatch(rel, configSearchGlob(), { dot: true }) && !minimatch(rel, skippedFoldersGlob(), { dot: true });
    })
    .filter((path) => isConfigPath(path) && isDiscoverable(relative(root, path).replace(/\\/g, '/')))
    .sort();
}

test('scan and the editor discover the same config files and report the same findings', () => {
  const root = mkdtempSync(join(tmpdir(), 'warden-parity-'));
  try {
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    const cli = findConfigFiles(root);
    const editor = editorDiscovery(root);
    assert.deepEqual(editor, cli.files);
    const rel = cli.files.map((f) => relative(root, f).replace(/\\/g, '/'));
    assert.ok(rel.includes('examples/claude_desktop_config.json') && rel.includes('tools/.codex/config.toml') && rel.some((p) => p.startsWith('e0/')));
    assert.ok(rel.includes('.claude/settings.json') && rel.includes('.claude/settings.local.json'), rel.join('\n'));
    assert.ok(!rel.some((p) => /^(node_modules|build|\.venv|target|d0)\//.test(p)), rel.join('\n'));
    const lint = (paths: string[]) => {
      const files = paths.map((p) => loadConfigText(readFileSync(p, 'utf8'), { path: p }));
      return lintProject(createProject(files, [root]), {}).flatMap((r) =>
        r.findings.map((f) => `${relative(root, f.file)}:${f.start.line}:${f.start.column} ${f.ruleId}`),
      );
    };
    const findings = lint(cli.files);
    assert.ok(findings.length >= 5, findings.join('\n'));
    assert.deepEqual(lint(editor), findings);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
