import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import type { ConfigFile } from '../model/configFile';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { secretReference } from './references';

export const WARDEN_SERVERS_FILE = '.vscode/mcp-warden.json';

const NEW_WARDEN_FILE = `{
  // Servers that MCP Warden serves to VS Code, with their secrets taken from SecretStorage at launch.
  // Safe to commit: it holds references such as \${secret:github.GITHUB_TOKEN}, never a secret.
  // Each teammate is asked once for their own value.
  "servers": {}
}
`;

export interface SecretToMove {
  /** The plaintext value as the client reads it (decoded). */
  value: string;
  /** The name it gets in SecretStorage. */
  name: string;
}

export type MovePlan = { ok: true; sourceEdit: TextEdit; wardenText: string } | { ok: false; reason: string };

/**
 * Moves a VS Code server into MCP Warden's served-servers file with its secrets replaced by
 * references. The source keeps a comment where the server was; the rest of both files is kept
 * byte for byte (comments, order, formatting).
 */
export function planMoveToWarden(source: ConfigFile, server: ServerEntry, secrets: SecretToMove[], wardenText: string | undefined): MovePlan {
  if (source.format !== 'json' && source.format !== 'jsonc') return { ok: false, reason: 'only JSON configs can be moved' };
  const definition = getNodeValue(server.node) as Record<string, unknown>;
  const serialized = JSON.stringify(definition);
  if (/\$\{input:/.test(serialized))
    return { ok: false, reason: `"${server.name}" uses \${input:…} values, which only VS Code itself can resolve: move it by hand` };
  const moved = replaceInStrings(definition, secrets) as Record<string, unknown>;
  if (secrets.some((s) => JSON.stringify(moved).includes(JSON.stringify(s.value).slice(1, -1))))
    return { ok: false, reason: 'a secret could not be replaced everywhere' };

  const target = wardenText ?? NEW_WARDEN_FILE;
  const formatting = formattingOf(target);
  let warden: string;
  try {
    if (findNodeAtLocation(parseTree(target) ?? { type: 'null', offset: 0, length: 0 }, ['servers', server.name])) {
      return { ok: false, reason: `${WARDEN_SERVERS_FILE} already has a server named "${server.name}"` };
    }
    warden = applyEdits(target, modify(target, ['servers', server.name], moved, { formattingOptions: formatting }));
  } catch (e) {
    return { ok: false, reason: `${WARDEN_SERVERS_FILE} cannot be edited: ${(e as Error).message}` };
  }

  return { ok: true, sourceEdit: minimalEdit(source.text, removeWithNote(source.text, server)), wardenText: warden };
}

/**
 * Removes the server's property (its comma and its own lines too) and leaves a one-line comment in
 * its place (`null`: no comment). Works on the text so that nothing around it is reformatted.
 */
export function removeWithNote(text: string, server: ServerEntry, note: string | null = defaultNote(server)): string {
  const prop = server.node.parent ?? server.node;
  let start = prop.offset;
  let end = prop.offset + prop.length;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  let precedingComma = -1;
  if (text[after] === ',') end = after + 1;
  else {
    let k = start - 1;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    if (text[k] === ',') precedingComma = k;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = text.slice(lineStart, start).trim() === '';
  const indent = ownLine ? text.slice(lineStart, start) : '';
  const lineEnd = text.indexOf('\n', end);
  const restOfLineEmpty = text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
  if (ownLine) start = lineStart;
  if (restOfLineEmpty && lineEnd !== -1) end = lineEnd + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const replacement = note === null ? (ownLine ? '' : ' ') : ownLine ? indent + note + eol : `/* ${note.slice(3)} */`;
  const out = text.slice(0, start) + replacement + text.slice(end);
  return precedingComma === -1 ? out : out.slice(0, precedingComma) + out.slice(precedingComma + 1);
}

function defaultNote(server: ServerEntry): string {
  return `// "${server.name}" is served by MCP Warden from ${WARDEN_SERVERS_FILE}; its secrets are in SecretStorage.`;
}

/**
 * The way back: the server leaves the served file and returns to `.vscode/mcp.json` with its
 * secrets written out in plaintext (the user asked for it, after a warning).
 */
export function planMoveBack(served: ConfigFile, server: ServerEntry, values: ReadonlyMap<string, string>, mcpJsonText: string | undefined): MovePlan {
  const definition = substituteAll(getNodeValue(server.node), values);
  const target = (mcpJsonText ?? '{\n  "servers": {}\n}\n').replace(noteLine(server.name), '');
  if (findNodeAtLocation(parseTree(target) ?? { type: 'null', offset: 0, length: 0 }, ['servers', server.name])) {
    return { ok: false, reason: `.vscode/mcp.json already has a server named "${server.name}"` };
  }
  const restored = applyEdits(target, modify(target, ['servers', server.name], definition, { formattingOptions: formattingOf(target) }));
  return { ok: true, sourceEdit: minimalEdit(served.text, removeWithNote(served.text, server, null)), wardenText: restored };
}

function noteLine(name: string): RegExp {
  return new RegExp(`^[ \\t]*// "${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is served by MCP Warden[^\\n]*\\n`, 'm');
}

function substituteAll(value: unknown, values: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\$\{secret:([A-Za-z0-9_.\-/]{1,200})\}/g, (whole, name: string) => values.get(name) ?? whole);
  if (Array.isArray(value)) return value.map((v) => substituteAll(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteAll(v, values)]));
  return value;
}

function replaceInStrings(value: unknown, secrets: SecretToMove[]): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const s of [...secrets].sort((a, b) => b.value.length - a.value.length)) out = out.split(s.value).join(secretReference(s.name));
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => replaceInStrings(v, secrets));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, secrets)]));
  return value;
}

export function formattingOf(text: string): FormattingOptions {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indented.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: Math.min(8, indented.length), eol };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** One edit covering only the changed middle of `before` → `after`. */
export function minimalEdit(before: string, after: string): TextEdit {
  const start = firstDifference(before, after);
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  return { offset: start, length: endA - start, newText: after.slice(start, endB) };
}
