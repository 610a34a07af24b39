// A server that double-forks a setsid daemon: nothing it leaves may survive the end of a session (Linux).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LiveConnection } from '../../../src/live/connection';
import { liveProcesses } from '../../../src/live/processRegistry';
import { descendantPids, isAlive, sweepSession } from '../../../src/live/processTree';
import { markedPids, markerOf, markEnvironment, markerSweepSupported, SPAWN_MARKER } from '../../../src/live/spawnMarker';
import { labEntry, pidFile, survivors } from './lab';

const linux = process.platform === 'linux';

/** Session id and process group of a process, from /proc/<pid>/stat. */
function sessionOf(pid: number): { pgid: number; sid: number; ppid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const [, ppid, pgid, sid] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { ppid: ppid!, pgid: pgid!, sid: sid! };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('the spawn marker: a fresh token per spawn, appended to an inherited one, read back from an environ block', () => {
  const a = markEnvironment({ PATH: '/bin' });
  const b = markEnvironment({ PATH: '/bin' });
  assert.notEqual(a.token, b.token);
  assert.equal(a.env[SPAWN_MARKER], a.token);
  const nested = markEnvironment({ [SPAWN_MARKER]: 'outer.1' });
  assert.equal(nested.env[SPAWN_MARKER], `outer.1 ${nested.token}`);
  assert.deepEqual(markerOf(`A=1\0${SPAWN_MARKER}=outer.1 inner.2\0B=2\0`), ['outer.1', 'inner.2']);
  assert.equal(markerOf('A=1\0B=2\0'), undefined);
});

test(
  'a double-forked setsid daemon that ignores SIGTERM is found by its marker and stopped with its server',
  { skip: !linux && 'the marker sweep reads /proc (Linux only)' },
  async () => {
    assert.ok(markerSweepSupported);
    const pids = pidFile();
    const connection = new LiveConnection(labEntry('hostile-daemon.mjs', { LAB_PID_FILE: pids.path, LAB_DAEMON_MS: '30000' }), {
      connectTimeoutMs: 15_000,
      killGraceMs: 500,
    });
    await connection.connect();
    await waitFor(() => pids.pids().length >= 2, 10_000);
    const [server, daemon] = pids.pids() as [number, number];
    try {
      assert.ok(isAlive(daemon));
      // It escaped what the tree kill already covers: another session and group, not a descendant.
      const d = sessionOf(daemon);
      assert.notEqual(d.sid, sessionOf(server).sid);
      assert.notEqual(d.pgid, server);
      assert.ok(!(await descendantPids([server])).includes(daemon), 'the daemon is not below its server');
      assert.ok(markedPids({ session: true }).includes(daemon), 'the daemon carries the marker');
      await connection.dispose();
      assert.deepEqual(await survivors([server, daemon], 3_000), []);
    } finally {
      try {
        process.kill(daemon, 'SIGKILL');
      } catch {
        /* gone, as it should be */
      }
    }
  },
);

test('host shutdown sweeps daemons of servers that already ended (killAll)', { skip: !linux && 'Linux only' }, async () => {
  const pids = pidFile();
  const connection = new LiveConnection(labEntry('hostile-daemon.mjs', { LAB_PID_FILE: pids.path, LAB_DAEMON_MS: '30000' }), {
    connectTimeoutMs: 15_000,
    killGraceMs: 500,
  });
  await connection.connect();
  await waitFor(() => pids.pids().length >= 2, 10_000);
  const [server, daemon] = pids.pids() as [number, number];
  try {
    process.kill(server, 'SIGKILL');
    await waitFor(() => !isAlive(server), 5_000);
    await connection.dispose();
    await liveProcesses.killAll();
    await sweepSession();
    assert.deepEqual(await survivors([daemon], 3_000), []);
  } finally {
    try {
      process.kill(daemon, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});
