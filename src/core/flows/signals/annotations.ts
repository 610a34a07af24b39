import type { ToolAnnotations } from '../../model/tool';
import { WEIGHTS } from '../combine';
import type { Capability, Evidence } from '../types';

export interface AnnotationEvidence {
  capability: Capability;
  evidence: Evidence;
}

/**
 * Reads MCP tool annotations as hints from an untrusted server. Admitting a risk is believed (a
 * server gains nothing by overstating it); claiming safety only argues against a label, and the
 * combination step decides how much that counts. Absent annotations are no evidence at all: the
 * spec's defaults (destructive, open-world) describe the worst case, not the tool.
 */
export function annotationSignals(annotations: ToolAnnotations | undefined): AnnotationEvidence[] {
  if (!annotations || typeof annotations !== 'object') return [];
  const { readOnlyHint, destructiveHint, openWorldHint } = annotations;
  const out: AnnotationEvidence[] = [];
  const add = (capability: Capability, weight: number, detail: string, against = false) =>
    out.push({ capability, evidence: against ? { source: 'annotation', weight, detail, against } : { source: 'annotation', weight, detail } });

  if (readOnlyHint === true) {
    add('destructive', 0, 'readOnlyHint: true claims the tool changes nothing', true);
    add('outbound', 0, 'readOnlyHint: true claims the tool sends nothing', true);
    if (openWorldHint === true) add('untrusted-content', WEIGHTS.annotationOpenWorld, 'readOnlyHint + openWorldHint: reads from an open world (e.g. the web)');
  } else {
    if (destructiveHint === true) add('destructive', WEIGHTS.annotationAdmits, 'destructiveHint: true (the server says so)');
    else if (destructiveHint === false) add('destructive', 0, 'destructiveHint: false claims only additive changes', true);
    else if (readOnlyHint === false)
      add('destructive', WEIGHTS.annotationDefault, 'readOnlyHint: false without destructiveHint: the spec default is destructive');
    if (openWorldHint === true) {
      add('outbound', WEIGHTS.annotationOpenWorld, 'openWorldHint: true on a tool that writes: it acts on the outside world');
      add('untrusted-content', WEIGHTS.annotationOpenWorld - 0.15, 'openWorldHint: true: it may also bring back outside content');
    }
  }
  if (openWorldHint === false) {
    add('untrusted-content', 0, 'openWorldHint: false claims a closed world', true);
    add('outbound', 0, 'openWorldHint: false claims a closed world', true);
  }
  return out;
}
