import type { ConfigFile } from '../model/configFile';
import { child, type DocNode } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { eolOf, lineStartOf, nextLineStart } from './textLines';

/** End of a block node, extended to the end of its last line. */
function blockEnd(text: string, node: DocNode): number {
  const end = node.offset + node.length;
  return end > 0 && text[end - 1] === '\n' ? end : nextLineStart(text, end);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Proof that `start`…`end` holds exactly one block entry whose key (or `-`) is at column `column`:
 * every later line in it is blank, a comment, or indented deeper, and the line after it is not
 * indented deeper (so no part of the entry is left behind).
 */
function isWholeBlock(text: string, start: number, end: number, column: number): boolean {
  const lines = text.slice(start, end).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const inside = lines.slice(1).every((l) => l.trim() === '' || l.trimStart().startsWith('#') || indentOf(l) > column);
  const next = text.slice(end, text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end));
  return inside && (next.trim() === '' || next.trimStart().startsWith('#') || indentOf(next) <= column);
}

/** When the removed entry was the last one, its container becomes an empty `{}` / `[]` instead of null. */
function emptyContainer(file: ConfigFile, container: DocNode, from: number, to: number, empty: string): TextEdit | undefined {
  const key = container.parent?.type === 'property' ? container.parent.children?.[0] : undefined;
  if (!key) return undefined;
  const colon = file.text.indexOf(':', key.offset + key.length);
  if (colon === -1 || colon > from) return undefined;
  return { offset: colon + 1, length: to - colon - 1, newText: ` ${empty}${file.text[to - 1] === '\n' ? eolOf(file.text) : ''}` };
}

/**
 * Removes a block-style YAML entry: a Goose `extensions` key or a Continue `mcpServers` list item.
 * Flow style (`{…}`, `[…]`) and anything `isWholeBlock` cannot prove is left alone (undefined).
 */
export function yamlRemoveServer(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  const text = file.text;
  const prop = server.node.parent;
  if (prop?.type === 'property') {
    const key = prop.children![0]!;
    const start = lineStartOf(text, key.offset);
    if (text.slice(start, key.offset).trim() !== '' || server.node.type !== 'object') return undefined;
    const end = blockEnd(text, server.node);
    if (!isWholeBlock(text, start, end, key.offset - start)) return undefined;
    const container = prop.parent!;
    if (container.children!.length === 1) {
      const edit = emptyContainer(file, container, start, end, '{}');
      return edit ? [edit] : undefined;
    }
    return [{ offset: start, length: end - start, newText: '' }];
  }
  if (prop?.type === 'array') {
    const start = lineStartOf(text, server.node.offset);
    const dash = /^(\s*)-\s+$/.exec(text.slice(start, server.node.offset));
    if (!dash) return undefined;
    const end = blockEnd(text, server.node);
    if (!isWholeBlock(text, start, end, dash[1]!.length)) return undefined;
    if (prop.children!.length === 1) {
      const edit = emptyContainer(file, prop, start, end, '[]');
      return edit ? [edit] : undefined;
    }
    return [{ offset: start, length: end - start, newText: '' }];
  }
  return undefined;
}

/** Sets a boolean key of a block-style YAML server map (`enabled: false`), adding the line if absent. */
export function yamlSetFlag(file: ConfigFile, server: ServerEntry, key: string, value: boolean): TextEdit[] | undefined {
  const text = file.text;
  const existing = child(server.node, key);
  if (existing) {
    const written = text.slice(existing.offset, existing.offset + existing.length);
    if ((existing.type !== 'boolean' && existing.type !== 'string') || /[\n\r]/.test(written) || written === '') return undefined;
    return [{ offset: existing.offset, length: existing.length, newText: String(value) }];
  }
  const firstKey = server.node.children?.[0]?.children?.[0];
  if (server.node.type !== 'object' || !firstKey) return undefined;
  const start = lineStartOf(text, firstKey.offset);
  const indent = text.slice(start, firstKey.offset);
  if (indent.trim() !== '') return undefined;
  return [{ offset: start, length: 0, newText: `${indent}${key}: ${value}${eolOf(text)}` }];
}
