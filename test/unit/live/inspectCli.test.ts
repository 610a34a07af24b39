import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInspect, type CliInteraction } from '../../../src/cli/inspect';
import { capturedIo as io, LAB_SERVERS, noTty, pidFile, tempDir } from './lab';

function workspace(servers: Record<string, unknown>): string {
  const dir = tempDir();
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'mcp.json'), JSON.stringify({ servers }));
  return dir;
}

const node = (script: string, env: Record<string, string> = {}) => ({ command: process.execPath, args: [join(LAB_SERVERS, script)], env });

test('without --yes and without a terminal nothing is started: exit 2 and the command lines are shown', async () => {
  const pids = pidFile();
  const dir = workspace({ notes: node('notes.mjs', { LAB_PID_FILE: pids.path, API_KEY: 'FAKE-value-0000-abcdef' }) });
  const { cli, out } = io(dir);
  assert.equal(await runInspect(['.vscode/mcp.json'], cli, noTty), 2);
  assert.match(out.stderr, /Nothing was started\. Re-run with --yes/);
  assert.match(out.stderr, /notes: .*notes\.mjs/);
  assert.ok(!out.stderr.includes('FAKE-value-0000-abcdef'), 'env values are masked');
  assert.equal(out.stdout, '');
  assert.equal(existsSync(pids.path), false, 'no server ran');
});

test('an interactive "no" starts nothing; "yes" inspects', async () => {
  const pids = pidFile();
  const dir = workspace({ notes: node('notes.mjs', { LAB_PID_FILE: pids.path }) });
  const asking = (answer: boolean): CliInteraction => ({ interactive: true, confirm: async () => answer, askHidden: async () => undefined });
  assert.equal(await runInspect([], io(dir).cli, asking(false)), 2);
  assert.equal(existsSync(pids.path), false);
  const { cli, out } = io(dir);
  assert.equal(await runInspect(['--no-user'], cli, asking(true)), 0);
  assert.match(out.stdout, /add_note — Stores a short note/);
});

test('--yes --format json: servers with status, definitions, errors; exit 1 when one fails; --server filters', async () => {
  const dir = workspace({ notes: node('notes.mjs'), crash: node('hostile-crash.mjs'), off: { ...node('notes.mjs'), disabled: true } });
  const { cli, out } = io(dir);
  const code = await runInspect(['.vscode/mcp.json', '--yes', '--format', 'json', '--timeout', '15000'], cli, noTty);
  assert.equal(code, 1);
  const report = JSON.parse(out.stdout);
  assert.equal(report.version, 1);
  const [notes, crash, off] = report.servers;
  assert.equal(notes.status, 'connected');
  assert.equal(notes.file, '.vscode/mcp.json');
  assert.deepEqual(notes.serverInfo, { name: 'lab-notes', version: '1.0.0' });
  assert.deepEqual(
    notes.tools.map((t: { name: string }) => t.name),
    ['add_note', 'list_notes', 'calculate'],
  );
  assert.equal(notes.prompts[0].name, 'summarize_notes');
  assert.equal(notes.resources[0].uri, 'notes://all');
  assert.equal(notes.resourceTemplates[0].uriTemplate, 'notes://{id}');
  assert.equal(crash.status, 'error');
  assert.equal(crash.error.kind, 'exited');
  assert.equal(off.status, 'skipped');

  const filtered = io(dir);
  assert.equal(await runInspect(['.vscode/mcp.json', '--trust', '--format', 'json', '--server', 'notes'], filtered.cli, noTty), 0);
  assert.deepEqual(
    JSON.parse(filtered.out.stdout).servers.map((s: { name: string }) => s.name),
    ['notes'],
  );
});

test('usage errors exit 2', async () => {
  const dir = workspace({ notes: node('notes.mjs') });
  for (const argv of [['--format', 'sarif'], ['--timeout', 'soon'], ['--server', 'nope', '--yes'], ['--bogus'], ['missing.json']]) {
    const { cli, out } = io(dir);
    assert.equal(await runInspect(argv, cli, noTty), 2, argv.join(' '));
    assert.match(out.stderr, /mcp-warden: /);
  }
});
