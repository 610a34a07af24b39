import type { ToolDefinition } from '../../model/tool';
import type { LaunchIdentity } from '../identify';
import { identityKey } from '../identify';
import { LISTINGS } from './listingsData';

/** A well-known server's tool list as it was recorded (`tools/list` of a release, or its source), with where it comes from. */
export interface RecordedListing {
  match: string;
  title: string;
  source: string;
  tools: { name: string; description?: string; params?: string[]; annotations?: ToolDefinition['annotations'] }[];
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

/** A recorded tool as a tool definition, for the same classification a live listing gets. */
export function recordedTool(tool: RecordedListing['tools'][number]): ToolDefinition {
  const out: ToolDefinition = { name: tool.name };
  if (tool.description) out.description = tool.description;
  if (tool.params) out.inputSchema = { type: 'object', properties: Object.fromEntries(tool.params.map((p) => [p, {}])) };
  if (tool.annotations) out.annotations = tool.annotations;
  return out;
}
