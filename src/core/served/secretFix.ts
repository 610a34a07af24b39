import type { ClientId } from '../config/clientIds';
import type { ConfigFile } from '../model/configFile';
import type { JsonPath, TextRange } from '../model/docNode';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { secretNameFor } from './references';

export type SecretField = 'env' | 'headers' | 'args' | 'url' | 'other';

/** The plaintext a finding's range covers, as the client reads it (JSON escapes decoded). */
export function secretValueAt(file: ConfigFile, range: TextRange): string {
  const raw = file.text.slice(range.start, range.end);
  if (!raw.includes('\\') || (file.format !== 'json' && file.format !== 'jsonc')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

export function fieldOf(server: ServerEntry, path: JsonPath): SecretField {
  const rest = path.slice(server.path.length);
  const head = String(rest[0] ?? '');
  if (head === 'env' || head === 'envs') return 'env';
  if (head === 'headers' || head === 'http_headers') return 'headers';
  if (head === 'args') return 'args';
  if (/^(url|serverUrl|httpUrl|uri)$/.test(head)) return 'url';
  return 'other';
}

/** The key a secret is known by: its env or header name, the flag before an argument, or the field. */
export function secretKeyOf(server: ServerEntry, path: JsonPath): string {
  const rest = path.slice(server.path.length);
  const field = fieldOf(server, path);
  if ((field === 'env' || field === 'headers') && rest[1] !== undefined) return String(rest[1]);
  if (field === 'args' && typeof rest[1] === 'number') {
    const arg = server.args[rest[1]]?.value ?? '';
    const own = /^--?([A-Za-z][\w-]*)=/.exec(arg);
    if (own) return own[1]!;
    const previous = server.args[rest[1] - 1]?.value ?? '';
    const flag = /^--?([A-Za-z][\w-]*)$/.exec(previous);
    return flag ? flag[1]! : `arg${rest[1]}`;
  }
  return field === 'other' ? String(rest[rest.length - 1] ?? 'value') : field;
}

export function secretNameOf(server: ServerEntry, path: JsonPath): string {
  return secretNameFor(server.name, secretKeyOf(server, path));
}

/** An environment variable name for a secret: the env key itself, else SERVER_KEY in capitals. */
export function variableNameOf(server: ServerEntry, path: JsonPath): string {
  const key = secretKeyOf(server, path);
  if (fieldOf(server, path) === 'env' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return key;
  return `${server.name}_${key}`
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

interface ReferenceSyntax {
  fields: readonly SecretField[];
  write(name: string): string;
  /** Where the user must put the value so the client finds it. */
  where: string;
}

const ALL: readonly SecretField[] = ['env', 'headers', 'args', 'url'];

/** The clients whose files can refer to a value kept elsewhere, and how (see docs/rules/plaintext-secret.md). */
export const REFERENCE_SYNTAX: Partial<Record<ClientId, ReferenceSyntax>> = {
  cursor: { fields: ALL, write: (n) => '${env:' + n + '}', where: 'the environment Cursor is started from' },
  'claude-code': { fields: ALL, write: (n) => '${' + n + '}', where: 'the environment `claude` is started from' },
  windsurf: { fields: ALL, write: (n) => '${env:' + n + '}', where: 'the environment Windsurf is started from' },
  'gemini-cli': { fields: ['env'], write: (n) => '$' + n, where: 'the environment `gemini` is started from' },
  'kilo-code': { fields: ['env'], write: (n) => '${env:' + n + '}', where: 'the environment VS Code (running Kilo Code) is started from' },
  'roo-code': { fields: ['env'], write: (n) => '${env:' + n + '}', where: 'the environment VS Code (running Roo Code) is started from' },
  opencode: { fields: ALL, write: (n) => '{env:' + n + '}', where: 'the environment `opencode` is started from' },
  kiro: {
    fields: ['env', 'headers'],
    write: (n) => '${' + n + '}',
    where: "the environment Kiro is started from (Kiro asks once before it expands a variable; its 'Mcp Approved Env Vars' setting lists them)",
  },
  continue: { fields: ALL, write: (n) => '${{ secrets.' + n + ' }}', where: "Continue's secrets (a local `.env` in `~/.continue` or the Continue Hub)" },
};

export interface ReferenceFix {
  edit: TextEdit;
  variable: string;
  reference: string;
  where: string;
}

/** Replaces exactly the secret's characters by the client's own reference to an environment value. */
export function referenceFix(file: ConfigFile, server: ServerEntry, path: JsonPath, range: TextRange): ReferenceFix | undefined {
  const syntax = file.client ? REFERENCE_SYNTAX[file.client] : undefined;
  if (!syntax || !syntax.fields.includes(fieldOf(server, path))) return undefined;
  const variable = variableNameOf(server, path);
  const reference = syntax.write(variable);
  return { edit: { offset: range.start, length: range.end - range.start, newText: reference }, variable, reference, where: syntax.where };
}
