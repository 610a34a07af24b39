import { quotedString } from '../launch/literal';
import type { TextEdit } from '../model/finding';

/**
 * Minimal, text-level edits of one `[table]` of a TOML file (Codex's `[mcp_servers.<name>]`):
 * set a key to a value, keeping every other line, comment and the file's line endings as they are.
 * Servers written as inline tables or dotted keys are not handled (undefined).
 */
export function setTomlTableKey(text: string, table: readonly string[], key: string, valueToml: string): TextEdit[] | undefined {
  const header = findHeader(text, table);
  if (!header) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const bodyEnd = nextHeader(text, header.end);
  const line = findKeyLine(text, header.end, bodyEnd, key);
  if (line) return [{ offset: line.valueStart, length: line.valueEnd - line.valueStart, newText: valueToml }];
  const insertAt = header.end === text.length ? text.length : header.end + (text.startsWith('\r\n', header.end) ? 2 : 1);
  const prefix = header.end === text.length ? eol : '';
  return [{ offset: insertAt, length: 0, newText: `${prefix}${key} = ${valueToml}${eol}` }];
}

function quoteVariants(name: string): string[] {
  const bare = /^[A-Za-z0-9_-]+$/.test(name) ? [name] : [];
  return [...bare, JSON.stringify(name), `'${name}'`];
}

function findHeader(text: string, table: readonly string[]): { start: number; end: number } | undefined {
  const wanted = new Set<string>();
  const combos = table.map(quoteVariants);
  const build = (i: number, acc: string[]): void => {
    if (i === combos.length) return void wanted.add(acc.join('.'));
    for (const v of combos[i]!) build(i + 1, [...acc, v]);
  };
  build(0, []);
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed.startsWith('[') && !trimmed.startsWith('[[')) {
      const close = trimmed.indexOf(']');
      const inside =
        close > 0
          ? trimmed
              .slice(1, close)
              .split('.')
              .map((p) => p.trim())
              .join('.')
          : '';
      if (wanted.has(inside)) return { start: offset, end: offset + line.length };
    }
    offset += rawLine.length + 1;
  }
  return undefined;
}

function nextHeader(text: string, from: number): number {
  let newline = text.indexOf('\n', from);
  while (newline !== -1 && newline + 1 < text.length) {
    const lineStart = newline + 1;
    newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline === -1 ? text.length : newline);
    if (line.trimStart().startsWith('[')) return lineStart;
  }
  return text.length;
}

/** The value span of `key = value` in a table body; a value spanning lines must be a `[...]` array. */
function findKeyLine(text: string, from: number, to: number, key: string): { valueStart: number; valueEnd: number } | undefined {
  const body = text.slice(from, to);
  const re = new RegExp(`(^|\\n)[ \\t]*(${escape(key)}|"${escape(key)}")[ \\t]*=[ \\t]*`, 'g');
  const m = re.exec(body);
  if (!m) return undefined;
  const valueStart = from + m.index + m[0].length;
  return { valueStart, valueEnd: valueEnd(text, valueStart, to) };
}

function valueEnd(text: string, start: number, limit: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < limit; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '#' && depth === 0) return trimEnd(text, start, i);
    else if ((c === '\n' || c === '\r') && depth <= 0) return trimEnd(text, start, i);
  }
  return trimEnd(text, start, limit);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[ \t\r\n]/.test(text[end - 1]!)) end--;
  return end;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function tomlStringArray(values: readonly string[]): string {
  return `[${values.map((v) => quotedString(v)).join(', ')}]`;
}
