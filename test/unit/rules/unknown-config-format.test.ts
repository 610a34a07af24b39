import { unknownConfigFormat } from '../../../src/core/rules/unknown-config-format';
import { ruleTable } from '../helpers/ruleTester';

ruleTable(unknownConfigFormat, {
  valid: [
    { name: 'known by name', path: '/p/.cursor/mcp.json', text: '{}' },
    { name: 'unknown name, Claude-style content', path: '/p/team.json', text: '{"mcpServers": {"a": {"command": "npx"}}}' },
    { name: 'unknown name, VS Code content', path: '/p/team.json', text: '{"servers": {"a": {"type": "http", "url": "https://x.example"}}}' },
    { name: 'unknown name, Zed content', path: '/p/team.json', text: '{"context_servers": {}}' },
    { name: 'unknown name, Continue YAML', path: '/p/team.yaml', text: 'mcpServers:\n  - name: a\n    command: npx\n' },
    { name: 'unknown name, Goose YAML', path: '/p/team.yaml', text: 'extensions:\n  gh:\n    cmd: npx\n' },
    { name: 'unknown name, Codex TOML', path: '/p/team.toml', text: '[mcp_servers.a]\ncommand = "npx"\n' },
    { name: 'dialect forced', path: '/p/team.json', client: 'cursor', text: '{"theme": "dark"}' },
    { name: 'a syntax error speaks instead', path: '/p/team.json', text: '{"theme": ' },
  ],
  invalid: [
    {
      name: 'package.json given by mistake',
      path: '/p/package.json',
      text: '{\n  "name": "app",\n  "version": "1.0.0"\n}',
      errors: [{ line: 1, text: '{', severity: 'warning', path: [], message: 'Not recognised as an MCP config' }],
    },
    {
      name: 'YAML with no servers key',
      path: '/p/compose.yaml',
      text: 'services:\n  web:\n    image: nginx\n',
      errors: [{ line: 1, text: 'services:', message: 'If it is one, use --client.' }],
    },
    {
      name: 'TOML with no mcp_servers table',
      path: '/p/Cargo.toml',
      text: '[package]\nname = "x"\n',
      errors: [{ line: 1, text: '[package]' }],
    },
  ],
});
