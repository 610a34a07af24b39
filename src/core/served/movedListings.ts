import { serverKey } from '../flows/sessions';
import type { ServerEntry } from '../model/server';

const SERVED = /([\\/])\.vscode\1mcp-warden\.json$/;

/**
 * Live listings follow a server that "Move secret to SecretStorage" moved from `.vscode/mcp.json` into
 * MCP Warden's served file: the listing was taken under the old entry's key, and the server is the same
 * one (same command, its secrets now handed over at launch), so until it is reconnected under its new
 * key the served entry keeps that listing instead of falling back to the catalog or a guess. A listing
 * moves only when nothing is left under its old key, and never replaces one the served entry has.
 */
export function withMovedListings<T>(snapshots: ReadonlyMap<string, T>, entries: readonly ServerEntry[]): Map<string, T> {
  const out = new Map(snapshots);
  const current = new Set(entries.map(serverKey));
  for (const entry of entries) {
    const key = serverKey(entry);
    if (out.has(key) || !SERVED.test(entry.file) || entry.path[0] !== 'servers') continue;
    const before = `${entry.file.replace(SERVED, '$1.vscode$1mcp.json')}#${entry.path.join('/')}`;
    const listing = snapshots.get(before);
    if (listing !== undefined && !current.has(before)) out.set(key, listing);
  }
  return out;
}
