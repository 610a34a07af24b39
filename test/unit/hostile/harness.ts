// Runs the bundled CLI (dist/cli.js, or $MCP_WARDEN_HOSTILE_CLI) against hostile input in a child
// process: a wall-time limit, a memory limit (peak RSS of the child, read from /proc while it runs),
// both enforced by killing the child we started, and the numbers reported for docs/security.md.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { CLI, assertCliBuilt } from '../core/cliHarness';

export const MEMORY_LIMIT_MB = 512;
export const DEFAULT_WALL_MS = 30_000;

export interface HostileResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Highest VmHWM seen (the kernel's peak resident set of the child), in MB. */
  peakRssMb: number;
  /** Killed for going past the wall-time or memory limit. */
  killed?: 'time' | 'memory';
}

function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A scratch project folder with an empty HOME; `dispose()` removes it. */
export class HostileBox {
  readonly root = mkdtempSync(join(tmpdir(), 'mcp-warden-hostile-'));
  readonly home = join(this.root, 'home');
  readonly project = join(this.root, 'project');
  constructor() {
    mkdirSync(this.home);
    mkdirSync(this.project);
  }
  path(relative: string): string {
    return join(this.project, relative);
  }
  write(relative: string, content: string | Uint8Array): string {
    const path = this.path(relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Runs `node dist/cli.js …args`; `stdin` is written and closed (or the pipe left open when `holdStdin`). */
  run(
    args: string[],
    options: { cwd?: string; env?: Record<string, string>; stdin?: string; wallMs?: number; shell?: string; uid?: number; gid?: number } = {},
  ): Promise<HostileResult> {
    const cli = process.env.MCP_WARDEN_HOSTILE_CLI ?? CLI;
    if (!process.env.MCP_WARDEN_HOSTILE_CLI) assertCliBuilt();
    const env = { PATH: process.env.PATH ?? '', HOME: this.home, USERPROFILE: this.home, NO_COLOR: '1', ...options.env };
    const wallMs = options.wallMs ?? DEFAULT_WALL_MS;
    const ids = options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {};
    // `shell`: a bash command line in which $CLI is the CLI (for `<(…)` and redirections); `exec` keeps one process to measure.
    const child = options.shell
      ? spawn('bash', ['-c', `exec ${options.shell}`], {
          cwd: options.cwd ?? this.project,
          env: { ...env, CLI: `${process.execPath} ${cli}` },
          stdio: ['pipe', 'pipe', 'pipe'],
          ...ids,
        })
      : spawn(process.execPath, [cli, ...args], { cwd: options.cwd ?? this.project, env, stdio: ['pipe', 'pipe', 'pipe'], ...ids });
    const started = Date.now();
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let killed: HostileResult['killed'];
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout.length < 4_000_000 ? (stdout += d) : undefined));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr.length < 4_000_000 ? (stderr += d) : undefined));
    child.stdin.on('error', () => undefined);
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
    const sample = () => {
      const now = child.pid === undefined ? undefined : peakRssMb(child.pid);
      if (now !== undefined) peak = Math.max(peak, now);
      if (peak > MEMORY_LIMIT_MB && !killed) {
        killed = 'memory';
        child.kill('SIGKILL');
      }
    };
    const poll = setInterval(sample, 20);
    const timer = setTimeout(() => {
      killed ??= 'time';
      child.kill('SIGKILL');
    }, wallMs);
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => sample());
      child.on('close', (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        const result: HostileResult = { code, stdout, stderr, ms: Date.now() - started, peakRssMb: Math.round(peak * 10) / 10, ...(killed ? { killed } : {}) };
        measurements.push({ name: currentCase, ...result });
        resolve(result);
      });
    });
  }
}

let currentCase = '';
const measurements: ({ name: string } & HostileResult)[] = [];

/** Names the measurements of the runs that follow (printed by `printMeasurements`). */
export function measuring(name: string): void {
  currentCase = name;
}

/** One line per run, as a TAP diagnostic: case, exit code, wall time, peak RSS. */
export function measurementLines(): string[] {
  return measurements.map((m) => `${m.name}: exit ${m.code}${m.killed ? ` (killed: ${m.killed})` : ''}, ${m.ms} ms, peak RSS ${m.peakRssMb} MB`);
}

/** The box of one hostile test file: removed after its tests, which then print their measurements. */
export function hostileBox(): HostileBox {
  const box = new HostileBox();
  after(() => {
    box.dispose();
    for (const line of measurementLines()) console.log(line);
  });
  return box;
}

/** The run ended by itself (not killed for time or memory) and stayed under the memory limit. */
export function bounded(r: HostileResult): void {
  assert.equal(r.killed, undefined, `killed for ${r.killed} after ${r.ms} ms at ${r.peakRssMb} MB\n${r.stderr.slice(0, 2000)}`);
  assert.ok(r.peakRssMb < MEMORY_LIMIT_MB, `peak RSS ${r.peakRssMb} MB`);
}
