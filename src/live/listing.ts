import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  ErrorCode,
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListToolsResultSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { LiveLimits } from './options';
import { linkSignals } from './signals';
import type { ListKind, TruncationReason } from './types';

const REQUESTS = {
  tools: { method: 'tools/list', schema: ListToolsResultSchema, field: 'tools' },
  prompts: { method: 'prompts/list', schema: ListPromptsResultSchema, field: 'prompts' },
  resources: { method: 'resources/list', schema: ListResourcesResultSchema, field: 'resources' },
  resourceTemplates: { method: 'resources/templates/list', schema: ListResourceTemplatesResultSchema, field: 'resourceTemplates' },
} as const;

/** A list request that failed, naming the method for the message. */
export class ListFailure extends Error {
  constructor(
    readonly method: string,
    readonly failure: unknown,
  ) {
    super(`${method} failed`);
  }
}

export interface ListResult {
  items: Record<string, unknown>[];
  truncated?: { kept: number; reason: TruncationReason };
}

/** The lists a server announced in its capabilities. */
export function announcedLists(capabilities: Record<string, unknown> | undefined): ListKind[] {
  const out: ListKind[] = [];
  if (capabilities?.tools) out.push('tools');
  if (capabilities?.prompts) out.push('prompts');
  if (capabilities?.resources) out.push('resources', 'resourceTemplates');
  return out;
}

/**
 * Reads a whole list, page after page (`nextCursor`), up to `maxItemsPerList` items and `maxPagesPerList`
 * pages; a cursor seen before ends the loop. A server without the method gives an empty list.
 */
export async function listAll(
  client: Client,
  kind: ListKind,
  limits: Pick<LiveLimits, 'maxItemsPerList' | 'maxPagesPerList' | 'requestTimeoutMs'>,
  signal: AbortSignal,
): Promise<ListResult> {
  const { method, schema, field } = REQUESTS[kind];
  const items: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (page >= limits.maxPagesPerList) return { items, truncated: { kept: items.length, reason: 'page-cap' } };
    let result: Record<string, unknown>;
    const pageSignal = linkSignals([signal]);
    try {
      const params = cursor === undefined ? {} : { cursor };
      result = (await client.request({ method, params }, schema, { timeout: limits.requestTimeoutMs, signal: pageSignal.signal })) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof McpError && e.code === ErrorCode.MethodNotFound) return { items };
      throw new ListFailure(method, e);
    } finally {
      pageSignal.dispose();
    }
    const pageItems = (result[field] as Record<string, unknown>[] | undefined) ?? [];
    const room = limits.maxItemsPerList - items.length;
    items.push(...pageItems.slice(0, room));
    const next = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
    if (pageItems.length > room || (items.length >= limits.maxItemsPerList && next !== undefined)) {
      return { items, truncated: { kept: items.length, reason: 'item-cap' } };
    }
    if (next === undefined) return { items };
    if (seen.has(next)) return { items, truncated: { kept: items.length, reason: 'repeated-cursor' } };
    seen.add(next);
    cursor = next;
  }
}
