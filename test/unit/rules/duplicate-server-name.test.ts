import { duplicateServerName } from '../../../src/core/rules/duplicate-server-name';
import { ruleTable } from '../helpers/ruleTester';

ruleTable(duplicateServerName, {
  valid: [
    { name: 'distinct names', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"a": {"command": "x"}, "b": {"command": "y"}}}' },
    {
      name: 'same name in two different clients',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"a": {"command": "x"}}}',
      others: [{ path: '/p/.vscode/mcp.json', text: '{"servers": {"a": {"command": "x"}}}' }],
    },
    {
      name: 'Claude Code local entry of another project',
      path: '/home/u/.claude.json',
      text: '{"mcpServers": {"a": {"command": "x"}}, "projects": {"/other": {"mcpServers": {"a": {"command": "y"}}}}}',
      workspaceRoots: ['/p'],
    },
  ],
  invalid: [
    {
      name: 'duplicate key in one map',
      path: '/p/.mcp.json',
      text: '{"mcpServers": {\n  "a": {"command": "x"},\n  "a": {"command": "y"}\n}}',
      errors: [
        { line: 2, text: '"a"', message: 'defined again later' },
        { line: 3, text: '"a"', message: 'only this last definition is used' },
      ],
    },
    {
      name: 'workspace and user scope of Cursor',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"gh": {"command": "x"}}}',
      others: [{ path: '/home/u/.cursor/mcp.json', text: '{"mcpServers": {"gh": {"command": "y"}}}', scope: 'user' }],
      errors: [{ message: 'also defined in the user scope', server: 'gh', path: ['mcpServers', 'gh'] }],
    },
    {
      name: 'Claude Code local scope of this project vs user scope',
      path: '/home/u/.claude.json',
      text: '{"mcpServers": {"a": {"command": "x"}}, "projects": {"/p": {"mcpServers": {"a": {"command": "y"}}}}}',
      workspaceRoots: ['/p'],
      errors: [{ message: 'local scope' }, { message: 'local scope wins' }],
    },
  ],
});
