import type { Capability, CapabilityLabel, Evidence, EvidenceSource } from './types';

/**
 * Default weights of each kind of evidence. One item per source and label is kept (the strongest),
 * and sources combine as independent signals: confidence = 1 − Π(1 − weight).
 */
export const WEIGHTS = {
  catalog: 0.9,
  catalogWeak: 0.5,
  catalogPossible: 0.35,
  nameStrong: 0.75,
  name: 0.6,
  nameWeak: 0.4,
  schema: 0.5,
  schemaWeak: 0.35,
  description: 0.4,
  /** A server admitting a risk (e.g. `destructiveHint: true`): it gains nothing by overstating. */
  annotationAdmits: 0.6,
  /** The spec's default (`destructiveHint` defaults to true once `readOnlyHint` is false). */
  annotationDefault: 0.25,
  annotationOpenWorld: 0.45,
} as const;

/** Sources that a server's own claim of safety cannot overturn. */
const FIRM: ReadonlySet<EvidenceSource> = new Set(['catalog', 'name']);

/** How much a claim of safety scales a label backed only by soft signals (schema, description, annotations). */
export const DENIAL_FACTOR = 0.5;

/**
 * Turns the evidence for one capability into a label. Claims against the label (annotations saying
 * read-only, closed-world or non-destructive) are hints from an untrusted server: they halve a
 * label that rests on soft signals only, and never overturn a name or catalog signal.
 */
export function combineEvidence(capability: Capability, evidence: Evidence[]): CapabilityLabel | undefined {
  const strongest = new Map<EvidenceSource, Evidence>();
  for (const item of evidence) {
    if (item.against) continue;
    const kept = strongest.get(item.source);
    if (!kept || item.weight > kept.weight) strongest.set(item.source, item);
  }
  if (strongest.size === 0) return undefined;
  let disbelief = 1;
  for (const item of strongest.values()) disbelief *= 1 - item.weight;
  let confidence = 1 - disbelief;
  const denials = evidence.filter((e) => e.against);
  const firm = [...strongest.keys()].some((s) => FIRM.has(s));
  if (denials.length > 0 && !firm) confidence *= DENIAL_FACTOR;
  const kept = [...strongest.values()].sort((a, b) => b.weight - a.weight);
  const overruled = denials.map((d) => (firm ? { ...d, detail: `${d.detail} (overruled: annotations are unverified hints)` } : d));
  return { capability, confidence: round(confidence), evidence: [...kept, ...overruled] };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
