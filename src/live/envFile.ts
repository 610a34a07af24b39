import { readFileSync, statSync } from 'node:fs';
import { LiveError } from './errors';

const MAX_ENV_FILE_BYTES = 1024 * 1024;
const LINE = /^\s{0,64}(?:export\s{1,16})?([A-Za-z_][A-Za-z0-9_.-]{0,255})\s{0,64}=(.*)$/;

/** Reads a `.env` file as VS Code's `envFile` does: `KEY=value`, `export`, quotes, `#` comments. */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    if (statSync(path).size > MAX_ENV_FILE_BYTES) throw new LiveError('config', `the envFile "${path}" is larger than 1 MB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof LiveError) throw e;
    throw new LiveError('config', `cannot read the envFile "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseEnvText(text);
}

export function parseEnvText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    out[m[1]!] = unquote(m[2]!.trim());
  }
  return out;
}

function unquote(value: string): string {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2) {
    const end = value.lastIndexOf(q);
    if (end > 0) {
      const inner = value.slice(1, end);
      return q === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
    }
  }
  const hash = value.search(/\s#/);
  return (hash === -1 ? value : value.slice(0, hash)).trim();
}
