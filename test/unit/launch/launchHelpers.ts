import { loadConfigText } from '../../../src/core/config/load';
import type { ConfigFile } from '../../../src/core/model/configFile';
import type { ServerEntry } from '../../../src/core/model/server';

/** A Cursor config with one server `s` launched by `command` and `args`. */
export function cursorFile(command: string, args: string[] = []): ConfigFile {
  return loadConfigText(JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2), { path: '/p/.cursor/mcp.json' });
}

export function serverOf(command: string, args: string[] = []): ServerEntry {
  return cursorFile(command, args).servers[0]!;
}
