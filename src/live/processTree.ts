import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { markedPids, markEnvironment } from './spawnMarker';

const isWindows = process.platform === 'win32';

export interface SpawnSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
}

/**
 * Starts a server with pipes on all three streams, never through a shell. On POSIX it leads a new
 * process group, so the whole group can be signalled at once; on Windows `taskkill /T` walks the tree.
 */
export function spawnServer(spec: SpawnSpec): ChildProcess {
  const { command, args } = isWindows ? windowsCommandLine(spec.command, spec.args, spec.env) : spec;
  const { env, token } = markEnvironment(spec.env);
  const child = spawn(command, args, {
    cwd: spec.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: !isWindows,
    windowsHide: true,
    shell: false,
    windowsVerbatimArguments: isWindows && command === comspec(spec.env),
  });
  if (child.pid !== undefined) tokens.set(child.pid, token);
  child.once('spawn', () => tokens.set(child.pid!, token));
  return child;
}

/** pid of each spawned server → the marker token in its environment (and in that of everything it starts). */
const tokens = new Map<number, string>();

/** Processes that still carry the marker of one of the servers `pids` (daemons that left their session), in one scan. */
function marked(...pids: number[]): number[] {
  return markedPids(new Set(pids.flatMap((pid) => tokens.get(pid) ?? [])));
}

/** Whether a process with this id runs (signal 0 probes without signalling); a zombie counts as ended. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Every process below `pid`, read from `/proc` on Linux or `ps` elsewhere on POSIX. Empty on Windows. */
export async function descendantPids(pids: readonly number[]): Promise<number[]> {
  if (isWindows) return [];
  const table = process.platform === 'linux' ? procTable() : await psTable();
  return descendantsIn(table, pids);
}

function descendantsIn(table: Map<number, number[]>, roots: readonly number[]): number[] {
  const out: number[] = [];
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const kid of table.get(queue.shift()!) ?? []) {
      if (seen.has(kid)) continue;
      seen.add(kid);
      out.push(kid);
      queue.push(kid);
    }
  }
  return out;
}

/** parent pid → child pids, from /proc/<pid>/stat (the field after the parenthesised command name). */
function procTable(): Map<number, number[]> {
  const table = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!table.has(ppid)) table.set(ppid, []);
      table.get(ppid)!.push(Number(name));
    } catch {
      /* the process ended while we looked */
    }
  }
  return table;
}

function psTable(): Promise<Map<number, number[]>> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid='], { timeout: 5_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => resolve(error ? new Map() : parsePs(stdout)));
  });
}

/** parent pid → child pids, from `ps -o pid=,ppid=` output. */
function parsePs(stdout: string): Map<number, number[]> {
  const table = new Map<number, number[]>();
  for (const line of stdout.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined || Number.isNaN(ppid)) continue;
    if (!table.has(ppid)) table.set(ppid, []);
    table.get(ppid)!.push(pid);
  }
  return table;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone, or not ours */
  }
}

/** Signals the process group led by `pid` (POSIX) and each listed process. */
function signalAll(pid: number, others: readonly number[], sig: NodeJS.Signals): void {
  if (!isWindows) signal(-pid, sig);
  signal(pid, sig);
  for (const other of others) signal(other, sig);
}

/**
 * Stops a server and everything it started: `stdin` closed, then SIGTERM to the group and to every
 * descendant found, then SIGKILL to all of them after `graceMs`. `gentle: false` skips the stdin step.
 */
export async function killProcessTree(child: ChildProcess, graceMs: number, gentle: boolean): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const wait = (ms: number) => Promise.race([exited, new Promise<void>((r) => setTimeout(r, ms).unref())]);
  if (isWindows) {
    await taskkill(pid);
    await wait(graceMs);
    return;
  }
  let tree = await descendantPids([pid]);
  if (gentle) {
    try {
      child.stdin?.end();
    } catch {
      /* stdin already closed */
    }
    await wait(graceMs / 2);
  }
  signalAll(pid, [...tree, ...marked(pid)], 'SIGTERM');
  await wait(gentle ? graceMs / 2 : Math.min(graceMs, 200));
  const alive = [pid, ...tree].filter(isAlive);
  if (alive.length > 0) tree = [...new Set([...tree, ...(await descendantPids(alive))])];
  signalAll(pid, [...tree, ...marked(pid)], 'SIGKILL');
  await wait(graceMs);
  tokens.delete(pid);
}

/**
 * The daemons of server `pid` that escaped its group and tree: SIGTERM, then SIGKILL after a short
 * grace for any still running. Linux only (see spawnMarker.ts); a no-op elsewhere.
 */
export async function sweepMarked(pid: number, graceMs = 500): Promise<void> {
  const left = marked(pid).filter(isAlive);
  tokens.delete(pid);
  await terminate(left, graceMs);
}

/** For host shutdown: every process still carrying a marker of this host session (SIGTERM, then SIGKILL). */
export function sweepSession(graceMs = 500): Promise<void> {
  return terminate(markedPids({ session: true }).filter(isAlive), graceMs);
}

async function terminate(left: number[], graceMs: number): Promise<void> {
  if (left.length === 0) return;
  for (const p of left) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && left.some(isAlive)) await new Promise((r) => setTimeout(r, 25));
  for (const p of left.filter(isAlive)) signal(p, 'SIGKILL');
}

/** For host exit: SIGKILL every process still carrying a marker of this host session, at once. */
export function killMarkedSync(): void {
  for (const p of markedPids({ session: true })) signal(p, 'SIGKILL');
}

/**
 * For process exit and fatal signals: no waiting. Each process, its group and every descendant found
 * (also ones that left the group; the process table is read synchronously, once) get SIGKILL at once.
 */
export function killProcessTreesSync(pids: readonly number[]): void {
  if (pids.length === 0) return;
  if (isWindows) {
    for (const pid of pids) {
      try {
        execFileSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true, timeout: 5_000 });
      } catch {
        /* already gone */
      }
    }
    return;
  }
  const table = process.platform === 'linux' ? procTable() : psTableSync();
  for (const pid of pids) signalAll(pid, descendantsIn(table, [pid]), 'SIGKILL');
  for (const escaped of marked(...pids)) signal(escaped, 'SIGKILL');
}

function psTableSync(): Map<number, number[]> {
  try {
    return parsePs(execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 5_000, maxBuffer: 8 * 1024 * 1024 }));
  } catch {
    return new Map();
  }
}

/** After a server exited by itself: SIGKILL whatever is left of its process group (Windows: its tree). */
export function killGroupNow(pid: number): void {
  if (isWindows) void taskkill(pid);
  else signal(-pid, 'SIGKILL');
  void sweepMarked(pid);
}

function taskkill(pid: number): Promise<void> {
  return new Promise((resolve) => {
    execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, timeout: 10_000 }, () => resolve());
  });
}

function comspec(env: Record<string, string>): string {
  return env.ComSpec ?? env.COMSPEC ?? process.env.ComSpec ?? 'cmd.exe';
}

/**
 * Windows cannot spawn `.cmd`/`.bat` files (`npx`, `uvx` shims) without `cmd.exe`; the command line is
 * built with every cmd metacharacter escaped, as cross-spawn does.
 */
function windowsCommandLine(command: string, args: string[], env: Record<string, string>): { command: string; args: string[] } {
  const resolved = findOnPath(command, env);
  if (!resolved || !/\.(cmd|bat)$/i.test(resolved)) return { command: resolved ?? command, args };
  const quoted = [resolved.replace(CMD_META, '^$1'), ...args.map(escapeForCmd)].join(' ');
  return { command: comspec(env), args: ['/d', '/s', '/c', `"${quoted}"`] };
}

const CMD_META = /([()\][%!^"`<>&|;, *?])/g;

/** MSVC argument quoting (backslashes before a quote doubled), then cmd's `^` escapes. */
function escapeForCmd(arg: string): string {
  let out = '';
  let slashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      slashes++;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  out += '\\'.repeat(slashes * 2);
  return `"${out}"`.replace(CMD_META, '^$1');
}

function findOnPath(command: string, env: Record<string, string>): string | undefined {
  const exts = (env.PATHEXT ?? process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  const hasExt = /\.[a-z0-9]+$/i.test(command);
  const dirs = /[\\/]/.test(command) ? [''] : (env.Path ?? env.PATH ?? process.env.Path ?? process.env.PATH ?? '').split(';');
  for (const dir of dirs) {
    const base = dir ? `${dir.replace(/[\\/]$/, '')}\\${command}` : command;
    for (const candidate of hasExt ? [base] : exts.map((e) => base + e.toLowerCase())) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}
