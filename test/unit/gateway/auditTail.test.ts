import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeRecord, isAlert, readAuditTail } from '../../../src/extension/monitor/auditTail';
import { tempDir } from '../live/lab';

const rec = (extra: Record<string, unknown>) =>
  JSON.stringify({ time: '2026-01-01T00:00:00.000Z', server: 'poisoned', direction: 'to-server', type: 'request', ...extra });

test('the Monitor reads the log tail with file line numbers, skips broken lines, and tells alerts apart', () => {
  const path = join(tempDir('mcp-warden-tail-'), 'gateway.jsonl');
  const filler = Array.from({ length: 6_000 }, (_, i) => rec({ id: i, method: 'tools/call', tool: 'add', arguments: { pad: 'p'.repeat(200) } }));
  const blocked = rec({ id: 'x', method: 'tools/call', tool: 'add', action: 'blocked', findings: [{ type: 'canary', severity: 'alert', message: 'm' }] });
  writeFileSync(path, [...filler, '{"half', blocked, ''].join('\n'));
  const records = readAuditTail(path);
  assert.ok(records.length < 6_000, 'only the last MiB is read');
  const last = records.at(-1)!;
  assert.equal(last.line, 6_001, 'line numbers count from the start of the file');
  assert.equal(isAlert(last.record), true);
  assert.equal(describeRecord(last.record), 'tools/call add: canary (blocked)');
  assert.equal(isAlert(records[0]!.record), false);
  assert.equal(records.at(-2)!.line, 5_999);
  assert.deepEqual(readAuditTail(join(path, 'missing')), []);
});
