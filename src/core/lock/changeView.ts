import type { ServerSnapshot } from '../model/tool';
import { renderDefinition, type DefinitionSpan } from '../tools/render';
import type { TargetRef, ToolFinding } from '../tools/types';
import type { Comparison, ItemChange } from './lockfile';

/** The two sides of "approved ↔ now", ready for a diff editor. */
export interface ChangeSides {
  approved: string;
  current: string;
  /** The current side's suspicious spans (offsets into `current`), to underline what a change brought in. */
  currentSpans: DefinitionSpan[];
}

const KIND_LABEL: Record<ItemChange['kind'], string> = {
  tool: 'tool',
  prompt: 'prompt',
  resource: 'resource',
  resourceTemplate: 'resource template',
  instructions: 'instructions',
};

/**
 * Both sides of a comparison as readable definition documents (the same rendering as a single
 * definition: descriptions as text, one line per line, hidden characters visible), one section per
 * changed item, so a diff shows the words that changed rather than one long JSON string.
 */
export function renderChangeSides(comparison: Comparison, server: string, findings: readonly ToolFinding[] = []): ChangeSides {
  const approved: string[] = [];
  const current: string[] = [];
  const currentSpans: DefinitionSpan[] = [];
  let currentLength = 0;
  const push = (side: string[], text: string) => {
    side.push(text);
    if (side === current) currentLength += text.length;
  };
  for (const change of comparison.changes) {
    const heading = `── ${KIND_LABEL[change.kind]}${change.name ? ` ${change.name}` : ''}: ${change.change} since approval ──\n`;
    push(approved, heading);
    push(current, heading);
    push(approved, change.approved === undefined ? '(not offered when the server was approved)\n' : render(change, change.approved, server).text);
    if (change.current === undefined) {
      push(current, '(no longer offered)\n');
    } else {
      const rendered = render(change, change.current, server, findings);
      for (const span of rendered.spans) currentSpans.push({ ...span, start: span.start + currentLength, end: span.end + currentLength });
      push(current, rendered.text);
    }
    push(approved, '\n');
    push(current, '\n');
  }
  if (comparison.identityChanges.length > 0) {
    push(approved, '── server identity ──\n');
    push(current, '── server identity ──\n');
    for (const c of comparison.identityChanges) {
      push(approved, `${c.field}: ${JSON.stringify(c.approved ?? null)}\n`);
      push(current, `${c.field}: ${JSON.stringify(c.current ?? null)}\n`);
    }
  }
  return { approved: approved.join(''), current: current.join(''), currentSpans };
}

function render(change: ItemChange, definition: unknown, server: string, findings: readonly ToolFinding[] = []): { text: string; spans: DefinitionSpan[] } {
  const snapshot: ServerSnapshot = { server, tools: [], prompts: [], resources: [], resourceTemplates: [] };
  let target: TargetRef;
  switch (change.kind) {
    case 'tool':
      snapshot.tools.push(definition as ServerSnapshot['tools'][number]);
      target = { kind: 'tool', name: change.name };
      break;
    case 'prompt':
      snapshot.prompts.push(definition as ServerSnapshot['prompts'][number]);
      target = { kind: 'prompt', name: change.name };
      break;
    case 'resource':
      snapshot.resources.push(definition as ServerSnapshot['resources'][number]);
      target = { kind: 'resource', name: change.name };
      break;
    case 'resourceTemplate':
      snapshot.resourceTemplates.push(definition as ServerSnapshot['resourceTemplates'][number]);
      target = { kind: 'resourceTemplate', name: change.name };
      break;
    case 'instructions': {
      snapshot.instructions = typeof definition === 'string' ? definition : JSON.stringify(definition);
      const rendered = renderDefinition({ kind: 'server', name: server }, snapshot, { findings: findings.filter((f) => f.field === 'instructions') });
      // The server document ends with a count of items, which means nothing for one changed field.
      const cut = rendered.text.lastIndexOf('items: ');
      const text = cut > 0 ? rendered.text.slice(0, cut) : rendered.text;
      return { text, spans: rendered.spans.filter((s) => s.end <= text.length) };
    }
  }
  const rendered = renderDefinition(target, snapshot, { findings: [...findings] });
  return { text: rendered.text, spans: rendered.spans };
}
