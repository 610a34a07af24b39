import type { ConfigFile } from '../model/configFile';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { eolOf } from './textLines';
import { scanTomlSections, type TomlSection } from './tomlTables';

function startsWith(path: readonly string[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => String(p) === path[i]);
}

function sameKey(path: readonly string[], key: readonly (string | number)[]): boolean {
  return path.length === key.length && startsWith(path, key);
}

/** Removes every `[mcp_servers.<name>…]` table of a server (header style only; inline tables are left alone). */
export function tomlRemoveServer(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  const sections = scanTomlSections(file.text).filter((s) => startsWith(s.path, server.path));
  if (!sections.some((s) => sameKey(s.path, server.path))) return undefined;
  return sections.map((s: TomlSection) => ({ offset: s.start, length: s.end - s.start, newText: '' }));
}

/** Sets `key = true|false` in a server's own table, adding the line under its header if absent. */
export function tomlSetFlag(file: ConfigFile, server: ServerEntry, key: string, value: boolean): TextEdit[] | undefined {
  const table = scanTomlSections(file.text).find((s) => !s.array && sameKey(s.path, server.path));
  if (!table) return undefined;
  const line = table.keys.find((k) => sameKey(k.path, [key]));
  if (line) {
    const m = /^(?:true|false)\b/.exec(file.text.slice(line.valueStart, line.valueStart + 6));
    return m ? [{ offset: line.valueStart, length: m[0].length, newText: String(value) }] : undefined;
  }
  const eol = eolOf(file.text);
  const needsBreak = table.bodyStart === file.text.length && !file.text.endsWith('\n');
  return [{ offset: table.bodyStart, length: 0, newText: `${needsBreak ? eol : ''}${key} = ${value}${eol}` }];
}
