import { CLIENTS } from '../config/clients';
import type { ConfigFile } from '../model/configFile';
import { child, items, pathOf, type DocNode, type JsonPath, type TextRange } from '../model/docNode';
import type { ServerEntry } from '../model/server';
import { argCandidates } from './args';
import { findSecretsInValue } from './detect';
import { rawRangeOf } from './rawOffsets';
import type { LocationKind, SecretHit } from './types';

/** The string field a secret was found in. */
export interface SecretField {
  kind: LocationKind;
  /** Env or header name, flag/variable/header of an argument, or the field's key for other fields. */
  key?: string;
  /** How messages name the place: `env "GITHUB_TOKEN"`, `argument "--api-key"`, `the URL`. */
  where: string;
  node: DocNode;
  path: JsonPath;
  /** The field's whole decoded value. */
  value: string;
  argIndex?: number;
}

/** One plaintext secret in a config file. */
export interface SecretOccurrence {
  server?: ServerEntry;
  field: SecretField;
  hit: SecretHit;
  /** The secret, decoded (what the client would pass on). */
  secret: string;
  /** Where the secret's characters are in the file's text. */
  range: TextRange;
}

/** Every plaintext secret in a config file's servers (and VS Code's `inputs` defaults). */
export function scanConfigForSecrets(file: ConfigFile): SecretOccurrence[] {
  const out: SecretOccurrence[] = [];
  for (const server of file.servers) scanServer(file, server, out);
  scanInputDefaults(file, out);
  return out.sort((a, b) => a.range.start - b.range.start);
}

function scanServer(file: ConfigFile, server: ServerEntry, out: SecretOccurrence[]): void {
  for (let k = 0; k < 2; k++) {
    const kind = k === 0 ? 'env' : 'header';
    for (const entry of kind === 'env' ? server.env : server.headers) {
      if (entry.node.type !== 'string' || entry.value === undefined) continue;
      // The field is described only where a secret is found (most values hold none).
      const hits = findSecretsInValue(entry.value, entry.key);
      if (hits.length === 0) continue;
      const field: SecretField = {
        kind,
        key: entry.key,
        where: `${kind === 'env' ? 'env' : 'header'} "${entry.key}"`,
        node: entry.node,
        path: entry.path,
        value: entry.value,
      };
      emit(file, server, out, field, hits);
    }
  }
  if (server.args.length > 0) {
    const args = server.args.map((a) => a.value);
    for (const candidate of argCandidates(args, server.command?.value)) {
      const arg = server.args[candidate.argIndex]!;
      const hits = findSecretsInValue(arg.value.slice(candidate.start, candidate.end), candidate.keyName);
      if (hits.length === 0) continue;
      const field: SecretField = {
        kind: 'arg',
        where: describeArg(candidate.via, candidate.keyLabel, candidate.argIndex),
        node: arg.node,
        path: arg.path,
        value: arg.value,
        argIndex: candidate.argIndex,
      };
      if (candidate.keyLabel !== undefined) field.key = candidate.keyLabel;
      emit(file, server, out, field, hits, candidate.start);
    }
  }
  if (server.url) {
    const hits = findSecretsInValue(server.url.value);
    if (hits.length > 0)
      emit(file, server, out, { kind: 'url', where: 'the URL', node: server.url.node, path: server.url.path, value: server.url.value }, hits);
  }
  walkOtherStrings(file, server, out, server.node, undefined);
}

function emit(file: ConfigFile, server: ServerEntry, out: SecretOccurrence[], field: SecretField, hits: SecretHit[], offset = 0): void {
  for (const hit of hits) {
    const shifted = { ...hit, start: hit.start + offset, end: hit.end + offset };
    // An assignment inside a shell string is checked on its own first; the whole string must not report it again.
    if (out.some((o) => o.field.node === field.node && shifted.start < o.hit.end && o.hit.start < shifted.end)) continue;
    const range = rawRangeOf(file.text, file.format, field.node, shifted.start, shifted.end);
    out.push({ server, field, hit: shifted, secret: field.value.slice(shifted.start, shifted.end), range });
  }
}

function describeArg(via: string, label: string | undefined, index: number): string {
  if (via === 'variable') return `variable "${label}" in the arguments`;
  if (via === 'header') return `header "${label}" in the arguments`;
  if (via === 'flag') return `argument "${label}"`;
  return `argument ${index + 1}`;
}

/** Whether a node is one the scans above cover: an env or header value, an argument, the URL. */
function covered(server: ServerEntry, node: DocNode): boolean {
  if (server.url?.node === node) return true;
  return holds(server.args, node) || holds(server.env, node) || holds(server.headers, node);
}

function holds(fields: readonly { node: DocNode }[], node: DocNode): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i]!.node === node) return true;
  return false;
}

/** Every string value under `node` that no other scan covered, with the key it stands under, scanned as a field of its own. */
function walkOtherStrings(file: ConfigFile, server: ServerEntry, out: SecretOccurrence[], node: DocNode, key: string | undefined): void {
  if (covered(server, node)) return;
  if (node.type === 'string') {
    const value = String(node.value);
    const hits = findSecretsInValue(value, key);
    if (hits.length === 0) return;
    const relative = pathOf(node).slice(server.path.length).join('.');
    emit(file, server, out, { kind: 'other', key, where: `field "${relative}"`, node, path: pathOf(node), value }, hits);
  } else if (node.type === 'object' || node.type === 'array') {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      if (node.type === 'array') walkOtherStrings(file, server, out, children[i]!, key);
      else {
        const pair = children[i]!.children;
        if (pair && pair.length >= 2) walkOtherStrings(file, server, out, pair[1]!, String(pair[0]!.value));
      }
    }
  }
}

/** VS Code's `inputs[].default`: a default for a password prompt is a plaintext secret too. */
function scanInputDefaults(file: ConfigFile, out: SecretOccurrence[]): void {
  if (file.client !== 'vscode' || !file.root) return;
  for (const container of CLIENTS.vscode.serverContainers) {
    const inputs = container.length === 1 ? child(file.root, 'inputs') : child(child(file.root, container[0]!), 'inputs');
    for (const input of items(inputs)) {
      const id = child(input, 'id')?.value;
      const fallback = child(input, 'default');
      if (fallback?.type !== 'string' || typeof id !== 'string') continue;
      const value = String(fallback.value);
      const keyName = child(input, 'password')?.value === true ? `${id} password` : id;
      const field: SecretField = { kind: 'other', key: id, where: `the default of input "${id}"`, node: fallback, path: pathOf(fallback), value };
      for (const hit of findSecretsInValue(value, keyName)) {
        out.push({ field, hit, secret: value.slice(hit.start, hit.end), range: rawRangeOf(file.text, file.format, fallback, hit.start, hit.end) });
      }
    }
  }
}
