import { autoApprove } from '../../../src/core/rules/auto-approve';
import { dockerPrivileged } from '../../../src/core/rules/docker-privileged';
import { filesystemRoot } from '../../../src/core/rules/filesystem-root';
import { insecureTransport } from '../../../src/core/rules/insecure-transport';
import { invalidServerEntry } from '../../../src/core/rules/invalid-server-entry';
import { listenAllInterfaces } from '../../../src/core/rules/listen-all-interfaces';
import { maliciousPackage } from '../../../src/core/rules/malicious-package';
import { packageNameLookalike } from '../../../src/core/rules/package-name-lookalike';
import type { Rule } from '../../../src/core/rules/rule';
import { shellWrapper } from '../../../src/core/rules/shell-wrapper';
import { unapprovedServer } from '../../../src/core/rules/unapproved-server';
import { vulnerablePackage } from '../../../src/core/rules/vulnerable-package';
import { workspaceExecutable } from '../../../src/core/rules/workspace-executable';
import type { Case, ExpectedFinding } from '../helpers/ruleTester';
import { policyOf } from '../policy/policyHelpers';
import { ruleTable } from '../helpers/ruleTester';

// One notion of "disabled" (src/core/config/disabledBy.ts): a server turned off by a list rather than its own flag
// (Claude Code's `disabledMcpjsonServers`, Gemini CLI's `mcp.excluded` / `mcp.allowed`) is treated by every rule as
// it treats `disabled: true`: skipped, or reported one step lower with the setting named.

const REJECTED_IN_SETTINGS = { path: '/p/.claude/settings.json', text: '{"disabledMcpjsonServers": ["s"]}' };

/** The server `s` in a project `.mcp.json`: on by itself, rejected by the folder's Claude Code settings. */
function claudeCode(server: object): { on: Case; off: Case } {
  const text = JSON.stringify({ mcpServers: { s: server } });
  return {
    on: { name: 'Claude Code, .mcp.json server not rejected', path: '/p/.mcp.json', text, workspaceRoots: ['/p'] },
    off: { name: 'Claude Code, rejected in .claude/settings.json', path: '/p/.mcp.json', text, workspaceRoots: ['/p'], others: [REJECTED_IN_SETTINGS] },
  };
}

/** The server `s` in a Gemini CLI file: listed in `mcp.excluded`, or missing from `mcp.allowed`. */
function gemini(server: object): Case[] {
  return [
    { name: 'Gemini CLI mcp.excluded', path: '/p/.gemini/settings.json', text: JSON.stringify({ mcp: { excluded: ['s'] }, mcpServers: { s: server } }) },
    {
      name: 'Gemini CLI missing from mcp.allowed',
      path: '/p/.gemini/settings.json',
      text: JSON.stringify({ mcp: { allowed: ['t'] }, mcpServers: { s: server } }),
    },
  ];
}

/** A rule that skips disabled servers: silent for every list, and the control case (the same server, on) is reported. */
function skips(rule: Rule, server: object, expected: ExpectedFinding, extra: Partial<Case> = {}, output?: string): void {
  const cc = claudeCode(server);
  ruleTable(rule, {
    valid: [cc.off, ...gemini(server)].map((c) => ({ ...c, ...extra })),
    invalid: [{ ...cc.on, ...extra, errors: [expected], ...(output === undefined ? {} : { output }) }],
  });
}

skips(dockerPrivileged, { command: 'docker', args: ['run', '-i', '--rm', '--privileged', 'img@sha256:' + 'a'.repeat(64)] }, { text: '--privileged' });
skips(insecureTransport, { type: 'http', url: 'http://mcp.example.com/mcp' }, { text: 'http://mcp.example.com/mcp' });
skips(listenAllInterfaces, { command: 'uvx', args: ['srv==1.0', '--host', '0.0.0.0'] }, { text: '0.0.0.0' });
skips(filesystemRoot, { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/'] }, { text: '/' });
skips(shellWrapper, { command: 'bash', args: ['-c', 'npx -y pkg@1.0.0'] }, { message: 'shell' });
skips(workspaceExecutable, { command: './scripts/x.sh', args: [] }, { text: './scripts/x.sh' });
skips(invalidServerEntry, { args: ['x'] }, { severity: 'error' });
skips(unapprovedServer, { command: 'npx', args: ['-y', 'some-mcp@1.0.0'] }, { message: 'policy' }, { policy: policyOf({ allow: [] }) }, '{"mcpServers":{}}');

// Gemini CLI's `trust: true` is its auto-approval; Claude Code's .mcp.json has none.
ruleTable(autoApprove, {
  valid: gemini({ command: 'npx', args: ['x@1.0.0'], trust: true }),
  invalid: [
    {
      name: 'Gemini CLI, not excluded',
      path: '/p/.gemini/settings.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'npx', args: ['x@1.0.0'], trust: true } } }),
      errors: [{ message: '"trust": true' }],
    },
  ],
});

/** A rule that keeps reporting a disabled server, one step lower, naming the setting. */
function lowers(rule: Rule, server: object, on: ExpectedFinding['severity'], off: ExpectedFinding['severity'], note: string): void {
  const cc = claudeCode(server);
  const [excluded, notAllowed] = gemini(server) as [Case, Case];
  ruleTable(rule, {
    valid: [],
    invalid: [
      { ...cc.on, errors: [{ severity: on }] },
      { ...cc.off, errors: [{ severity: off, message: `Disabled (\`disabledMcpjsonServers\` in .claude/settings.json)${note}` }] },
      { ...excluded, errors: [{ severity: off, message: `Disabled (listed in \`mcp.excluded\`)${note}` }] },
      { ...notAllowed, errors: [{ severity: off, message: `Disabled (missing from \`mcp.allowed\`)${note}` }] },
    ],
  });
}

lowers(maliciousPackage, { command: 'npx', args: ['postmark-mcp@1.0.16'] }, 'error', 'warning', ': remove it, do not enable it.');
lowers(vulnerablePackage, { command: 'npx', args: ['mcp-remote@0.1.15'] }, 'error', 'warning', ': enabling it runs this version.');
lowers(packageNameLookalike, { command: 'npx', args: ['mcp-remot'] }, 'warning', 'info', '.');
