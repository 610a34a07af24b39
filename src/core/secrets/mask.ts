import { plural } from '../text/plural';

/**
 * A secret as messages may show it: never more than a short, non-secret start. A format's fixed
 * prefix (`ghp_`, `sk-ant-`) is shown when it is at most a third of the secret; otherwise the first
 * four characters of a long secret, and nothing of a short one.
 */
export function maskSecret(secret: string, publicPrefix = ''): string {
  if (publicPrefix && secret.startsWith(publicPrefix) && publicPrefix.length <= Math.min(24, Math.floor(secret.length / 3))) {
    return `${publicPrefix}…`;
  }
  if (secret.length >= 16) return `${secret.slice(0, 4)}…`;
  return `${plural(secret.length, 'character')}, hidden`;
}
