import { identityKey, type LaunchIdentity } from '../identify';
import { GOOSE_BUILTINS } from './builtins';
import { GITHUB_SERVERS } from './github';
import { REFERENCE_SERVERS } from './reference';
import { SAAS_SERVERS } from './saas';
import type { CatalogServer } from './types';
import { WEB_SERVERS } from './web';

/** Every well-known server, so that a session can be judged from its config before anything runs. */
export const CATALOG: readonly CatalogServer[] = [...REFERENCE_SERVERS, ...GITHUB_SERVERS, ...SAAS_SERVERS, ...WEB_SERVERS, ...GOOSE_BUILTINS];

interface CatalogIndex {
  exact: Map<string, CatalogServer>;
  /** `url:` patterns, which also match longer paths on a `/` boundary. */
  urls: { pattern: string; server: CatalogServer }[];
}

const indexes = new WeakMap<readonly CatalogServer[], CatalogIndex>();

/** Identity key → server, built once per catalog (the first server listing a key wins, as a scan in order would). */
function indexOf(catalog: readonly CatalogServer[]): CatalogIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  index = { exact: new Map(), urls: [] };
  for (const server of catalog) {
    for (const m of server.match) {
      if (!index.exact.has(m)) index.exact.set(m, server);
      if (m.startsWith('url:')) index.urls.push({ pattern: m, server });
    }
  }
  indexes.set(catalog, index);
  return index;
}

function lookup(index: CatalogIndex, key: string, catalog: readonly CatalogServer[]): CatalogServer | undefined {
  let found = index.exact.get(key);
  if (key.startsWith('url:')) {
    for (const { pattern, server } of index.urls) {
      if (key.startsWith(pattern) && key.charAt(pattern.length) === '/' && (!found || catalog.indexOf(server) < catalog.indexOf(found))) found = server;
    }
  }
  return found;
}

/** The catalog entry for the first identity that one matches. */
export function findCatalogServer(
  identities: readonly LaunchIdentity[],
  catalog: readonly CatalogServer[] = CATALOG,
): { server: CatalogServer; identity: LaunchIdentity } | undefined {
  if (identities.length === 0) return undefined;
  const index = indexOf(catalog);
  for (const identity of identities) {
    const server = lookup(index, identityKey(identity), catalog);
    if (server) return { server, identity };
  }
  return undefined;
}

export function catalogServerById(id: string): CatalogServer | undefined {
  return CATALOG.find((s) => s.id === id);
}
