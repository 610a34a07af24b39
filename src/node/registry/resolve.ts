import type { PinRequest } from '../../core/launch/pin';
import { RegistryError } from './errors';
import type { HttpOptions } from './http';
import { resolveGoVersion, resolveJsrVersion } from './jsrGo';
import { resolveNpmVersion } from './npm';
import type { NpmRegistryConfig } from './npmrc';
import { resolveImageDigest, type OciSettings } from './oci';
import { resolvePypiVersion } from './pypi';

/** Where to ask: every base URL can point at a private registry or mirror (settings, `.npmrc`). */
export interface RegistrySettings {
  npm?: NpmRegistryConfig;
  /** PyPI JSON API base (default https://pypi.org); a private index that serves `/pypi/<name>/json`. */
  pypiUrl?: string;
  oci?: OciSettings;
  jsrUrl?: string;
  goProxyUrl?: string;
  /** Per request; default 5000 ms. */
  timeoutMs?: number;
}

export interface ResolvedPin {
  /** What `pinEdit` writes: an exact version, or an image digest `sha256:…`. */
  version: string;
  /** The document it was read from (no credentials). */
  source: string;
}

/** Resolves what an `unpinned-package` finding needs (`pinRequestFor`) against the configured registries. */
export async function resolvePin(request: PinRequest, settings: RegistrySettings = {}, signal?: AbortSignal): Promise<ResolvedPin> {
  const options: HttpOptions = { ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}), ...(signal ? { signal } : {}) };
  const done = (r: { version: string; url: string }): ResolvedPin => ({ version: r.version, source: r.url });
  switch (request.ecosystem) {
    case 'npm':
      return done(
        await resolveNpmVersion(request.name, request.wanted, settings.npm ?? {}, { ...options, ...(request.registry ? { registry: request.registry } : {}) }),
      );
    case 'pypi':
      return done(await resolvePypiVersion(request.name, request.wanted, pypiBase(request.registry) ?? settings.pypiUrl, options));
    case 'oci':
      return done(await resolveImageDigest(request.name, request.wanted, settings.oci, options));
    case 'jsr':
      return done(await resolveJsrVersion(request.name, request.wanted, settings.jsrUrl, options));
    case 'go':
      return done(await resolveGoVersion(request.name, request.wanted, settings.goProxyUrl, options));
    default:
      throw new RegistryError('unsupported', `cannot resolve ${(request as PinRequest).ecosystem} packages`);
  }
}

/** `--index-url https://host/simple` names a simple index; its JSON API usually sits at the same host. */
function pypiBase(indexUrl: string | undefined): string | undefined {
  return indexUrl?.replace(/\/simple\/?$/, '');
}
