import { identityKey, type LaunchIdentity } from '../identify';
import { GOOSE_BUILTINS } from './builtins';
import { GITHUB_SERVERS } from './github';
import { REFERENCE_SERVERS } from './reference';
import { SAAS_SERVERS } from './saas';
import type { CatalogServer } from './types';
import { WEB_SERVERS } from './web';

/** Every well-known server, so that a session can be judged from its config before anything runs. */
export const CATALOG: readonly CatalogServer[] = [...REFERENCE_SERVERS, ...GITHUB_SERVERS, ...SAAS_SERVERS, ...WEB_SERVERS, ...GOOSE_BUILTINS];

function matches(pattern: string, key: string): boolean {
  if (pattern === key) return true;
  return pattern.startsWith('url:') && key.startsWith(pattern) && key.charAt(pattern.length) === '/';
}

/** The catalog entry for the first identity that one matches. */
export function findCatalogServer(identities: readonly LaunchIdentity[], catalog: readonly CatalogServer[] = CATALOG): { server: CatalogServer; identity: LaunchIdentity } | undefined {
  for (const identity of identities) {
    const key = identityKey(identity);
    const server = catalog.find((s) => s.match.some((m) => matches(m, key)));
    if (server) return { server, identity };
  }
  return undefined;
}

export function catalogServerById(id: string): CatalogServer | undefined {
  return CATALOG.find((s) => s.id === id);
}
