import * as fs from 'node:fs';
import type { AuditRecord } from '../../core/gateway/types';

/** A record of the audit log with its 0-based line number in the file. */
export interface LoggedRecord {
  record: AuditRecord;
  line: number;
}

const TAIL_BYTES = 1024 * 1024;

/**
 * The last records of the audit log (at most its last MiB), with line numbers. The file is only read,
 * never written; lines that are not JSON are skipped.
 */
export function readAuditTail(path: string): LoggedRecord[] {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    return [];
  }
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    let text = buffer.toString('utf8');
    let firstLine = 0;
    if (start > 0) {
      // Line numbers count from the start of the file: count the newlines before the tail once.
      firstLine = countNewlines(fd, start);
      const nl = text.indexOf('\n');
      text = text.slice(nl + 1);
      firstLine++;
    }
    const out: LoggedRecord[] = [];
    text.split('\n').forEach((raw, i) => {
      if (!raw) return;
      try {
        out.push({ record: JSON.parse(raw) as AuditRecord, line: firstLine + i });
      } catch {
        /* a line being written, or not ours */
      }
    });
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

function countNewlines(fd: number, end: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let count = 0;
  for (let pos = 0; pos < end;) {
    const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, end - pos), pos);
    if (n <= 0) break;
    for (let i = 0; i < n; i++) if (chunk[i] === 10) count++;
    pos += n;
  }
  return count;
}

/** An alert worth a notification and a highlight: a canary, a refusal or block, an injection, a withheld tool. */
export function isAlert(record: AuditRecord): boolean {
  return (
    record.action === 'blocked' ||
    record.action === 'refused' ||
    record.action === 'withheld' ||
    (record.findings ?? []).some((f) => f.severity === 'alert' || f.severity === 'error')
  );
}

/** One line about a record, for the view and notifications. */
export function describeRecord(record: AuditRecord): string {
  const what = record.type === 'lifecycle' ? `${record.event}` : `${record.method ?? record.type}${record.tool ? ` ${record.tool}` : ''}`;
  const findings = record.findings ?? [];
  const main = findings.find((f) => f.severity === 'alert') ?? findings[0];
  return main
    ? `${what}: ${main.type}${record.action && record.action !== 'forwarded' ? ` (${record.action})` : ''}`
    : `${what}${record.action && record.action !== 'forwarded' ? ` (${record.action})` : ''}`;
}
