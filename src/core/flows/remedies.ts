import type { ClientId } from '../config/clientIds';
import type { ConfigFile } from '../model/configFile';
import { child, properties, type DocNode } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { toolsWith } from './flows';
import { setJsonProperty } from './jsonEdit';
import type { SessionServer } from './sessions';
import { readToolFilter, TOOL_FILTER_KEYS } from './toolFilter';
import { setTomlTableKey, tomlStringArray } from './tomlEdit';
import type { Capability } from './types';

export interface Remedy {
  kind: 'disable' | 'restrict';
  title: string;
  edits: TextEdit[];
}

/** How each client turns one server off inside the same file. */
const DISABLE: Partial<Record<ClientId, { key: string; value: boolean } | 'gemini-excluded'>> = {
  cline: { key: 'disabled', value: true },
  'roo-code': { key: 'disabled', value: true },
  'amazon-q': { key: 'disabled', value: true },
  zed: { key: 'enabled', value: false },
  codex: { key: 'enabled', value: false },
  goose: { key: 'enabled', value: false },
  'gemini-cli': 'gemini-excluded',
};

function jsonSet(file: ConfigFile, object: DocNode | undefined, key: string, value: unknown): TextEdit[] | undefined {
  return object ? setJsonProperty(file.text, object, key, value) : undefined;
}

/** `enabled: false` in a YAML block map: replaces an existing value or adds a line before the first key. */
function yamlSetBoolean(file: ConfigFile, entry: ServerEntry, key: string, value: boolean): TextEdit[] | undefined {
  const existing = child(entry.node, key);
  if (existing) return [{ offset: existing.offset, length: existing.length, newText: String(value) }];
  const first = properties(entry.node).next().value;
  if (!first || file.text[entry.node.offset] === '{') return undefined;
  const lineStart = file.text.lastIndexOf('\n', first.keyNode.offset - 1) + 1;
  const indent = file.text.slice(lineStart, first.keyNode.offset);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return [{ offset: lineStart, length: 0, newText: `${indent}${key}: ${value}${eol}` }];
}

/** Turns the server off where its client has a per-server switch (or Gemini CLI's `mcp.excluded`). */
export function disableRemedy(file: ConfigFile, entry: ServerEntry): Remedy | undefined {
  const how = DISABLE[entry.client];
  if (!how) return undefined;
  let edits: TextEdit[] | undefined;
  let shown: string;
  if (how === 'gemini-excluded') {
    const mcp = child(file.root, 'mcp');
    const list = child(mcp, 'excluded');
    const current = list?.type === 'array' ? (list.children ?? []).map((c) => c.value as unknown) : [];
    edits = mcp ? jsonSet(file, mcp, 'excluded', [...current, entry.name]) : jsonSet(file, file.root, 'mcp', { excluded: [entry.name] });
    shown = `mcp.excluded`;
  } else {
    shown = `${how.key}: ${how.value}`;
    if (file.format === 'toml') edits = setTomlTableKey(file.text, entry.path.map(String), how.key, String(how.value));
    else if (file.format === 'yaml') edits = yamlSetBoolean(file, entry, how.key, how.value);
    else edits = jsonSet(file, entry.node, how.key, how.value);
  }
  return edits && edits.length > 0 ? { kind: 'disable', title: `Disable server "${entry.name}" (${shown})`, edits } : undefined;
}

/** Hides a server's tools of one capability, through the client's per-server tool filter. */
export function restrictRemedy(file: ConfigFile, server: SessionServer, capability: Capability, minConfidence: number): Remedy | undefined {
  const entry = server.entry;
  if (!entry || (server.origin !== 'live' && server.origin !== 'catalog')) return undefined;
  const keys = TOOL_FILTER_KEYS[entry.client];
  if (!keys) return undefined;
  const hide = [...new Set(toolsWith(server, capability, minConfidence).map((l) => l.tool.tool))];
  if (hide.length === 0) return undefined;
  const filter = readToolFilter(entry);
  let key: string;
  let list: string[];
  if (keys.deny) {
    key = keys.deny;
    list = [...new Set([...(filter.deny?.names ?? []), ...hide])];
  } else {
    key = keys.allow!;
    const base = filter.allow?.names ?? [...server.tools.map((t) => t.tool), ...server.hiddenTools];
    list = base.filter((n) => !hide.includes(n));
  }
  const edits = file.format === 'toml' ? setTomlTableKey(file.text, entry.path.map(String), key, tomlStringArray(list)) : jsonSet(file, entry.node, key, list);
  if (!edits || edits.length === 0) return undefined;
  const shown = hide.slice(0, 3).join(', ') + (hide.length > 3 ? ` +${hide.length - 3} more` : '');
  return { kind: 'restrict', title: `Hide the ${capability} tools of "${entry.name}" with ${key} (${shown})`, edits };
}
