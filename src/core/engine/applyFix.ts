import { parse, type ParseError } from 'jsonc-parser';
import { loadConfigText } from '../config/load';
import type { ConfigFile } from '../model/configFile';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { applyTextEdits, nonOverlappingGroups } from '../policy/applyEdits';
import { createPolicyFromServers } from '../policy/approve';
import { readPolicy } from '../policy/read';

/** Fixes to apply to one config file: each a whole group of edits, kept or skipped as one. */
export interface FixGroup {
  edits: readonly TextEdit[];
  /** Servers this fix removes on purpose (e.g. "Remove server"); every other server must stay. */
  removes?: readonly string[];
}

export type SafeFixResult = { text: string; file: ConfigFile; applied: number[] } | { refused: string };

const serverKey = (s: ServerEntry) => `${s.projectPath ?? ''}\u0000${s.name}`;

/** A server's definition as data, for "nothing else changed". */
function definitionOf(s: ServerEntry): string {
  return JSON.stringify([
    s.command?.value,
    s.args.map((a) => a.value),
    s.env.map((e) => [e.key, e.value ?? null]),
    s.url?.value,
    s.headers.map((h) => [h.key, h.value ?? null]),
    s.cwd?.value,
    s.envFile?.value,
    s.disabled ?? false,
  ]);
}

function touches(server: ServerEntry, edits: readonly TextEdit[]): boolean {
  const start = Math.min(server.node.offset, server.nameNode.offset);
  const end = Math.max(server.node.offset + server.node.length, server.nameNode.offset + server.nameNode.length);
  return edits.some((e) => e.offset <= end && e.offset + e.length >= start);
}

/**
 * Applies fixes to a config's text the one safe way, for the CLI and every editor fix: groups that
 * overlap an earlier group are skipped whole; the result is parsed again and refused unless it parses
 * as well as before, keeps the same servers (less those a fix removes on purpose), and leaves every
 * server that no edit touches with the same definition.
 */
export function applyFixSafely(file: ConfigFile, groups: readonly FixGroup[]): SafeFixResult {
  const kept = nonOverlappingGroups(groups.map((g) => g.edits));
  if (kept.length === 0) return { text: file.text, file, applied: [] };
  const edits = kept.flatMap((i) => groups[i]!.edits);
  const text = applyTextEdits(file.text, edits);
  const after = loadConfigText(text, { path: file.path, scope: file.scope, explicit: file.explicit, ...(file.client ? { client: file.client } : {}) });
  if (after.problems.length > file.problems.length) return { refused: 'the fixed text would not parse; left untouched' };
  const removed = new Set(kept.flatMap((i) => groups[i]!.removes ?? []));
  const expected = file.servers.filter((s) => !removed.has(s.name)).map(serverKey);
  if (after.servers.map(serverKey).join('\n') !== expected.join('\n')) return { refused: 'the fixes would change the set of servers; left untouched' };
  const afterByKey = new Map(after.servers.map((s) => [serverKey(s), s]));
  for (const server of file.servers) {
    if (removed.has(server.name) || touches(server, edits)) continue;
    const now = afterByKey.get(serverKey(server));
    if (!now || definitionOf(now) !== definitionOf(server))
      return { refused: `the fixes would change server "${server.name}", which they do not target; left untouched` };
  }
  return { text, file: after, applied: kept };
}

/** A policy fix: edits to the policy file's text and the allow entries they add (the only change allowed). */
export interface PolicyFixGroup {
  edits: readonly TextEdit[];
  adds: readonly object[];
}

export type SafePolicyFixResult = { text: string } | { refused: string };

/**
 * The policy file's counterpart of `applyFixSafely`: applies the edits, parses the result again, and
 * refuses unless it is still a readable policy whose only change is the allow entries the fix adds,
 * appended in order: every other entry, key and deny rule stays exactly as it was.
 */
export function applyPolicyFixSafely(text: string, source: string, group: PolicyFixGroup): SafePolicyFixResult {
  // A blank file becomes a new, empty policy plus the entries (see approveEdit).
  const before = parse(text.trim() === '' ? createPolicyFromServers([]) : text, [], { allowTrailingComma: true });
  const after = applyTextEdits(text, group.edits);
  const errors: ParseError[] = [];
  const parsed = parse(after, errors, { allowTrailingComma: true });
  if (
    errors.length > 0 ||
    !isObject(parsed) ||
    readPolicy(after, source).problems.length > (text.trim() === '' ? 0 : readPolicy(text, source).problems.length)
  ) {
    return { refused: 'the edited policy would not be a readable policy; left untouched' };
  }
  const { allow: allowBefore = [], ...restBefore } = isObject(before) ? before : {};
  const { allow: allowAfter, ...restAfter } = parsed;
  if (!sameJson(restBefore, restAfter)) return { refused: 'the edit would change the policy beyond its allow list; left untouched' };
  if (!Array.isArray(allowBefore) || !Array.isArray(allowAfter)) return { refused: 'the policy\'s "allow" is not a list; left untouched' };
  const kept = allowAfter.slice(0, allowBefore.length);
  const added = allowAfter.slice(allowBefore.length);
  if (!sameJson(kept, allowBefore) || !sameJson(added, group.adds))
    return { refused: 'the edit would change allow entries other than the one it adds; left untouched' };
  return { text: after };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
