import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { findCatalogServer } from '../../../src/core/flows/catalog/index';
import { dockerImage, identifyServer, identityKey, npmSpec, pypiSpec } from '../../../src/core/flows/identify';

function idsOf(server: object, path = '/p/.cursor/mcp.json'): string[] {
  const file = loadConfigText(JSON.stringify({ mcpServers: { s: server } }), { path });
  return identifyServer(file.servers[0]!).map(identityKey);
}

const cases: [string, object, string[]][] = [
  ['npx -y scoped@version', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] }, ['npm:@modelcontextprotocol/server-github']],
  ['npx --package=x bin', { command: 'npx', args: ['--package=@playwright/mcp', 'mcp-server-playwright'] }, ['npm:@playwright/mcp']],
  ['npx.cmd on Windows through cmd /c', { command: 'cmd', args: ['/c', 'npx', '-y', '@notionhq/notion-mcp-server'] }, ['npm:@notionhq/notion-mcp-server']],
  ['pnpm dlx', { command: 'pnpm', args: ['dlx', 'tavily-mcp@0.1.2'] }, ['npm:tavily-mcp']],
  ['uvx with a version', { command: 'uvx', args: ['mcp-server-fetch==2025.1.1'] }, ['pypi:mcp-server-fetch']],
  ['uvx --from', { command: 'uvx', args: ['--from', 'mcp-atlassian[all]', 'mcp-atlassian'] }, ['pypi:mcp-atlassian']],
  ['python -m module', { command: 'python3', args: ['-m', 'mcp_server_git', '--repository', '.'] }, ['pypi:mcp-server-git']],
  [
    'docker run with options and a tag',
    { command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server:v0.9'] },
    ['docker:ghcr.io/github/github-mcp-server'],
  ],
  ['docker hub image with digest', { command: '/usr/local/bin/docker', args: ['run', '--env=A=1', 'docker.io/mcp/fetch@sha256:0000'] }, ['docker:mcp/fetch']],
  [
    'node of an installed package',
    { command: 'node', args: ['/home/u/node_modules/@modelcontextprotocol/server-memory/dist/index.js'] },
    ['npm:@modelcontextprotocol/server-memory'],
  ],
  ['a binary on PATH', { command: 'C:\\tools\\github-mcp-server.exe', args: ['stdio'] }, ['binary:github-mcp-server']],
  ['a remote URL', { url: 'https://api.githubcopilot.com/mcp/' }, ['url:api.githubcopilot.com/mcp']],
  ['node of a local script is unknown', { command: 'node', args: ['build/index.js'] }, []],
];

for (const [name, server, expected] of cases) {
  test(`identify: ${name}`, () => assert.deepEqual(idsOf(server), expected));
}

test('spec helpers', () => {
  assert.deepEqual(npmSpec('@scope/pkg@1.2.3'), { kind: 'npm', name: '@scope/pkg', version: '1.2.3' });
  assert.equal(npmSpec('github:user/repo'), undefined);
  assert.equal(pypiSpec('./local/path'), undefined);
  assert.equal(dockerImage('localhost:5000/team/img:1'), 'localhost:5000/team/img');
});

test('catalog: url keys match longer paths on a path boundary only', () => {
  const find = (url: string) => findCatalogServer([{ kind: 'url', name: url }])?.server.id;
  assert.equal(find('api.githubcopilot.com/mcp/readonly'), 'github');
  assert.equal(find('api.githubcopilot.com/mcp'), 'github');
  assert.equal(find('api.githubcopilot.com/mcpx'), undefined);
  assert.equal(find('mcp.notion.com/mcp'), 'notion');
});
