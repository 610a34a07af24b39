import type { TextRange } from '../model/docNode';
import { LineIndex } from '../text/lineIndex';
import { findSecretsInValue } from './detect';
import { maskSecret } from './mask';
import type { SecretHit } from './types';

/** A plaintext secret in a `.env` file's text. */
export interface EnvFileSecret {
  key: string;
  /** Offsets of the secret's characters in the text given. */
  range: TextRange;
  /** 1-based line of the secret's start. */
  line: number;
  secret: string;
  hit: SecretHit;
  message: string;
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]{0,200})[ \t]*[=:][ \t]*/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * The secrets in the text of an env file (`KEY=value`, `export KEY="value"`, quoted values over
 * several lines, `#` comments). The core reads no files: an adapter that has read a server's
 * `envFile` (only when the file is inside the workspace) calls this with its text and reports the
 * results on that file.
 */
export function scanEnvFileText(text: string): EnvFileSecret[] {
  const out: EnvFileSecret[] = [];
  const lines = new LineIndex(text);
  let at = 0;
  while (at < text.length) {
    const lineEnd = indexOrEnd(text, '\n', at);
    const m = ASSIGNMENT.exec(text.slice(at, lineEnd));
    if (!m) {
      at = lineEnd + 1;
      continue;
    }
    const key = m[1]!;
    const value = readValue(text, at + m[0].length, lineEnd);
    for (const hit of findSecretsInValue(value.decoded, key)) {
      const range = { start: value.starts[hit.start]!, end: value.starts[hit.end]! };
      const secret = value.decoded.slice(hit.start, hit.end);
      const label = hit.kind === 'provider' || hit.kind === 'url-password' || hit.kind === 'authorization' ? `Plaintext ${hit.label}` : 'Possible plaintext secret';
      const message = `${label} in "${key}" of this env file (${maskSecret(secret, hit.publicPrefix)}): anyone who can read this file can use it. Keep env files out of version control, or move the value to SecretStorage.`;
      out.push({ key, range, line: lines.position(range.start).line, secret, hit, message });
    }
    at = value.next;
  }
  return out;
}

interface EnvValue {
  decoded: string;
  /** Text offset of each decoded character, plus one past the last. */
  starts: number[];
  /** Where the next line starts. */
  next: number;
}

function readValue(text: string, start: number, lineEnd: number): EnvValue {
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
