import type { ServerEntry } from '../model/server';
import type { ServerIdentity } from './identity';

/**
 * The lockfile key of a server: its client and config name (`vscode/notes`), stable across machines.
 * The editor and the CLI (`mcp-warden approve` / `verify`) must use the same key.
 */
export function lockKeyOf(server: Pick<ServerEntry, 'client' | 'name'>): string {
  return `${server.client}/${server.name}`;
}

/** Who the server is, as the config says it (references unresolved); `compare` adds `serverInfo` name and version. */
export function identityOf(server: Pick<ServerEntry, 'transport' | 'command' | 'args' | 'url'>): ServerIdentity {
  const identity: ServerIdentity = { transport: server.transport };
  if (server.command) identity.command = server.command.value;
  if (server.args.length) identity.args = server.args.map((a) => a.value);
  if (server.url) identity.url = server.url.value;
  return identity;
}
