// Padding past the 1,000-item cap must not hide a rug pull: a truncated listing is never approved,
// nor verified as unchanged.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LAB_SERVERS } from '../live/lab';
import { bounded, hostileBox, measuring } from './harness';

const box = hostileBox();

describe('a server that pads its tool list past the 1,000-item cap', () => {
  const dir = box.path('padded');
  box.write(
    'padded/.vscode/mcp.json',
    JSON.stringify({
      servers: { padded: { command: process.execPath, args: [join(LAB_SERVERS, 'hostile-many-tools.mjs')], env: { LAB_TOOL_COUNT: '1501' } } },
    }),
  );

  test('approve refuses it (exit 1) and writes no lockfile entry', async () => {
    measuring('1,501 tools: approve');
    const r = await box.run(['approve', '--yes'], { cwd: dir, wallMs: 60_000 });
    bounded(r);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^padded {2}\(VS Code, \.vscode\/mcp\.json\): NOT APPROVED, its listing is truncated \(tools list stopped at 1000 items \(item-cap\)\)/m,
    );
    assert.ok(!existsSync(join(dir, '.vscode', 'mcp-lock.json')));
  });

  test('approved with 1,000 tools, then padded to 1,501: verify fails closed (exit 1, "truncated"), not "unchanged"', async () => {
    const config = (count: string) =>
      JSON.stringify({
        servers: { padded: { command: process.execPath, args: [join(LAB_SERVERS, 'hostile-many-tools.mjs')], env: { LAB_TOOL_COUNT: count } } },
      });
    box.write('rug/.vscode/mcp.json', config('1000'));
    const rug = box.path('rug');
    measuring('1,000 tools: approve (complete listing)');
    const approved = await box.run(['approve', '--yes'], { cwd: rug, wallMs: 60_000 });
    bounded(approved);
    assert.equal(approved.code, 0, approved.stdout + approved.stderr);
    assert.match(approved.stdout, /approved \(1000 items\)/);
    box.write('rug/.vscode/mcp.json', config('1501'));
    measuring('1,501 tools: verify against the 1,000 approved');
    const r = await box.run(['verify', '--yes', '--format', 'json'], { cwd: rug, wallMs: 60_000 });
    bounded(r);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { passed: boolean; summary: Record<string, number>; servers: { status: string }[] };
    assert.equal(out.passed, false);
    assert.equal(out.servers[0]!.status, 'truncated');
    measuring('1,501 tools: verify (text)');
    const text = await box.run(['verify', '--yes'], { cwd: rug, wallMs: 60_000 });
    bounded(text);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^padded {2}\(VS Code, \.vscode\/mcp\.json\): TRUNCATED, cannot verify: tools list stopped at 1000 items \(item-cap\)/m);
  });
});
