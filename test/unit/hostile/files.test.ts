// Hostile repositories: device files, FIFOs and pipes where MCP Warden reads, through the real CLI.
// Each case must end by itself, with a clear message and exit code, under 512 MB.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { describe, test } from 'node:test';
import { bounded, hostileBox, measuring } from './harness';

const box = hostileBox();

const CONFIG = JSON.stringify({ servers: { demo: { command: 'npx', args: ['-y', 'some-server@1.2.3'] } } });
const FAKE_TOKEN = 'ghp_' + 'FAKE0aBcDeFgHiJkLmNoPqRsTuVwXyZ01234'.slice(0, 36); // fake, real format
const TOKEN_CONFIG = JSON.stringify({ mcpServers: { gh: { command: 'npx', args: ['-y', 'gh-server@1.0.0'], env: { GITHUB_TOKEN: FAKE_TOKEN } } } });

/** A fresh project folder holding the normal config plus what `setup` adds. */
function project(name: string, setup: (dir: string) => void): string {
  const dir = box.path(name);
  mkdirSync(`${dir}/.vscode`, { recursive: true });
  box.write(`${name}/.vscode/mcp.json`, CONFIG);
  setup(dir);
  return dir;
}

describe('device files committed under names MCP Warden reads', () => {
  test('.vscode/mcp-policy.json → /dev/zero: scan refuses it (exit 2), no endless read', async () => {
    measuring('policy symlink to /dev/zero (scan)');
    const dir = project('policy-zero', (d) => symlinkSync('/dev/zero', `${d}/.vscode/mcp-policy.json`));
    const r = await box.run(['scan'], { cwd: dir });
    bounded(r);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read policy .*mcp-policy\.json: it is a character device, not a regular file: not read/);
  });

  test('.mcp-warden.json → /dev/zero: scan refuses the settings (exit 2)', async () => {
    measuring('settings symlink to /dev/zero (scan)');
    const dir = project('settings-zero', (d) => symlinkSync('/dev/zero', `${d}/.mcp-warden.json`));
    const r = await box.run(['scan'], { cwd: dir });
    bounded(r);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read settings .*\.mcp-warden\.json: it is a character device, not a regular file/);
  });

  test('.vscode/mcp-lock.json → /dev/zero: verify refuses the lockfile before starting anything (exit 2)', async () => {
    measuring('lockfile symlink to /dev/zero (verify)');
    const dir = project('lock-zero', (d) => symlinkSync('/dev/zero', `${d}/.vscode/mcp-lock.json`));
    const r = await box.run(['verify', '--yes'], { cwd: dir });
    bounded(r);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read the lockfile \.vscode\/mcp-lock\.json: it is a character device, not a regular file/);
  });

  test('a config named .vscode/mcp.json that links to /dev/zero is reported, not read', async () => {
    measuring('config symlink to /dev/zero (scan)');
    const dir = box.path('config-zero');
    mkdirSync(`${dir}/.vscode`, { recursive: true });
    symlinkSync('/dev/zero', `${dir}/.vscode/mcp.json`);
    const r = await box.run(['scan'], { cwd: dir });
    bounded(r);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read .*\.vscode\/mcp\.json: it is a character device/);
  });

  test('a server envFile linked to /dev/zero does not stall scan', async () => {
    measuring('envFile symlink to /dev/zero (scan)');
    const dir = box.path('envfile-zero');
    box.write('envfile-zero/.vscode/mcp.json', JSON.stringify({ servers: { demo: { command: 'node', args: ['s.js'], envFile: '${workspaceFolder}/.env' } } }));
    symlinkSync('/dev/zero', `${dir}/.env`);
    const r = await box.run(['scan'], { cwd: dir, wallMs: 15_000 });
    bounded(r);
  });

  test('tools /dev/zero is refused (exit 2)', async () => {
    measuring('tools /dev/zero');
    const r = await box.run(['tools', '/dev/zero']);
    bounded(r);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /cannot read \/dev\/zero: it is a character device, not a regular file: not read; to read a pipe on purpose, pass it as - or \/dev\/stdin/,
    );
  });
});

describe('FIFOs named as input', () => {
  const fifo = box.path('pipe.json');
  execFileSync('mkfifo', [fifo]);
  const cases: [string, string[], RegExp][] = [
    ['scan FIFO', ['scan', fifo], /cannot read .*pipe\.json: it is a FIFO \(named pipe\), not a regular file/],
    ['inventory FIFO', ['inventory', fifo], /cannot read .*pipe\.json: it is a FIFO/],
    ['scan -c FIFO', ['scan', '-c', fifo], /cannot read settings .*pipe\.json: it is a FIFO/],
    ['tools FIFO', ['tools', fifo], /cannot read .*pipe\.json: it is a FIFO/],
  ];
  for (const [name, args, message] of cases) {
    test(`${name}: refused at once (exit 2), nothing waits for a writer`, async () => {
      measuring(name);
      const r = await box.run(args, { wallMs: 20_000 });
      bounded(r);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
    });
  }
});

describe('pipes given on purpose', () => {
  test('cat cfg | scan /dev/stdin reads the config: its token is found (exit 1)', async () => {
    measuring('piped config (scan /dev/stdin)');
    const r = await box.run(['scan', '/dev/stdin', '--format', 'json'], { stdin: TOKEN_CONFIG });
    bounded(r);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { findings: { ruleId: string }[] }[] };
    assert.ok(
      report.files[0]!.findings.some((f) => f.ruleId === 'plaintext-secret'),
      r.stdout,
    );
    assert.ok(!r.stdout.includes(FAKE_TOKEN));
  });

  test('scan <(cat cfg) reads the process substitution (exit 1)', async () => {
    measuring('process substitution (scan <(…))');
    const file = box.write('subst/cfg.json', TOKEN_CONFIG);
    const r = await box.run([], { shell: `$CLI scan <(cat ${file}) --format json` });
    bounded(r);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /plaintext-secret/);
  });

  test('tools - reads standard input', async () => {
    measuring('tools - (stdin)');
    const r = await box.run(['tools', '-', '--format', 'json'], {
      stdin: JSON.stringify({ tools: [{ name: 'echo', description: 'Echoes.', inputSchema: { type: 'object' } }] }),
    });
    bounded(r);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"name": "echo"/);
  });

  test('scan /dev/stdin < /dev/zero stops at the 10 MB config limit', async () => {
    measuring('scan /dev/stdin < /dev/zero');
    const r = await box.run([], { shell: '$CLI scan /dev/stdin --format json < /dev/zero' });
    bounded(r);
    assert.match(r.stdout, /over the 10\.0 MB limit: not read/);
  });

  test('tools - < /dev/zero stops at the 32 MB input limit (exit 2)', async () => {
    measuring('tools - < /dev/zero');
    const r = await box.run([], { shell: '$CLI tools - < /dev/zero' });
    bounded(r);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read -: it is larger than 32 MB: not read/);
  });
});

describe('an unreadable folder', () => {
  test('is reported and the exit code is 2, not a silent 0', async () => {
    measuring('unreadable folder (scan)');
    const dir = project('unreadable', () => undefined);
    box.write('unreadable/sub/.vscode/mcp.json', TOKEN_CONFIG);
    chmodSync(`${dir}/sub`, 0o000);
    try {
      // As root every folder is readable: run the CLI as "nobody" then (the box is opened up for it).
      const asNobody = process.getuid?.() === 0;
      if (asNobody) execFileSync('chmod', ['-R', 'a+rX', box.root]);
      chmodSync(`${dir}/sub`, 0o000);
      const r = await box.run(['scan'], { cwd: dir, ...(asNobody ? { uid: 65534, gid: 65534 } : {}) });
      bounded(r);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot read folder .*unreadable\/sub: EACCES/);
    } finally {
      chmodSync(`${dir}/sub`, 0o755);
    }
  });
});
