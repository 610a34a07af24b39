import { misplacedServersKey } from '../../../src/core/rules/misplaced-servers-key';
import { ruleTable } from '../helpers/ruleTester';

ruleTable(misplacedServersKey, {
  valid: [
    { name: 'Cursor with mcpServers', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"a": {"command": "npx"}}}' },
    { name: 'VS Code with servers', path: '/p/.vscode/mcp.json', text: '{"servers": {"a": {"command": "npx"}}}' },
    {
      name: 'VS Code user settings with mcp.servers',
      path: '/home/u/.config/Code/User/settings.json',
      text: '{"mcp": {"servers": {"a": {"command": "npx"}}}}',
    },
    { name: 'an empty foreign key loads nothing either way', path: '/p/.cursor/mcp.json', text: '{"servers": {}}' },
    { name: 'file recognised by content', path: '/p/team.json', text: '{"servers": {"a": {"command": "npx"}}}' },
    { name: 'Claude Code settings with an empty mcpServers', path: '/p/.claude/settings.local.json', text: '{"permissions": {}, "mcpServers": {}}' },
    {
      name: 'Claude Code settings with only its lists',
      path: '/p/.claude/settings.json',
      text: '{"disabledMcpjsonServers": ["gh"], "enableAllProjectMcpServers": true}',
    },
    {
      name: 'own key present with servers, foreign key too',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"a": {"command": "x"}}, "servers": {"b": {"command": "y"}}}',
    },
  ],
  invalid: [
    {
      name: 'Claude Code settings file with servers (Claude Code ignores them)',
      path: '/p/.claude/settings.json',
      text: '{\n  "mcpServers": {"x": {"command": "npx", "args": ["foo"]}}\n}',
      errors: [{ line: 2, text: '"mcpServers"', severity: 'error', path: ['mcpServers'], message: 'Claude Code reads no servers from its settings files' }],
    },
    {
      name: 'Cursor file with VS Code servers key',
      path: '/p/.cursor/mcp.json',
      text: '{\n  "servers": {"github": {"command": "npx"}}\n}',
      errors: [{ line: 2, text: '"servers"', severity: 'error', path: ['servers'], message: 'Cursor reads servers from `mcpServers`, not `servers`' }],
    },
    {
      name: 'VS Code file with mcpServers',
      path: '/p/.vscode/mcp.json',
      text: '{"mcpServers": {"github": {"command": "npx"}}}',
      errors: [{ text: '"mcpServers"', message: 'VS Code reads servers from `servers` or `mcp.servers`, not `mcpServers`' }],
    },
    {
      name: 'Zed settings with mcpServers',
      path: '/home/u/.config/zed/settings.json',
      text: '{"mcpServers": {"a": {"command": "npx"}}}',
      errors: [{ message: 'Zed reads servers from `context_servers`' }],
    },
    {
      name: 'Gemini settings with context_servers',
      path: '/p/.gemini/settings.json',
      text: '{"context_servers": {"a": {"command": "npx"}}}',
      errors: [{ message: 'the key of Zed' }],
    },
    {
      name: 'Codex TOML with mcpServers table',
      path: '/p/.codex/config.toml',
      text: '[mcpServers.a]\ncommand = "npx"\n',
      errors: [{ message: 'OpenAI Codex CLI reads servers from `mcp_servers`' }],
    },
  ],
});
