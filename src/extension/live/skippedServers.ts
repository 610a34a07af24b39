// Connect All's share of the one meaning of "disabled": the servers a client would not load (the rules'
// `disabledBy`) are left out, and the notification says which and why. Free of `vscode`, so unit tests read it.
import { CLIENTS } from '../../core/config/clients';
import { plainReason } from '../../core/config/notLoaded';
import type { ServerEntry } from '../../core/model/server';
import { plural } from '../../core/text/plural';
import { visibleText } from '../../core/text/visible';

const NAMED = 5;

/** The servers to connect, and those left out with why. */
export function splitByLoad(
  servers: readonly ServerEntry[],
  notLoaded: (server: ServerEntry) => string | undefined,
): { toConnect: ServerEntry[]; skipped: Map<ServerEntry, string> } {
  const skipped = new Map<ServerEntry, string>();
  for (const server of servers) {
    const why = notLoaded(server);
    if (why !== undefined) skipped.set(server, why);
  }
  return { toConnect: servers.filter((s) => !skipped.has(s)), skipped };
}

/** What Connect All says of the servers it leaves out (a row's Connect still connects one). */
export function skippedMessage(skipped: ReadonlyMap<ServerEntry, string>): string {
  const name = (s: ServerEntry) => `"${visibleText(s.name, { singleLine: true, max: 80 })}"`;
  const entries = [...skipped];
  if (entries.length === 1) {
    const [server, why] = entries[0]!;
    return `MCP Warden did not connect ${name(server)}: ${CLIENTS[server.client].name} would not load it (${plainReason(why)}). Connect it from its row to inspect it anyway.`;
  }
  const named = entries.slice(0, NAMED).map(([server, why]) => `${name(server)} (${plainReason(why)})`);
  if (entries.length > NAMED) named.push(`${entries.length - NAMED} more`);
  return `MCP Warden did not connect ${plural(entries.length, 'server')} their clients would not load: ${named.join(', ')}. Connect one from its row to inspect it anyway.`;
}
