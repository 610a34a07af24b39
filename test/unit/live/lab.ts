import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfigText } from '../../../src/core/config/load';
import type { ServerEntry } from '../../../src/core/model/server';
import { isAlive } from '../../../src/live/processTree';
import type { CliInteraction } from '../../../src/cli/inspect';
import type { CliIo } from '../../../src/cli/scan';

/** The repository root, found from wherever the tests were transpiled to. */
export const REPO = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'lab', 'servers')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export const LAB_SERVERS = join(REPO, 'test', 'lab', 'servers');
export const NODE_MODULES = join(REPO, 'node_modules');

export function tempDir(prefix = 'mcp-warden-live-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface LabServer {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  type?: string;
  url?: string;
  headers?: Record<string, string>;
}

/** Server entries as a VS Code `.vscode/mcp.json` in `folder` (default: a temp folder) would give them. */
export function vscodeEntries(servers: Record<string, LabServer>, folder = tempDir()): ServerEntry[] {
  const file = loadConfigText(JSON.stringify({ servers }), { path: join(folder, '.vscode', 'mcp.json') });
  return file.servers;
}

/** One entry running `node test/lab/servers/<script>`. */
export function labEntry(script: string, env: Record<string, string> = {}, name = script.replace(/\.mjs$/, '')): ServerEntry {
  return vscodeEntries({ [name]: { command: process.execPath, args: [join(LAB_SERVERS, script)], env } })[0]!;
}

/** A fresh pid file for $LAB_PID_FILE and a reader of the pids recorded in it. */
export function pidFile(): { path: string; pids(): number[] } {
  const path = join(tempDir('mcp-warden-pids-'), 'pids');
  return {
    path,
    pids: () => (existsSync(path) ? [...new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean).map(Number))] : []),
  };
}

/** The pids still running after up to `ms` (a reaped process disappears at once; this allows for the kernel's delay). */
export async function survivors(pids: number[], ms = 1_500): Promise<number[]> {
  const until = Date.now() + ms;
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    alive = alive.filter(isAlive);
  }
  return alive;
}

/** Starts an HTTP lab server on a free loopback port; resolves with its URL and a stop function. */
export function startHttpLab(script: string, env: Record<string, string> = {}): Promise<{ url: string; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(LAB_SERVERS, script)], {
      env: { ...process.env, ...env, LAB_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening (\S+)/.exec(String(chunk));
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, stop: () => child.kill('SIGKILL') });
      }
    });
    child.once('error', reject);
  });
}

/** Generous limits for a machine under load (servers start concurrently on few cores). */
export const TEST_LIMITS = { connectTimeoutMs: 12_000, requestTimeoutMs: 12_000 };

/** A CLI context in `cwd` whose output is captured (`out.stdout`, `out.stderr`). */
export function capturedIo(cwd: string): { cli: CliIo; out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = {
    cwd,
    env: { PATH: process.env.PATH },
    packageRoot: cwd,
    version: '9.9.9',
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
  };
  return { cli, out };
}

/** No terminal: a question fails the test. */
export const noTty: CliInteraction = {
  interactive: false,
  confirm: async () => assert.fail('no question without a terminal'),
  askHidden: async () => undefined,
};
