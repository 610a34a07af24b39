import type { ChildProcess } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { formatBytes, LiveError } from './errors';
import { visibleText } from '../core/text/visible';
import type { LiveLimits } from './options';
import type { ProcessRegistry } from './processRegistry';
import { killGroupNow, killProcessTree, spawnServer, type SpawnSpec } from './processTree';
import { plural } from '../core/text/plural';

type Limits = Pick<LiveLimits, 'maxOutputBytes' | 'maxStderrBytes' | 'maxInvalidLines' | 'killGraceMs'>;

export interface StdioHooks {
  server: string;
  registry: ProcessRegistry;
  /** A line that is not a JSON-RPC message, or a stderr chunk, for the trace. */
  onNoise?: (kind: 'stdout' | 'stderr', text: string) => void;
}

/**
 * stdio transport with bounds: newline-delimited JSON-RPC, stdout capped at `maxOutputBytes`, stderr
 * kept as a bounded tail, lines that are not JSON-RPC counted, and the whole process tree stopped on close.
 */
export class BoundedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** Set when the transport stopped the server itself (output limit, protocol violation, spawn failure). */
  failure: LiveError | undefined;
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private child: ChildProcess | undefined;
  private pending: Buffer[] = [];
  private stdoutBytes = 0;
  private stderrTail = '';
  private invalidLines = 0;
  private firstInvalid: string | undefined;
  private readonly awaiting = new Set<string | number>();
  private closing: Promise<void> | undefined;
  private unregister: (() => void) | undefined;
  private finished = false;

  constructor(
    private readonly spec: SpawnSpec,
    private readonly limits: Limits,
    private readonly hooks: StdioHooks,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  /** A sentence about stdout noise, to add to a timeout message. */
  get noiseSummary(): string | undefined {
    if (this.invalidLines === 0) return undefined;
    return `it wrote ${plural(this.invalidLines, 'line')} that are not JSON-RPC (first: "${this.firstInvalid}")`;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawnServer(this.spec);
      } catch (e) {
        reject(this.spawnError(e));
        return;
      }
      this.child = child;
      child.once('error', (e) => {
        if (child.pid === undefined) {
          this.failure = this.spawnError(e);
          reject(this.failure);
          this.finish();
        } else {
          this.onerror?.(e);
        }
      });
      child.once('spawn', () => {
        const pid = child.pid!;
        const entry = this.hooks.registry.add({ pid, server: this.hooks.server, kill: () => this.close() });
        this.unregister = () => entry.dispose();
        resolve();
      });
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        // What it started may outlive it; its process group goes with it.
        if (!this.closing && child.pid !== undefined) killGroupNow(child.pid);
      });
      child.once('close', () => this.finish());
      child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk));
      child.stderr!.on('data', (chunk: Buffer) => this.onStderr(chunk));
      child.stdin!.on('error', () => undefined);
      child.stdout!.on('error', () => undefined);
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || stdin.destroyed || this.closing) return Promise.reject(new LiveError('exited', 'the server is not running'));
    if ('id' in message && 'method' in message) this.awaiting.add(message.id);
    return new Promise((resolve, reject) => {
      stdin.write(JSON.stringify(message) + '\n', (error) => (error ? reject(new LiveError('exited', 'the server stopped reading its input')) : resolve()));
    });
  }

  close(): Promise<void> {
    return this.stop(true);
  }

  /** Starts a new output budget (after a completed listing), so a long-lived quiet connection is not stopped. */
  resetOutputBudget(): void {
    this.stdoutBytes = 0;
  }

  /** Stops the server at once for a reason the connection reports. */
  terminate(reason: LiveError): Promise<void> {
    this.failure ??= reason;
    return this.stop(false);
  }

  private stop(gentle: boolean): Promise<void> {
    if (!this.closing) {
      const child = this.child;
      this.closing = child ? killProcessTree(child, this.limits.killGraceMs, gentle).then(() => this.finish()) : Promise.resolve(this.finish());
    }
    return this.closing;
  }

  private finish(): void {
    this.unregister?.();
    if (this.finished) return;
    this.finished = true;
    this.pending = [];
    this.onclose?.();
  }

  private onStdout(chunk: Buffer): void {
    if (this.failure) return;
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.limits.maxOutputBytes) {
      void this.terminate(
        new LiveError('output-limit', `the server wrote more than ${formatBytes(this.limits.maxOutputBytes)} to its standard output; it was stopped`),
      );
      return;
    }
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1 && !this.failure) {
      const piece = chunk.subarray(start, newline);
      const line = this.pending.length > 0 ? Buffer.concat([...this.pending, piece]) : piece;
      this.pending = [];
      this.onLine(line.toString('utf8'));
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private onLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      this.onInvalid(line, undefined);
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.onInvalid(line, json);
      return;
    }
    const message = parsed.data as JSONRPCMessage;
    if ('id' in message && !('method' in message) && message.id !== undefined) this.awaiting.delete(message.id);
    this.onmessage?.(message);
  }

  private onInvalid(line: string, json: unknown): void {
    this.hooks.onNoise?.('stdout', line);
    this.invalidLines++;
    this.firstInvalid ??= visibleText(line, { singleLine: true, max: 120 });
    const id = json && typeof json === 'object' ? (json as { id?: unknown }).id : undefined;
    if ((typeof id === 'string' || typeof id === 'number') && this.awaiting.has(id)) {
      void this.terminate(
        new LiveError('protocol', `the server answered with a message that is not valid JSON-RPC: "${visibleText(line, { singleLine: true, max: 160 })}"`),
      );
    } else if (this.invalidLines > this.limits.maxInvalidLines) {
      void this.terminate(
        new LiveError(
          'protocol',
          `the server wrote ${plural(this.invalidLines, 'line')} that are not JSON-RPC on its standard output (first: "${this.firstInvalid}"); it was stopped`,
        ),
      );
    }
  }

  private onStderr(chunk: Buffer): void {
    const text = chunk.toString('utf8');
    this.hooks.onNoise?.('stderr', text);
    const max = this.limits.maxStderrBytes;
    this.stderrTail = (this.stderrTail + (text.length > max ? text.slice(-max) : text)).slice(-max);
  }

  private spawnError(e: unknown): LiveError {
    const code = (e as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? ' (command not found)' : code === 'EACCES' ? ' (not executable)' : '';
    return new LiveError('spawn', `cannot start "${visibleText(this.spec.command, { singleLine: true, max: 200 })}": ${code ?? (e as Error).message}${hint}`);
  }
}
