import { unknownConfigFormat } from '../../../src/core/rules/unknown-config-format';
import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { ruleTable } from '../helpers/ruleTester';

// Issue 13: servers in a layout no known client reads (an OpenCode-style `mcp` map outside OpenCode's files, a tool's own
// list, another client's key) still have their launches checked, and the file says that only that was checked.
const OPENCODE =
  '{\n  "$schema": "https://opencode.ai/config.json",\n  "mcp": {\n    "antd": { "type": "local", "command": ["npx", "-y", "@ant-design/cli", "mcp"] }\n  }\n}';
/** The same map in a file no known client owns (Kilo Code's newer `kilo.jsonc`, without OpenCode's `$schema`). */
const OPENCODE_STYLE = OPENCODE.replace('  "$schema": "https://opencode.ai/config.json",\n', '');
const TOOL_LIST = 'tools:\n  - name: fetch\n    command: uvx mcp-server-fetch\n  - name: local\n    command: ./bin/server\n';

ruleTable(unpinnedPackage, {
  valid: [
    { name: 'OpenCode map, pinned', path: '/p/opencode.json', text: OPENCODE.replace('@ant-design/cli', '@ant-design/cli@6.1.0') },
    {
      name: 'tasks with commands are not servers',
      path: '/p/.vscode/tasks.json',
      text: '{"version": "2.0.0", "tasks": [{"label": "x", "command": "npx eslint ."}]}',
    },
    { name: 'hooks with commands are not servers', path: '/p/.claude/settings.json', text: '{"hooks": {"Stop": [{"command": "npx prettier --write ."}]}}' },
    {
      name: 'a known layout is not guessed twice',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"a": {"command": "npx", "args": ["a@1.0.0"]}}, "other": {"tools": {"b": {"command": "npx b"}}}}',
    },
  ],
  invalid: [
    {
      name: 'OpenCode `mcp` map with a command array (a known client)',
      path: '/p/opencode.json',
      text: OPENCODE,
      errors: [{ line: 4, text: '@ant-design/cli', server: 'antd', severity: 'warning', message: 'has no version: npx runs' }],
    },
    {
      name: 'an OpenCode-style map elsewhere: the note names the layout',
      path: '/p/kilo.jsonc',
      text: OPENCODE_STYLE,
      errors: [{ text: '@ant-design/cli', message: '(Unknown layout: launch checked only.)' }],
    },
    {
      name: 'a list of tools with command strings (YAML)',
      path: '/p/agent.yaml',
      text: TOOL_LIST,
      errors: [{ line: 3, text: 'mcp-server-fetch', server: 'fetch', message: 'uvx runs' }],
    },
    {
      name: 'a Cursor file with VS Code `servers`',
      path: '/p/.cursor/mcp.json',
      text: '{\n  "servers": {\n    "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."] }\n  }\n}',
      errors: [
        {
          line: 3,
          text: '@modelcontextprotocol/server-filesystem',
          server: 'filesystem',
          severity: 'info',
          message: '(Cursor does not load this entry, which is outside its keys: launch checked only.)',
        },
      ],
    },
    {
      name: "a task list in a Cursor file (not Cursor's keys): info, Cursor runs none of it",
      path: '/p/.cursor/mcp.json',
      text: '{\n  "tools": [\n    { "id": "cli", "command": "npx some-cli", "args": [] }\n  ]\n}',
      errors: [{ line: 3, text: 'some-cli', severity: 'info', message: 'Cursor does not load this entry' }],
    },
    {
      name: 'a disabled server in an unknown layout',
      path: '/p/tool.json',
      text: '{"mcp": {"x": {"command": ["uvx", "mcp-server-git"], "enabled": false}}}',
      errors: [{ text: 'mcp-server-git', severity: 'info', message: 'enabling it runs this.' }],
    },
  ],
});

ruleTable(unknownConfigFormat, {
  valid: [
    { name: 'OpenCode is a known client', path: '/p/opencode.json', text: OPENCODE },
    { name: "OpenCode's layout is known from its $schema whatever the file is called", path: '/p/config/agent.json', text: OPENCODE },
    {
      name: 'a known client with a misplaced key: misplaced-servers-key speaks',
      path: '/p/.cursor/mcp.json',
      text: '{"servers": {"f": {"command": "npx", "args": ["f"]}}}',
    },
  ],
  invalid: [
    {
      name: 'an OpenCode-style map elsewhere: what was checked',
      path: '/p/kilo.jsonc',
      text: OPENCODE_STYLE,
      errors: [
        { line: 1, text: '{', severity: 'warning', message: 'Not a layout MCP Warden knows; only the launch commands of its server (antd) were checked' },
      ],
    },
    {
      name: 'a list of tools',
      path: '/p/agent.yaml',
      text: TOOL_LIST,
      errors: [{ line: 1, text: 'tools:', message: 'launch commands of 2 servers (fetch, local) were checked' }],
    },
  ],
});
