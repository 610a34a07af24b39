/** A `[table]` of a TOML document and the `key = value` lines directly in it. */
export interface TomlSection {
  path: string[];
  array: boolean;
  /** Start of the header line (0 for the root table). */
  start: number;
  /** Start of the line after the header. */
  bodyStart: number;
  /** Start of the next header (or the end of the text). */
  end: number;
  keys: { path: string[]; valueStart: number }[];
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** Index just past the string starting at `i` (basic, literal, or their multi-line forms). */
function skipString(text: string, i: number): number {
  const q = text[i]!;
  if (text.startsWith(q + q + q, i)) {
    let j = i + 3;
    while (j < text.length && !text.startsWith(q + q + q, j)) j += q === '"' && text[j] === '\\' ? 2 : 1;
    return Math.min(text.length, j + 3);
  }
  let j = i + 1;
  while (j < text.length && text[j] !== q && text[j] !== '\n') j += q === '"' && text[j] === '\\' ? 2 : 1;
  return Math.min(text.length, j + 1);
}

/** A dotted key (`mcp_servers."my server".env`) at `i`. */
function readKey(text: string, i: number): { path: string[]; end: number } | undefined {
  const path: string[] = [];
  for (;;) {
    i = skipSpaces(text, i);
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = skipString(text, i);
      const raw = text.slice(i, end);
      if (raw.length < 2 || raw[raw.length - 1] !== c) return undefined;
      let value = raw.slice(1, -1);
      if (c === '"') {
        try {
          value = JSON.parse(raw) as string;
        } catch {
          /* keep the raw text */
        }
      }
      path.push(value);
      i = end;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 256));
      if (!m) return undefined;
      path.push(m[0]);
      i += m[0].length;
    }
    const after = skipSpaces(text, i);
    if (text[after] !== '.') return { path, end: after };
    i = after + 1;
  }
}

/**
 * The tables of a TOML text with their line ranges, found by a linear scan that skips strings,
 * comments and multi-line arrays (so a `[` inside them is never taken for a header).
 */
export function scanTomlSections(text: string): TomlSection[] {
  const sections: TomlSection[] = [{ path: [], array: false, start: 0, bodyStart: 0, end: text.length, keys: [] }];
  let depth = 0;
  let atLineStart = true;
  let i = 0;
  while (i < text.length) {
    if (atLineStart && depth === 0) {
      atLineStart = false;
      const j = skipSpaces(text, i);
      if (text[j] === '[') {
        const array = text[j + 1] === '[';
        const key = readKey(text, j + (array ? 2 : 1));
        if (key && text.startsWith(array ? ']]' : ']', key.end)) {
          const bodyStart = nextLineStart(text, key.end);
          sections[sections.length - 1]!.end = i;
          sections.push({ path: key.path, array, start: i, bodyStart, end: text.length, keys: [] });
          i = bodyStart;
          atLineStart = true;
          continue;
        }
      } else if (/[A-Za-z0-9_"'-]/.test(text[j] ?? '')) {
        const key = readKey(text, j);
        if (key && text[key.end] === '=') {
          const valueStart = skipSpaces(text, key.end + 1);
          sections[sections.length - 1]!.keys.push({ path: key.path, valueStart });
          i = valueStart;
          continue;
        }
      }
    }
    const c = text[i]!;
    if (c === '\n') {
      atLineStart = depth === 0;
      i++;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === '"' || c === "'") i = skipString(text, i);
    else {
      if (c === '[' || c === '{') depth++;
      else if ((c === ']' || c === '}') && depth > 0) depth--;
      i++;
    }
  }
  return sections;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}
