import type { TextRange } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { StringField } from '../model/server';
import type { Token } from './types';
import { valueRange } from './words';

/** How a string is written in the file: its delimiter and whether its text is the value verbatim (no escapes). */
interface Literal {
  quote: '' | '"' | "'" | '"""' | "'''";
  contentStart: number;
  verbatim: boolean;
  /** The node's text is one string literal (not, say, a whole document a placeholder parser pointed at). */
  sound: boolean;
}

function literalOf(text: string, field: StringField): Literal {
  const raw = text.slice(field.node.offset, field.node.offset + field.node.length);
  const quote = raw.startsWith('"""') ? '"""' : raw.startsWith("'''") ? "'''" : raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : '';
  const content = quote && raw.endsWith(quote) && raw.length >= 2 * quote.length ? raw.slice(quote.length, raw.length - quote.length) : quote ? undefined : raw;
  const sound = quote ? content !== undefined : !/[\n\r]/.test(raw) && raw.trim() === raw;
  return { quote, contentStart: field.node.offset + quote.length, verbatim: sound && content === field.value, sound };
}

/** The file range of characters `start`…`end` of a field's value; the whole string when escapes make offsets unreliable. */
export function fileRangeOf(text: string, field: StringField, start: number, end: number): TextRange {
  const lit = literalOf(text, field);
  if (!lit.verbatim) return { start: field.node.offset, end: field.node.offset + field.node.length };
  return { start: lit.contentStart + start, end: lit.contentStart + end };
}

/** Control characters no TOML string may hold raw (tab aside); a literal ('…') string cannot escape them. */
const TOML_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * A double-quoted string every format MCP Warden edits reads the same (JSON, JSONC, YAML, TOML):
 * JSON escapes, plus DEL (U+007F) escaped, which JSON may hold raw but TOML may not.
 */
export function quotedString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

/** Re-encodes a value in the same kind of string the file used. */
function encodeLike(quote: Literal['quote'], value: string): string {
  if ((quote === "'" || quote === "'''") && !/['\n\r]/.test(value) && !TOML_CONTROL.test(value)) return `'${value}'`;
  return quotedString(value);
}

/**
 * Replaces characters `start`…`end` of a field's value by `newText`. Where the file holds the value
 * verbatim, only those characters change; otherwise the whole string is re-encoded in its own style.
 * Undefined when the node does not delimit one string literal.
 */
export function replaceInField(text: string, field: StringField, start: number, end: number, newText: string): TextEdit | undefined {
  const lit = literalOf(text, field);
  if (!lit.sound) return undefined;
  if (lit.verbatim) return { offset: lit.contentStart + start, length: end - start, newText };
  const value = field.value.slice(0, start) + newText + field.value.slice(end);
  return { offset: field.node.offset, length: field.node.length, newText: encodeLike(lit.quote, value) };
}

/** The file range of characters `start`…`end` of a word (the whole string when quotes or escapes split them). */
export function tokenFileRange(text: string, token: Token, start = 0, end = token.text.length): TextRange {
  const range = valueRange(token, start, end);
  if (!range) return { start: token.field.node.offset, end: token.field.node.offset + token.field.node.length };
  return fileRangeOf(text, token.field, range.start, range.end);
}
