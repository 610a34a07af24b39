import type { ToolDefinition } from '../model/tool';
import type { CatalogServer, CatalogTool } from './catalog/types';
import { combineEvidence, WEIGHTS } from './combine';
import { annotationSignals } from './signals/annotations';
import { descriptionSignals } from './signals/description';
import { nameSignals } from './signals/names';
import { schemaSignals } from './signals/schema';
import { CAPABILITIES, type Capability, type CapabilityLabel, type Evidence, type ToolClassification } from './types';

/** What is known about the server a tool belongs to. */
export interface ServerHint {
  catalog?: CatalogServer;
  /** Labels the server's launch mode takes away (e.g. read-only mode). */
  without?: readonly Capability[];
}

function catalogEvidence(server: CatalogServer, entry: CatalogTool): { capability: Capability; evidence: Evidence }[] {
  const out: { capability: Capability; evidence: Evidence }[] = [];
  const add = (list: readonly Capability[] | undefined, weight: number, how: string) => {
    for (const capability of list ?? []) out.push({ capability, evidence: { source: 'catalog', weight, detail: `${server.title}: \`${entry.name}\` ${how}` } });
  };
  add(entry.labels, WEIGHTS.catalog, 'is known to have it');
  add(entry.weak, WEIGHTS.catalogWeak, 'has it in common setups');
  add(entry.possible, WEIGHTS.catalogPossible, 'may have it');
  return out;
}

/**
 * Labels a tool with capabilities and the evidence for each. A tool listed in the catalog keeps
 * the catalog's set of capabilities (other signals only add confidence to them), except that a
 * server admitting a risk through annotations is always believed. Unlisted tools are judged from
 * annotations, name, input schema and description, combined as documented in `combine.ts`.
 */
export function classifyTool(tool: ToolDefinition, hint: ServerHint = {}): ToolClassification {
  const entry = hint.catalog?.tools.find((t) => t.name === tool.name);
  const items: { capability: Capability; evidence: Evidence }[] = [
    ...(entry && hint.catalog ? catalogEvidence(hint.catalog, entry) : []),
    ...annotationSignals(tool.annotations),
    ...nameSignals(tool.name, entry ? [] : (hint.catalog?.reads ?? [])),
    ...schemaSignals(tool.inputSchema),
    ...descriptionSignals(tool.description),
  ];
  const supported = entry ? new Set<Capability>([...entry.labels, ...(entry.weak ?? [])]) : undefined;
  const admits = (e: Evidence) => e.source === 'annotation' && !e.against && e.weight >= WEIGHTS.annotationAdmits;
  const labels: CapabilityLabel[] = [];
  for (const capability of CAPABILITIES) {
    if (hint.without?.includes(capability)) continue;
    const evidence = items
      .filter((i) => i.capability === capability)
      .filter((i) => !supported || i.evidence.source === 'catalog' || supported.has(capability) || admits(i.evidence))
      .map((i) => i.evidence);
    const label = combineEvidence(capability, evidence);
    if (label) labels.push(label);
  }
  const out: ToolClassification = { tool: tool.name, labels };
  if (entry?.content) out.content = entry.content;
  return out;
}

const catalogMemo = new WeakMap<CatalogTool, Map<string, ToolClassification>>();

/** A catalog tool classified from the catalog alone (no live definition yet); memoized, the result is shared. */
export function classifyCatalogTool(server: CatalogServer, entry: CatalogTool, without?: readonly Capability[]): ToolClassification {
  const key = `${server.id}|${without?.join(',') ?? ''}`;
  let byKey = catalogMemo.get(entry);
  if (!byKey) catalogMemo.set(entry, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = classifyTool({ name: entry.name }, without ? { catalog: server, without } : { catalog: server })));
  return out;
}
