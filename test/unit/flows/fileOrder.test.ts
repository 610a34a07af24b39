import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { toxicFlow } from '../../../src/core/rules/toxic-flow';

// The CLI discovers files in one order and the editor opens them in another: the flow a session
// shows (its anchor, the example tools its message names, the order of its related servers) must not
// depend on it.

const npx = (pkg: string, ...rest: string[]) => ({ command: 'npx', args: ['-y', pkg, ...rest] });
const FETCH = { command: 'uvx', args: ['mcp-server-fetch'] };
const FS = (root: string) => npx('@modelcontextprotocol/server-filesystem', root);
const GITHUB = npx('@modelcontextprotocol/server-github');
const SLACK = npx('@modelcontextprotocol/server-slack');
const HOME = '/home/u';

interface Case {
  name: string;
  files: { path: string; servers: object; key?: string }[];
  roots: string[];
}

const cases: Case[] = [
  {
    name: 'Cursor: fetch in the user file and in the project, the rest in the project',
    files: [
      { path: `${HOME}/.cursor/mcp.json`, servers: { 'fetch-user': FETCH } },
      { path: '/p/.cursor/mcp.json', servers: { 'fetch-project': FETCH, fs: FS('/p'), slack: SLACK } },
    ],
    roots: ['/p'],
  },
  {
    name: 'Cursor: the same servers on both sides, under other names',
    files: [
      { path: `${HOME}/.cursor/mcp.json`, servers: { web: FETCH, files: FS('/'), gh: GITHUB } },
      { path: '/p/.cursor/mcp.json', servers: { fetch: FETCH, fs: FS('/p'), github: GITHUB } },
    ],
    roots: ['/p'],
  },
  {
    name: 'Claude Code: user scope and project scope',
    files: [
      { path: `${HOME}/.claude.json`, servers: { github: GITHUB, fetch: FETCH } },
      { path: '/p/.mcp.json', servers: { 'fetch-2': FETCH, slack: SLACK, fs: FS('/p') } },
    ],
    roots: ['/p'],
  },
  {
    name: 'VS Code: three files of one multi-root window',
    files: [
      { path: '/w/a/.vscode/mcp.json', servers: { fetch: FETCH }, key: 'servers' },
      { path: '/w/b/.vscode/mcp.json', servers: { fetch: FETCH, github: GITHUB }, key: 'servers' },
      { path: '/w/c/.vscode/mcp.json', servers: { fs: FS('/w'), slack: SLACK }, key: 'servers' },
    ],
    roots: ['/w/a', '/w/b', '/w/c'],
  },
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Every toxic-flow finding of the project with the files in this order, as JSON, sorted by file. */
function flowsInOrder(c: Case, order: Case['files']): string {
  const files = order.map((f) => loadConfigText(JSON.stringify({ [f.key ?? 'mcpServers']: f.servers }, null, 2), { path: f.path, home: HOME }));
  const project = createProject(files, c.roots);
  if (c.name.startsWith('VS Code')) project.window = { folders: c.roots };
  const findings = files
    .flatMap((file) => lintFile(file, project, { rules: [toxicFlow] }))
    .map((f) => ({ file: f.file, server: f.server, message: f.message, related: f.related.map((r) => `${r.file}:${r.start.line} ${r.message}`) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.message < b.message ? -1 : 1));
  return JSON.stringify(findings, null, 1);
}

for (const c of cases) {
  test(`toxic-flow does not depend on the order of files: ${c.name}`, () => {
    const [first, ...others] = permutations(c.files).map((order) => flowsInOrder(c, order));
    assert.ok(JSON.parse(first!).length > 0, 'the case has a flow');
    for (const other of others) assert.equal(other, first);
  });
}
