import type { WardenSettings } from '../../../src/core/engine/settings';
import { toxicFlow } from '../../../src/core/rules/toxic-flow';
import { ruleTable } from '../helpers/ruleTester';

const npx = (pkg: string, ...rest: string[]) => ({ command: 'npx', args: ['-y', pkg, ...rest] });
const FS = npx('@modelcontextprotocol/server-filesystem', '/p');
const MEMORY = npx('@modelcontextprotocol/server-memory');
const FETCH = { command: 'uvx', args: ['mcp-server-fetch'] };
const SLACK = npx('@modelcontextprotocol/server-slack');
const GITHUB_REMOTE = { type: 'http', url: 'https://api.githubcopilot.com/mcp/' };
const GITHUB_NPX = npx('@modelcontextprotocol/server-github');

const json = (key: string, servers: object) => JSON.stringify({ [key]: servers }, null, 2);
const flows = (flows: object): WardenSettings => ({ rules: {}, ignore: [], flows }) as WardenSettings;
const dataLeakOnly = flows({ kinds: ['data-leak'] });

ruleTable(toxicFlow, {
  valid: [
    { name: 'filesystem + memory: private data and edits, nothing untrusted', path: '/p/.vscode/mcp.json', text: json('servers', { fs: FS, memory: MEMORY }) },
    { name: 'time + sequential thinking', path: '/p/.cursor/mcp.json', text: json('mcpServers', { time: { command: 'uvx', args: ['mcp-server-time'] }, think: npx('@modelcontextprotocol/server-sequential-thinking') }) },
    { name: 'fetch alone: untrusted content but nothing to reach or send', path: '/p/.mcp.json', text: json('mcpServers', { fetch: FETCH }) },
    { name: 'GitHub through its read-only endpoint', path: '/p/.vscode/mcp.json', text: json('servers', { github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/readonly' } }) },
    { name: 'GitHub with GITHUB_READ_ONLY', path: '/p/.cursor/mcp.json', text: json('mcpServers', { github: { command: 'github-mcp-server', args: ['stdio'], env: { GITHUB_READ_ONLY: '1' } } }) },
    { name: 'a disabled server removes the warning (Cline)', path: '/home/u/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', text: json('mcpServers', { github: { ...GITHUB_NPX, disabled: true } }) },
    {
      name: 'fetch + filesystem + a sender with the sender disabled (Roo), data leaks only',
      path: '/p/.roo/mcp.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS, slack: { ...SLACK, disabled: true } }),
      settings: dataLeakOnly,
    },
    { name: 'an accepted flow is silenced', path: '/p/.vscode/mcp.json', text: json('servers', { github: GITHUB_REMOTE }), settings: flows({ acceptedFlows: [{ servers: ['github'], reason: 'Private repositories only, reviewed 2025-06' }] }) },
    { name: 'an accepted flow given by glob and kind', path: '/p/.vscode/mcp.json', text: json('servers', { 'github-work': GITHUB_REMOTE }), settings: flows({ kinds: ['data-leak'], acceptedFlows: [{ servers: ['github*'], kinds: ['data-leak'], reason: 'reviewed' }] }) },
    {
      name: 'two clients are two sessions: fetch in Cursor, filesystem in VS Code',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { fetch: FETCH }),
      others: [{ path: '/p/.vscode/mcp.json', text: json('servers', { fs: FS }) }],
    },
    {
      name: "Claude Code local scope of another project does not join this project's session",
      path: '/home/u/.claude.json',
      text: JSON.stringify({ projects: { '/other': { mcpServers: { github: GITHUB_NPX } } } }),
      workspaceRoots: ['/p'],
    },
    { name: 'the kind can be turned off', path: '/p/.vscode/mcp.json', text: json('servers', { fetch: FETCH, fs: FS }), settings: flows({ kinds: ['data-leak'] }) },
  ],
  invalid: [
    {
      name: 'GitHub alone is a trifecta and a destructive flow',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { github: GITHUB_REMOTE }),
      errors: [
        { message: /^Toxic flow \(data leak\) in VS Code for p: An issue body read by `get_issue` \(github\) can instruct `.+` \(github\) and leave through `create_issue` \(github\)\./, text: '"github"', severity: 'warning', server: 'github', line: 3 },
        { message: /^Toxic flow \(destructive\) in VS Code for p: An issue body read by `get_issue` \(github\) can instruct `.+` \(github\) to change or delete things\./, server: 'github' },
      ],
    },
    {
      name: 'fetch + filesystem + a sender: the path crosses three servers',
      path: '/p/.mcp.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS, slack: SLACK }),
      settings: dataLeakOnly,
      errors: [
        { server: 'fetch', message: 'A web page read by `fetch` (fetch) can instruct `read_file` (fs) and leave through `slack_post_message` (slack)' },
        { server: 'fs', message: 'can instruct `read_file` (fs) and leave through' },
        { server: 'slack', message: 'Also in this flow: fetch, fs.' },
      ],
    },
    {
      name: 'fetch + filesystem is destructive: a web page can instruct write_file',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS }),
      errors: [
        { server: 'fetch', message: 'A web page read by `fetch` (fetch) can instruct `write_file` (fs) to change or delete things' },
        { server: 'fs', message: 'Toxic flow (destructive)' },
      ],
    },
    {
      name: "the user's config joins the workspace session",
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { fs: FS }),
      others: [{ path: '/home/u/.cursor/mcp.json', text: json('mcpServers', { fetch: FETCH, slack: SLACK }), scope: 'user' }],
      settings: dataLeakOnly,
      errors: [{ server: 'fs', message: 'Also in this flow: fetch, slack.' }],
    },
    {
      name: 'Claude Code local scope of this project',
      path: '/home/u/.claude.json',
      text: JSON.stringify({ projects: { '/p': { mcpServers: { github: GITHUB_NPX } } } }),
      workspaceRoots: ['/p'],
      settings: dataLeakOnly,
      errors: [{ server: 'github', message: 'in Claude Code for p' }],
    },
    {
      name: 'an unknown server judged by its name: a guess, so only info',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { mail: npx('acme-gmail-mcp') }),
      errors: [{ server: 'mail', severity: 'info', message: 'The tools of `mail` (guessed from its name) can bring in untrusted content, reach private data and send it out on its own.' }],
    },
    {
      name: 'an accepted flow does not cover a new server on the path',
      path: '/p/.mcp.json',
      text: json('mcpServers', { github: GITHUB_NPX, fetch: FETCH }),
      settings: flows({ kinds: ['data-leak'], acceptedFlows: [{ servers: ['github'], reason: 'reviewed' }] }),
      errors: [
        { server: 'github', message: 'A web page read by `fetch` (fetch)' },
        { server: 'fetch', message: 'A web page read by `fetch` (fetch)' },
      ],
    },
  ],
});
