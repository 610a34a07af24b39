import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { ruleTable } from '../helpers/ruleTester';

// Issue 13: a disabled server is still reported, one step lower, because enabling it runs the unpinned package.
const DISABLED = 'Disabled (`disabled: true`): enabling it runs this.';
const flagged = (server: string, text: string, said = DISABLED) => ({ text, server, severity: 'info' as const, message: said });
const mcpJson =
  '{"mcpServers": {"gh": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]}, "on": {"command": "npx", "args": ["on-mcp@1.0.0"]}}}';

ruleTable(unpinnedPackage, {
  valid: [
    {
      name: 'Roo Code, disabled and pinned',
      path: '/p/.roo/mcp.json',
      text: '{"mcpServers": {"s": {"command": "npx", "args": ["pkg@1.2.3"], "disabled": true}}}',
    },
    {
      name: 'Cline, disabled: false and pinned',
      path: '/home/u/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      text: '{"mcpServers": {"s": {"command": "uvx", "args": ["mcp-server-git==0.6.2"], "disabled": false}}}',
    },
    {
      name: 'Codex, enabled = false and pinned',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.f]\ncommand = "npx"\nargs = ["-y", "pkg@1.0.0"]\nenabled = false\n',
    },
    {
      name: 'Claude Code, rejected for another folder: not this project',
      path: '/p/.mcp.json',
      text: '{"mcpServers": {"gh": {"command": "npx", "args": ["pkg@2.0.0"]}}}',
      others: [{ path: '/home/u/.claude.json', text: '{"projects": {"/q": {"disabledMcpjsonServers": ["gh"], "mcpServers": {}}}}', scope: 'user' }],
      workspaceRoots: ['/p'],
    },
  ],
  invalid: [
    {
      name: 'Roo Code disabled: true',
      path: '/p/.roo/mcp.json',
      text: '{"mcpServers": {"s": {"command": "npx", "args": ["-y", "pkg"], "disabled": true}}}',
      errors: [flagged('s', 'pkg')],
    },
    {
      name: 'Cline disabled: true',
      path: '/home/u/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      text: '{"mcpServers": {"s": {"command": "uvx", "args": ["mcp-server-fetch"], "disabled": true}}}',
      errors: [flagged('s', 'mcp-server-fetch')],
    },
    {
      name: 'Kiro disabled: true',
      path: '/p/.kiro/settings/mcp.json',
      text: '{"mcpServers": {"s": {"command": "uvx", "args": ["awslabs.core-mcp-server@latest"], "disabled": true}}}',
      errors: [flagged('s', 'awslabs.core-mcp-server@latest')],
    },
    {
      name: 'Amazon Q disabled: true',
      path: '/p/.amazonq/mcp.json',
      text: '{"mcpServers": {"s": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch"], "disabled": true}}}',
      errors: [flagged('s', 'mcp/fetch')],
    },
    {
      name: 'Codex enabled = false',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.f]\ncommand = "npx"\nargs = ["-y", "some-mcp@latest"]\nenabled = false\n',
      errors: [flagged('f', 'some-mcp@latest', 'Disabled (`enabled = false`): enabling it runs this.')],
    },
    {
      name: 'Goose enabled: false',
      path: '/home/u/.config/goose/config.yaml',
      text: 'extensions:\n  fetch:\n    name: fetch\n    type: stdio\n    cmd: uvx\n    args: [mcp-server-fetch]\n    enabled: false\n',
      errors: [flagged('fetch', 'mcp-server-fetch', '(`enabled: false`)')],
    },
    {
      name: 'OpenCode enabled: false, named as written',
      path: '/p/opencode.json',
      text: '{"mcp": {"fetch": {"type": "local", "command": ["uvx", "mcp-server-fetch"], "enabled": false}}}',
      errors: [flagged('fetch', 'mcp-server-fetch', '(`enabled: false`)')],
    },
    {
      name: 'Gemini CLI mcp.excluded',
      path: '/p/.gemini/settings.json',
      text: '{"mcp": {"excluded": ["gh"]}, "mcpServers": {"gh": {"command": "npx", "args": ["@modelcontextprotocol/server-github"]}}}',
      errors: [flagged('gh', '@modelcontextprotocol/server-github', 'Disabled (listed in `mcp.excluded`)')],
    },
    {
      name: 'Gemini CLI mcp.allowed leaves one out',
      path: '/p/.gemini/settings.json',
      text: '{"mcp": {"allowed": ["a"]}, "mcpServers": {"a": {"command": "npx", "args": ["a-mcp"]}, "b": {"command": "npx", "args": ["b-mcp"]}}}',
      errors: [{ text: 'a-mcp', severity: 'warning' }, flagged('b', 'b-mcp', 'missing from `mcp.allowed`')],
    },
    {
      name: "Claude Code .mcp.json server rejected in ~/.claude.json's project entry",
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/home/u/.claude.json', text: '{"projects": {"/p": {"disabledMcpjsonServers": ["gh"], "mcpServers": {}}}}', scope: 'user' }],
      workspaceRoots: ['/p'],
      errors: [flagged('gh', '@modelcontextprotocol/server-github', '(`disabledMcpjsonServers` in ~/.claude.json)')],
    },
    {
      name: "Claude Code .mcp.json server rejected in the project's .claude/settings.json",
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/p/.claude/settings.json', text: '{"permissions": {"allow": []}, "disabledMcpjsonServers": ["gh"]}' }],
      workspaceRoots: ['/p'],
      errors: [flagged('gh', '@modelcontextprotocol/server-github', 'Disabled (`disabledMcpjsonServers` in .claude/settings.json)')],
    },
    {
      name: 'Claude Code: rejected in settings.local.json, even though approved elsewhere (a rejection wins)',
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [
        { path: '/p/.claude/settings.local.json', text: '{"disabledMcpjsonServers": ["gh"]}' },
        { path: '/p/.claude/settings.json', text: '{"enabledMcpjsonServers": ["gh"], "enableAllProjectMcpServers": true}' },
      ],
      workspaceRoots: ['/p'],
      errors: [flagged('gh', '@modelcontextprotocol/server-github', 'in .claude/settings.local.json')],
    },
    {
      name: "Claude Code: rejected in the user's ~/.claude/settings.json, for every project",
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/home/u/.claude/settings.json', text: '{"disabledMcpjsonServers": ["gh"]}', scope: 'user' }],
      workspaceRoots: ['/p'],
      errors: [flagged('gh', '@modelcontextprotocol/server-github', 'in ~/.claude/settings.json')],
    },
    {
      name: 'Claude Code: rejected in the managed settings',
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/etc/claude-code/managed-settings.json', text: '{"disabledMcpjsonServers": ["gh"]}' }],
      workspaceRoots: ['/p'],
      errors: [flagged('gh', '@modelcontextprotocol/server-github', 'in managed-settings.json')],
    },
    {
      name: 'Claude Code compares names with characters outside [A-Za-z0-9_-] replaced by _',
      path: '/p/.mcp.json',
      text: '{"mcpServers": {"gh.tools": {"command": "npx", "args": ["gh-mcp"]}}}',
      others: [{ path: '/p/.claude/settings.json', text: '{"disabledMcpjsonServers": ["gh_tools"]}' }],
      workspaceRoots: ['/p'],
      errors: [flagged('gh.tools', 'gh-mcp', 'in .claude/settings.json')],
    },
    {
      name: 'Claude Code: approved or awaiting approval is enabled (the user is asked, and may say yes)',
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/p/.claude/settings.json', text: '{"enabledMcpjsonServers": ["on"], "enableAllProjectMcpServers": false}' }],
      workspaceRoots: ['/p'],
      errors: [{ text: '@modelcontextprotocol/server-github', severity: 'warning', server: 'gh' }],
    },
    {
      name: "Claude Code: another folder's settings, a malformed list, and user-scope servers are not rejected",
      path: '/home/u/.claude.json',
      scope: 'user',
      text: '{"mcpServers": {"gh": {"command": "npx", "args": ["user-gh-mcp"]}}, "projects": {"/p": {"mcpServers": {"gh": {"command": "npx", "args": ["local-gh-mcp"]}}}}}',
      others: [
        { path: '/p/.claude/settings.json', text: '{"disabledMcpjsonServers": ["gh"]}' },
        { path: '/p/.mcp.json', text: '{"mcpServers": {}}' },
      ],
      workspaceRoots: ['/p'],
      errors: [
        { text: 'user-gh-mcp', severity: 'warning' },
        { text: 'local-gh-mcp', severity: 'warning' },
      ],
    },
    {
      name: 'Claude Code: a settings file Claude Code refuses (a list of the wrong type) disables nothing',
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/p/.claude/settings.json', text: '{"disabledMcpjsonServers": "gh"}' }],
      workspaceRoots: ['/p'],
      errors: [{ text: '@modelcontextprotocol/server-github', severity: 'warning', server: 'gh' }],
    },
    {
      name: "Claude Code: another folder's .claude/settings.json does not reject this folder's server",
      path: '/p/.mcp.json',
      text: mcpJson,
      others: [{ path: '/q/.claude/settings.json', text: '{"disabledMcpjsonServers": ["gh"]}' }],
      workspaceRoots: ['/p', '/q'],
      errors: [{ text: '@modelcontextprotocol/server-github', severity: 'warning', server: 'gh' }],
    },
    {
      name: 'an enabled server stays a warning next to a disabled one',
      path: '/p/.roo/mcp.json',
      text: '{"mcpServers": {"on": {"command": "npx", "args": ["on-mcp"]}, "off": {"command": "npx", "args": ["off-mcp"], "disabled": true}}}',
      errors: [{ text: 'on-mcp', severity: 'warning', server: 'on' }, flagged('off', 'off-mcp')],
    },
  ],
});
