/**
 * The one `.env` reader of MCP Warden: the launcher starts a server with exactly the values the
 * secret scanner checks. `KEY=value` or `KEY: value`, `export KEY=…`, `#` comments, single quotes
 * (literal), double quotes (escapes `\n \r \t \" \\`, may span lines), unquoted values up to a
 * ` #` comment.
 */

/** One assignment of an env file. */
export interface EnvAssignment {
  key: string;
  /** The value as a process sees it: quotes removed, escapes decoded. */
  value: string;
  /** Text offset of each character of `value`, plus one past the last (for ranges in the file). */
  starts: number[];
}

/** An env file's text is read only up to this size; bigger files are not env files. */
export const MAX_ENV_FILE_BYTES = 1024 * 1024;

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]{0,255})[ \t]*[=:][ \t]*/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Every assignment of an env file's text, in order (a later one for the same key wins where it is used). */
export function parseEnvAssignments(text: string): EnvAssignment[] {
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const out: EnvAssignment[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = indexOrEnd(body, '\n', at);
    const m = ASSIGNMENT.exec(body.slice(at, lineEnd));
    if (!m) {
      at = lineEnd + 1;
      continue;
    }
    const value = readValue(body, at + m[0].length, lineEnd);
    out.push({ key: m[1]!, value: value.decoded, starts: value.starts });
    at = value.next;
  }
  return out;
}

/** The environment an env file defines (`KEY` → value; the last assignment wins). */
export function parseEnvText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of parseEnvAssignments(text)) out[key] = value;
  return out;
}

function readValue(text: string, start: number, lineEnd: number): { decoded: string; starts: number[]; next: number } {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const decoded: string[] = [];
    const starts: number[] = [];
    let i = start + 1;
    while (i < text.length && text[i] !== quote) {
      if (quote === '"' && text[i] === '\\' && ESCAPES[text[i + 1] ?? ''] !== undefined) {
        decoded.push(ESCAPES[text[i + 1]!]!);
        starts.push(i);
        i += 2;
      } else {
        decoded.push(text[i]!);
        starts.push(i++);
      }
    }
    if (i < text.length) return { decoded: decoded.join(''), starts: [...starts, i], next: indexOrEnd(text, '\n', i) + 1 };
  }
  const raw = text.slice(start, lineEnd).replace(/\r$/, '');
  const comment = raw.search(/[ \t]#/);
  const value = (comment === -1 ? raw : raw.slice(0, comment)).trimEnd();
  const starts = Array.from({ length: value.length + 1 }, (_, k) => start + k);
  return { decoded: value, starts, next: lineEnd + 1 };
}

function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i === -1 ? text.length : i;
}
