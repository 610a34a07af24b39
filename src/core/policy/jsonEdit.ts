import { createScanner, SyntaxKind, type FormattingOptions } from 'jsonc-parser';
import type { DocNode } from '../model/docNode';
import type { TextEdit } from '../model/finding';

/** The indentation and line ending a JSON file already uses, so inserted text looks like the rest. */
export function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const tabs = indent.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** A value on one line, spaced like hand-written JSON: `{ "name": "gh", "package": "@s/gh" }`. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function indentUnit(text: string): string {
  const f = formattingOf(text);
  return f.insertSpaces ? ' '.repeat(f.tabSize ?? 2) : '\t';
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * Adds an item at the end of a JSON array or a property at the end of an object, touching nothing
 * else: after the last element (and its trailing comment) on a line of its own when the container
 * spans lines, inline otherwise. A trailing comma, if the file uses one, is kept.
 */
export function jsonAppend(text: string, container: DocNode, item: string): TextEdit[] {
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const eol = formattingOf(text).eol ?? '\n';
  const open = container.offset;
  const close = container.offset + container.length - 1;
  if (!last) {
    const inner = text.slice(open + 1, close);
    if (!inner.includes('\n')) return [{ offset: open + 1, length: close - open - 1, newText: container.type === 'array' ? item : ` ${item} ` }];
    const indent = lineIndent(text, open);
    return [{ offset: open + 1, length: close - open - 1, newText: `${eol}${indent}${indentUnit(text)}${item}${eol}${indent}` }];
  }
  const end = last.offset + last.length;
  const comma = commaAfter(text, end);
  const after = comma === undefined ? end : comma + 1;
  const multiLine = text.slice(open, last.offset).includes('\n');
  if (!multiLine) return [{ offset: after, length: 0, newText: `${comma === undefined ? ',' : ''} ${item}${comma === undefined ? '' : ','}` }];
  const lineEnd = restOfLine(text, after);
  const insertAt = lineEnd === after ? after : lineEnd - (text[lineEnd - 2] === '\r' ? 2 : 1);
  const edits: TextEdit[] = [];
  if (comma === undefined) edits.push({ offset: end, length: 0, newText: ',' });
  edits.push({ offset: insertAt, length: 0, newText: `${eol}${lineIndent(text, last.offset)}${item}${comma === undefined ? '' : ','}` });
  return edits;
}

/** Adds `"key": value` to a JSON object node. */
export function jsonAddProperty(text: string, object: DocNode, key: string, value: unknown): TextEdit[] {
  return jsonAppend(text, object, `${JSON.stringify(key)}: ${inlineJson(value)}`);
}

function commaAfter(text: string, offset: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  return scanner.scan() === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
}

/** Offset after the rest of the line from `offset` when it holds only spaces or a `//` comment; else `offset`. */
function restOfLine(text: string, offset: number): number {
  const m = /^[ \t]*(?:\/\/[^\n]*)?\r?\n/.exec(text.slice(offset, offset + 2000));
  return m ? offset + m[0].length : offset;
}

/**
 * Deletes one property of a JSON object: the property, one adjacent comma, and its line when it
 * stands alone on it. Comments that belong to its neighbours stay; unlike `modify`, it leaves every
 * other byte as it was.
 */
export function jsonRemoveProperty(text: string, property: DocNode): TextEdit[] | undefined {
  const container = property.parent;
  if (property.type !== 'property' || container?.type !== 'object' || !container.children) return undefined;
  const index = container.children.indexOf(property);
  const end = property.offset + property.length;
  const lineStart = text.lastIndexOf('\n', property.offset - 1) + 1;
  const aloneOnLine = text.slice(lineStart, property.offset).trim() === '';
  const next = container.children[index + 1];
  if (next) {
    const comma = commaAfter(text, end);
    if (comma === undefined) return undefined;
    const start = aloneOnLine ? lineStart : property.offset;
    const stop = aloneOnLine ? restOfLine(text, comma + 1) : comma + 1;
    return [{ offset: start, length: (stop === comma + 1 ? skipSpaces(text, stop) : stop) - start, newText: '' }];
  }
  const previous = container.children[index - 1];
  if (previous) {
    const comma = commaAfter(text, previous.offset + previous.length);
    if (comma === undefined) return undefined;
    const lineBreak = aloneOnLine && lineStart > 0 ? lineStart - (text[lineStart - 2] === '\r' ? 2 : 1) : -1;
    const start = lineBreak > comma ? lineBreak : comma + 1;
    return [
      { offset: comma, length: 1, newText: '' },
      { offset: start, length: end - start, newText: '' },
    ];
  }
  const start = aloneOnLine ? lineStart : property.offset;
  return [{ offset: start, length: (aloneOnLine ? restOfLine(text, end) : end) - start, newText: '' }];
}

/**
 * Proof without re-parsing that removal edits take the property and, around it, only whitespace,
 * at most one comma and a line comment on the property's own line.
 */
export function isCleanRemoval(text: string, property: DocNode, edits: readonly TextEdit[]): boolean {
  const end = property.offset + property.length;
  const holder = edits.find((e) => e.offset <= property.offset && end <= e.offset + e.length);
  if (!holder || edits.some((e) => e.newText !== '')) return false;
  const residue = edits
    .map((e) => (e === holder ? text.slice(e.offset, property.offset) + text.slice(end, e.offset + e.length) : text.slice(e.offset, e.offset + e.length)))
    .join('');
  return /^\s*,?[ \t]*(?:\/\/[^\n]*)?\s*$/.test(residue) && residue.split(',').length <= 2;
}

function skipSpaces(text: string, offset: number): number {
  while (text[offset] === ' ' || text[offset] === '\t') offset++;
  return offset;
}
