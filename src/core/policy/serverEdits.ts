import { parseTree, type ParseError } from 'jsonc-parser';
import type { ClientId } from '../config/clientIds';
import type { ConfigFile } from '../model/configFile';
import { child, items, type DocNode } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { applyTextEdits } from './applyEdits';
import { isCleanRemoval, jsonAddProperty, jsonAppend, jsonRemoveProperty } from './jsonEdit';
import { tomlRemoveServer, tomlSetFlag } from './tomlEdits';
import { yamlRemoveServer, yamlSetFlag } from './yamlEdits';

/**
 * How each client turns one server off in its own file, where it documents a way. VS Code, Cursor,
 * Claude Desktop/Code, Windsurf, Continue, LM Studio and Copilot CLI have no per-server flag in the
 * file (Claude Code keeps `disabledMcpjsonServers` in a separate settings file), so they get none.
 */
export const DISABLE_FLAGS: Partial<Record<ClientId, { key: string; value: boolean } | 'gemini-excluded'>> = {
  cline: { key: 'disabled', value: true },
  'roo-code': { key: 'disabled', value: true },
  'kilo-code': { key: 'disabled', value: true },
  kiro: { key: 'disabled', value: true },
  'amazon-q': { key: 'disabled', value: true },
  zed: { key: 'enabled', value: false },
  opencode: { key: 'enabled', value: false },
  codex: { key: 'enabled', value: false },
  goose: { key: 'enabled', value: false },
  'gemini-cli': 'gemini-excluded',
};

export function canDisable(server: ServerEntry): boolean {
  return DISABLE_FLAGS[server.client] !== undefined;
}

const identityKey = (s: ServerEntry) => `${s.projectPath ?? ''}\u0000${s.name}`;
const keyCounts = new WeakMap<ConfigFile, Map<string, number>>();

function hasDuplicateName(file: ConfigFile, server: ServerEntry): boolean {
  let counts = keyCounts.get(file);
  if (!counts) {
    counts = new Map();
    for (const s of file.servers) counts.set(identityKey(s), (counts.get(identityKey(s)) ?? 0) + 1);
    keyCounts.set(file, counts);
  }
  return (counts.get(identityKey(server)) ?? 0) > 1;
}

const isJson = (file: ConfigFile) => file.format === 'json' || file.format === 'jsonc';

/**
 * Edits that delete a server's entry, keeping comments and formatting; undefined if it cannot be done
 * safely. Checked without re-reading the file (so offering it for every server stays linear): JSON
 * removals by `isCleanRemoval`, YAML by the block's indentation, TOML by its tables. Apply-time
 * callers that want belt and braces re-parse once (as `scan --fix` does).
 */
export function removeServerEdit(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  if (hasDuplicateName(file, server)) return undefined;
  if (isJson(file)) {
    const property = server.node.parent;
    const edits = property && jsonRemoveProperty(file.text, property);
    return edits && isCleanRemoval(file.text, property, edits) ? edits : undefined;
  }
  return file.format === 'yaml' ? yamlRemoveServer(file, server) : file.format === 'toml' ? tomlRemoveServer(file, server) : undefined;
}

/**
 * Edits that turn a server off with its client's own flag; undefined where the client has none (see
 * DISABLE_FLAGS) or the edit cannot be proven safe. JSON edits are checked by re-reading the changed
 * object only.
 */
export function disableServerEdit(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  const flag = DISABLE_FLAGS[server.client];
  if (!flag || hasDuplicateName(file, server)) return undefined;
  if (flag === 'gemini-excluded') {
    if (file.format !== 'json' && file.format !== 'jsonc') return undefined;
    const mcp = child(file.root, 'mcp');
    const excluded = child(mcp, 'excluded');
    if (items(excluded).some((n) => n.value === server.name) || !file.root) return undefined;
    if (excluded)
      return excluded.type === 'array' ? checkedInside(file.text, excluded, jsonAppend(file.text, excluded, JSON.stringify(server.name))) : undefined;
    if (mcp) return mcp.type === 'object' ? checkedInside(file.text, mcp, jsonAddProperty(file.text, mcp, 'excluded', [server.name])) : undefined;
    const edits = jsonAddProperty(file.text, file.root, 'mcp', { excluded: [server.name] });
    const added = edits
      .map((e) => e.newText)
      .join('')
      .replace(/^\s*,/, '');
    const errors: ParseError[] = [];
    parseTree(`{${added}}`, errors);
    return errors.length === 0 ? edits : undefined;
  }
  if (isJson(file)) {
    const edits = jsonSetFlag(file, server, flag.key, flag.value);
    return objectHasFlag(file.text, server.node, edits, flag.key, flag.value) ? edits : undefined;
  }
  return file.format === 'yaml'
    ? yamlSetFlag(file, server, flag.key, flag.value)
    : file.format === 'toml'
      ? tomlSetFlag(file, server, flag.key, flag.value)
      : undefined;
}

function jsonSetFlag(file: ConfigFile, server: ServerEntry, key: string, value: boolean): TextEdit[] {
  const existing = child(server.node, key);
  if (existing && existing.type !== 'object' && existing.type !== 'array')
    return [{ offset: existing.offset, length: existing.length, newText: String(value) }];
  return jsonAddProperty(file.text, server.node, key, value);
}

/** The container (object or array) after edits that all fall inside it, parsed on its own; undefined if it does not parse. */
function containerAfter(text: string, container: DocNode, edits: readonly TextEdit[]): DocNode | undefined {
  const start = container.offset;
  const end = container.offset + container.length;
  if (edits.length === 0 || edits.some((e) => e.offset < start || e.offset + e.length > end)) return undefined;
  const errors: ParseError[] = [];
  const after = parseTree(
    applyTextEdits(
      text.slice(start, end),
      edits.map((e) => ({ ...e, offset: e.offset - start })),
    ),
    errors,
    { allowTrailingComma: true },
  );
  return errors.length === 0 && after?.type === container.type ? (after as DocNode) : undefined;
}

/** Edits checked by re-reading only the container they change (never the whole file, which would make many fixes quadratic). */
function checkedInside(text: string, container: DocNode, edits: TextEdit[]): TextEdit[] | undefined {
  return containerAfter(text, container, edits) ? edits : undefined;
}

/** Re-reads only the server's object after a JSON flag edit: it must parse and hold the flag and its other keys. */
function objectHasFlag(text: string, object: DocNode, edits: TextEdit[], key: string, value: boolean): boolean {
  const after = containerAfter(text, object, edits);
  if (!after) return false;
  const keys = (n: DocNode | undefined) => new Set((n?.children ?? []).map((p) => String(p.children?.[0]?.value)));
  const before = keys(object);
  const now = keys(after);
  return child(after, key)?.value === value && [...before].every((k) => now.has(k)) && now.size === before.size + (before.has(key) ? 0 : 1);
}
