import { isExactVersion, maxSatisfying, satisfies } from '../../core/launch/semver';
import { RegistryError } from './errors';
import { getJson, joinUrl, type HttpOptions } from './http';
import { registryFor, tokenFor, type NpmRegistryConfig } from './npmrc';

interface Packument {
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, unknown>;
}

/**
 * The exact version of an npm package that `wanted` means today: the `latest` dist-tag when nothing
 * is asked, the named dist-tag, or the highest version in a range (`latest` itself if it is in range,
 * as npm picks).
 */
export async function resolveNpmVersion(
  name: string,
  wanted: string | undefined,
  config: NpmRegistryConfig,
  options: HttpOptions & { registry?: string } = {},
): Promise<{ version: string; url: string }> {
  const registry = registryFor(name, config, options.registry);
  const url = joinUrl(registry, name.replace('/', '%2f'));
  const token = tokenFor(url, config);
  const doc = (await getJson(url, `npm package ${name}`, {
    ...options,
    headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })) as Packument;
  const tags = doc['dist-tags'] ?? {};
  const versions = Object.keys(doc.versions ?? {});
  const pick = (v: string | undefined) => {
    if (v === undefined || !isExactVersion(v))
      throw new RegistryError('no-match', `npm package ${name} has no version matching "${wanted ?? 'latest'}" at ${registry}`);
    return { version: v, url };
  };
  if (wanted === undefined || wanted === 'latest') return pick(tags.latest);
  if (tags[wanted] !== undefined) return pick(tags[wanted]);
  if (tags.latest && satisfies(tags.latest, wanted)) return pick(tags.latest);
  return pick(maxSatisfying(versions, wanted));
}
