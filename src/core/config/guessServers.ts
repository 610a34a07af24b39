import { isClaudeCodeSettingsPath } from './claudeCodeSettings';
import type { ConfigFile } from '../model/configFile';
import { child, items, pathOf, properties, scalarText, type DocNode } from '../model/docNode';
import type { ServerEntry, StringField } from '../model/server';
import { CLIENTS } from './clients';
import { buildServer } from './extract';

const cache = new WeakMap<ConfigFile, ServerEntry[]>();
const MAX_DEPTH = 3;

/**
 * Servers of a file whose layout no known client reads (an unknown tool's config, or servers under
 * another client's key): every object with a `command` string, or a `command` array as OpenCode
 * writes it (`["npx", "-y", "pkg"]`), in a map or list of such objects up to three levels down. Only
 * their launch is understood; only objects below a key that names MCP, servers, tools, extensions,
 * context or plugins count (not `tasks` or `hooks`); they are read with the generic layout and are not `file.servers`.
 */
export function guessedServers(file: ConfigFile): ServerEntry[] {
  // Claude Code never loads servers from its settings files (misplaced-servers-key says so).
  if (file.servers.length > 0 || !file.root || (file.client === 'claude-code' && isClaudeCodeSettingsPath(file.path))) return [];
  let found = cache.get(file);
  if (!found) {
    found = [];
    collect(file, file.root, 0, false, found);
    cache.set(file, found);
  }
  return found;
}

function hasCommand(node: DocNode): boolean {
  const command = child(node, 'command');
  if (!command) return false;
  if (command.type === 'string') return true;
  return command.type === 'array' && items(command).length > 0 && items(command).every((i) => i.type === 'string');
}

/** Only below a key that speaks of MCP, servers, tools or extensions: not tasks, hooks or scripts. */
const SERVERISH = /mcp|server|tool|extension|context|plugin/i;

function collect(file: ConfigFile, node: DocNode, depth: number, inServers: boolean, out: ServerEntry[]): void {
  if (depth > MAX_DEPTH) return;
  if (node.type === 'object') {
    for (const { key, keyNode, value } of properties(node)) {
      const below = inServers || SERVERISH.test(key);
      if (below && value.type === 'object' && hasCommand(value)) out.push(guessed(file, key, value, keyNode));
      else collect(file, value, depth + 1, below, out);
    }
  } else if (node.type === 'array') {
    items(node).forEach((item, index) => {
      if (!inServers || item.type !== 'object' || !hasCommand(item)) return collect(file, item, depth + 1, inServers, out);
      const nameNode = child(item, 'name');
      out.push(guessed(file, scalarText(nameNode) ?? `${pathOf(node).join('.')}[${index}]`, item, nameNode ?? item));
    });
  }
}

function guessed(file: ConfigFile, name: string, node: DocNode, nameNode: DocNode): ServerEntry {
  const server = buildServer(name, node, nameNode, pathOf(node), CLIENTS.generic, { file: file.path, scope: file.scope }, undefined);
  const command = child(node, 'command');
  if (command?.type === 'array') {
    const words: StringField[] = items(command).map((item, index) => ({ value: String(item.value), node: item, path: [...pathOf(node), 'command', index] }));
    server.command = words[0]!;
    server.args = [...words.slice(1), ...server.args];
  }
  return server;
}
