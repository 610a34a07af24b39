import { visibleText } from '../../core/text/visible';
import type { LiveSnapshot } from '../../live/index';
import { findItem } from './itemFields';
import type { ListName } from './nodes';
import { nounFor } from '../../core/text/plural';

/**
 * A plain-text rendering of one item, never truncated: a header, the description as text (its own line
 * breaks kept, so an order hidden after pages of padding starts a line of its own), then the definition as
 * JSON. Hidden characters are made visible; a lone carriage return shows as `␍` instead of breaking the line.
 */
export function renderItem(server: string, snapshot: LiveSnapshot, list: ListName | 'server', name: string): string {
  if (list === 'server') return `server ${server}\n\ninstructions:\n${block(snapshot.instructions ?? '')}\n`;
  const item = findItem(snapshot, list, name) as { description?: unknown } | undefined;
  const kind = list === 'resourceTemplates' ? 'resource template' : list.slice(0, -1);
  const lines = [`${kind} ${visibleText(name, { singleLine: true })}  (server ${server}, listed ${snapshot.listedAt})`, ''];
  if (typeof item?.description === 'string') {
    lines.push(
      `description (${item.description.length.toLocaleString('en-US')} ${nounFor(item.description.length, 'character')}; hidden characters shown as ⟨U+…⟩, ␛, ␍):`,
    );
    lines.push(block(item.description), '');
  }
  lines.push('definition (JSON):');
  lines.push(block(JSON.stringify(item ?? null, null, 2)));
  return lines.join('\n') + '\n';
}

function block(text: string): string {
  return visibleText(text.replace(/\r\n/g, '\n'))
    .replace(/\r/g, '␍')
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
}
