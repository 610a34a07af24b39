import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../live/lab';

/** The CLI as transpiled next to these tests. */
export const CLI = join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');
export const RAW_SERVER = join(REPO, 'test', 'unit', 'gateway', 'fixtures', 'raw-server.mjs');
export const EVERYTHING = join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');

export interface GatewayProcess {
  child: ChildProcessWithoutNullStreams;
  /** Writes one message (an object, or a raw line as is). */
  send(message: unknown): void;
  /** The next line the client receives, parsed; rejects after `ms`. */
  next(ms?: number): Promise<Record<string, unknown>>;
  /** Every raw line received so far. */
  lines: string[];
  stderr(): string;
  exited: Promise<number | null>;
}

const started = new Set<ChildProcessWithoutNullStreams>();

/** Terminates every gateway a test left running (a failed test must not leave processes behind). */
export async function stopAllGateways(): Promise<void> {
  await Promise.all(
    [...started].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return gone;
    }),
  );
  started.clear();
}

export function startGateway(args: string[], env: Record<string, string> = {}, cwd = REPO): GatewayProcess {
  const child = spawn(process.execPath, [CLI, 'gateway', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.add(child);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let read = 0;
  let buffered = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl = buffered.indexOf('\n');
    while (nl !== -1) {
      lines.push(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
    while (waiting.length > 0 && read < lines.length) waiting.shift()!(lines[read++]!);
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    send: (message) => child.stdin.write((typeof message === 'string' ? message : JSON.stringify(message)) + '\n'),
    next: (ms = 90_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message within ${ms} ms; stderr: ${err}`)), ms);
        const take = (line: string) => {
          clearTimeout(timer);
          resolve(JSON.parse(line));
        };
        if (read < lines.length) take(lines[read++]!);
        else waiting.push(take);
      }),
    stderr: () => err,
    exited,
  };
}

export const INITIALIZE = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'gateway-test', version: '1.0.0' } },
};

/** The audit log's records. */
export function readLog(path: string): Record<string, unknown>[] {
  return existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
}

/** Waits until `predicate` holds on the log (records are written as messages pass). */
export async function waitForLog(path: string, predicate: (records: Record<string, unknown>[]) => boolean, ms = 30_000): Promise<Record<string, unknown>[]> {
  const until = Date.now() + ms;
  for (;;) {
    const records = readLog(path);
    if (predicate(records)) return records;
    if (Date.now() > until) throw new Error(`the log never matched; it holds:\n${records.map((r) => JSON.stringify(r)).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
