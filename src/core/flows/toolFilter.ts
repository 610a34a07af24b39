import type { ClientId } from '../config/clientIds';
import type { ConfigFile } from '../model/configFile';
import { child, scalarItems, type DocNode } from '../model/docNode';
import type { ServerEntry } from '../model/server';

/** Per-server keys that narrow a server's tools, where a client has them. */
export interface FilterKeys {
  /** Only these tools are offered. */
  allow?: string;
  /** These tools are hidden (applied after `allow`). */
  deny?: string;
  /** An `allow` entry meaning "all tools". */
  wildcard?: string;
}

export const TOOL_FILTER_KEYS: Partial<Record<ClientId, FilterKeys>> = {
  'gemini-cli': { allow: 'includeTools', deny: 'excludeTools' },
  codex: { allow: 'enabled_tools', deny: 'disabled_tools' },
  'roo-code': { deny: 'disabledTools' },
  'copilot-cli': { allow: 'tools', wildcard: '*' },
};

export interface ToolFilter {
  allow?: { names: string[]; node: DocNode };
  deny?: { names: string[]; node: DocNode };
}

function stringList(node: DocNode | undefined): { names: string[]; node: DocNode } | undefined {
  if (!node || node.type !== 'array') return undefined;
  return {
    names: scalarItems(node),
    node,
  };
}

export function readToolFilter(server: ServerEntry): ToolFilter {
  const keys = TOOL_FILTER_KEYS[server.client];
  if (!keys) return {};
  const filter: ToolFilter = {};
  const allow = keys.allow ? stringList(child(server.node, keys.allow)) : undefined;
  if (allow && !(keys.wildcard && allow.names.includes(keys.wildcard))) filter.allow = allow;
  const deny = keys.deny ? stringList(child(server.node, keys.deny)) : undefined;
  if (deny) filter.deny = deny;
  return filter;
}

export function toolAllowed(filter: ToolFilter, tool: string): boolean {
  if (filter.allow && !filter.allow.names.includes(tool)) return false;
  return !filter.deny?.names.includes(tool);
}

/**
 * Server names a file turns off for the whole client: Gemini CLI's `mcp.excluded`, and every
 * server missing from a present `mcp.allowed`.
 */
export function serverListFilter(file: ConfigFile): { excluded: string[]; allowed?: string[] } {
  if (file.client !== 'gemini-cli') return { excluded: [] };
  const mcp = child(file.root, 'mcp');
  const excluded = stringList(child(mcp, 'excluded'))?.names ?? [];
  const allowed = stringList(child(mcp, 'allowed'))?.names;
  return allowed ? { excluded, allowed } : { excluded };
}
