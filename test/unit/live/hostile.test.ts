import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveConnection } from '../../../src/live/connection';
import { inspectServer } from '../../../src/live/inspect';
import { killAllLiveProcesses, liveProcesses } from '../../../src/live/processRegistry';
import { isAlive } from '../../../src/live/processTree';
import { labEntry, pidFile, survivors } from './lab';

interface Case {
  script: string;
  env?: Record<string, string>;
  kind: string;
  message: RegExp;
  /** Processes the server records: itself, plus grandchildren. */
  pids: number;
  /** Short for the servers expected to time out; generous for those that fail by themselves (a loaded machine starts them slowly). */
  connectTimeoutMs: number;
}

const CASES: Case[] = [
  { script: 'hostile-hang.mjs', kind: 'timeout', message: /no answer to initialize within 4 s/, pids: 1, connectTimeoutMs: 4_000 },
  {
    script: 'hostile-crash.mjs',
    kind: 'exited',
    message: /exited with code 1 before it answered initialize; stderr: "Error: lab server crashed/,
    pids: 1,
    connectTimeoutMs: 30_000,
  },
  { script: 'hostile-flood.mjs', kind: 'output-limit', message: /more than 2 MB to its standard output; it was stopped/, pids: 1, connectTimeoutMs: 30_000 },
  {
    script: 'hostile-flood.mjs',
    env: { LAB_FLOOD_LINES: '1' },
    kind: 'protocol',
    message: /lines that are not JSON-RPC .*first: "garbage garbage/,
    pids: 1,
    connectTimeoutMs: 30_000,
  },
  { script: 'hostile-invalid-jsonrpc.mjs', kind: 'protocol', message: /answered with a message that is not valid JSON-RPC/, pids: 1, connectTimeoutMs: 30_000 },
  {
    script: 'hostile-grandchild.mjs',
    env: { LAB_HANG: '1' },
    kind: 'timeout',
    message: /no answer to initialize within 4 s/,
    pids: 3,
    connectTimeoutMs: 4_000,
  },
];

test('every hostile server ends in a clear error (a timeout at the latest) and leaves no process behind', async () => {
  await Promise.all(
    CASES.map(async (c) => {
      const pids = pidFile();
      const result = await inspectServer(labEntry(c.script, { ...c.env, LAB_PID_FILE: pids.path }), {
        connectTimeoutMs: c.connectTimeoutMs,
        maxOutputBytes: 2 * 1024 * 1024,
        killGraceMs: 500,
      });
      const label = `${c.script} ${JSON.stringify(c.env ?? {})}`;
      assert.equal(result.status.state, 'error', label);
      const status = result.status as { kind: string; message: string };
      assert.equal(status.kind, c.kind, `${label}: ${status.message}`);
      assert.match(status.message, c.message, label);
      const recorded = pids.pids();
      assert.equal(recorded.length, c.pids, `${label} recorded ${recorded.join(',')}`);
      assert.deepEqual(await survivors(recorded), [], `${label}: processes left behind`);
    }),
  );
  assert.equal(liveProcesses.size, 0);
});

test('a 5 MB description is kept up to the cap and marked truncated; the tool after it is intact', async () => {
  const { snapshot } = await inspectServer(labEntry('hostile-huge-description.mjs'), {
    connectTimeoutMs: 15_000,
    requestTimeoutMs: 15_000,
    maxTextLength: 50_000,
  });
  assert.ok(snapshot);
  const define = snapshot.tools.find((t) => t.name === 'define')!;
  assert.equal(define.description!.length, 50_000);
  assert.deepEqual(snapshot.truncated.texts, [{ list: 'tools', item: 'define', field: 'description', length: 5 * 1024 * 1024 }]);
  assert.equal(snapshot.tools.find((t) => t.name === 'ping')!.description, 'Answers pong.');
});

test('a server that keeps running after dispose, with grandchildren in and out of its process group, is fully stopped', async () => {
  const pids = pidFile();
  const connection = new LiveConnection(labEntry('hostile-grandchild.mjs', { LAB_PID_FILE: pids.path }), { connectTimeoutMs: 15_000, killGraceMs: 500 });
  await connection.connect();
  assert.equal(connection.status.state, 'connected');
  const recorded = pids.pids();
  assert.equal(recorded.length, 3);
  assert.deepEqual(
    recorded.filter((p) => !isAlive(p)),
    [],
    'all three run while connected',
  );
  await connection.dispose();
  assert.deepEqual(await survivors(recorded), []);
});

test('cancelling a connection (AbortSignal) stops a server that hangs, at once', async () => {
  const pids = pidFile();
  const controller = new AbortController();
  const connection = new LiveConnection(labEntry('hostile-hang.mjs', { LAB_PID_FILE: pids.path }), { connectTimeoutMs: 60_000, killGraceMs: 300 });
  const statuses: string[] = [];
  connection.onDidChangeStatus((s) => statuses.push(s.state));
  const pending = connection.connect(controller.signal);
  while (pids.pids().length === 0) await new Promise((r) => setTimeout(r, 50));
  controller.abort();
  await assert.rejects(pending, (e: Error & { kind?: string }) => e.kind === 'cancelled');
  assert.deepEqual(statuses, ['connecting', 'error']);
  assert.deepEqual(connection.status, { state: 'error', kind: 'cancelled', message: 'cancelled' });
  assert.deepEqual(await survivors(pids.pids()), []);
});

test('killAllLiveProcesses stops every registered server (the extension deactivate path)', async () => {
  const pids = pidFile();
  const connections = [1, 2, 3].map(
    () => new LiveConnection(labEntry('hostile-hang.mjs', { LAB_PID_FILE: pids.path }), { connectTimeoutMs: 60_000, killGraceMs: 300 }),
  );
  const pending = connections.map((c) => c.connect().catch((e: Error) => e));
  while (pids.pids().length < 3) await new Promise((r) => setTimeout(r, 50));
  assert.equal(liveProcesses.size, 3);
  await killAllLiveProcesses();
  assert.deepEqual(await survivors(pids.pids()), []);
  const outcomes = await Promise.all(pending);
  assert.ok(
    outcomes.every((o) => o instanceof Error),
    'each connect fails once its server is gone',
  );
  assert.equal(liveProcesses.size, 0);
});

test('a server that dies after connecting turns the status into an error naming the exit', async () => {
  const connection = new LiveConnection(labEntry('notes.mjs'), { connectTimeoutMs: 15_000 });
  try {
    await connection.connect();
    const errored = new Promise<string>((resolve) => connection.onDidChangeStatus((s) => s.state === 'error' && resolve(s.message)));
    process.kill(connection.pid!, 'SIGKILL');
    assert.match(await errored, /the server exited on signal SIGKILL while connected/);
    assert.equal(connection.status.state, 'error');
    assert.ok(connection.snapshot, 'the last lists stay available');
  } finally {
    await connection.dispose();
  }
});
