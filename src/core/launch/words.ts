import type { StringField } from '../model/server';
import type { Token } from './types';

/** A whole field as one word. */
export function fieldToken(field: StringField): Token {
  return { text: field.value, field, map: identity(0, field.value.length) };
}

/** Characters `from`…`to` of a word as a word of their own (e.g. the value of `--package=x`). */
export function subToken(token: Token, from: number, to = token.text.length): Token {
  return { text: token.text.slice(from, to), field: token.field, map: token.map.slice(from, to + 1) };
}

/** The value range that characters `start`…`end` of a word occupy, or undefined if quotes split them. */
export function valueRange(token: Token, start: number, end: number): { start: number; end: number } | undefined {
  const from = token.map[start];
  if (from === undefined) return undefined;
  if (end === start) return { start: from, end: from };
  const last = token.map[end - 1];
  if (last === undefined || last + 1 - from !== end - start) return undefined;
  return { start: from, end: last + 1 };
}

/** 0…length: shared between words of the same length (maps are only read, sliced or copied). */
function identity(from: 0, length: number): number[] {
  if (length > MAX_SHARED) return Array.from({ length: length + 1 }, (_, i) => from + i);
  let map = IDENTITY[length];
  if (!map) IDENTITY[length] = map = Object.freeze(Array.from({ length: length + 1 }, (_, i) => i)) as number[];
  return map;
}

const MAX_SHARED = 4096;
const IDENTITY: (number[] | undefined)[] = [];

export type SplitStyle = 'sh' | 'cmd';

const SH_OPERATORS = ['&&', '||', ';;', '|&', '|', ';', '&', '\n'];
const CMD_OPERATORS = ['&&', '||', '|', '&', '\n'];

/**
 * Splits a word that holds a whole command line (`cmd /c "npx -y pkg"`, `sh -c '…'`) into words and
 * operators, the way `sh` (quotes, backslash escapes) or `cmd.exe` (double quotes, `^` escapes,
 * backslashes are path separators) would. Linear; expansions (`$x`, `%x%`) stay as written.
 */
export function splitToken(token: Token, style: SplitStyle): Token[] {
  const s = token.text;
  const operators = style === 'sh' ? SH_OPERATORS : CMD_OPERATORS;
  const out: Token[] = [];
  let text = '';
  let map: number[] = [];
  let inWord = false;
  let lastEnd = 0;
  const flush = () => {
    if (inWord) out.push({ text, field: token.field, map: [...map, token.map[lastEnd]!] });
    text = '';
    map = [];
    inWord = false;
  };
  const add = (i: number) => {
    text += s[i];
    map.push(token.map[i]!);
    lastEnd = i + 1;
    inWord = true;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    const op = operators.find((o) => s.startsWith(o, i));
    if (op) {
      flush();
      out.push({ ...subToken(token, i, i + op.length), operator: true });
      i += op.length;
      continue;
    }
    if (c === '"') {
      inWord = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (style === 'sh' && s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) i++;
        add(i);
        i++;
      }
      lastEnd = Math.min(i, s.length);
      i++;
      continue;
    }
    if (c === "'" && style === 'sh') {
      inWord = true;
      i++;
      while (i < s.length && s[i] !== "'") add(i++);
      lastEnd = Math.min(i, s.length);
      i++;
      continue;
    }
    if ((c === '\\' && style === 'sh') || (c === '^' && style === 'cmd')) {
      if (i + 1 < s.length) add(i + 1);
      i += 2;
      continue;
    }
    add(i);
    i++;
  }
  flush();
  return out;
}
