import type { ToolDefinition } from '../../model/tool';
import type { LaunchIdentity } from '../identify';
import { identityKey } from '../identify';
import { LISTINGS } from './listingsData';

/**
 * A recorded tool, shrunk to what its classification reads: its name alone, or `n` name, `d` the
 * description words, `p` the parameter names and `a` the readOnly/destructive/openWorld hints as
 * `t`/`f`/`-` that classification needs (scripts/catalog/listing-tools.mjs checks the result is identical).
 */
export type RecordedTool = string | { n: string; d?: string; p?: string[]; a?: string };

/** A well-known server's tool list as it was recorded (`tools/list` of a release, or its source); provenance in scripts/catalog/manifest.json. */
export interface RecordedListing {
  match: string;
  tools: RecordedTool[];
}

const BY_KEY = new Map<string, RecordedListing>(LISTINGS.map((l) => [l.match, l]));

/** Recorded listings (built by scripts/catalog/harvest-listings.mjs; provenance in scripts/catalog/manifest.json). */
export const RECORDED_LISTINGS: readonly RecordedListing[] = LISTINGS;

/** The recorded listing for the first identity that has one. */
export function findRecordedListing(identities: readonly LaunchIdentity[]): RecordedListing | undefined {
  for (const identity of identities) {
    const found = BY_KEY.get(identityKey(identity));
    if (found) return found;
  }
  return undefined;
}

const HINTS = ['readOnlyHint', 'destructiveHint', 'openWorldHint'] as const;

/** A recorded tool as a tool definition, for the same classification a live listing gets. */
export function recordedTool(tool: RecordedTool): ToolDefinition {
  if (typeof tool === 'string') return { name: tool };
  const out: ToolDefinition = { name: tool.n };
  if (tool.d) out.description = tool.d;
  if (tool.p) out.inputSchema = { type: 'object', properties: Object.fromEntries(tool.p.map((p) => [p, {}])) };
  if (tool.a) {
    const annotations: NonNullable<ToolDefinition['annotations']> = {};
    HINTS.forEach((hint, i) => {
      if (tool.a![i] !== '-') annotations[hint] = tool.a![i] === 't';
    });
    out.annotations = annotations;
  }
  return out;
}
