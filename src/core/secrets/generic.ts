import { charClassCount, shannonEntropy } from './entropy';
import { isPasswordName } from './keyNames';
import { isClearlyNotSecret } from './notSecret';
import { isPlaceholder } from './placeholders';

/** Default passwords of local development databases and images: not worth a warning. */
const TRIVIAL_PASSWORDS = new Set(['postgres', 'mysql', 'root', 'admin', 'password', 'secret', 'guest', 'pass', 'test', 'example', 'changeme', 'redis', 'mongo', 'neo4j', 'sa']);

/**
 * Whether a value under a secret-like name (env variable, header, flag, query parameter) looks like
 * a real credential: not a placeholder, not a path/URL/number/identifier, and random enough.
 * Passwords are judged more leniently than generated tokens.
 */
export function looksLikeSecretValue(value: string, keyName: string): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > 8192) return false;
  if (isPlaceholder(v)) return false;
  if (isPasswordName(keyName)) return looksLikePassword(v);
  if (isClearlyNotSecret(v)) return false;
  if (v.length < 12) return false;
  return charClassCount(v) >= 2 && shannonEntropy(v) >= (v.length >= 16 ? 3.0 : 2.8);
}

function looksLikePassword(v: string): boolean {
  if (/\s/.test(v) || v.length < 6) return false;
  if (TRIVIAL_PASSWORDS.has(v.toLowerCase())) return false;
  if (isClearlyNotSecret(v) && (v.length < 12 || !/[^A-Za-z0-9_./:@-]/.test(v))) return false;
  return (charClassCount(v) >= 2 || v.length >= 12) && shannonEntropy(v) >= 2.2;
}
