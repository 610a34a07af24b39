import { maliciousPackage } from '../../../src/core/rules/malicious-package';
import { ruleTable } from '../helpers/ruleTester';

const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2);
const P = '/p/.cursor/mcp.json';

ruleTable(maliciousPackage, {
  valid: [
    { name: 'the last clean release', path: P, text: cursor('npx', ['-y', 'postmark-mcp@1.0.15']) },
    { name: 'vulnerable but not malicious', path: P, text: cursor('npx', ['-y', 'mcp-remote@0.1.15']) },
    { name: 'another package', path: P, text: cursor('npx', ['-y', 'postmark-mcp-server@1.0.16']) },
    { name: 'same name on PyPI', path: P, text: cursor('uvx', ['postmark-mcp==1.0.16']) },
  ],
  invalid: [
    {
      name: 'postmark-mcp 1.0.16 (MAL-2025-47604)',
      path: P,
      text: cursor('npx', ['-y', 'postmark-mcp@1.0.16']),
      errors: [
        {
          text: 'postmark-mcp@1.0.16',
          severity: 'error',
          server: 's',
          path: ['mcpServers', 's', 'args', 1],
          message: 'postmark-mcp 1.0.16 is recorded as malicious (MAL-2025-47604, versions from 1.0.16 on). Remove it and rotate the credentials it was given.',
        },
      ],
    },
    {
      name: 'a later release is covered too',
      path: P,
      text: cursor('npx', ['postmark-mcp@1.0.18']),
      errors: [{ message: 'postmark-mcp 1.0.18 is recorded as malicious' }],
    },
    {
      name: 'unpinned: the newest release is malicious',
      path: P,
      text: cursor('npx', ['-y', 'postmark-mcp']),
      errors: [
        {
          text: 'postmark-mcp',
          severity: 'error',
          message: '"postmark-mcp" is not pinned and the newest releases of postmark-mcp are recorded as malicious (MAL-2025-47604',
        },
      ],
    },
    { name: 'a range', path: P, text: cursor('npx', ['postmark-mcp@^1.0.0']), errors: [{ message: 'is not pinned' }] },
    {
      name: 'disabled: a warning',
      path: '/p/.roo/mcp.json',
      text: '{"mcpServers": {"s": {"command": "npx", "args": ["postmark-mcp@1.0.16"], "disabled": true}}}',
      errors: [{ severity: 'warning', message: 'Disabled (`disabled: true`): remove it, do not enable it.' }],
    },
    {
      name: 'Zed settings',
      path: '/home/u/.config/zed/settings.json',
      text: '{"context_servers": {"mail": {"command": "npx", "args": ["postmark-mcp@1.0.16"]}}}',
      errors: [{ server: 'mail', text: 'postmark-mcp@1.0.16' }],
    },
  ],
});
