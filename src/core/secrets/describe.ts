import { maskSecret } from './mask';
import type { SecretOccurrence } from './scanConfig';

const ADVICE = 'anyone who can read this file can use it. Move it to SecretStorage or an environment reference.';

/** Where the secret sits, in words: `env "GITHUB_TOKEN"`, `the URL in env "DATABASE_URL"`, … */
export function describePlace(occurrence: SecretOccurrence): string {
  const { field, hit } = occurrence;
  const url = field.kind === 'url' ? 'the URL' : `the URL in ${field.where}`;
  if (hit.kind === 'url-password') return url;
  if (hit.kind === 'url-userinfo') return `the user name of ${url}`;
  if (hit.kind === 'url-query') return `query parameter "${hit.param ?? ''}" of ${url}`;
  return field.where;
}

/** The finding's message. It names the provider when known and shows at most a short prefix. */
export function describeSecret(occurrence: SecretOccurrence): string {
  const { hit, secret } = occurrence;
  const masked = maskSecret(secret, hit.publicPrefix);
  const place = describePlace(occurrence);
  if (hit.kind === 'generic' || hit.kind === 'url-query' || hit.kind === 'url-userinfo') {
    return `Possible plaintext secret in ${place} (${masked}): its name says it is a credential and the value looks like one; ${ADVICE}`;
  }
  return `Plaintext ${hit.label} in ${place} (${masked}): ${ADVICE}`;
}
