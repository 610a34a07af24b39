import { duplicateServerName } from '../../../src/core/rules/duplicate-server-name';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTable, runRule } from '../helpers/ruleTester';

ruleTable(duplicateServerName, {
  valid: [
    { name: 'names differ only in case', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {"GitHub": {"command": "x"}, "github": {"command": "y"}}}' },
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
      name: 'two items of a Continue list with one name',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'mcpServers:\n  - name: db\n    command: a\n  - name: db\n    command: b\n',
      errors: [
        { line: 2, text: 'db', path: ['mcpServers', 0, 'name'], message: 'defined again later' },
        { line: 4, text: 'db', path: ['mcpServers', 1, 'name'], message: 'only this last definition is used' },
      ],
    },
    {
      name: 'Claude Code project file vs user scope',
      path: '/p/.mcp.json',
      text: '{"mcpServers": {"gh": {"command": "x"}}}',
      others: [{ path: '/home/u/.claude.json', text: '{"mcpServers": {"gh": {"command": "y"}}}' }],
      workspaceRoots: ['/p'],
      errors: [
        {
          text: '"gh"',
          server: 'gh',
          severity: 'warning',
          message: 'also defined in the user scope (u/.claude.json) of Claude Code: local scope wins over project, project over user',
        },
      ],
    },
    {
      name: 'VS Code workspace vs user profile',
      path: '/p/.vscode/mcp.json',
      text: '{"servers": {\n  "fetch": {"command": "uvx"}\n}}',
      others: [{ path: '/home/u/.config/Code/User/mcp.json', text: '{"servers": {"fetch": {"command": "uvx"}}}' }],
      errors: [{ line: 2, text: '"fetch"', message: 'also defined in the user scope (User/mcp.json) of VS Code' }],
    },
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

test('duplicate-server-name: the finding points at the other definition (related information)', () => {
  const { findings } = runRule(duplicateServerName, {
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"gh": {"command": "x"}}}',
    others: [{ path: '/home/u/.cursor/mcp.json', text: '{\n  "mcpServers": {\n    "gh": {"command": "y"}\n  }\n}', scope: 'user' }],
  });
  assert.equal(findings.length, 1);
  assert.deepEqual(
    findings[0]!.related.map((r) => ({ file: r.file, start: r.start, end: r.end, message: r.message })),
    [{ file: '/home/u/.cursor/mcp.json', start: { line: 3, column: 5 }, end: { line: 3, column: 9 }, message: 'Also defined here (user scope)' }],
  );
});
