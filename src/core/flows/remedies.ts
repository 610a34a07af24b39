import type { ConfigFile } from '../model/configFile';
import { child, type DocNode } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { inlineJson, jsonAddProperty } from '../policy/jsonEdit';
import { DISABLE_FLAGS, disableServerEdit } from '../policy/serverEdits';
import { toolsWith } from './flows';
import type { SessionServer } from './sessions';
import { readToolFilter, TOOL_FILTER_KEYS } from './toolFilter';
import { setTomlTableKey, tomlStringArray } from './tomlEdit';
import type { Capability } from './types';

export interface Remedy {
  kind: 'disable' | 'restrict';
  title: string;
  edits: TextEdit[];
}

/** Turns the server off with its client's own switch (shared with the policy's fixes). */
export function disableRemedy(file: ConfigFile, entry: ServerEntry): Remedy | undefined {
  const flag = DISABLE_FLAGS[entry.client];
  const edits = flag ? disableServerEdit(file, entry) : undefined;
  if (!flag || !edits) return undefined;
  const shown = flag === 'gemini-excluded' ? 'mcp.excluded' : `${flag.key}: ${flag.value}`;
  return { kind: 'disable', title: `Disable server "${entry.name}" (${shown})`, edits };
}

/** Sets a list-valued key of a JSON server object: replaces an existing value in place, or appends the property. */
function jsonSetList(text: string, object: DocNode, key: string, list: string[]): TextEdit[] {
  const existing = child(object, key);
  if (existing) return [{ offset: existing.offset, length: existing.length, newText: inlineJson(list) }];
  return jsonAddProperty(text, object, key, list);
}

/** Hides a server's tools of one capability, through the client's per-server tool filter. */
export function restrictRemedy(file: ConfigFile, server: SessionServer, capability: Capability, minConfidence: number): Remedy | undefined {
  const entry = server.entry;
  if (!entry || (server.origin !== 'live' && server.origin !== 'catalog' && server.origin !== 'listing')) return undefined;
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
  let edits: TextEdit[] | undefined;
  if (file.format === 'toml') edits = setTomlTableKey(file.text, entry.path.map(String), key, tomlStringArray(list));
  else if (file.format === 'json' || file.format === 'jsonc') edits = entry.node.type === 'object' ? jsonSetList(file.text, entry.node, key, list) : undefined;
  if (!edits || edits.length === 0) return undefined;
  const shown = hide.slice(0, 3).join(', ') + (hide.length > 3 ? ` +${hide.length - 3} more` : '');
  return { kind: 'restrict', title: `Hide the ${capability} tools of "${entry.name}" with ${key} (${shown})`, edits };
}
