import { candidatePatterns, namedPatterns, type CompiledPattern } from './compile';
import { decodeBase64 } from './base64';
import { looksRandom } from './entropy';
import { looksLikeSecretValue } from './generic';
import { isAuthorizationHeader, isSecretKeyName } from './keyNames';
import { isPlaceholder, isPlaceholderToken } from './placeholders';
import type { SecretHit } from './types';
import { findUrlSecrets, isLoopbackHost, schemeName } from './urls';
import { findMnemonics } from './wallet/mnemonic';

const AUTH_SCHEME = /^(\s*(Bearer|Basic|Token|Bot|ApiKey|Api-Key|Key|OAuth|SSWS|GenieKey|JWT)\s+)(\S+)\s*$/i;

interface SchemeToken {
  scheme: string;
  start: number;
  text: string;
}
const PRIORITY: Record<SecretHit['kind'], number> = {
  provider: 0,
  'url-password': 1,
  'connection-password': 1,
  authorization: 1,
  'url-query': 2,
  'url-userinfo': 2,
  generic: 3,
};

/**
 * Every secret inside one string value a client passes on. `keyName` is the name the value sits
 * under (env variable, header, flag, field), which lets the generic detector and the name-gated
 * provider formats speak. Hits never overlap; the most specific evidence wins.
 */
export function findSecretsInValue(value: string, keyName?: string): SecretHit[] {
  if (value.length < 6) return [];
  const hits: SecretHit[] = [];
  for (const compiled of candidatePatterns(value.toLowerCase())) scanPattern(compiled, value, hits);
  const token = schemeToken(value);
  const secretName = keyName !== undefined && isSecretKeyName(keyName);
  if (secretName) matchNamedFormats(value, keyName!, token, hits);
  findUrlHits(value, keyName, hits);
  findConnectionStringHits(value, hits);
  for (const span of findMnemonics(value))
    hits.push({ ...span, kind: 'provider', patternId: 'bip39-mnemonic', provider: 'Wallet', label: 'wallet recovery phrase (BIP-39)', severity: 'error' });
  if (token && !hits.some((h) => h.start < token.start + token.text.length && token.start < h.end)) authorizationHit(token, keyName, hits);
  if (hits.length === 0 && secretName && !token && looksLikeSecretValue(value, keyName!)) {
    const start = value.length - value.trimStart().length;
    const severity = looksGenerated(value.trim()) ? 'error' : 'warning';
    hits.push({ start, end: start + value.trim().length, kind: 'generic', patternId: 'generic-secret', label: 'secret', severity });
  }
  return resolveOverlaps(hits);
}

/** Long and random: a key a service generated, not a guess from the name alone. */
const GENERATED_LENGTH = 32;
function looksGenerated(value: string): boolean {
  return value.length >= GENERATED_LENGTH && looksRandom(value);
}

/** `Bearer abc…` → the token after the authentication scheme. */
function schemeToken(value: string): SchemeToken | undefined {
  if (!/\s/.test(value)) return undefined;
  const m = AUTH_SCHEME.exec(value);
  return m ? { scheme: m[2]!, start: m[1]!.length, text: m[3]! } : undefined;
}

function scanPattern(compiled: CompiledPattern, value: string, hits: SecretHit[]): void {
  const { pattern, scan } = compiled;
  scan!.lastIndex = 0;
  for (let m = scan!.exec(value); m; m = scan!.exec(value)) {
    if (m[0].length === 0) scan!.lastIndex++;
    const span = pattern.secretGroup === undefined ? [m.index, m.index + m[0].length] : m.indices?.[pattern.secretGroup];
    if (!span) continue;
    const secret = value.slice(span[0], span[1]);
    if (isPlaceholderToken(secret, compiled.publicPrefix)) continue;
    if (pattern.validate && !pattern.validate(secret)) continue;
    hits.push(providerHit(compiled, span[0], span[1]));
  }
}

function matchNamedFormats(value: string, keyName: string, token: SchemeToken | undefined, hits: SecretHit[]): void {
  const trimmed = value.trim();
  const candidate = token ?? { start: value.indexOf(trimmed), text: trimmed };
  for (const compiled of namedPatterns(keyName)) {
    if (!compiled.whole!.test(candidate.text)) continue;
    if (isPlaceholderToken(candidate.text, '')) continue;
    hits.push(providerHit(compiled, candidate.start, candidate.start + candidate.text.length));
    return;
  }
}

function providerHit(compiled: CompiledPattern, start: number, end: number): SecretHit {
  const { pattern } = compiled;
  const hit: SecretHit = { start, end, kind: 'provider', patternId: pattern.id, provider: pattern.provider, label: pattern.description, severity: 'error' };
  if (compiled.publicPrefix) hit.publicPrefix = compiled.publicPrefix;
  return hit;
}

function findUrlHits(value: string, keyName: string | undefined, hits: SecretHit[]): void {
  if (!value.includes('://')) return;
  for (const span of findUrlSecrets(value)) {
    const text = value.slice(span.start, span.end);
    const service = schemeName(span.scheme);
    if (span.kind === 'url-password') {
      const loopback = isLoopbackHost(span.host);
      if (isPlaceholder(text) || (loopback && !looksLikeSecretValue(text, 'password'))) continue;
      hits.push({
        start: span.start,
        end: span.end,
        kind: 'url-password',
        patternId: 'url-password',
        label: `${service} password`,
        severity: loopback ? 'warning' : 'error',
        detail: 'the password in the URL',
      });
    } else if (span.kind === 'url-userinfo') {
      // A token as the user name (`https://TOKEN@host`) counts only under a secret-like name: Sentry
      // DSNs carry a public key there.
      if (keyName === undefined || !isSecretKeyName(keyName) || isPlaceholder(text) || !looksRandom(text) || text.length < 20) continue;
      hits.push({
        start: span.start,
        end: span.end,
        kind: 'url-userinfo',
        patternId: 'url-userinfo',
        label: 'credential',
        severity: 'warning',
        detail: 'the user name of the URL',
      });
    } else if (span.param !== undefined && isSecretKeyName(span.param) && looksLikeSecretValue(safeUnescape(text), span.param)) {
      hits.push({
        start: span.start,
        end: span.end,
        kind: 'url-query',
        patternId: 'url-query',
        label: 'secret',
        severity: 'warning',
        detail: `URL query parameter "${span.param}"`,
        param: span.param,
      });
    }
  }
}

/** `Password=…;` in JDBC, ODBC and ADO.NET connection strings (also `Pwd=`), not in URLs' user info. */
const CONNECTION_PASSWORD = /(?:^|[;?&\s])\s*(?:password|pwd|passwd)\s*=\s*(\{[^}]*\}|[^;&\s]+)/gi;

function findConnectionStringHits(value: string, hits: SecretHit[]): void {
  if (!value.includes('=') || !/p(?:ass)?w(?:or)?d\s*=/i.test(value)) return;
  CONNECTION_PASSWORD.lastIndex = 0;
  for (let m = CONNECTION_PASSWORD.exec(value); m; m = CONNECTION_PASSWORD.exec(value)) {
    let text = m[1]!;
    let start = m.index + m[0].length - text.length;
    if (text.startsWith('{') && text.endsWith('}')) {
      text = text.slice(1, -1);
      start++;
    }
    if (text.length < 4 || isPlaceholder(text) || /^[$%][{(]?\w+[})%]?$/.test(text)) continue;
    hits.push({
      start,
      end: start + text.length,
      kind: 'connection-password',
      patternId: 'connection-string-password',
      label: 'database password',
      severity: 'error',
      detail: 'the password in the connection string',
    });
  }
}

function authorizationHit({ scheme, start, text: token }: SchemeToken, keyName: string | undefined, hits: SecretHit[]): void {
  if (isPlaceholder(token) || token.length < 8) return;
  const named = keyName !== undefined && (isAuthorizationHeader(keyName) || isSecretKeyName(keyName));
  const basic = /^basic$/i.test(scheme) ? decodeBase64(token) : undefined;
  if (basic !== undefined && /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(basic)) {
    if (isPlaceholder(basic.slice(basic.indexOf(':') + 1))) return;
    hits.push({
      start,
      end: start + token.length,
      kind: 'authorization',
      patternId: 'authorization',
      label: 'Basic authentication credentials',
      severity: 'error',
    });
    return;
  }
  if (!looksLikeSecretValue(token, 'token')) return;
  const severity = looksRandom(token) && (named || token.length >= 20) ? 'error' : 'warning';
  hits.push({
    start,
    end: start + token.length,
    kind: 'authorization',
    patternId: 'authorization',
    label: `${/^bearer$/i.test(scheme) ? 'bearer' : scheme} token`,
    severity,
  });
}

function safeUnescape(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function resolveOverlaps(hits: SecretHit[]): SecretHit[] {
  if (hits.length < 2) return hits;
  const ordered = [...hits].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
  const kept: SecretHit[] = [];
  for (const hit of ordered) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
