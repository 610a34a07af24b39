import { minimatch } from 'minimatch';
import type { Project } from '../engine/project';
import type { ServerSnapshot } from '../model/tool';
import { COUNTED_CONFIDENCE } from './types';

export const FLOW_KINDS = ['data-leak', 'destructive'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** A flow the team has reviewed and accepts: silenced when every server on a path is listed. */
export interface AcceptedFlow {
  /** Server names as written in the configs; globs allowed (`github*`). */
  servers: string[];
  /** Which kinds it accepts; all when left out. */
  kinds?: FlowKind[];
  /** Why it is acceptable: required, so the decision is recorded. */
  reason: string;
}

export interface FlowOptions {
  kinds: FlowKind[];
  /** Count the client's own tools (terminal, fetch, edits) as legs of a flow. */
  builtinTools: boolean;
  /** Labels below this confidence do not form flows. */
  minConfidence: number;
  acceptedFlows: AcceptedFlow[];
}

export const DEFAULT_FLOW_OPTIONS: FlowOptions = { kinds: [...FLOW_KINDS], builtinTools: false, minConfidence: COUNTED_CONFIDENCE, acceptedFlows: [] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Validates an `acceptedFlows` list (policy file or settings). Invalid entries are dropped and described. */
export function readAcceptedFlows(value: unknown, where = 'acceptedFlows'): { accepted: AcceptedFlow[]; problems: string[] } {
  const accepted: AcceptedFlow[] = [];
  const problems: string[] = [];
  if (value === undefined) return { accepted, problems };
  if (!Array.isArray(value)) return { accepted, problems: [`"${where}" must be an array`] };
  value.forEach((entry, i) => {
    const at = `"${where}[${i}]"`;
    if (!isObject(entry)) return problems.push(`${at} must be an object with servers and reason`);
    if (!isStringArray(entry.servers) || entry.servers.length === 0) return problems.push(`${at}: "servers" must be a non-empty array of server names`);
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '') return problems.push(`${at}: "reason" is required, so the decision is recorded`);
    const flow: AcceptedFlow = { servers: entry.servers, reason: entry.reason };
    if (entry.kinds !== undefined) {
      if (!isStringArray(entry.kinds) || !entry.kinds.every((k) => (FLOW_KINDS as readonly string[]).includes(k)))
        return problems.push(`${at}: "kinds" must list ${FLOW_KINDS.join(' and/or ')}`);
      flow.kinds = entry.kinds as FlowKind[];
    }
    accepted.push(flow);
  });
  return { accepted, problems };
}

/** Validates the `flows` block of the settings (`.mcp-warden.json`, VS Code settings). */
export function readFlowSettings(value: unknown): { options: FlowOptions; problems: string[] } {
  const options: FlowOptions = { ...DEFAULT_FLOW_OPTIONS, kinds: [...DEFAULT_FLOW_OPTIONS.kinds], acceptedFlows: [] };
  if (value === undefined) return { options, problems: [] };
  if (!isObject(value)) return { options, problems: ['"flows" must be an object'] };
  const problems: string[] = [];
  if (value.kinds !== undefined) {
    if (isStringArray(value.kinds) && value.kinds.every((k) => (FLOW_KINDS as readonly string[]).includes(k))) options.kinds = value.kinds as FlowKind[];
    else problems.push(`"flows.kinds" must list ${FLOW_KINDS.join(' and/or ')}`);
  }
  if (value.builtinTools !== undefined) {
    if (typeof value.builtinTools === 'boolean') options.builtinTools = value.builtinTools;
    else problems.push('"flows.builtinTools" must be true or false');
  }
  if (value.minConfidence !== undefined) {
    if (typeof value.minConfidence === 'number' && value.minConfidence > 0 && value.minConfidence <= 1) options.minConfidence = value.minConfidence;
    else problems.push('"flows.minConfidence" must be a number in (0, 1]');
  }
  const accepted = readAcceptedFlows(value.acceptedFlows, 'flows.acceptedFlows');
  options.acceptedFlows = accepted.accepted;
  return { options, problems: [...problems, ...accepted.problems] };
}

/**
 * The options for one lint run: `settings.flows` (read defensively until WardenSettings has the
 * field, see readFlowSettings) plus the policy's `acceptedFlows`, validated again here because an
 * accepted flow without a reason must not silence anything.
 */
export function flowOptionsFor(project: Project, settings: unknown): FlowOptions {
  const options = readFlowSettings(isObject(settings) ? settings.flows : undefined).options;
  if (project.policy) options.acceptedFlows.push(...readAcceptedFlows(project.policy.acceptedFlows).accepted);
  return options;
}

/** Live snapshots a host attached to the project (`project.liveSnapshots`, keyed by `serverKey`), if any. */
export function liveSnapshotsOf(project: Project): ReadonlyMap<string, ServerSnapshot> | undefined {
  const live = (project as { liveSnapshots?: unknown }).liveSnapshots;
  return live instanceof Map ? (live as ReadonlyMap<string, ServerSnapshot>) : undefined;
}

export function acceptedNameMatches(pattern: string, name: string): boolean {
  return pattern === name || minimatch(name, pattern, { nocase: false, dot: true });
}
