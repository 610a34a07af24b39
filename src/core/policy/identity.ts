import { launchOf } from '../launch/parse';
import type { PackageRef } from '../launch/types';
import type { ServerEntry } from '../model/server';

/** What a policy entry can match on one server. */
export interface ServerIdentity {
  name: string;
  client: string;
  /** Registry packages, Go packages and git sources it fetches (not images). */
  packages: PackageRef[];
  images: PackageRef[];
  /** Command and arguments joined by single spaces. */
  commandLine?: string;
  url?: string;
}

export function identityOf(server: ServerEntry): ServerIdentity {
  const launch = launchOf(server);
  // A server routed through the gateway is the server it runs, not the gateway's own package.
  const refs = (launch?.packages ?? []).filter((r) => r.runner === undefined);
  const id: ServerIdentity = {
    name: server.name,
    client: server.client,
    packages: refs.filter((r) => r.ecosystem !== 'oci'),
    images: refs.filter((r) => r.ecosystem === 'oci'),
  };
  if (server.command) id.commandLine = [server.command.value, ...server.args.map((a) => a.value)].join(' ');
  if (server.url) id.url = server.url.value;
  return id;
}

/** `mcp/fetch` is also `docker.io/mcp/fetch`; `node` is `docker.io/library/node`. */
export function imageNames(name: string): string[] {
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) {
    if (first === 'docker.io' || first === 'index.docker.io' || first === 'registry-1.docker.io') {
      const rest = name.slice(first.length + 1);
      return [name, rest, ...(rest.startsWith('library/') ? [rest.slice(8)] : [])];
    }
    return [name];
  }
  const repo = name.includes('/') ? name : `library/${name}`;
  return [name, `docker.io/${repo}`, ...(repo !== name ? [repo] : [])];
}

/** The exact version a package runs, or undefined when it is not pinned to one (`==` stripped for PyPI). */
export function exactVersionOf(ref: PackageRef): string | undefined {
  if (ref.ecosystem === 'oci') return ref.digest ?? ref.version;
  if (ref.pin !== 'exact' && ref.pin !== 'commit') return undefined;
  return ref.version?.replace(/^===?\s*/, '');
}
