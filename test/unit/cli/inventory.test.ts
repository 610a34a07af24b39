import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runInventory } from '../../../src/cli/inventory';
import type { CliIo } from '../../../src/cli/scan';
import type { Rule } from '../../../src/core/rules/rule';
import { unapprovedServer } from '../../../src/core/rules/unapproved-server';
import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { shellWrapper } from '../../../src/core/rules/shell-wrapper';

/** Only this area's rules, so other rules' findings cannot change these outcomes. */
const RULES: Rule[] = [unpinnedPackage, unapprovedServer, shellWrapper];
const dir = mkdtempSync(join(tmpdir(), 'mcp-warden-inv-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function io(cwd: string): CliIo & { out: string; err: string } {
  const o = {
    cwd,
    env: { HOME: join(cwd, 'no-home') },
    packageRoot: cwd,
    version: '0',
    out: '',
    err: '',
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
  };
  return o;
}

mkdirSync(join(dir, '.cursor'));
mkdirSync(join(dir, '.vscode'));
writeFileSync(
  join(dir, '.cursor/mcp.json'),
  JSON.stringify({
    mcpServers: {
      gh: { command: 'npx', args: ['-y', '@s/gh'] },
      '=HYPERLINK("x")': { command: 'bash', args: ['-c', 'npx pkg@1.0.0'] },
      remote: { url: 'https://mcp.example.com/mcp' },
    },
  }),
);
writeFileSync(
  join(dir, '.vscode/mcp.json'),
  JSON.stringify({ servers: { fs: { command: 'npx', args: ['@modelcontextprotocol/server-filesystem@2025.8.21', '.'] } } }),
);
writeFileSync(join(dir, '.vscode/mcp-policy.json'), JSON.stringify({ allow: [{ package: '@modelcontextprotocol/*' }, { name: 'remote' }] }));

test('inventory --format json lists every server with pin, approval, findings and risk', async () => {
  const o = io(dir);
  assert.equal(await runInventory(['--no-user', '--format', 'json'], o, { rules: RULES }), 0, o.err);
  const doc = JSON.parse(o.out) as { version: number; servers: Record<string, unknown>[] };
  assert.equal(doc.version, 1);
  const brief = doc.servers.map((s) => [s.client, s.file, s.server, s.launch, s.package, s.pin, s.approval, s.risk, s.riskLevel]);
  assert.deepEqual(brief, [
    ['cursor', '.cursor/mcp.json', '=HYPERLINK("x")', 'npx', 'pkg', 'exact', 'unlisted', 20, 'medium'],
    ['cursor', '.cursor/mcp.json', 'gh', 'npx', '@s/gh', 'none', 'unlisted', 20, 'medium'],
    ['cursor', '.cursor/mcp.json', 'remote', 'http', 'mcp.example.com', 'remote', 'approved', 0, 'none'],
    ['vscode', '.vscode/mcp.json', 'fs', 'npx', '@modelcontextprotocol/server-filesystem', 'exact', 'approved', 0, 'none'],
  ]);
  const gh = doc.servers.find((s) => s.server === 'gh')!;
  assert.deepEqual(gh.findings, { error: 0, warning: 2, info: 0 });
  assert.deepEqual(gh.rules, ['unapproved-server', 'unpinned-package']);
});

test('inventory --format csv quotes per RFC 4180 and defuses formulas', async () => {
  const o = io(dir);
  await runInventory(['--no-user', '-f', 'csv'], o, { rules: RULES });
  const lines = o.out.split('\r\n');
  assert.equal(lines[0], 'client,scope,file,project,server,transport,launch,package,version,pin,approval,errors,warnings,infos,rules,advisories,risk');
  assert.equal(
    lines[1],
    `cursor,workspace,.cursor/mcp.json,,"'=HYPERLINK(""x"")",stdio,npx,pkg,1.0.0,exact,unlisted,0,2,0,shell-wrapper unapproved-server,,20`,
  ); // the empty column: no advisory (issue 13 added it)
  assert.equal(lines.at(-1), '', 'ends with CRLF');
});

test('inventory markdown escapes table syntax, and -o writes a file', async () => {
  const o = io(dir);
  assert.equal(await runInventory(['--no-user', '-o', 'inv.md'], o, { rules: RULES }), 0);
  const md = readFileSync(join(dir, 'inv.md'), 'utf8');
  assert.match(md, /^# MCP server inventory\n\n4 servers\./);
  assert.ok(md.includes('| =HYPERLINK\\("x"\\) |') || md.includes('| =HYPERLINK("x") |'));
  assert.equal(md.split('\n').filter((l) => l.startsWith('| cursor')).length, 3);
});

test('inventory usage errors', async () => {
  const o = io(dir);
  assert.equal(await runInventory(['--format', 'xml'], o), 2);
  assert.match(o.err, /--format must be one of json, csv, markdown/);
  assert.equal(await runInventory(['--bogus'], io(dir)), 2);
  const help = io(dir);
  assert.equal(await runInventory(['--help'], help), 0);
  assert.match(help.out, /mcp-warden inventory/);
});
