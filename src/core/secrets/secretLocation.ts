import type { ConfigFile } from '../model/configFile';
import type { DocNode, TextRange } from '../model/docNode';
import type { ServerEntry } from '../model/server';
import { nameWords } from './keyNames';
import { replacementCandidates, type ReplacementCandidate } from './replacements';
import { scanConfigForSecrets, type SecretOccurrence } from './scanConfig';
import type { LocationKind, SecretHit } from './types';

/** Everything a quick fix needs to move one plaintext secret out of a config file. */
export interface SecretLocation {
  server: ServerEntry | undefined;
  fieldKind: LocationKind;
  /** Env or header name, argument flag or variable, query parameter, or field key. */
  key: string | undefined;
  /** The plaintext secret, decoded. Handle with care: never log it. */
  value: string;
  /** The secret's characters in the file's text. */
  range: TextRange;
  /** The string node holding the secret, its whole decoded value, and the secret's place in it. */
  fieldNode: DocNode;
  fieldValue: string;
  secretStart: number;
  secretEnd: number;
  hit: SecretHit;
  /** An environment-variable-style name for references: `GITHUB_TOKEN`, `BRAVE_API_KEY`. */
  envName: string;
  /** A stable, readable SecretStorage key: `mcp-warden/<client>/<server>/<NAME>`. */
  suggestedName: string;
  replacements: ReplacementCandidate[];
}

/** The secret a finding of `plaintext-secret` points at (same range), if it is still there. */
export function locateSecret(file: ConfigFile, range: TextRange): SecretLocation | undefined {
  const all = scanConfigForSecrets(file);
  const exact = all.find((o) => o.range.start === range.start && o.range.end === range.end);
  const found = exact ?? all.find((o) => o.range.start < range.end && range.start < o.range.end);
  return found ? toLocation(file, found) : undefined;
}

/** Every secret of a file, for "fix all". */
export function locateSecrets(file: ConfigFile): SecretLocation[] {
  return scanConfigForSecrets(file).map((o) => toLocation(file, o));
}

function toLocation(file: ConfigFile, o: SecretOccurrence): SecretLocation {
  const envName = envNameFor(o);
  const serverPart = (o.server?.name ?? 'inputs').replace(/\//g, '_');
  const bearer = /^\s*bearer\s/i.test(o.field.value.slice(0, o.hit.start));
  return {
    server: o.server,
    fieldKind: o.field.kind,
    key: o.hit.param ?? o.field.key,
    value: o.secret,
    range: o.range,
    fieldNode: o.field.node,
    fieldValue: o.field.value,
    secretStart: o.hit.start,
    secretEnd: o.hit.end,
    hit: o.hit,
    envName,
    suggestedName: `mcp-warden/${file.client ?? 'generic'}/${serverPart}/${envName}`,
    replacements: replacementCandidates(file.client, {
      fieldKind: o.field.kind,
      key: o.field.key,
      bearer,
      envName,
      inputId: envName.toLowerCase().replace(/_/g, '-'),
      fieldValue: o.field.value,
      secretStart: o.hit.start,
      secretEnd: o.hit.end,
    }),
  };
}

/** `GITHUB_TOKEN` for env "GITHUB_TOKEN"; `BRAVE_API_KEY` for `--api-key` of server "brave"; … */
export function envNameFor(o: SecretOccurrence): string {
  const { field, hit } = o;
  if (field.kind === 'env' && field.key && /^[A-Za-z_][A-Za-z0-9_]*$/.test(field.key)) return field.key;
  const server = o.server ? upperSnake(o.server.name) : 'MCP';
  let what: string;
  if (hit.kind === 'url-password') what = 'PASSWORD';
  else if (hit.kind === 'url-query') what = upperSnake(hit.param ?? 'TOKEN');
  else if (field.key === undefined || /^(proxy-)?authorization$/i.test(field.key)) what = 'TOKEN';
  else if (/^[A-Z_][A-Z0-9_]*$/.test(field.key)) return field.key;
  else
    what =
      upperSnake(
        nameWords(field.key)
          .filter((w) => w !== 'x')
          .join('_'),
      ) || 'TOKEN';
  const prefixed = what.startsWith(`${server}_`) ? what : `${server}_${what}`;
  return /^[0-9]/.test(prefixed) ? `MCP_${prefixed}` : prefixed;
}

function upperSnake(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
