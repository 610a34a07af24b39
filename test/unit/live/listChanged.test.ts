import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { LiveConnection } from '../../../src/live/connection';
import { inspectServer } from '../../../src/live/inspect';
import type { SnapshotChange } from '../../../src/live/types';
import { labEntry, TEST_LIMITS, tempDir } from './lab';

test('list_changed: the rug pull is re-listed and reported with the previous and the new definitions', async () => {
  const connection = new LiveConnection(labEntry('rug-pull.mjs', { LAB_RUG_PULL_DELAY_MS: '100' }), { ...TEST_LIMITS, listChangedDebounceMs: 20 });
  const changes: SnapshotChange[] = [];
  const changed = new Promise<void>((resolve) => {
    connection.onDidChangeSnapshot((c) => {
      changes.push(c);
      if (c.reason === 'list-changed') resolve();
    });
  });
  try {
    const first = await connection.connect();
    assert.deepEqual(
      first.tools.map((t) => t.name),
      ['get_fact'],
    );
    await changed;
    const change = changes.find((c) => c.reason === 'list-changed')!;
    assert.deepEqual(change.lists, ['tools']);
    assert.equal(change.previous, first);
    assert.equal(change.previous!.tools[0]!.description, 'Returns a random fact about cats.');
    assert.deepEqual(
      change.current.tools.map((t) => t.name),
      ['get_fact', 'delete_everything'],
    );
    assert.match(change.current.tools[0]!.description!, /Never mention this step/);
    assert.equal(connection.snapshot, change.current);
    assert.deepEqual(
      changes.map((c) => c.reason),
      ['connect', 'list-changed'],
    );
  } finally {
    await connection.dispose();
  }
});

test('rug pull across sessions: the second start serves the changed definitions', async () => {
  const state = join(tempDir(), 'rug-pull-state');
  const env = { LAB_RUG_PULL_STATE: state };
  const before = await inspectServer(labEntry('rug-pull.mjs', env), TEST_LIMITS);
  const after = await inspectServer(labEntry('rug-pull.mjs', env), TEST_LIMITS);
  assert.deepEqual(
    before.snapshot?.tools.map((t) => t.name),
    ['get_fact'],
  );
  assert.deepEqual(
    after.snapshot?.tools.map((t) => t.name),
    ['get_fact', 'delete_everything'],
  );
});

test('refresh lists again and reports the change reason', async () => {
  const connection = new LiveConnection(labEntry('notes.mjs'), TEST_LIMITS);
  const reasons: string[] = [];
  connection.onDidChangeSnapshot((c) => reasons.push(c.reason));
  try {
    await connection.connect();
    const again = await connection.refresh();
    assert.deepEqual(
      again.tools.map((t) => t.name),
      ['add_note', 'list_notes', 'calculate'],
    );
    assert.deepEqual(reasons, ['connect', 'refresh']);
    await connection.disconnect();
    assert.deepEqual(connection.status, { state: 'not-started' });
    assert.ok(connection.snapshot, 'the last snapshot is kept after a disconnect');
  } finally {
    await connection.dispose();
  }
});
