import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectAll } from '../../../src/live/inspect';
import { mapPool } from '../../../src/live/pool';
import { liveProcesses } from '../../../src/live/processRegistry';
import { labEntry } from './lab';

test('20 servers inspected concurrently all complete, in input order, none left running', async () => {
  const entries = Array.from({ length: 20 }, (_, i) => labEntry(i % 2 ? 'notes.mjs' : 'sender.mjs', {}, `server-${i}`));
  let inFlight = 0;
  let maxInFlight = 0;
  const results = await inspectAll(entries, {
    concurrency: 20,
    connectTimeoutMs: 30_000,
    requestTimeoutMs: 30_000,
    onStart: () => (maxInFlight = Math.max(maxInFlight, ++inFlight)),
    onResult: () => inFlight--,
  });
  assert.deepEqual(
    results.map((r) => r.entry.name),
    entries.map((e) => e.name),
  );
  assert.deepEqual(
    results.filter((r) => r.status.state !== 'connected').map((r) => r.status),
    [],
  );
  assert.equal(maxInFlight, 20, 'all 20 ran at the same time');
  assert.equal(liveProcesses.size, 0);
});

test('the pool never runs more than its limit at once and keeps the order', async () => {
  let inFlight = 0;
  let max = 0;
  const out = await mapPool([5, 1, 4, 2, 3, 0], 2, async (n) => {
    max = Math.max(max, ++inFlight);
    await new Promise((r) => setTimeout(r, n * 5));
    inFlight--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
  assert.equal(max, 2);
});
