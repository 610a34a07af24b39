import type { ClientId } from '../config/clientIds';
import { loadConfigText } from '../config/load';
import type { ConfigFile } from '../model/configFile';
import { child, items } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { applyTextEdits } from './applyEdits';
import { jsonAddProperty, jsonAppend, jsonRemoveProperty } from './jsonEdit';
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
  kiro: { key: 'disabled', value: true },
  'amazon-q': { key: 'disabled', value: true },
  zed: { key: 'enabled', value: false },
  codex: { key: 'enabled', value: false },
  goose: { key: 'enabled', value: false },
  'gemini-cli': 'gemini-excluded',
};

export function canDisable(server: ServerEntry): boolean {
  return DISABLE_FLAGS[server.client] !== undefined;
}

const identityKey = (s: ServerEntry) => `${s.projectPath ?? ''}\u0000${s.name}`;

/** Re-reads the edited text: it must parse no worse, and hold exactly the expected servers. */
function verified(file: ConfigFile, edits: TextEdit[] | undefined, expect: (before: ServerEntry[], after: ConfigFile) => boolean): TextEdit[] | undefined {
  if (!edits || edits.length === 0) return undefined;
  const text = applyTextEdits(file.text, edits);
  const after = loadConfigText(text, { path: file.path, scope: file.scope, ...(file.client ? { client: file.client } : {}) });
  if (after.problems.length > file.problems.length) return undefined;
  return expect(file.servers, after) ? edits : undefined;
}

function hasDuplicateName(file: ConfigFile, server: ServerEntry): boolean {
  return file.servers.filter((s) => identityKey(s) === identityKey(server)).length > 1;
}

/** Edits that delete a server's entry, keeping comments and formatting; undefined if it cannot be done safely. */
export function removeServerEdit(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  if (hasDuplicateName(file, server)) return undefined;
  const edits = file.format === 'yaml' ? yamlRemoveServer(file, server) : file.format === 'toml' ? tomlRemoveServer(file, server) : server.node.parent ? jsonRemoveProperty(file.text, server.node.parent) : undefined;
  const wanted = file.servers.filter((s) => s !== server).map(identityKey).join('\n');
  return verified(file, edits, (_, after) => after.servers.map(identityKey).join('\n') === wanted);
}

/** Edits that turn a server off with its client's own flag; undefined where the client has none (see DISABLE_FLAGS). */
export function disableServerEdit(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  const flag = DISABLE_FLAGS[server.client];
  if (!flag || hasDuplicateName(file, server)) return undefined;
  const names = file.servers.map(identityKey).join('\n');
  const sameServers = (after: ConfigFile) => after.servers.map(identityKey).join('\n') === names;
  if (flag === 'gemini-excluded') {
    if (file.format !== 'json' && file.format !== 'jsonc') return undefined;
    const mcp = child(file.root, 'mcp');
    const excluded = child(mcp, 'excluded');
    if (items(excluded).some((n) => n.value === server.name) || !file.root) return undefined;
    const edits = excluded
      ? excluded.type === 'array' ? jsonAppend(file.text, excluded, JSON.stringify(server.name)) : undefined
      : mcp
        ? mcp.type === 'object' ? jsonAddProperty(file.text, mcp, 'excluded', [server.name]) : undefined
        : jsonAddProperty(file.text, file.root, 'mcp', { excluded: [server.name] });
    return verified(file, edits, (_, after) => sameServers(after) && items(child(child(after.root, 'mcp'), 'excluded')).some((n) => n.value === server.name));
  }
  const edits =
    file.format === 'yaml'
      ? yamlSetFlag(file, server, flag.key, flag.value)
      : file.format === 'toml'
        ? tomlSetFlag(file, server, flag.key, flag.value)
        : jsonSetFlag(file, server, flag.key, flag.value);
  return verified(file, edits, (_, after) => sameServers(after) && after.servers.find((s) => identityKey(s) === identityKey(server))?.disabled === true);
}

function jsonSetFlag(file: ConfigFile, server: ServerEntry, key: string, value: boolean): TextEdit[] {
  const existing = child(server.node, key);
  if (existing && existing.type !== 'object' && existing.type !== 'array') return [{ offset: existing.offset, length: existing.length, newText: String(value) }];
  return jsonAddProperty(file.text, server.node, key, value);
}
