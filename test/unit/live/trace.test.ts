import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectServer } from '../../../src/live/inspect';
import type { TraceEvent } from '../../../src/live/types';
import { labEntry, TEST_LIMITS } from './lab';

test('the trace shows JSON-RPC traffic and stderr with secrets masked', async () => {
  const token = ['FAKE', 'trace', 'token', '0000', 'abcdef'].join('-');
  const events: TraceEvent[] = [];
  const entry = labEntry('token-recorder.mjs', { LAB_TOKEN: token, LAB_LEAK_TOKEN: '1' });
  const result = await inspectServer(entry, { ...TEST_LIMITS, trace: (e) => events.push(e) });
  assert.equal(result.status.state, 'connected');
  const kinds = new Set(events.map((e) => e.kind));
  for (const kind of ['lifecycle', 'send', 'receive', 'stderr']) assert.ok(kinds.has(kind as TraceEvent['kind']), `has ${kind} lines`);
  assert.ok(events.some((e) => e.kind === 'send' && e.text.includes('"method":"tools/list"')));
  const leak = events.find((e) => e.kind === 'stderr' && e.text.includes('debug: using token'));
  assert.ok(leak, 'the server printed its token to stderr');
  assert.ok(leak.text.includes('FAKE…'), leak.text);
  assert.deepEqual(
    events.filter((e) => e.text.includes(token)),
    [],
    'the token never appears in the trace',
  );
  assert.ok(events.every((e) => e.server === 'token-recorder'));
});
