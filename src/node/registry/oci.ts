import { createHash } from 'node:crypto';
import { parseImageRef } from '../../core/launch/imageRef';
import { RegistryError } from './errors';
import { getJson, httpRequest, joinUrl, safeUrl, type HttpOptions } from './http';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface OciSettings {
  /** Base URLs by registry host, for mirrors and private registries: `{ "docker.io": "https://mirror.example" }`. */
  mirrors?: Record<string, string>;
}

/** Where an image lives: the registry's base URL and the repository path (`library/node` for `node`). */
export function imageLocation(image: string, settings: OciSettings = {}): { base: string; repository: string; host: string } {
  const parts = parseImageRef(image);
  if (!parts) throw new RegistryError('unsupported', `"${image}" is not an image reference`);
  const host = parts.registry ?? 'docker.io';
  const dockerHub = host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io';
  const repository = dockerHub && !parts.repository.includes('/') ? `library/${parts.repository}` : parts.repository;
  const mirror = settings.mirrors?.[host] ?? (dockerHub ? settings.mirrors?.['docker.io'] : undefined);
  const local = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?$/.test(host);
  return { base: mirror ?? (dockerHub ? 'https://registry-1.docker.io' : `${local ? 'http' : 'https'}://${host}`), repository, host };
}

/** `Bearer realm="…",service="…",scope="…"` → its parameters. */
function parseChallenge(header: string | null): Record<string, string> | undefined {
  if (!header || !/^\s*bearer\s/i.test(header)) return undefined;
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]!.toLowerCase()] = m[2]!;
  return out.realm ? out : undefined;
}

/** The anonymous pull token of the registry's token service (Docker Registry v2 token flow). */
async function anonymousToken(challenge: Record<string, string>, repository: string, options: HttpOptions): Promise<string> {
  const url = new URL(challenge.realm!);
  if (challenge.service) url.searchParams.set('service', challenge.service);
  url.searchParams.set('scope', challenge.scope ?? `repository:${repository}:pull`);
  const doc = (await getJson(url.toString(), 'registry token', options)) as { token?: string; access_token?: string };
  const token = doc.token ?? doc.access_token;
  if (!token) throw new RegistryError('bad-response', `${safeUrl(url.toString())} gave no token`);
  return token;
}

/**
 * The digest (`sha256:…`) a tag of an image points to now: a manifest HEAD with the index/manifest
 * media types (so multi-platform images give their index digest, as `docker pull` records), with
 * the anonymous token flow on 401, and a GET whose body is hashed when HEAD gives no digest.
 */
export async function resolveImageDigest(
  image: string,
  tag: string | undefined,
  settings: OciSettings = {},
  options: HttpOptions = {},
): Promise<{ version: string; url: string }> {
  const { base, repository } = imageLocation(image, settings);
  const url = joinUrl(base, `v2/${repository}/manifests/${encodeURIComponent(tag ?? 'latest')}`);
  let headers: Record<string, string> = { accept: MANIFEST_TYPES };
  let res = await httpRequest(url, { ...options, method: 'HEAD', headers });
  if (res.status === 401) {
    const challenge = parseChallenge(res.headers.get('www-authenticate'));
    if (!challenge) throw new RegistryError('unauthorized', `${safeUrl(url)} needs credentials for ${image}`);
    headers = { ...headers, authorization: `Bearer ${await anonymousToken(challenge, repository, options)}` };
    res = await httpRequest(url, { ...options, method: 'HEAD', headers });
  }
  if (res.status === 404) throw new RegistryError('not-found', `image ${image}:${tag ?? 'latest'} not found at ${safeUrl(base)}`);
  if (res.status === 401 || res.status === 403) throw new RegistryError('unauthorized', `${safeUrl(url)} refused access to ${image} (HTTP ${res.status})`);
  if (res.status < 200 || res.status >= 300) throw new RegistryError('http', `${safeUrl(url)} answered HTTP ${res.status}`);
  const digest = res.headers.get('docker-content-digest');
  if (digest && /^sha256:[0-9a-f]{64}$/.test(digest)) return { version: digest, url };
  const full = await httpRequest(url, { ...options, headers });
  if (full.status < 200 || full.status >= 300) throw new RegistryError('http', `${safeUrl(url)} answered HTTP ${full.status}`);
  return { version: `sha256:${createHash('sha256').update(full.body).digest('hex')}`, url };
}
