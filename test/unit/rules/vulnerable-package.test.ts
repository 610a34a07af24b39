import { vulnerablePackage } from '../../../src/core/rules/vulnerable-package';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTable, runRule } from '../helpers/ruleTester';

const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2);
const P = '/p/.cursor/mcp.json';

ruleTable(vulnerablePackage, {
  valid: [
    { name: 'first fixed mcp-remote', path: P, text: cursor('npx', ['-y', 'mcp-remote@0.1.16', 'https://x.example/mcp']) },
    { name: 'mcp-remote before the range starts', path: P, text: cursor('npx', ['-y', 'mcp-remote@0.0.4', 'https://x.example/mcp']) },
    { name: 'unpinned mcp-remote (its newest release is fixed)', path: P, text: cursor('npx', ['-y', 'mcp-remote', 'https://x.example/mcp']) },
    { name: 'a range, not a version', path: P, text: cursor('npx', ['-y', 'mcp-remote@^0.1.0']) },
    { name: 'filesystem between the two affected lines', path: P, text: cursor('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/tmp']) },
    { name: 'filesystem at the fix', path: P, text: cursor('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/tmp']) },
    { name: 'inspector fixed for both advisories', path: P, text: cursor('npx', ['@modelcontextprotocol/inspector@0.16.6']) },
    { name: 'same name in another ecosystem', path: P, text: cursor('uvx', ['mcp-remote==0.1.0']) },
    { name: 'malicious release is the other rule', path: P, text: cursor('npx', ['-y', 'postmark-mcp@1.0.16']) },
    { name: 'PyPI SDK at its latest fix', path: P, text: cursor('uvx', ['mcp==1.27.2']) },
    { name: 'remote server', path: '/p/.vscode/mcp.json', text: '{"servers": {"r": {"type": "http", "url": "https://x.example/mcp"}}}' },
  ],
  invalid: [
    {
      name: 'mcp-remote command injection (CVE-2025-6514)',
      path: P,
      text: cursor('npx', ['-y', 'mcp-remote@0.1.15', 'https://x.example/mcp']),
      errors: [
        {
          text: 'mcp-remote@0.1.15',
          severity: 'error',
          server: 's',
          path: ['mcpServers', 's', 'args', 1],
          message: 'mcp-remote 0.1.15 is covered by a published advisory (CVE-2025-6514). First fixed version: 0.1.16; move to it or later.',
        },
      ],
    },
    { name: 'first affected mcp-remote', path: P, text: cursor('npx', ['mcp-remote@0.0.5']), errors: [{ text: 'mcp-remote@0.0.5', message: 'CVE-2025-6514' }] },
    {
      name: 'filesystem path bypasses, old line',
      path: P,
      text: cursor('npx', ['-y', '@modelcontextprotocol/server-filesystem@0.6.2', '/tmp']),
      // The GitHub record gives the 0.x line no fixed release (last affected 0.6.2): the first fix is on the date-versioned line.
      errors: [
        {
          text: '@modelcontextprotocol/server-filesystem@0.6.2',
          severity: 'warning',
          message: /covered by 2 published advisories \(CVE-2025-53110, CVE-2025-53109\)\. First fixed version: 2025\.7\.1;/,
        },
      ],
    },
    {
      name: 'filesystem path bypasses, date-versioned line',
      path: P,
      text: cursor('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.3.28', '/tmp']),
      errors: [{ message: /CVE-2025-53109.*First fixed version: 2025\.7\.1;/ }],
    },
    {
      name: 'inspector unauthenticated proxy and XSS',
      path: P,
      text: cursor('npx', ['@modelcontextprotocol/inspector@0.14.0']),
      errors: [{ severity: 'error', message: /CVE-2025-49596.*CVE-2025-58444.*First fixed version: 0\.16\.6;/ }],
    },
    {
      name: 'inspector past the first fix only',
      path: P,
      text: cursor('npx', ['@modelcontextprotocol/inspector@0.14.1']),
      errors: [{ severity: 'warning', message: 'covered by a published advisory (CVE-2025-58444)' }],
    },
    {
      name: 'PyPI SDK, several advisories',
      path: P,
      text: cursor('uvx', ['--from', 'mcp==1.9.3', 'mcp']),
      errors: [{ text: 'mcp==1.9.3', message: /CVE-2025-53366.*First fixed version: 1\.27\.2;/ }],
    },
    { name: 'PyPI name normalised', path: P, text: cursor('uvx', ['MCP==1.22.0']), errors: [{ message: 'CVE-2025-66416' }] },
    { name: 'npm SDK DNS rebinding', path: P, text: cursor('npx', ['-p', '@modelcontextprotocol/sdk@1.23.0', 'x']), errors: [{ message: 'CVE-2025-66414' }] },
    {
      name: 'disabled server: one step lower',
      path: '/p/.roo/mcp.json',
      text: '{"mcpServers": {"s": {"command": "npx", "args": ["mcp-remote@0.1.15"], "disabled": true}}}',
      errors: [{ severity: 'warning', message: 'Disabled (`disabled: true`): enabling it runs this version.' }],
    },
    {
      name: 'one command string',
      path: P,
      text: JSON.stringify({ mcpServers: { s: { command: 'npx -y mcp-remote@0.1.15 https://x.example/mcp' } } }),
      errors: [{ text: 'mcp-remote@0.1.15', message: 'CVE-2025-6514' }],
    },
    {
      name: 'Codex TOML',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.r]\ncommand = "npx"\nargs = ["-y", "mcp-remote@0.1.15"]\n',
      errors: [{ line: 3, text: 'mcp-remote@0.1.15', message: 'CVE-2025-6514' }],
    },
    {
      name: 'Continue YAML',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'name: a\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: r\n    command: npx\n    args: ["-y", "mcp-remote@0.1.15"]\n',
      errors: [{ line: 7, text: 'mcp-remote@0.1.15', message: 'CVE-2025-6514' }],
    },
  ],
});

test("each advisory's ids, severity, fixed version and summary are the related information under the short message", () => {
  const { findings } = runRule(vulnerablePackage, { path: P, text: cursor('npx', ['mcp-remote@0.1.15']) });
  assert.deepEqual(
    findings[0]!.related.map((r) => r.message),
    ['CVE-2025-6514 (GHSA-6xpm-ggf7-wc3p, critical, fixed in 0.1.16): mcp-remote exposed to OS command injection via untrusted MCP server connections'],
  );
});
