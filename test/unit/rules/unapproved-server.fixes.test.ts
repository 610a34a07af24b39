import { unapprovedServer } from '../../../src/core/rules/unapproved-server';
import { ruleTable } from '../helpers/ruleTester';
import { policyOf } from '../policy/policyHelpers';

// The fixes of unapproved-server, with the text each preferred fix leaves (whole fixes, as --fix applies them).
const none = policyOf({ allow: [] });

ruleTable(unapprovedServer, {
  valid: [
    {
      name: 'approved',
      path: '/p/.cursor/mcp.json',
      text: '{ "mcpServers": { "gh": { "command": "gh-mcp" } } }',
      policy: policyOf({ allow: [{ name: 'gh' }] }),
    },
  ],
  invalid: [
    {
      name: 'Cursor has no switch to turn a server off: removing it is the fix',
      path: '/p/.cursor/mcp.json',
      text: '{\n  "mcpServers": {\n    "gh": { "command": "gh-mcp" }\n  }\n}\n',
      policy: none,
      errors: [{ server: 'gh', text: '"gh"' }],
      output: '{\n  "mcpServers": {\n  }\n}\n',
    },
    {
      name: 'two removals that touch the same comma: the first is applied whole, the second waits for the next run',
      path: '/p/.vscode/mcp.json',
      text: '{\n  "servers": {\n    "a": { "command": "a-mcp" },\n    "b": { "url": "https://b.example/mcp" }\n  }\n}\n',
      policy: none,
      errors: [{ server: 'a' }, { server: 'b' }],
      output: '{\n  "servers": {\n    "b": { "url": "https://b.example/mcp" }\n  }\n}\n',
    },
    {
      name: 'Codex TOML: disabling (reversible) is preferred over removing',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.x]\ncommand = "x-mcp"\n',
      policy: none,
      errors: [{ server: 'x' }],
      output: '[mcp_servers.x]\nenabled = false\ncommand = "x-mcp"\n',
    },
    {
      name: 'Roo Code: disabled, not removed',
      path: '/p/.roo/mcp.json',
      text: '{\n  "mcpServers": {\n    "gh": { "command": "gh-mcp" }\n  }\n}\n',
      policy: none,
      errors: [{ server: 'gh' }],
      output: '{\n  "mcpServers": {\n    "gh": { "command": "gh-mcp", "disabled": true }\n  }\n}\n',
    },
  ],
});
