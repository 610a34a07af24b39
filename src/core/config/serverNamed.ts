import type { TextRange } from '../model/docNode';
import type { ServerEntry } from '../model/server';

/**
 * The entry an edit about server `name` must touch. A name defined twice in one file has two entries:
 * the one whose text holds `range` (a finding's), else the last, which is the one the client uses.
 */
export function serverNamed(servers: readonly ServerEntry[], name: string, range?: TextRange): ServerEntry | undefined {
  const same = servers.filter((s) => s.name === name);
  if (same.length <= 1) return same[0];
  const holding = range && same.find((s) => s.node.offset <= range.start && range.end <= s.node.offset + s.node.length);
  return holding ?? same[same.length - 1];
}
