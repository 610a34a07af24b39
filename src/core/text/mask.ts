import { argCandidates } from '../secrets/args';
import { findSecretsInValue } from '../secrets/detect';
import { maskSecret } from '../secrets/mask';

const WORD = /"[^"]*"|'[^']*'|\S+/g;
const SCHEME_TOKEN = /\b(?:Bearer|Basic|Token|Bot|ApiKey|OAuth)\s+([A-Za-z0-9._~+/=:-]{8,})/gi;

/**
 * The one function through which MCP Warden quotes a config value or a command line (rule messages,
 * `inspect`/`verify` command lines, logs): every secret the detectors know — provider formats
 * anywhere, values under secret-looking names (`--token x`, `API_KEY=x`, `-H "Authorization: …"`),
 * values after an auth scheme, plus the `known` values (resolved env and headers) — is replaced by
 * its mask (`ghp_…`). What remains can be shown, logged and written to SARIF.
 */
export function maskSecretsInText(text: string, known: readonly string[] = []): string {
  const secrets = new Map<string, string>();
  const add = (secret: string, publicPrefix?: string) => {
    if (secret.length >= 6 && !secrets.has(secret)) secrets.set(secret, maskSecret(secret, publicPrefix));
  };
  for (const value of known) add(value);
  for (const hit of findSecretsInValue(text)) add(text.slice(hit.start, hit.end), hit.publicPrefix);
  const words = (text.match(WORD) ?? []).map((w) => (/^(["']).*\1$/s.test(w) ? w.slice(1, -1) : w));
  for (const c of argCandidates(words)) {
    const value = words[c.argIndex]!.slice(c.start, c.end);
    for (const hit of findSecretsInValue(value, c.keyName)) add(value.slice(hit.start, hit.end), hit.publicPrefix);
  }
  for (const m of text.matchAll(SCHEME_TOKEN)) if (/\d/.test(m[1]!) || m[1]!.length >= 20) add(m[1]!);
  let out = text;
  for (const [secret, masked] of [...secrets].sort(([a], [b]) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(masked);
  }
  return out;
}
