import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AuditLog, stateFolder } from '../../../src/gateway/auditLog';
import { parseGatewayArgs } from '../../../src/gateway/options';
import { tempDir } from '../live/lab';

const record = (i: number) => ({
  time: '2026-01-01T00:00:00.000Z',
  server: 's',
  direction: 'to-server' as const,
  type: 'request' as const,
  id: i,
  method: 'tools/call',
});

test('the audit log rotates by size, keeps N generations, writes user-only files, and cuts oversized records', () => {
  const path = join(tempDir('mcp-warden-log-'), 'nested', 'gateway.jsonl');
  const log = new AuditLog(path, { maxBytes: 1_000, keep: 2, maxRecordBytes: 500 });
  for (let i = 0; i < 60; i++) log.write(record(i));
  log.write({ ...record(99), arguments: 'x'.repeat(2_000) });
  log.close();
  assert.ok(existsSync(`${path}.1`) && existsSync(`${path}.2`) && !existsSync(`${path}.3`));
  for (const file of [path, `${path}.1`, `${path}.2`]) {
    assert.ok(statSync(file).size <= 1_000, `${file} stays under the bound`);
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) JSON.parse(line);
  }
  if (process.platform !== 'win32') assert.equal(statSync(path).mode & 0o777, 0o600);
  const last = readFileSync(path, 'utf8').trim().split('\n').pop()!;
  assert.match(last, /"detail":"record cut from \d+ characters"/);
  assert.ok(!last.includes('xxxxxxxx'));
});

test('the default log lives in the user state folder', () => {
  assert.equal(stateFolder({ XDG_STATE_HOME: '/s' }, 'linux'), join('/s', 'mcp-warden'));
  assert.equal(stateFolder({ HOME: '/h' }, 'linux'), join('/h', '.local', 'state', 'mcp-warden'));
  assert.equal(stateFolder({ LOCALAPPDATA: 'C:/L' }, 'win32'), join('C:/L', 'mcp-warden', 'state'));
  const parsed = parseGatewayArgs(['--', 'node', 'x/server.mjs'], '/w', { XDG_STATE_HOME: '/s' });
  assert.equal(typeof parsed === 'object' && parsed.logPath, join('/s', 'mcp-warden', 'gateway.jsonl'));
});

test('the server name comes from the command unless --server gives it', () => {
  const name = (...argv: string[]) => (parseGatewayArgs(argv, '/w', {}) as { server: string }).server;
  assert.equal(name('--', 'node', '/r/node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio'), 'server-everything');
  assert.equal(name('--', 'npx', '-y', '@scope/mcp-thing@1.2.3'), 'mcp-thing');
  assert.equal(name('--', '/usr/bin/my-server', '--flag'), 'my-server');
  assert.equal(name('--server', 'notes', '--', 'node', 'a.js'), 'notes');
  assert.equal(name('--url', 'http://127.0.0.1:39301/mcp'), '127.0.0.1:39301');
  assert.match(parseGatewayArgs(['--url', 'http://x/', '--', 'node'], '/w', {}) as string, /either --url URL or -- COMMAND/);
});

test('every record reaches the log once and in order, across rotations and multi-byte text', () => {
  const path = join(tempDir('mcp-warden-log-'), 'gateway.jsonl');
  const log = new AuditLog(path, { maxBytes: 1_000, keep: 40, maxRecordBytes: 500 });
  for (let i = 0; i < 100; i++) log.write({ ...record(i), detail: 'é😀'.repeat(i % 7) }, i % 13 === 0);
  log.close();
  const files = [...Array.from({ length: 40 }, (_, g) => `${path}.${40 - g}`).filter(existsSync), path];
  const ids: number[] = [];
  for (const file of files) {
    assert.ok(statSync(file).size <= 1_000, `${file} stays under the bound`);
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) ids.push((JSON.parse(line) as { id: number }).id);
  }
  assert.deepEqual(
    ids,
    Array.from({ length: 100 }, (_, i) => i),
  );
});
