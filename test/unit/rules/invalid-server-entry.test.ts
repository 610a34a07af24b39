import { invalidServerEntry } from '../../../src/core/rules/invalid-server-entry';
import { ruleTable } from '../helpers/ruleTester';

ruleTable(invalidServerEntry, {
  valid: [
    { name: 'stdio server', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"a": {"command": "npx", "args": ["-y", "x@1.0.0"], "env": {"A": "1"}}}}' },
    { name: 'remote server', path: '/p/.vscode/mcp.json', text: '{"servers": {"a": {"type": "http", "url": "https://x.example/mcp", "headers": {"X": "1"}}}}' },
    { name: 'Windsurf serverUrl', path: '/home/u/.codeium/windsurf/mcp_config.json', text: '{"mcpServers": {"a": {"serverUrl": "https://x.example/mcp"}}}' },
    { name: 'Gemini httpUrl', path: '/p/.gemini/settings.json', text: '{"mcpServers": {"a": {"httpUrl": "https://x.example/mcp"}}}' },
    {
      name: 'Goose cmd and builtin',
      path: '/home/u/.config/goose/config.yaml',
      text: 'extensions:\n  dev:\n    type: builtin\n  gh:\n    cmd: npx\n    envs: {}\n',
    },
    { name: 'Goose uri', path: '/home/u/.config/goose/config.yaml', text: 'extensions:\n  r:\n    type: sse\n    uri: https://x.example/sse\n' },
    {
      name: 'Zed extension-provided server',
      path: '/home/u/.config/zed/settings.json',
      text: '{"context_servers": {"a": {"source": "extension", "settings": {}}}}',
    },
    {
      name: 'Zed nested command',
      path: '/home/u/.config/zed/settings.json',
      text: '{"context_servers": {"a": {"command": {"path": "x", "args": [], "env": {}}}}}',
    },
    { name: 'disabled entry is not checked', path: '/p/.roo/mcp.json', text: '{"mcpServers": {"a": {"disabled": true}}}' },
    { name: 'numbers in args are passed as strings', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"a": {"command": "x", "args": ["--port", 8080]}}}' },
    { name: 'null env is tolerated', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"a": {"command": "x", "env": null}}}' },
    { name: 'Continue list item', path: '/p/.continue/mcpServers/a.yaml', text: 'mcpServers:\n  - name: a\n    command: npx\n' },
    { name: 'Codex TOML', path: '/p/.codex/config.toml', text: '[mcp_servers.a]\ncommand = "npx"\nargs = ["x"]\n[mcp_servers.a.env]\nK = "v"\n' },
    { name: 'a syntax error inside the server speaks instead', path: '/p/.codex/config.toml', text: '[mcp_servers.a]\ncommand = npx\n' },
  ],
  invalid: [
    {
      name: 'neither command nor url',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {\n  "a": {"args": ["x"]}\n}}',
      errors: [{ line: 2, text: '"a"', severity: 'error', server: 'a', path: ['mcpServers', 'a'], message: 'has neither `command` nor `url`' }],
    },
    {
      name: 'Windsurf names its own URL key',
      path: '/home/u/.codeium/windsurf/mcp_config.json',
      text: '{"mcpServers": {"a": {}}}',
      errors: [{ message: 'neither `command` nor `serverUrl` or `url`' }],
    },
    {
      name: 'Goose names cmd and uri',
      path: '/home/u/.config/goose/config.yaml',
      text: 'extensions:\n  a:\n    type: stdio\n',
      errors: [{ line: 2, text: 'a', message: 'neither `cmd` nor `uri` or `url`' }],
    },
    {
      name: 'empty command',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"a": {"command": "  "}}}',
      errors: [{ text: '"  "', path: ['mcpServers', 'a', 'command'], message: 'empty command' }],
    },
    {
      name: 'args not a list',
      path: '/p/.vscode/mcp.json',
      text: '{"servers": {"x": {"command": "npx", "args": "-y pkg"}}}',
      errors: [{ text: '"-y pkg"', path: ['servers', 'x', 'args'], message: '`args` of "x" must be a list of strings, not a string' }],
    },
    {
      name: 'an argument that is an object',
      path: '/p/.vscode/mcp.json',
      text: '{"servers": {"x": {"command": "npx", "args": ["a", "b", "c", {"d": 1}]}}}',
      errors: [{ text: '{"d": 1}', path: ['servers', 'x', 'args', 3], message: 'is an object, not a string' }],
    },
    {
      name: 'env as a list',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"github": {"command": "npx", "env": ["GITHUB_TOKEN=x"]}}}',
      errors: [{ path: ['mcpServers', 'github', 'env'], message: '`env` of "github" must be a map of names to strings, not an array' }],
    },
    {
      name: 'Goose envs as a string',
      path: '/home/u/.config/goose/config.yaml',
      text: 'extensions:\n  gh:\n    cmd: npx\n    envs: A=1\n',
      errors: [{ line: 4, text: 'A=1', message: '`envs` of "gh"' }],
    },
    {
      name: 'headers as a list',
      path: '/p/.vscode/mcp.json',
      text: '{"servers": {"r": {"type": "http", "url": "https://x.example", "headers": ["Authorization: x"]}}}',
      errors: [{ path: ['servers', 'r', 'headers'], message: '`headers` of "r" must be a map' }],
    },
    {
      name: 'Codex http_headers as a string',
      path: '/p/.codex/config.toml',
      text: '[mcp_servers.r]\nurl = "https://x.example"\nhttp_headers = "X: 1"\n',
      errors: [{ line: 3, text: '"X: 1"', message: '`http_headers` of "r"' }],
    },
    {
      name: 'Continue item without command or url',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'mcpServers:\n  - name: a\n    args: [x]\n',
      errors: [{ line: 2, text: 'a', path: ['mcpServers', 0, 'name'], message: 'Server "a" has neither' }],
    },
  ],
});
