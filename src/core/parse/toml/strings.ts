import { CR, describeAt, fail, isControl, LF, SPACE, TAB, TomlSyntaxError } from './scanner';

export interface StringToken {
  value: string;
  /** Offset just past the closing quote(s). */
  end: number;
}

const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Reads the string starting at `start` (which holds a quote), in any of TOML's four forms. */
export function readString(text: string, start: number): StringToken {
  const quote = text.charCodeAt(start);
  const triple = text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote;
  if (triple) return readMultiline(text, start, quote === QUOTE);
  return readSingleLine(text, start, quote === QUOTE);
}

function readSingleLine(text: string, start: number, basic: boolean): StringToken {
  const quote = basic ? QUOTE : APOSTROPHE;
  let value = '';
  let chunk = start + 1;
  for (let i = start + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return { value: value + text.slice(chunk, i), end: i + 1 };
    if (Number.isNaN(c) || c === LF || c === CR) fail(start, 'string is not closed before the end of the line', Math.max(1, i - start));
    if (isControl(c)) fail(i, `${describeAt(text, i)} must be escaped in a string`);
    if (basic && c === BACKSLASH) {
      const escape = readEscape(text, i);
      value += text.slice(chunk, i) + escape.value;
      i = escape.end - 1;
      chunk = escape.end;
    }
  }
}

function readMultiline(text: string, start: number, basic: boolean): StringToken {
  const quote = basic ? QUOTE : APOSTROPHE;
  let i = start + 3;
  if (text.charCodeAt(i) === LF) i++;
  else if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
  let value = '';
  let chunk = i;
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c)) throw new TomlSyntaxError(start, 3, 'multi-line string is not closed', 'cascades');
    if (c === quote) {
      let run = 1;
      while (run < 5 && text.charCodeAt(i + run) === quote) run++;
      if (run >= 3) return { value: value + text.slice(chunk, i + run - 3), end: i + run };
      i += run;
      continue;
    }
    if (c === CR && text.charCodeAt(i + 1) !== LF) fail(i, 'a carriage return must be followed by a line feed');
    if (isControl(c) && c !== LF && c !== CR) fail(i, `${describeAt(text, i)} must be escaped in a string`);
    if (basic && c === BACKSLASH) {
      value += text.slice(chunk, i);
      const next = skipLineEndingBackslash(text, i);
      if (next !== -1) {
        i = chunk = next;
        continue;
      }
      const escape = readEscape(text, i);
      value += escape.value;
      i = chunk = escape.end;
      continue;
    }
    i++;
  }
}

/** `\` at the end of a line swallows all whitespace and line breaks after it; -1 when it is an escape instead. */
function skipLineEndingBackslash(text: string, backslash: number): number {
  let i = backslash + 1;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  const c = text.charCodeAt(i);
  if (c !== LF && !(c === CR && text.charCodeAt(i + 1) === LF)) return -1;
  for (;;) {
    const d = text.charCodeAt(i);
    if (d === SPACE || d === TAB || d === LF) i++;
    else if (d === CR && text.charCodeAt(i + 1) === LF) i += 2;
    else return i;
  }
}

const BACKSLASH_HINT = "write '\\\\' for a backslash, or use a 'literal string'";

function readEscape(text: string, backslash: number): StringToken {
  const letter = text[backslash + 1] ?? '';
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { value: simple, end: backslash + 2 };
  const digits = HEX_DIGITS[letter];
  if (digits === undefined) {
    const shown = letter === '' || letter === '\n' || letter === '\r' ? '\\' : `\\${letter}`;
    return fail(backslash, `invalid escape sequence '${shown}' in a string (${BACKSLASH_HINT})`, shown.length);
  }
  let count = 0;
  while (count < digits && isHexDigit(text.charCodeAt(backslash + 2 + count))) count++;
  const escape = text.slice(backslash, backslash + 2 + count);
  if (count < digits)
    return fail(backslash, `invalid escape '${escape}': expected ${digits} hex digits after '\\${letter}' (${BACKSLASH_HINT})`, escape.length);
  const code = parseInt(escape.slice(2), 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return fail(backslash, `invalid escape '${escape}': not a Unicode scalar value`, escape.length);
  return { value: String.fromCodePoint(code), end: backslash + 2 + digits };
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
