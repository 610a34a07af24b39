import { autoApprove, dangerOf } from '../../../src/core/rules/auto-approve';
import { ruleTable, runRule } from '../helpers/ruleTester';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const CLINE = '/u/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json';
const server = (extra: Record<string, unknown>) => JSON.stringify({ mcpServers: { s: { command: 'x', ...extra } } }, null, 2);

ruleTable(autoApprove, {
  valid: [
    { name: 'read-only tools', path: CLINE, text: server({ autoApprove: ['read_file', 'list_directory', 'search_files', 'getIssue'] }) },
    { name: 'empty list', path: '/p/.roo/mcp.json', text: server({ alwaysAllow: [] }) },
    { name: 'trust false', path: '/p/.gemini/settings.json', text: server({ trust: false }) },
    { name: 'a key the client does not read', path: '/p/.cursor/mcp.json', text: server({ autoApprove: ['*'] }) },
    { name: "Roo Code does not read Cline's key", path: '/p/.roo/mcp.json', text: server({ autoApprove: ['*'] }) },
    { name: 'disabled server', path: '/p/.roo/mcp.json', text: server({ alwaysAllow: ['*'], disabled: true }) },
  ],
  invalid: [
    {
      name: 'Cline "*"',
      path: CLINE,
      text: server({ autoApprove: ['*'] }),
      errors: [{ text: '"*"', message: 'every tool of "s"', path: ['mcpServers', 's', 'autoApprove', 0] }],
    },
    {
      name: 'Roo Code: two dangerous tools, one finding each',
      path: '/p/.roo/mcp.json',
      text: server({ alwaysAllow: ['read_file', 'write_file', 'execute_command'] }),
      errors: [
        { text: '"write_file"', message: 'Tool "write_file" of "s" changes files or remote state and runs without confirmation (alwaysAllow)' },
        { text: '"execute_command"', message: 'runs commands or code' },
      ],
    },
    {
      name: 'Roo Code: from three dangerous tools, one finding lists them',
      path: '/p/.roo/mcp.json',
      text: server({ alwaysAllow: ['read_file', 'write_file', 'execute_command', 'deleteBranch', 'send_email'] }),
      errors: [
        {
          text: '"write_file"',
          message:
            '4 tools of "s" that run code, change, delete or send ("write_file", "execute_command", "deleteBranch", …) run without confirmation (alwaysAllow).',
        },
      ],
    },
    { name: 'Kiro', path: '/p/.kiro/settings/mcp.json', text: server({ autoApprove: ['run_terminal'] }), errors: [{ message: 'autoApprove' }] },
    { name: 'Gemini trust', path: '/home/u/.gemini/settings.json', text: server({ trust: true }), errors: [{ text: 'true', message: '"trust": true' }] },
    {
      name: "Roo Code's key in a Cline file: info, naming the fork",
      path: CLINE,
      text: server({ alwaysAllow: ['execute_command', 'read_file'] }),
      errors: [
        {
          text: '"execute_command"',
          severity: 'info',
          message: 'runs commands or code and would run without confirmation in Roo Code (Cline ignores this key).',
        },
      ],
    },
    {
      name: "Cline's file name in Roo Code's storage folder is Roo Code's",
      path: '/u/globalStorage/rooveterinaryinc.roo-cline/settings/cline_mcp_settings.json',
      text: server({ alwaysAllow: ['*'] }),
      errors: [{ text: '"*"', severity: 'warning', message: '"*" in alwaysAllow lets every tool of "s" run without confirmation:' }],
    },
    { name: 'generic file: any key', path: '/p/servers.json', text: server({ alwaysAllow: ['*'] }), client: 'generic', errors: [{ message: 'alwaysAllow' }] },
  ],
});

test('dangerOf reads tool names in any case style', () => {
  assert.equal(dangerOf('read_file'), undefined);
  assert.equal(dangerOf('listIssues'), undefined);
  assert.equal(dangerOf('browser_navigate'), undefined);
  assert.equal(dangerOf('create_pull_request'), 'changes files or remote state');
  assert.equal(dangerOf('runShellCommand'), 'runs commands or code');
  assert.equal(dangerOf('drop-table'), 'deletes or overwrites data');
  // Running script in a page is running code (Playwright's and Puppeteer's evaluate tools).
  assert.equal(dangerOf('playwright_evaluate'), 'runs commands or code');
  assert.equal(dangerOf('browser_evaluate'), 'runs commands or code');
  assert.equal(dangerOf('invokeLambda'), 'runs commands or code');
  assert.equal(dangerOf('playwright_post'), 'sends data out');
});

test('dangerOf: a name that starts by reading reads, whatever it names', () => {
  assert.equal(dangerOf('get_deploy'), undefined);
  assert.equal(dangerOf('list_merge_requests'), undefined);
  assert.equal(dangerOf('getCommandHistory'), undefined);
  assert.equal(dangerOf('search_and_replace'), 'changes files or remote state', 'a second verb still counts');
  assert.equal(dangerOf('create_deploy'), 'changes files or remote state');
  assert.equal(dangerOf('deploy_service'), 'changes files or remote state');
  assert.equal(dangerOf('_get_then_delete'), 'deletes or overwrites data');
});

test('a grouped auto-approve finding points at every tool it names', () => {
  const { findings } = runRule(autoApprove, {
    name: 'grouped',
    path: '/p/.roo/mcp.json',
    text: server({ alwaysAllow: ['write_file', 'execute_command', 'deleteBranch', 'send_email'] }),
  });
  assert.equal(findings.length, 1);
  assert.deepEqual(
    findings[0]!.related?.map((r) => r.message),
    [
      '"write_file" changes files or remote state',
      '"execute_command" runs commands or code',
      '"deleteBranch" deletes or overwrites data',
      '"send_email" sends data out',
    ],
  );
});
