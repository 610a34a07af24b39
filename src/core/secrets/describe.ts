import type { ClientId } from '../config/clientIds';
import { REFERENCE_SYNTAX } from '../served/secretFix';
import { maskSecret } from './mask';
import type { SecretOccurrence } from './scanConfig';

const ANYONE = 'anyone with this file can use it.';

/**
 * What helps, by client: VS Code and the clients with a reference syntax can keep the value
 * elsewhere (the quick fix does it); the others cannot, and saying otherwise would mislead.
 */
export function adviceFor(client: ClientId | undefined): string {
  if (client === 'vscode' || client === 'mcp-warden') return `${ANYONE} Move it to SecretStorage (quick fix).`;
  if (client && client in REFERENCE_SYNTAX) return `${ANYONE} Move it to SecretStorage via an env reference (quick fix).`;
  if (client === 'codex') return `${ANYONE} Let Codex forward it from your environment (\`env_vars\`).`;
  if (client === undefined || client === 'generic') return `${ANYONE} Move it to SecretStorage or an env reference, if the client supports one.`;
  return `${ANYONE} This client cannot read it from elsewhere: rotate it and keep this file private.`;
}

/** Where the secret sits, in words: `env "GITHUB_TOKEN"`, `the URL in env "DATABASE_URL"`, … */
export function describePlace(occurrence: SecretOccurrence): string {
  const { field, hit } = occurrence;
  const url = field.kind === 'url' ? 'the URL' : `the URL in ${field.where}`;
  if (hit.kind === 'url-password') return url;
  if (hit.kind === 'connection-password') return `the connection string in ${field.where}`;
  if (hit.kind === 'url-userinfo') return `the user name of ${url}`;
  if (hit.kind === 'url-query') return `query parameter "${hit.param ?? ''}" of ${url}`;
  return field.where;
}

/** The finding's message. It names the provider when known and shows at most a short prefix. */
export function describeSecret(occurrence: SecretOccurrence, client?: ClientId): string {
  const ADVICE = adviceFor(client);
  const { hit, secret } = occurrence;
  const masked = maskSecret(secret, hit.publicPrefix);
  const place = describePlace(occurrence);
  if (hit.kind === 'generic' && hit.severity === 'error') return `Plaintext secret in ${place} (${masked}): ${ADVICE}`;
  if (hit.kind === 'generic' || hit.kind === 'url-query' || hit.kind === 'url-userinfo') {
    return `Possible plaintext secret in ${place} (${masked}): ${ADVICE}`;
  }
  return `Plaintext ${hit.label} in ${place} (${masked}): ${ADVICE}`;
}
