import { child, type DocNode } from '../model/docNode';
import type { TextEdit } from '../model/finding';

/** A value written on one line: `["a", "b"]`, `{ "excluded": ["x"] }`, `true`. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Sets `key` of a JSON(C) object node to `value` with the smallest edit: replaces an existing value
 * in place, or adds the property after the last one on its own line with the same indentation
 * (or inline, for a one-line object). Comments, key order and the rest of the layout stay.
 */
export function setJsonProperty(text: string, object: DocNode, key: string, value: unknown): TextEdit[] {
  if (object.type !== 'object') return [];
  const existing = child(object, key);
  if (existing) return [{ offset: existing.offset, length: existing.length, newText: inlineJson(value) }];
  const property = `${JSON.stringify(key)}: ${inlineJson(value)}`;
  const props = object.children ?? [];
  const last = props[props.length - 1];
  if (!last) return [{ offset: object.offset, length: object.length, newText: `{ ${property} }` }];
  const lastEnd = last.offset + last.length;
  const multiLine = lineStart(text, last.offset) > object.offset;
  if (!multiLine) return [{ offset: lastEnd, length: 0, newText: `, ${property}` }];
  const start = lineStart(text, last.offset);
  const indent = text.slice(start, last.offset);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return [{ offset: lastEnd, length: 0, newText: `,${eol}${/^[ \t]*$/.test(indent) ? indent : ''}${property}` }];
}
