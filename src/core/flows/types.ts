/** What a tool lets a model do, in the terms of the lethal trifecta (plus destructive actions). */
export const CAPABILITIES = ['untrusted-content', 'private-data', 'outbound', 'destructive'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type EvidenceSource = 'annotation' | 'name' | 'schema' | 'description' | 'catalog';

/** One reason for (or, with `against`, against) a capability label. */
export interface Evidence {
  source: EvidenceSource;
  detail: string;
  /** How much this item alone supports the label, 0..1 (see docs/toxic-flows.md). */
  weight: number;
  /** The item argues against the label (a server's annotation claiming safety). */
  against?: boolean;
}

export interface CapabilityLabel {
  capability: Capability;
  /** Combined from the evidence, 0..1; labels below `COUNTED_CONFIDENCE` are shown but do not form flows. */
  confidence: number;
  evidence: Evidence[];
}

export interface ToolClassification {
  tool: string;
  labels: CapabilityLabel[];
  /** For untrusted-content sources: what the attacker writes, e.g. "an issue body". */
  content?: string;
  /** The tool list itself is a guess (an unknown server, judged by its package name). */
  guessed?: boolean;
}

/** The confidence from which a label takes part in flows by default. */
export const COUNTED_CONFIDENCE = 0.5;

export function labelOf(tool: ToolClassification, capability: Capability): CapabilityLabel | undefined {
  return tool.labels.find((l) => l.capability === capability);
}

export function hasCapability(tool: ToolClassification, capability: Capability, minConfidence = COUNTED_CONFIDENCE): boolean {
  const label = labelOf(tool, capability);
  return label !== undefined && label.confidence >= minConfidence;
}

export const CAPABILITY_WORDS: Record<Capability, string> = {
  'untrusted-content': 'untrusted content',
  'private-data': 'private data',
  outbound: 'an outbound channel',
  destructive: 'destructive actions',
};
