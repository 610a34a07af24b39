/**
 * A string literal decoded, with where each decoded UTF-16 unit starts in the literal:
 * `starts[i]` for unit i, and `starts[decoded.length]` where the content ends (the closing quote).
 */
export interface DecodedMap {
  decoded: string;
  starts: number[];
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const YAML_ESCAPES: Record<string, string> = {
  ...SIMPLE_ESCAPES,
  '0': '\0',
  a: '\x07',
  v: '\v',
  e: '\x1b',
  ' ': ' ',
  '\t': '\t',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const TOML_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', e: '\x1b' };

class Builder {
  decoded = '';
  starts: number[] = [];
  push(text: string, at: number): void {
    for (let i = 0; i < text.length; i++) this.starts.push(at);
    this.decoded += text;
  }
  /** Drops trailing spaces and tabs already emitted (YAML folding). */
  trimEnd(): void {
    while (/[ \t]$/.test(this.decoded)) {
      this.decoded = this.decoded.slice(0, -1);
      this.starts.pop();
    }
  }
  finish(end: number): DecodedMap {
    return { decoded: this.decoded, starts: [...this.starts, end] };
  }
}

/** `\uXXXX`, `\xXX`, `\UXXXXXXXX`: the code point and the escape's length, or undefined. */
function hexEscape(raw: string, i: number, digits: number): { text: string; length: number } | undefined {
  const hex = raw.slice(i + 2, i + 2 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + digits };
}

/** A JSON string literal, quotes included. */
export function decodeJsonString(raw: string): DecodedMap | undefined {
  if (raw[0] !== '"' || raw[raw.length - 1] !== '"' || raw.length < 2) return undefined;
  const out = new Builder();
  for (let i = 1; i < raw.length - 1;) {
    if (raw[i] !== '\\') {
      out.push(raw[i]!, i++);
      continue;
    }
    const code = raw[i + 1]!;
    if (code === 'u') {
      const u = hexEscape(raw, i, 4);
      if (!u) return undefined;
      out.push(u.text, i);
      i += u.length;
    } else if (SIMPLE_ESCAPES[code] !== undefined) {
      out.push(SIMPLE_ESCAPES[code]!, i);
      i += 2;
    } else return undefined;
  }
  return out.finish(raw.length - 1);
}

/** A TOML basic or literal string, single- or multi-line, quotes included. */
export function decodeTomlString(raw: string): DecodedMap | undefined {
  const quote = raw.startsWith('"""') ? '"""' : raw.startsWith("'''") ? "'''" : raw[0]!;
  if (!raw.endsWith(quote) || raw.length < quote.length * 2) return undefined;
  const literal = quote[0] === "'";
  const out = new Builder();
  let i = quote.length;
  const end = raw.length - quote.length;
  if (quote.length === 3) i += raw.startsWith('\r\n', i) ? 2 : raw[i] === '\n' ? 1 : 0;
  while (i < end) {
    const c = raw[i]!;
    if (literal || c !== '\\') {
      out.push(c, i++);
      continue;
    }
    const code = raw[i + 1]!;
    if (code === 'u' || code === 'U' || code === 'x') {
      const u = hexEscape(raw, i, code === 'u' ? 4 : code === 'U' ? 8 : 2);
      if (!u) return undefined;
      out.push(u.text, i);
      i += u.length;
    } else if (TOML_ESCAPES[code] !== undefined) {
      out.push(TOML_ESCAPES[code]!, i);
      i += 2;
    } else if (quote.length === 3 && /[ \t\r\n]/.test(code)) {
      i++;
      while (i < end && /[ \t\r\n]/.test(raw[i]!)) i++;
    } else return undefined;
  }
  return out.finish(end);
}

/** A YAML double- or single-quoted scalar (flow scalar), quotes included, with line folding. */
export function decodeYamlQuoted(raw: string): DecodedMap | undefined {
  const quote = raw[0]!;
  if (raw.length < 2 || raw[raw.length - 1] !== quote) return undefined;
  const out = new Builder();
  const end = raw.length - 1;
  for (let i = 1; i < end;) {
    const c = raw[i]!;
    if (c === '\n' || c === '\r') {
      i = fold(raw, i, end, out);
    } else if (quote === "'" && c === "'" && raw[i + 1] === "'") {
      out.push("'", i);
      i += 2;
    } else if (quote === '"' && c === '\\') {
      const next = yamlEscape(raw, i, end, out);
      if (next === undefined) return undefined;
      i = next;
    } else {
      out.push(c, i++);
    }
  }
  return out.finish(end);
}

function yamlEscape(raw: string, i: number, end: number, out: Builder): number | undefined {
  const code = raw[i + 1]!;
  if (code === '\n' || code === '\r') {
    let j = i + 1;
    while (j < end && /[\r\n]/.test(raw[j]!)) j++;
    while (j < end && /[ \t]/.test(raw[j]!)) j++;
    return j;
  }
  const digits = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
  if (digits > 0) {
    const u = hexEscape(raw, i, digits);
    if (!u) return undefined;
    out.push(u.text, i);
    return i + u.length;
  }
  if (YAML_ESCAPES[code] === undefined) return undefined;
  out.push(YAML_ESCAPES[code]!, i);
  return i + 2;
}

/** A line break inside a flow scalar: one break folds to a space, n+1 breaks to n newlines. */
function fold(raw: string, i: number, end: number, out: Builder): number {
  out.trimEnd();
  const at = i;
  let breaks = 0;
  while (i < end && /[\r\n \t]/.test(raw[i]!)) {
    if (raw[i] === '\n') breaks++;
    i++;
  }
  if (breaks <= 1) out.push(' ', at);
  else out.push('\n'.repeat(breaks - 1), at);
  return i;
}
