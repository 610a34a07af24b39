import { visibleText } from '../../core/text/visible';
import type { LiveSnapshot } from '../../live/index';
import { findItem } from './itemFields';
import type { ListName } from './nodes';

/** A plain-text rendering of one item: a header, then each field in full with hidden characters visible. */
export function renderItem(server: string, snapshot: LiveSnapshot, list: ListName | 'server', name: string): string {
  if (list === 'server') return `server ${server}\n\ninstructions:\n${indent(visibleText(snapshot.instructions ?? ''))}\n`;
  const item = findItem(snapshot, list, name);
  const kind = list === 'resourceTemplates' ? 'resource template' : list.slice(0, -1);
  const lines = [`${kind} ${visibleText(name)}  (server ${server}, listed ${snapshot.listedAt})`, ''];
  lines.push('definition (JSON, hidden characters shown as ⟨U+…⟩ / ␛):');
  lines.push(indent(visibleText(JSON.stringify(item, null, 2))));
  return lines.join('\n') + '\n';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
}
