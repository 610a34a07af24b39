export type RegistryErrorKind =
  'offline' | 'timeout' | 'aborted' | 'not-found' | 'unauthorized' | 'http' | 'bad-response' | 'too-large' | 'no-match' | 'unsupported';

/** Why a version or digest could not be resolved, in words a user can act on. */
export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
