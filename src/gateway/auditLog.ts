import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordJson } from '../core/gateway/recordJson';
import type { AuditRecord } from '../core/gateway/types';
import { plural } from '../core/text/plural';

export interface AuditLogOptions {
  /** Rotate when the file would grow past this many bytes. */
  maxBytes: number;
  /** Rotated files kept (`gateway.jsonl.1` … `.N`). */
  keep: number;
  /** A record longer than this is cut to its essentials (the previews dropped). */
  maxRecordBytes: number;
}

export const DEFAULT_LOG_OPTIONS: AuditLogOptions = { maxBytes: 10 * 1024 * 1024, keep: 3, maxRecordBytes: 16 * 1024 };

/** The user's state folder for MCP Warden: `$XDG_STATE_HOME/mcp-warden`, `~/.local/state/mcp-warden`, or `%LOCALAPPDATA%\mcp-warden\state`. */
export function stateFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'mcp-warden', 'state');
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'mcp-warden');
  return join(env.HOME ?? homedir(), '.local', 'state', 'mcp-warden');
}

export function defaultLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateFolder(env), 'gateway.jsonl');
}

/** Records wait at most this long before they are written (records with findings are written at once). */
export const LOG_FLUSH_MS = 50;
/** Queued records are written as soon as they reach this size, so memory stays bounded. */
export const LOG_QUEUE_BYTES = 256 * 1024;
const FLUSH_SIGNALS: readonly NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * An append-only JSON-lines file through one descriptor, readable only by the user, rotated by size.
 * Records are buffered: written in batches every LOG_FLUSH_MS or LOG_QUEUE_BYTES, at once when they
 * carry a finding, and on close, process exit and fatal signals (a SIGKILLed gateway can lose the last
 * LOG_FLUSH_MS).
 */
export class AuditLog {
  private fd: number;
  private size: number;
  /**
   * Queued records, encoded as they come into one reused buffer (no string joined, measured or
   * re-encoded at flush). JSON.stringify escapes newlines and no UTF-8 sequence holds the byte 0x0a,
   * so a newline byte only ends a record.
   */
  private queue = Buffer.allocUnsafe(LOG_QUEUE_BYTES + 64 * 1024);
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly onExit = () => this.flush();
  /** Runs before the process registry's handler (which stops the server and raises the signal again). */
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.flush();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  constructor(
    readonly path: string,
    private readonly options: AuditLogOptions = DEFAULT_LOG_OPTIONS,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.fd = openSync(path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
    process.on('exit', this.onExit);
    for (const signal of FLUSH_SIGNALS) process.prependOnceListener(signal, this.onSignal);
  }

  /** Queues a record; `urgent` (an alert, a finding) writes the queue now. */
  write(record: AuditRecord, urgent = false): void {
    let line = recordJson(record);
    if (line.length > this.options.maxRecordBytes) line = recordJson(essentials(record, line.length));
    const most = 3 * line.length + 1; // UTF-8 bytes of a JavaScript string are at most 3 per unit
    if (this.queued + most > this.queue.length) {
      this.flush();
      if (most > this.queue.length) this.queue = Buffer.allocUnsafe(most);
    }
    this.queued += this.queue.write(line, this.queued, 'utf8');
    this.queue[this.queued++] = 10;
    if (urgent || this.queued >= LOG_QUEUE_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), LOG_FLUSH_MS).unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const bytes = this.queued;
    if (bytes === 0) return;
    this.queued = 0;
    // The whole batch in one write unless it crosses the rotation size; then record by record.
    if (this.size + bytes <= this.options.maxBytes) {
      writeAll(this.fd, this.queue, 0, bytes);
      this.size += bytes;
      return;
    }
    let start = 0; // of the records not yet written
    let end = 0; // of the records that fit in the current file
    while (end < bytes) {
      const next = this.queue.indexOf(10, end) + 1;
      if (this.size + (end - start) > 0 && this.size + (next - start) > this.options.maxBytes) {
        if (end > start) writeAll(this.fd, this.queue, start, end - start);
        this.size += end - start;
        this.rotate();
        start = end;
      }
      end = next;
    }
    writeAll(this.fd, this.queue, start, end - start);
    this.size += end - start;
  }

  close(): void {
    this.flush();
    process.removeListener('exit', this.onExit);
    for (const signal of FLUSH_SIGNALS) process.removeListener(signal, this.onSignal);
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }

  private rotate(): void {
    closeSync(this.fd);
    const keep = this.options.keep;
    rmSync(`${this.path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
      } catch {
        /* no such generation yet */
      }
    }
    if (keep > 0) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }
}

function writeAll(fd: number, data: Buffer, offset: number, length: number): void {
  while (length > 0) {
    const written = writeSync(fd, data, offset, length);
    offset += written;
    length -= written;
  }
}

function essentials(record: AuditRecord, length: number): AuditRecord {
  const { arguments: _args, findings, ...rest } = record;
  return {
    ...rest,
    ...(findings ? { findings: findings.slice(0, 5).map((f) => ({ ...f, message: f.message.slice(0, 300) })) } : {}),
    detail: `record cut from ${plural(length, 'character')}`,
  };
}
