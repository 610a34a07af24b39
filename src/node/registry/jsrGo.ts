import { maxSatisfying } from '../../core/launch/semver';
import { RegistryError } from './errors';
import { getJson, joinUrl, type HttpOptions } from './http';

export const JSR_DEFAULT_URL = 'https://jsr.io';
export const GO_PROXY_DEFAULT_URL = 'https://proxy.golang.org';

/** The newest non-yanked JSR version matching `wanted` (`<jsr>/@scope/name/meta.json`). */
export async function resolveJsrVersion(
  name: string,
  wanted: string | undefined,
  baseUrl = JSR_DEFAULT_URL,
  options: HttpOptions = {},
): Promise<{ version: string; url: string }> {
  const url = joinUrl(baseUrl, `${name}/meta.json`);
  const doc = (await getJson(url, `JSR package ${name}`, options)) as { latest?: string; versions?: Record<string, { yanked?: boolean }> };
  const versions = Object.entries(doc.versions ?? {})
    .filter(([, v]) => !v.yanked)
    .map(([k]) => k);
  const version = wanted === undefined || wanted === 'latest' ? doc.latest : maxSatisfying(versions, wanted);
  if (!version) throw new RegistryError('no-match', `JSR package ${name} has no version matching "${wanted ?? 'latest'}"`);
  return { version, url };
}

/** Module paths are case-encoded on the proxy: `Azure` → `!azure`. */
function escapePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/**
 * The version `go run pkg@wanted` would build: `@latest`, or a branch/tag resolved to its version
 * (a pseudo-version for a branch). The package path may be below its module's root, so the longest
 * prefix the proxy knows is used.
 */
export async function resolveGoVersion(
  pkg: string,
  wanted: string | undefined,
  proxy = GO_PROXY_DEFAULT_URL,
  options: HttpOptions = {},
): Promise<{ version: string; url: string }> {
  const segments = pkg.split('/');
  const query = wanted === undefined || wanted === 'latest' || wanted === 'upgrade' || wanted === 'patch' ? '@latest' : `@v/${encodeURIComponent(wanted)}.info`;
  let lastError: RegistryError | undefined;
  for (let n = segments.length; n >= Math.min(2, segments.length); n--) {
    const module = segments.slice(0, n).join('/');
    const url = joinUrl(proxy, `${escapePath(module)}/${query}`);
    try {
      const doc = (await getJson(url, `Go module ${module}`, options)) as { Version?: string };
      if (!doc.Version) throw new RegistryError('bad-response', `${url} gave no Version`);
      return { version: doc.Version, url };
    } catch (e) {
      if (!(e instanceof RegistryError) || (e.kind !== 'not-found' && e.kind !== 'http')) throw e;
      lastError = e;
    }
  }
  throw lastError ?? new RegistryError('not-found', `Go package ${pkg} not found at ${proxy}`);
}
