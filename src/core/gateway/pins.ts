import { lockItems, type LockedServer, type Lockfile } from '../lock/lockfile';
import type { PromptDefinition, ResourceDefinition, ResourceTemplateDefinition, ServerSnapshot, ToolDefinition } from '../model/tool';
import type { GatewayFinding } from './types';

/** What a listing lists, as the lockfile keys it (`tool:NAME`, `prompt:NAME`, `resource:URI`, `resourceTemplate:TEMPLATE`). */
export type PinKind = 'tool' | 'prompt' | 'resource' | 'resourceTemplate';

export interface Listing {
  kind: PinKind;
  /** The array of the result that holds the items. */
  field: 'tools' | 'prompts' | 'resources' | 'resourceTemplates';
  /** The item's identity. */
  id: 'name' | 'uri' | 'uriTemplate';
  /** For messages: "tool", "resource template". */
  label: string;
}

/** The listing methods whose results are compared with the approved entry. */
export const LISTINGS: Readonly<Record<string, Listing>> = {
  'tools/list': { kind: 'tool', field: 'tools', id: 'name', label: 'tool' },
  'prompts/list': { kind: 'prompt', field: 'prompts', id: 'name', label: 'prompt' },
  'resources/list': { kind: 'resource', field: 'resources', id: 'uri', label: 'resource' },
  'resources/templates/list': { kind: 'resourceTemplate', field: 'resourceTemplates', id: 'uriTemplate', label: 'resource template' },
};

export interface PinCheck {
  /** Items listed as approved. */
  approved: string[];
  /** Items whose definition differs from the approved one. */
  changed: string[];
  /** Items the approved entry does not have. */
  added: string[];
  /** No entry for this server in the lockfile: every item is new. */
  unapproved: boolean;
}

type Definition = ToolDefinition | PromptDefinition | ResourceDefinition | ResourceTemplateDefinition;

/**
 * Compares listed items of one kind (in the live client's sanitized form, so hashes match
 * `mcp-warden approve`) to the approved entry.
 */
export function checkListing(entry: LockedServer | undefined, kind: PinKind, items: readonly Definition[]): PinCheck {
  const snapshot: ServerSnapshot = { server: '', tools: [], prompts: [], resources: [], resourceTemplates: [] };
  if (kind === 'tool') snapshot.tools = items as ToolDefinition[];
  else if (kind === 'prompt') snapshot.prompts = items as PromptDefinition[];
  else if (kind === 'resource') snapshot.resources = items as ResourceDefinition[];
  else snapshot.resourceTemplates = items as ResourceTemplateDefinition[];
  const current = lockItems(snapshot);
  const approved = entry?.items ?? {};
  const out: PinCheck = { approved: [], changed: [], added: [], unapproved: entry === undefined };
  for (const [key, item] of Object.entries(current)) {
    const name = key.slice(kind.length + 1);
    const was = approved[key];
    if (!was) out.added.push(name);
    else if (was.hash !== item.hash) out.changed.push(name);
    else out.approved.push(name);
  }
  return out;
}

/** `checkListing` for tools. */
export function checkPins(entry: LockedServer | undefined, tools: readonly ToolDefinition[]): PinCheck {
  return checkListing(entry, 'tool', tools);
}

export function pinFindings(check: PinCheck, enforce: boolean, label = 'tool'): GatewayFinding[] {
  const what = enforce ? 'withheld from the client until it is approved (mcp-warden approve)' : 'passed on (run with --enforce to withhold it)';
  const findings: GatewayFinding[] = [];
  for (const item of check.changed)
    findings.push({
      type: 'pin-changed',
      severity: 'error',
      tool: item,
      message: `The ${label} "${item}" differs from its approved definition (a rug pull?); ${what}.`,
    });
  for (const item of check.added) {
    findings.push(
      check.unapproved
        ? {
            type: 'pin-unapproved',
            severity: 'warning',
            tool: item,
            message: `The server has no approved entry in the lockfile; the ${label} "${item}" is ${what}.`,
          }
        : { type: 'pin-new', severity: 'warning', tool: item, message: `The ${label} "${item}" is new since the server was approved; ${what}.` },
    );
  }
  return findings;
}

/** Whether a URI is one a URI template (RFC 6570) can expand to: every `{…}` matches any text. */
export function matchesTemplate(uri: string, template: string): boolean {
  const parts = template.split(/\{[^{}]*\}/);
  if (parts.length === 1) return uri === template;
  const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(uri);
}

/**
 * The lockfile entry of a server: the exact key, or else the one entry whose key ends in `/<name>`
 * (keys are `<client>/<server name>`). Undefined when none; an error message when several match.
 */
export function findLockEntry(lock: Lockfile, key: string): { key: string; entry: LockedServer } | undefined | string {
  const exact = lock.servers[key];
  if (exact) return { key, entry: exact };
  const matches = Object.keys(lock.servers).filter((k) => k.endsWith(`/${key}`));
  if (matches.length === 1) return { key: matches[0]!, entry: lock.servers[matches[0]!]! };
  if (matches.length > 1) return `several lockfile entries match "${key}" (${matches.join(', ')}); choose one with --lock-key`;
  return undefined;
}
