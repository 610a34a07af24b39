import { hasFewDistinctChars } from './entropy';

/**
 * References a client resolves at launch: `${input:x}`, `${env:X}`, `${X}`, `${X:-default}`,
 * `${{ secrets.X }}`, `{{ X }}`, `%X%`, `$X` (upper case, as Gemini CLI and shells write it), and OpenCode's
 * `{env:X}` and `{file:path}`.
 */
const REFERENCE =
  /\{(?:env|file):[^}]{1,200}\}|\$\{\{[^}]{0,200}\}\}|\$\{[^}]{0,200}\}|\{\{[^}]{0,200}\}\}|%[A-Za-z_][A-Za-z0-9_]{0,100}%|\$[A-Z_][A-Z0-9_]{0,100}(?![A-Za-z0-9_])/;

/** Words that only a template or a README puts where a secret belongs. */
const PLACEHOLDER_WORDS =
  /your[\s_-]|^your|[\s_-]here$|^here$|replace|placeholder|change[_-]?me|changeit|redacted|insert[\s_-]|enter[\s_-]|paste[\s_-]|put[\s_-]|add[\s_-]your|dummy|todo|tbd|fixme|not[\s_-]?set|x{4,}|\.\.\.|…|\*\*\*|<[^>]*>|^\[[^\]]*\]$/i;

/** Whole values that are names of things or stand-ins, not secrets. */
const STAND_INS = new Set([
  'none',
  'null',
  'nil',
  'undefined',
  'n/a',
  'na',
  'empty',
  'unset',
  'test',
  'testing',
  'example',
  'sample',
  'demo',
  'secret',
  'password',
  'passwd',
  'pass',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'key',
  'value',
  'string',
  'text',
  'foo',
  'bar',
  'baz',
  'abc',
  'abc123',
  '123',
  '1234',
  '12345',
  '123456',
  '12345678',
  'admin',
  'root',
  'default',
  'changeme',
  'secret123',
  'password123',
  'mysecret',
  'mytoken',
  'mypassword',
  'letmein',
  'qwerty',
]);

/** Documentation examples published by providers (AWS's access key and secret end this way). */
const DOCUMENTATION_EXAMPLE = /EXAMPLE(?:KEY)?$/;

/** True when the value holds a reference to a secret kept elsewhere (fully or partly interpolated). */
export function hasReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** True for an empty value, a reference, or an obvious stand-in (`YOUR_API_KEY`, `<token>`, `xxxx`, `***`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (hasReference(v)) return true;
  if (STAND_INS.has(v.toLowerCase())) return true;
  if (DOCUMENTATION_EXAMPLE.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  return hasFewDistinctChars(v, 2);
}

/**
 * For a token that matched a provider's format: is its variable part a stand-in, like
 * `ghp_xxxxxxxx…`, `sk-...`, `ghp_AAAAAAAA…`? Long tokens (keys, certificates) are only checked
 * for the unmistakable markers, so a random body cannot trip over a word by chance.
 */
export function isPlaceholderToken(token: string, publicPrefix: string): boolean {
  const body = token.startsWith(publicPrefix) ? token.slice(publicPrefix.length) : token;
  if (hasReference(token)) return true;
  if (DOCUMENTATION_EXAMPLE.test(token)) return true;
  if (/\.\.\.|…|\*\*\*|x{6,}|X{6,}|<[^>]*>/.test(body)) return true;
  if (body.length <= 200 && /your|here|replace|placeholder|redacted|x{4,}|X{4,}/i.test(body)) return true;
  return hasFewDistinctChars(body, 3);
}
