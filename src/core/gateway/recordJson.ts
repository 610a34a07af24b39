import type { AuditRecord } from './types';

/**
 * The order of an audit record's fields in its JSON line. Every field of AuditRecord is here (the
 * type below fails to compile otherwise), so recordJson writes all that JSON.stringify would.
 */
export const RECORD_FIELDS = [
  'time',
  'server',
  'direction',
  'type',
  'bytes',
  'id',
  'method',
  'tool',
  'durationMs',
  'arguments',
  'action',
  'findings',
  'event',
  'detail',
] as const;
type Unlisted = Exclude<keyof AuditRecord, (typeof RECORD_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

const json = JSON.stringify;
/**
 * The opening of a record (time, server, direction, type) for each direction and type, kept while the time and
 * server stay the same: the records of one millisecond share it instead of each building it again.
 */
let openingTime = '';
let openingServer = '';
let openings: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;

function opening(r: AuditRecord): string {
  if (r.time !== openingTime || r.server !== openingServer) {
    openingTime = r.time;
    openingServer = r.server;
    openings = Object.create(null) as Record<string, Record<string, string>>;
  }
  const byType = (openings[r.direction] ??= Object.create(null) as Record<string, string>);
  return (byType[r.type] ??= `{"time":${json(r.time)},"server":${json(r.server)},"direction":"${r.direction}","type":"${r.type}"`);
}

/**
 * An audit record as one JSON line, in RECORD_FIELDS order: the same value as JSON.stringify(record)
 * (a test compares them), without its generic walk over the record. Fields whose values come from a
 * fixed set of plain words (direction, type, action) are written as they are.
 */
export function recordJson(r: AuditRecord): string {
  let s = opening(r);
  if (r.bytes !== undefined) s += `,"bytes":${number(r.bytes)}`;
  if (r.id !== undefined) s += `,"id":${json(r.id)}`;
  if (r.method !== undefined) s += `,"method":${json(r.method)}`;
  if (r.tool !== undefined) s += `,"tool":${json(r.tool)}`;
  if (r.durationMs !== undefined) s += `,"durationMs":${number(r.durationMs)}`;
  if (r.arguments !== undefined) s += `,"arguments":${json(r.arguments)}`;
  if (r.action !== undefined) s += `,"action":"${r.action}"`;
  if (r.findings !== undefined) s += `,"findings":${json(r.findings)}`;
  if (r.event !== undefined) s += `,"event":${json(r.event)}`;
  if (r.detail !== undefined) s += `,"detail":${json(r.detail)}`;
  return s + '}';
}

function number(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}
