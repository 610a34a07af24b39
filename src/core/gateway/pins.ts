import { lockItems, type LockedServer, type Lockfile } from '../lock/lockfile';
import type { ToolDefinition } from '../model/tool';
import type { GatewayFinding } from './types';

export interface PinCheck {
  /** Tools listed as approved. */
  approved: string[];
  /** Tools whose definition differs from the approved one. */
  changed: string[];
  /** Tools the approved entry does not have. */
  added: string[];
  /** No entry for this server in the lockfile: every tool is new. */
  unapproved: boolean;
}

/** Compares listed tools (in the live client's sanitized form, so hashes match `mcp-warden approve`) to the approved entry. */
export function checkPins(entry: LockedServer | undefined, tools: readonly ToolDefinition[]): PinCheck {
  const current = lockItems({ server: '', tools: [...tools], prompts: [], resources: [], resourceTemplates: [] });
  const approved = entry?.items ?? {};
  const out: PinCheck = { approved: [], changed: [], added: [], unapproved: entry === undefined };
  for (const [key, item] of Object.entries(current)) {
    const name = key.slice('tool:'.length);
    const was = approved[key];
    if (!was) out.added.push(name);
    else if (was.hash !== item.hash) out.changed.push(name);
    else out.approved.push(name);
  }
  return out;
}

export function pinFindings(check: PinCheck, enforce: boolean): GatewayFinding[] {
  const what = enforce ? 'withheld from the client until it is approved (mcp-warden approve)' : 'passed on (run with --enforce to withhold it)';
  const findings: GatewayFinding[] = [];
  for (const tool of check.changed) findings.push({ type: 'pin-changed', severity: 'error', tool, message: `The tool "${tool}" differs from its approved definition (a rug pull?); ${what}.` });
  for (const tool of check.added) {
    findings.push(
      check.unapproved
        ? { type: 'pin-unapproved', severity: 'warning', tool, message: `The server has no approved entry in the lockfile; "${tool}" is ${what}.` }
        : { type: 'pin-new', severity: 'warning', tool, message: `The tool "${tool}" is new since the server was approved; ${what}.` },
    );
  }
  return findings;
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
