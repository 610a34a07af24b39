import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
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

/**
 * An append-only JSON-lines file, written synchronously (a killed gateway loses no record) through
 * one descriptor, readable only by the user, rotated by size.
 */
export class AuditLog {
  private fd: number;
  private size: number;
  private queue: string[] = [];

  constructor(
    readonly path: string,
    private readonly options: AuditLogOptions = DEFAULT_LOG_OPTIONS,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.fd = openSync(path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /** Queues a record; `flush()` writes the queue (the gateway flushes after each chunk of input it handled). */
  write(record: AuditRecord): void {
    let line = JSON.stringify(record);
    if (line.length > this.options.maxRecordBytes) line = JSON.stringify(essentials(record, line.length));
    this.queue.push(line);
  }

  flush(): void {
    if (this.queue.length === 0) return;
    let batch = '';
    let bytes = 0;
    for (const line of this.queue) {
      const size = Buffer.byteLength(line) + 1;
      if (this.size + bytes > 0 && this.size + bytes + size > this.options.maxBytes) {
        if (batch) writeSync(this.fd, batch);
        this.size += bytes;
        this.rotate();
        batch = '';
        bytes = 0;
      }
      batch += line + '\n';
      bytes += size;
    }
    this.queue = [];
    writeSync(this.fd, batch);
    this.size += bytes;
  }

  close(): void {
    this.flush();
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

function essentials(record: AuditRecord, length: number): AuditRecord {
  const { arguments: _args, findings, ...rest } = record;
  return { ...rest, ...(findings ? { findings: findings.slice(0, 5).map((f) => ({ ...f, message: f.message.slice(0, 300) })) } : {}), detail: `record cut from ${plural(length, 'character')}` };
}
