// recordJson writes an audit record as JSON.stringify would: the same text when the record's fields were
// set in RECORD_FIELDS order, the same value in any other order; records as the session makes them included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canaryForms } from '../../../src/core/gateway/canary';
import { RECORD_FIELDS, recordJson } from '../../../src/core/gateway/recordJson';
import { GatewaySession } from '../../../src/core/gateway/session';
import type { AuditRecord, GatewayPolicy } from '../../../src/core/gateway/types';

const CANARY = 'MCPW-CANARY-recordjson-01';

function generator(seed: number) {
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const chars = ['a', 'Z', ' ', '"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', 'é', '\u2028', '\ud83d\ude00', '\ud800', '\udfff', '/', '<'];
  const text = () => Array.from({ length: random(12) }, () => chars[random(chars.length)]).join('');
  const numbers = [0, -0, 1, -1.5, 1e21, 1e-7, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 113, 0.123];
  const number = () => numbers[random(numbers.length)]!;
  const json = (depth: number): unknown => {
    const kind = random(depth > 2 ? 4 : 6);
    if (kind === 0) return text();
    if (kind === 1) return number();
    if (kind === 2) return [true, false, null][random(3)];
    if (kind === 3) return random(2) ? text() : undefined;
    if (kind === 4) return Array.from({ length: random(4) }, () => json(depth + 1));
    return Object.fromEntries(Array.from({ length: random(4) }, () => [text(), json(depth + 1)]));
  };
  const values: Record<(typeof RECORD_FIELDS)[number], () => unknown> = {
    // Few times and servers, so records share them as the records of one millisecond do (and then change).
    time: () => new Date(random(3) * 1000).toISOString(),
    server: () => ['lab', 'a "b"\n', text()][random(3)],
    direction: () => ['to-server', 'to-client', 'gateway'][random(3)],
    type: () => ['request', 'response', 'error', 'notification', 'other', 'lifecycle'][random(6)],
    bytes: number,
    id: () => (random(2) ? text() : number()),
    method: text,
    tool: text,
    durationMs: number,
    arguments: () => json(0),
    action: () => ['forwarded', 'annotated', 'refused', 'withheld', 'blocked'][random(5)],
    findings: () => [{ type: 'canary', severity: 'alert', message: text(), path: text(), tool: random(2) ? text() : undefined }],
    event: text,
    detail: text,
  };
  const record = (order: readonly (typeof RECORD_FIELDS)[number][]): AuditRecord => {
    const r: Record<string, unknown> = {};
    for (const field of order) if (['time', 'server', 'direction', 'type'].includes(field) || random(2)) r[field] = values[field]();
    return r as unknown as AuditRecord;
  };
  const shuffled = () => {
    const order = [...RECORD_FIELDS];
    for (let i = order.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  };
  return { record, shuffled };
}

test('recordJson: the same text as JSON.stringify for 20,000 generated records in field order', () => {
  const { record } = generator(7);
  for (let i = 0; i < 20_000; i++) {
    const r = record(RECORD_FIELDS);
    assert.equal(recordJson(r), JSON.stringify(r));
  }
});

test('recordJson: the same value as JSON.stringify for 20,000 generated records in any field order', () => {
  const { record, shuffled } = generator(11);
  for (let i = 0; i < 20_000; i++) {
    const r = record(shuffled());
    assert.deepEqual(JSON.parse(recordJson(r)), JSON.parse(JSON.stringify(r)));
  }
});

test('recordJson: the records a session makes (forwarded, refused, blocked, withheld, findings) have the same value', () => {
  const policy: GatewayPolicy = { canaries: [CANARY], block: true, onInjection: 'block', enforce: true };
  const session = new GatewaySession({
    server: 'lab "server"\n',
    policy,
    pins: { items: {} } as never,
    normalizeTool: (t) => t as never,
  });
  const lines: [boolean, unknown][] = [
    [true, { jsonrpc: '2.0', id: 1, method: 'tools/list' }],
    [false, { jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'add', description: 'adds', inputSchema: { type: 'object' } }] } }],
    [true, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'add', arguments: { a: 1, sidenote: CANARY } } }],
    [true, { jsonrpc: '2.0', id: 'x"y', method: 'resources/read', params: { uri: 'file:///é' } }],
    [true, { jsonrpc: '2.0', method: 'notifications/initialized' }],
    [false, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'ok' } }],
    [true, 'not json'],
  ];
  let n = 0;
  for (const [fromClient, message] of lines) {
    const line = typeof message === 'string' ? message : JSON.stringify(message);
    const outcome = fromClient ? session.fromClient(line, line.length, 1_700_000_000_000 + n) : session.fromServer(line, line.length, 1_700_000_000_000 + n);
    outcome.deferred?.();
    assert.deepEqual(JSON.parse(recordJson(outcome.record)), JSON.parse(JSON.stringify(outcome.record)));
    n++;
  }
  assert.ok(canaryForms(CANARY).forms.length > 1);
});
