import { charClassCount, shannonEntropy } from './entropy';
import { isPasswordName } from './keyNames';
import { isClearlyNotSecret } from './notSecret';
import { isPlaceholder } from './placeholders';

/** Default passwords of local development databases and images: not worth a warning. */
const TRIVIAL_PASSWORDS = new Set([
  'postgres',
  'mysql',
  'root',
  'admin',
  'password',
  'secret',
  'guest',
  'pass',
  'test',
  'example',
  'changeme',
  'redis',
  'mongo',
  'neo4j',
  'sa',
]);

/**
 * Whether a value under a secret-like name (env variable, header, flag, query parameter) looks like
 * a real credential: not a placeholder, not a path/URL/number/identifier, and random enough.
 * Passwords are judged more leniently than generated tokens.
 */
export function looksLikeSecretValue(value: string, keyName: string): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > 8192) return false;
  // Generated credentials are printable ASCII; other letters mean prose, e.g. "github_pat_ваш_токен".
  if (/[^\x21-\x7e]/.test(v)) return false;
  if (isPlaceholder(v)) return false;
  if (isPasswordName(keyName)) return looksLikePassword(v);
  if (isClearlyNotSecret(v)) return false;
  if (v.length < 12) return false;
  return charClassCount(v) >= 2 && shannonEntropy(v) >= (v.length >= 16 ? 3.0 : 2.8);
}

/**
 * Under a password name any concrete value is a password: only placeholders, trivial defaults and
 * values that cannot be one (paths, URLs, variable names, numbers, booleans) are let through.
 */
function looksLikePassword(v: string): boolean {
  if (/\s/.test(v) || v.length < 6) return false;
  if (TRIVIAL_PASSWORDS.has(v.toLowerCase())) return false;
  if (/^[-+]?\d+$/.test(v) || /^(true|false|yes|no|none|null)$/i.test(v)) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\//.test(v) || /^(~|\.{1,2})?[/\\]/.test(v) || /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v)) return false;
  return shannonEntropy(v) >= 2.2;
}
