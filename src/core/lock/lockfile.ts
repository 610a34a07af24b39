import { applyEdits, modify, parse, printParseErrorCode, type FormattingOptions, type ParseError } from 'jsonc-parser';
import type { ServerSnapshot } from '../model/tool';
import { canonicalize, canonicalJson, canonicalPretty } from './canonical';
import { unifiedDiff } from './diff';
import { storedIdentity, type ServerIdentity } from './identity';
import { sha256Hex } from './sha256';

/** Conventional place of the workspace lockfile (meant to be committed). */
export const LOCKFILE_PATH = '.vscode/mcp-lock.json';
export const LOCKFILE_VERSION = 1;

export type LockItemKind = 'tool' | 'prompt' | 'resource' | 'resourceTemplate' | 'instructions';

export interface LockItem {
  /** `sha256:` + hex of the canonical JSON of `definition`. */
  hash: string;
  /** The approved definition in canonical form, kept so that a change can be shown as a diff. */
  definition: unknown;
}

export interface LockedServer {
  identity: ServerIdentity;
  /** Only when the caller asks for it: a timestamp makes every re-approval a diff in version control. */
  approvedAt?: string;
  /** Keyed `tool:<name>`, `prompt:<name>`, `resource:<uri>`, `resourceTemplate:<uriTemplate>`, `instructions`. */
  items: Record<string, LockItem>;
}

export interface Lockfile {
  version: 1;
  servers: Record<string, LockedServer>;
}

export class LockfileError extends Error {}

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** Reads a lockfile (comments and trailing commas allowed). Throws LockfileError on anything else than version 1. */
export function parseLockfile(text: string | undefined): Lockfile {
  if (text === undefined || text.trim() === '') return { version: 1, servers: {} };
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new LockfileError(`the lockfile is not valid JSON (${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset})`);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new LockfileError('the lockfile must be a JSON object');
  if (json.version !== LOCKFILE_VERSION)
    throw new LockfileError(`unsupported lockfile version ${JSON.stringify(json.version)} (this MCP Warden reads version ${LOCKFILE_VERSION})`);
  if (!json.servers || typeof json.servers !== 'object' || Array.isArray(json.servers)) throw new LockfileError('the lockfile has no "servers" object');
  return json as Lockfile;
}

/** Every item of a snapshot as it is locked: key → hash and canonical definition. */
export function lockItems(snapshot: ServerSnapshot): Record<string, LockItem> {
  const items: [string, unknown][] = [];
  for (const t of snapshot.tools ?? []) items.push([`tool:${t.name}`, t]);
  for (const p of snapshot.prompts ?? []) items.push([`prompt:${p.name}`, p]);
  for (const r of snapshot.resources ?? []) items.push([`resource:${r.uri}`, r]);
  for (const r of snapshot.resourceTemplates ?? []) items.push([`resourceTemplate:${r.uriTemplate}`, r]);
  if (snapshot.instructions !== undefined && snapshot.instructions !== '') items.push(['instructions', snapshot.instructions]);
  items.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, LockItem> = {};
  for (const [key, definition] of items) out[key] = { hash: itemHash(definition), definition: canonicalize(definition) };
  return out;
}

export function itemHash(definition: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(definition))}`;
}

export interface ApproveOptions {
  /** The lockfile key of the server; default: the snapshot's server (config) name. */
  serverKey?: string;
  /** Approve only these item keys (e.g. one changed tool); the rest of the entry stays as approved. */
  only?: string[];
  /** Stored only when given (the core reads no clock). */
  approvedAt?: string;
}

/**
 * The lockfile text with this server approved as it is now. Edits only the server's entry with
 * jsonc-parser, so the rest of the file keeps its formatting and comments.
 */
export function approve(lockText: string | undefined, snapshot: ServerSnapshot, identity: ServerIdentity, options: ApproveOptions = {}): string {
  const lock = parseLockfile(lockText);
  const key = options.serverKey ?? snapshot.server;
  const current = lockItems(snapshot);
  const previous = lock.servers[key];
  let items = current;
  if (options.only) {
    items = { ...(previous?.items ?? {}) };
    for (const k of options.only) {
      if (current[k]) items[k] = current[k];
      else delete items[k];
    }
    items = Object.fromEntries(Object.entries(items).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const entry: LockedServer = {
    identity: options.only && previous ? previous.identity : storedIdentity(withVersion(identity, snapshot)),
    ...(options.approvedAt ? { approvedAt: options.approvedAt } : {}),
    items,
  };
  if (lockText === undefined || lockText.trim() === '') {
    return JSON.stringify({ version: LOCKFILE_VERSION, servers: { [key]: entry } }, null, 2) + '\n';
  }
  const edits = modify(lockText, ['servers', key], entry, { formattingOptions: FORMAT });
  return applyEdits(lockText, edits);
}

/** The lockfile text without this server's entry. */
export function forget(lockText: string, serverKey: string): string {
  parseLockfile(lockText);
  return applyEdits(lockText, modify(lockText, ['servers', serverKey], undefined, { formattingOptions: FORMAT }));
}

export interface IdentityChange {
  field: keyof ServerIdentity;
  approved: unknown;
  current: unknown;
}

export interface ItemChange {
  key: string;
  kind: LockItemKind;
  /** Tool/prompt name, resource URI or template; empty for instructions. */
  name: string;
  change: 'added' | 'removed' | 'modified';
  approved?: unknown;
  current?: unknown;
  approvedHash?: string;
  currentHash?: string;
  /** Unified diff of the indented canonical JSON (approved → current). */
  diff: string;
}

export interface Comparison {
  /** `unapproved`: no entry for this server; `changed`: identity or any item differs. */
  status: 'unapproved' | 'unchanged' | 'changed';
  identityChanges: IdentityChange[];
  changes: ItemChange[];
}

/** What differs between the approved entry and the server as it is now (tools added or removed count). */
export function compare(
  lock: string | Lockfile | undefined,
  snapshot: ServerSnapshot,
  identity: ServerIdentity,
  options: { serverKey?: string } = {},
): Comparison {
  const parsed = typeof lock === 'string' || lock === undefined ? parseLockfile(lock) : lock;
  const entry = parsed.servers[options.serverKey ?? snapshot.server];
  if (!entry) return { status: 'unapproved', identityChanges: [], changes: [] };
  const identityChanges = compareIdentity(entry.identity ?? {}, storedIdentity(withVersion(identity, snapshot)));
  const current = lockItems(snapshot);
  const approved = entry.items ?? {};
  const changes: ItemChange[] = [];
  const keys = [...new Set([...Object.keys(approved), ...Object.keys(current)])].sort();
  for (const key of keys) {
    const was = approved[key];
    const now = current[key];
    if (was && now && was.hash === now.hash) continue;
    const { kind, name } = splitKey(key);
    const oldText = was ? canonicalPretty(was.definition) : '';
    const newText = now ? canonicalPretty(now.definition) : '';
    changes.push({
      key,
      kind,
      name,
      change: !was ? 'added' : !now ? 'removed' : 'modified',
      ...(was ? { approved: was.definition, approvedHash: was.hash } : {}),
      ...(now ? { current: now.definition, currentHash: now.hash } : {}),
      diff: unifiedDiff(oldText, newText, { oldLabel: `approved ${key}`, newLabel: `current ${key}` }),
    });
  }
  return { status: identityChanges.length || changes.length ? 'changed' : 'unchanged', identityChanges, changes };
}

function compareIdentity(approved: ServerIdentity, current: ServerIdentity): IdentityChange[] {
  const fields: (keyof ServerIdentity)[] = ['transport', 'command', 'args', 'url', 'serverName', 'version'];
  return fields
    .filter((f) => JSON.stringify(approved[f] ?? null) !== JSON.stringify(current[f] ?? null))
    .map((field) => ({ field, approved: approved[field], current: current[field] }));
}

function withVersion(identity: ServerIdentity, snapshot: ServerSnapshot): ServerIdentity {
  return {
    ...identity,
    ...(identity.serverName === undefined && snapshot.serverInfo?.name ? { serverName: snapshot.serverInfo.name } : {}),
    ...(identity.version === undefined && snapshot.serverInfo?.version ? { version: snapshot.serverInfo.version } : {}),
  };
}

function splitKey(key: string): { kind: LockItemKind; name: string } {
  if (key === 'instructions') return { kind: 'instructions', name: '' };
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon) as LockItemKind, name: key.slice(colon + 1) };
}
