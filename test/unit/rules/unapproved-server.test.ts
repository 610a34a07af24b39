import { policyTable } from '../policy/policyHelpers';

const servers = (entries: Record<string, unknown>) => JSON.stringify({ mcpServers: entries }, null, 2);
const gh = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] };
const fetch = { command: 'docker', args: ['run', '-i', '--rm', 'mcp/fetch:1.0'] };
const remote = { url: 'https://mcp.example.com/v1/mcp?session=abc' };
const local = { command: 'node', args: ['/opt/tools/server.js'] };

policyTable([
  { name: 'no policy: silent', text: servers({ gh, fetch }), policy: undefined, want: [] },
  { name: 'approved by package glob', text: servers({ gh }), policy: { allow: [{ package: '@modelcontextprotocol/*' }] }, want: [] },
  { name: 'approved by image (docker.io form)', text: servers({ fetch }), policy: { allow: [{ image: 'docker.io/mcp/*' }] }, want: [] },
  { name: 'approved by URL with *', text: servers({ remote }), policy: { allow: [{ url: 'https://mcp.example.com/*' }] }, want: [] },
  { name: 'approved by command line', text: servers({ local }), policy: { allow: [{ command: 'node /opt/tools/*' }] }, want: [] },
  { name: 'approved by name and version range', text: servers({ gh }), policy: { allow: [{ name: 'gh', versions: '>=2025.1.0' }] }, want: [] },
  { name: 'deny-only policy allows the rest', text: servers({ gh }), policy: { deny: [{ package: 'evil-*' }] }, want: [] },
  {
    name: 'deny of another version does not apply',
    text: servers({ gh }),
    policy: { allow: [{ name: '*' }], deny: [{ package: '@modelcontextprotocol/server-github', versions: '2025.1.1' }] },
    want: [],
  },
  { name: 'disabled server is not checked', path: '/p/.roo/mcp.json', text: servers({ gh: { ...gh, disabled: true } }), policy: { allow: [] }, want: [] },
  {
    name: 'empty allow list',
    text: servers({ gh, fetch }),
    policy: { allow: [] },
    want: [
      { server: 'gh', message: 'not on the approved list in .vscode/mcp-policy.json', severity: 'warning' },
      { server: 'fetch', message: '(image mcp/fetch)' },
    ],
  },
  {
    name: 'unlisted package',
    text: servers({ gh }),
    policy: { allow: [{ package: '@other/*' }] },
    want: [{ server: 'gh', message: '(package @modelcontextprotocol/server-github)' }],
  },
  {
    name: 'a glob on packages stays in one path segment',
    text: servers({ gh }),
    policy: { allow: [{ package: '@model*' }] },
    want: [{ server: 'gh', message: 'not on the approved list' }],
  },
  {
    name: 'all fields of an entry must match',
    text: servers({ gh }),
    policy: { allow: [{ name: 'other', package: '@modelcontextprotocol/*' }] },
    want: [{ server: 'gh', message: 'not on the approved list' }],
  },
  {
    name: 'deny wins over allow',
    text: servers({ gh }),
    policy: { allow: [{ name: '*' }], deny: [{ name: 'gh', reason: 'use the internal one' }] },
    want: [{ server: 'gh', message: 'denied by .vscode/mcp-policy.json (deny entry 1: use the internal one)', severity: 'error' }],
  },
  {
    name: 'version outside the allowed range',
    text: servers({ gh }),
    policy: { allow: [{ package: '@modelcontextprotocol/server-github', versions: '^2026.0.0' }] },
    want: [{ server: 'gh', message: 'runs version 2025.4.8' }],
  },
  {
    name: 'unpinned with a version condition',
    text: servers({ gh: { command: 'npx', args: ['@modelcontextprotocol/server-github'] } }),
    policy: { allow: [{ package: '@modelcontextprotocol/server-github', versions: '^2025.0.0' }] },
    want: [{ server: 'gh', message: 'runs no exact version' }],
  },
  {
    name: 'client restriction',
    path: '/p/.vscode/mcp.json',
    text: JSON.stringify({ servers: { gh } }),
    policy: { allow: [{ package: '@modelcontextprotocol/*', client: 'cursor' }] },
    want: [{ server: 'gh', message: 'not on the approved list' }],
  },
  {
    name: 'Goose YAML',
    path: '/home/u/.config/goose/config.yaml',
    text: 'extensions:\n  fetch:\n    cmd: uvx\n    args: [mcp-server-fetch==1.0]\n    enabled: true\n  ok:\n    cmd: uvx\n    args: [mcp-server-git==0.6.2]\n',
    policy: { allow: [{ package: 'mcp-server-git' }] },
    want: [{ server: 'fetch', message: '(package mcp-server-fetch)' }],
  },
  {
    name: 'Codex TOML',
    path: '/home/u/.codex/config.toml',
    text: '[mcp_servers.ok]\ncommand = "npx"\nargs = ["@modelcontextprotocol/server-memory@2025.4.25"]\n\n[mcp_servers.other]\ncommand = "npx"\nargs = ["other-mcp@1.0.0"]\n',
    policy: { allow: [{ package: '@modelcontextprotocol/*' }] },
    want: [{ server: 'other', message: '(package other-mcp)' }],
  },
]);
