import { parseError } from '../../../src/core/rules/parse-error';
import { ruleTable } from '../helpers/ruleTester';

ruleTable(parseError, {
  valid: [
    { name: 'valid JSON', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"a": {"command": "npx"}}}' },
    {
      name: 'comments and trailing commas in JSONC (VS Code)',
      path: '/p/.vscode/mcp.json',
      text: '{\n  // team servers\n  "servers": {"a": {"command": "npx",},},\n}',
    },
    { name: 'comments where the client is not known to reject them (Cursor)', path: '/p/.cursor/mcp.json', text: '{/* x */ "mcpServers": {}}' },
    { name: 'empty file', path: '/p/.cursor/mcp.json', text: '' },
    {
      name: 'Claude Code settings with well-formed MCP lists',
      path: '/p/.claude/settings.local.json',
      text: '{"enabledMcpjsonServers": ["a"], "disabledMcpjsonServers": [], "enableAllProjectMcpServers": false}',
    },
    {
      name: 'a list of the wrong type in a file that is not Claude Code settings',
      path: '/p/.mcp.json',
      text: '{"disabledMcpjsonServers": "a", "mcpServers": {}}',
    },
    { name: 'valid YAML', path: '/p/.continue/mcpServers/a.yaml', text: 'mcpServers:\n  - name: a\n    command: npx\n' },
    { name: 'valid TOML', path: '/p/.codex/config.toml', text: '[mcp_servers.a]\ncommand = "npx"\n' },
    { name: 'nesting of real configs', path: '/p/.cursor/mcp.json', text: '{"a": ' + '['.repeat(200) + ']'.repeat(200) + '}' },
  ],
  invalid: [
    {
      name: 'Claude Code settings: disabledMcpjsonServers is not a list (Claude Code refuses the file, so nothing is rejected)',
      path: '/p/.claude/settings.json',
      text: '{"disabledMcpjsonServers": "gh"}',
      errors: [{ text: '"gh"', severity: 'error', message: '`disabledMcpjsonServers` must be a list of server names' }],
    },
    {
      name: 'Claude Code settings: a name that is not a string, and enableAllProjectMcpServers as text',
      path: '/home/u/.claude/settings.json',
      text: '{"enabledMcpjsonServers": ["a", 1], "enableAllProjectMcpServers": "yes"}',
      errors: [
        { text: '1', message: '`enabledMcpjsonServers` must be a list' },
        { text: '"yes"', message: '`enableAllProjectMcpServers` must be true or false' },
      ],
    },
    {
      name: 'missing comma, reported at the next key',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {\n  "a": {"command": "npx"}\n  "b": {"command": "uvx"}\n}}',
      errors: [{ line: 3, text: '"b"', message: "Comma ',' expected", severity: 'error', path: [] }],
    },
    {
      name: 'unclosed string',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"a": {"command": "npx}}}',
      errors: [{ line: 1, message: 'String is not closed' }, { message: "Closing brace '}' expected" }],
    },
    {
      name: 'comment in a strict JSON client (Claude Desktop)',
      path: '/p/claude_desktop_config.json',
      text: '{\n  // personal servers\n  "mcpServers": {}\n}',
      errors: [{ line: 2, text: '// personal servers', message: 'Comment in a strict JSON file' }],
    },
    {
      name: 'trailing comma in a strict JSON client (Claude Code)',
      path: '/p/.mcp.json',
      text: '{"mcpServers": {"a": {"command": "npx", "args": ["x",]}}}',
      errors: [{ line: 1, text: ']', message: "Trailing comma before ']'" }],
    },
    {
      name: 'two top-level values',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {}}\n{"mcpServers": {}}',
      errors: [{ line: 2, message: 'End of file expected' }],
    },
    {
      name: 'YAML: tab indentation',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'mcpServers:\n  - name: a\n\tcommand: npx\n',
      errors: [{ line: 3, message: 'YAML syntax error' }],
    },
    {
      name: 'YAML: unclosed quote, at the quote',
      path: '/home/u/.config/goose/config.yaml',
      text: "extensions:\n  gh:\n    cmd: 'npx\n    args: [x]\n",
      errors: [{ line: 3, text: "'", message: 'never closed' }],
    },
    {
      name: 'TOML: unquoted string value',
      path: '/p/.codex/config.toml',
      text: '[mcp_servers.a]\ncommand = npx\n',
      errors: [{ line: 2, text: 'npx', message: 'TOML syntax error' }],
    },
    {
      name: 'nesting too deep',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": ' + '['.repeat(300) + ']'.repeat(300) + '}',
      errors: [{ line: 1, text: '[', message: 'Nesting deeper than 256 levels' }],
    },
  ],
});
