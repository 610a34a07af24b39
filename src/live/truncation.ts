// Free of the MCP SDK: the extension's bundle uses it without loading the live client (dist/live.js).
import { plural } from '../core/text/plural';
import type { Truncation } from './types';

/**
 * The lists a snapshot holds only in part ("tools list stopped at 1000 items (item-cap)"); empty when
 * every list is complete. An incomplete listing is a state: it is never approved, nor verified as unchanged.
 */
export function incompleteLists(truncation: Truncation): string[] {
  return Object.entries(truncation.lists).map(([list, cut]) => `${list} list stopped at ${plural(cut.kept, 'item')} (${cut.reason})`);
}
