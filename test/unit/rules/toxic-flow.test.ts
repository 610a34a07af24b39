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
    {
      name: 'fetch in one folder, filesystem in another, not one window (scan a b): no flow across them',
      path: '/b/.vscode/mcp.json',
      text: json('servers', { fetch: FETCH }),
      others: [{ path: '/a/.vscode/mcp.json', text: json('servers', { fs: npx('@modelcontextprotocol/server-filesystem', '/a') }) }],
      workspaceRoots: ['/a', '/b'],
    },
    { name: 'filesystem + memory: private data and edits, nothing untrusted', path: '/p/.vscode/mcp.json', text: json('servers', { fs: FS, memory: MEMORY }) },
    {
      name: 'time + sequential thinking',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { time: { command: 'uvx', args: ['mcp-server-time'] }, think: npx('@modelcontextprotocol/server-sequential-thinking') }),
    },
    { name: 'fetch alone: untrusted content but nothing to reach or send', path: '/p/.mcp.json', text: json('mcpServers', { fetch: FETCH }) },
    {
      name: 'GitHub through its read-only endpoint',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/readonly' } }),
    },
    {
      name: 'GitHub with GITHUB_READ_ONLY',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { github: { command: 'github-mcp-server', args: ['stdio'], env: { GITHUB_READ_ONLY: '1' } } }),
    },
    {
      name: 'a disabled server removes the warning (Cline)',
      path: '/home/u/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      text: json('mcpServers', { github: { ...GITHUB_NPX, disabled: true } }),
    },
    {
      name: 'fetch + filesystem + a sender with the sender disabled (Roo), data leaks only',
      path: '/p/.roo/mcp.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS, slack: { ...SLACK, disabled: true } }),
      settings: dataLeakOnly,
    },
    {
      name: 'an accepted flow is silenced',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { github: GITHUB_REMOTE }),
      settings: flows({ acceptedFlows: [{ servers: ['github'], reason: 'Private repositories only, reviewed 2025-06' }] }),
    },
    {
      name: 'an accepted flow given by glob and kind',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { 'github-work': GITHUB_REMOTE }),
      settings: flows({ kinds: ['data-leak'], acceptedFlows: [{ servers: ['github*'], kinds: ['data-leak'], reason: 'reviewed' }] }),
    },
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
    {
      name: 'a sample in examples/ is not loaded with the workspace config: separate sessions',
      path: '/p/examples/claude_desktop_config.json',
      text: json('mcpServers', { fetch: FETCH }),
      others: [
        { path: '/p/.mcp.json', text: json('mcpServers', { fs: FS }) },
        { path: '/p/docs/mcp.json', text: json('servers', { fs: FS }) },
      ],
      workspaceRoots: ['/p'],
    },
    {
      name: 'a config in docs/ (client known from its content) is a session of its own',
      path: '/p/docs/mcp.json',
      text: json('servers', { fetch: FETCH }),
      others: [{ path: '/p/.vscode/mcp.json', text: json('servers', { fs: FS }) }],
      workspaceRoots: ['/p'],
    },
    {
      name: 'two explicit Claude Desktop files outside any known folder are two sessions',
      path: '/tmp/a/claude_desktop_config.json',
      text: json('mcpServers', { fetch: FETCH }),
      others: [{ path: '/tmp/b/claude_desktop_config.json', text: json('mcpServers', { fs: FS }) }],
    },
    {
      name: "a config in a subfolder's .cursor is that folder's, not the workspace's",
      path: '/p/examples/.cursor/mcp.json',
      text: json('mcpServers', { fetch: FETCH }),
      others: [{ path: '/p/.cursor/mcp.json', text: json('mcpServers', { fs: FS }) }],
      workspaceRoots: ['/p'],
    },
    {
      name: 'GitHub with only the context and users toolsets: nothing goes out',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { github: { command: 'github-mcp-server', args: ['stdio', '--toolsets', 'context,users'] } }),
    },
    {
      name: 'GitHub gists toolset through the read-only endpoint',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/x/gists/readonly' } }),
    },
    {
      name: 'Claude Code: a .mcp.json server the user rejected (disabledMcpjsonServers) is not loaded',
      path: '/p/.mcp.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS }),
      others: [{ path: '/home/u/.claude.json', text: JSON.stringify({ projects: { '/p': { disabledMcpjsonServers: ['fetch'] } } }), scope: 'user' }],
      workspaceRoots: ['/p'],
    },
    {
      name: 'a documentation server gets no role from its name (aws-documentation is not private data)',
      path: '/p/.gemini/settings.json',
      text: json('mcpServers', {
        fetch: FETCH,
        'aws-docs': { command: 'uvx', args: ['awslabs.aws-documentation-mcp-server@latest'] },
        sender: { ...SLACK, includeTools: ['slack_post_message'] },
      }),
      settings: dataLeakOnly,
    },
    {
      name: 'a server the catalog knows gets no role from its config name (a time server called "gmail-shell")',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { fetch: FETCH, 'gmail-shell': { command: 'uvx', args: ['mcp-server-time'] } }),
    },
    {
      name: 'the kind can be turned off',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { fetch: FETCH, fs: FS }),
      settings: flows({ kinds: ['data-leak'] }),
    },
  ],
  invalid: [
    {
      name: "the same two folders in one multi-root window: one session, the other folder's server is related",
      path: '/b/.vscode/mcp.json',
      text: json('servers', { fetch: FETCH }),
      others: [{ path: '/a/.vscode/mcp.json', text: json('servers', { fs: npx('@modelcontextprotocol/server-filesystem', '/a') }) }],
      workspaceRoots: ['/a', '/b'],
      window: { folders: ['/a', '/b'] },
      output: null,
      errors: [
        {
          server: 'fetch',
          message: 'Toxic flow (destructive) in VS Code: A web page read by `fetch` (fetch) can instruct `write_file` (fs) to change or delete things.',
        },
      ],
    },
    {
      name: 'GitHub alone is a trifecta and a destructive flow: one finding per kind, on the server',
      path: '/p/.vscode/mcp.json',
      text: json('servers', { github: GITHUB_REMOTE }),
      errors: [
        {
          message:
            /^Toxic flow \(data leak\) in VS Code: An issue body read by `get_issue` \(github\) can instruct `.+` \(github\) and leave through `create_issue` \(github\)\.$/,
          text: '"github"',
          severity: 'warning',
          server: 'github',
          line: 3,
        },
        {
          message:
            /^Toxic flow \(destructive\) in VS Code: An issue body read by `get_issue` \(github\) can instruct `.+` \(github\) to change or delete things\.$/,
          server: 'github',
        },
      ],
    },
    {
      name: 'fetch + filesystem + a sender: one data-leak finding, on the server that brings the content in',
      path: '/p/.gemini/settings.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS, sender: npx('@modelcontextprotocol/server-slack') }),
      output:
        '{\n  "mcpServers": {\n    "fetch": {\n      "command": "uvx",\n      "args": [\n        "mcp-server-fetch"\n      ]\n    },\n    "fs": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@modelcontextprotocol/server-filesystem",\n        "/p"\n      ]\n    },\n    "sender": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@modelcontextprotocol/server-slack"\n      ],\n      "excludeTools": ["slack_post_message", "slack_reply_to_thread"]\n    }\n  }\n}',
      settings: dataLeakOnly,
      errors: [
        {
          server: 'sender',
          message:
            'Toxic flow (data leak) in Gemini CLI: `sender` can bring in untrusted content, reach private data and send it out on its own. (2 more servers add to it)',
        },
      ],
    },
    {
      name: 'fetch + filesystem + a sender that only posts: the path crosses three servers',
      path: '/p/.gemini/settings.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS, sender: { ...SLACK, includeTools: ['slack_post_message'] } }),
      output:
        '{\n  "mcpServers": {\n    "fetch": {\n      "command": "uvx",\n      "args": [\n        "mcp-server-fetch"\n      ],\n      "excludeTools": ["fetch"]\n    },\n    "fs": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@modelcontextprotocol/server-filesystem",\n        "/p"\n      ]\n    },\n    "sender": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@modelcontextprotocol/server-slack"\n      ],\n      "includeTools": [\n        "slack_post_message"\n      ]\n    }\n  }\n}',
      settings: dataLeakOnly,
      errors: [
        {
          server: 'fetch',
          message:
            'Toxic flow (data leak) in Gemini CLI: A web page read by `fetch` (fetch) can instruct `read_file` (fs) and leave through `slack_post_message` (sender).',
        },
      ],
    },
    {
      name: 'fetch + filesystem is destructive: one finding on fetch',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { fetch: FETCH, fs: FS }),
      errors: [
        {
          server: 'fetch',
          message: 'Toxic flow (destructive) in Cursor: A web page read by `fetch` (fetch) can instruct `write_file` (fs) to change or delete things.',
        },
      ],
    },
    {
      name: "the user's config joins the workspace session (the finding sits in the user's file, on fetch)",
      path: '/home/u/.cursor/mcp.json',
      scope: 'user',
      text: json('mcpServers', { fetch: FETCH }),
      others: [{ path: '/p/.cursor/mcp.json', text: json('mcpServers', { fs: FS }) }],
      workspaceRoots: ['/p'],
      errors: [
        {
          server: 'fetch',
          message: 'Toxic flow (destructive) in Cursor: A web page read by `fetch` (fetch) can instruct `write_file` (fs) to change or delete things.',
        },
      ],
    },
    {
      name: 'Claude Code local scope of this project',
      path: '/home/u/.claude.json',
      text: JSON.stringify({ projects: { '/p': { mcpServers: { github: GITHUB_NPX } } } }),
      workspaceRoots: ['/p'],
      settings: dataLeakOnly,
      errors: [{ server: 'github', message: 'Toxic flow (data leak) in Claude Code: ' }],
    },
    {
      name: 'an unknown server judged by its name: a guess, so only info',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { mail: npx('acme-gmail-mcp') }),
      errors: [
        {
          server: 'mail',
          severity: 'info',
          message:
            'Toxic flow (data leak) in Cursor: The tools of `mail` (guessed from its name) can bring in untrusted content, reach private data and send it out on its own.',
        },
      ],
    },
    {
      name: 'an accepted flow does not cover a new server on the path',
      path: '/p/.mcp.json',
      text: json('mcpServers', { github: GITHUB_NPX, fetch: FETCH }),
      settings: flows({ kinds: ['data-leak'], acceptedFlows: [{ servers: ['github'], reason: 'reviewed' }] }),
      errors: [{ server: 'fetch', message: 'A web page read by `fetch` (fetch)' }],
    },
    {
      name: 'GitHub with the issues toolset: issues in, comments out, issues edited',
      path: '/p/.cursor/mcp.json',
      text: json('mcpServers', { github: { command: 'github-mcp-server', args: ['stdio', '--toolsets=issues'] } }),
      errors: [
        { server: 'github', message: /^Toxic flow \(data leak\) in Cursor: An issue body read by `get_issue` \(github\)/ },
        {
          server: 'github',
          message:
            /^Toxic flow \(destructive\) in Cursor: An issue body read by `get_issue` \(github\) can instruct `(update_issue|issue_write|sub_issue_write|assign_copilot_to_issue)` \(github\)/,
        },
      ],
    },
    {
      name: "a server MCP Warden serves to VS Code stays in VS Code's session (the flow survives the secret move)",
      path: '/p/.vscode/mcp.json',
      text: json('servers', { fetch: FETCH }),
      others: [{ path: '/p/.vscode/mcp-warden.json', text: json('servers', { fs: { ...FS, env: { API_KEY: '${secret:fs-key}' } } }) }],
      workspaceRoots: ['/p'],
      errors: [
        {
          server: 'fetch',
          message: 'Toxic flow (destructive) in VS Code: A web page read by `fetch` (fetch) can instruct `write_file` (fs) to change or delete things.',
        },
      ],
    },
  ],
});
