import { acceptedNameMatches, type AcceptedFlow, type FlowKind, type FlowOptions } from './options';
import type { Session, SessionServer } from './sessions';
import { labelOf, type Capability, type ToolClassification } from './types';

export const FLOW_LEGS: Record<FlowKind, readonly Capability[]> = {
  'data-leak': ['untrusted-content', 'private-data', 'outbound'],
  destructive: ['untrusted-content', 'destructive'],
};

export interface FlowLeg {
  capability: Capability;
  server: SessionServer;
  tool: ToolClassification;
  confidence: number;
}

export interface ToxicFlow {
  kind: FlowKind;
  session: Session;
  /** Servers on at least one path that no accepted flow covers. */
  servers: SessionServer[];
  /** For each of those servers, one path through it (one leg per capability of the kind). */
  examples: Map<SessionServer, FlowLeg[]>;
  /** Every counted tool per capability of the kind, best first (computed when first read). */
  providers: Map<Capability, FlowLeg[]>;
  /** The counted tools of each server per capability of the kind, best first. */
  legsByServer: Map<Capability, Map<SessionServer, FlowLeg[]>>;
  /** Accepted flows that silenced some paths of this session. */
  acceptedBy: AcceptedFlow[];
}

/** Upper bound on the server combinations examined per flow kind (each is a few comparisons). */
export const MAX_COMBINATIONS = 200_000;

const ranked = new WeakMap<readonly ToolClassification[], Map<string, { tool: ToolClassification; confidence: number }[]>>();

/** The tools of a server that count for a capability, best first (tool lists are shared and immutable, so this is memoized). */
export function toolsWith(server: SessionServer, capability: Capability, minConfidence: number): FlowLeg[] {
  if (server.tools.length === 0) return [];
  let byKey = ranked.get(server.tools);
  if (!byKey) ranked.set(server.tools, (byKey = new Map()));
  const key = `${capability}|${minConfidence}`;
  let found = byKey.get(key);
  if (!found) {
    found = [];
    for (const tool of server.tools) {
      const label = labelOf(tool, capability);
      if (label && label.confidence >= minConfidence) found.push({ tool, confidence: label.confidence });
    }
    found.sort((a, b) => b.confidence - a.confidence);
    byKey.set(key, found);
  }
  return found.map((f) => ({ capability, server, tool: f.tool, confidence: f.confidence }));
}

function covers(accepted: AcceptedFlow, kind: FlowKind, servers: readonly SessionServer[]): boolean {
  if (accepted.kinds && !accepted.kinds.includes(kind)) return false;
  return servers.every((s) => s.origin === 'builtin' || accepted.servers.some((p) => acceptedNameMatches(p, s.name)));
}

/** One path through the chosen servers, using a different tool for each leg where the server has one. */
function pathThrough(choice: readonly SessionServer[], legs: readonly Capability[], byServer: Map<Capability, Map<SessionServer, FlowLeg[]>>): FlowLeg[] {
  const used = new Set<ToolClassification>();
  return legs.map((capability, i) => {
    const options = byServer.get(capability)!.get(choice[i]!)!;
    const leg = options.find((o) => !used.has(o.tool)) ?? options[0]!;
    used.add(leg.tool);
    return leg;
  });
}

function provides(server: SessionServer, capability: Capability, minConfidence: number): boolean {
  return server.tools.some((t) => (labelOf(t, capability)?.confidence ?? 0) >= minConfidence);
}

/**
 * Whether a flow of `kind` runs through the server `target` picks: the cheap question a fix check
 * asks many times. Without accepted flows it needs no path, only which servers provide which legs.
 */
export function flowThrough(session: Session, kind: FlowKind, options: FlowOptions, target: (server: SessionServer) => boolean): boolean {
  const accepted = options.acceptedFlows.filter((a) => !a.kinds || a.kinds.includes(kind));
  if (accepted.length > 0) return findToxicFlows(session, { ...options, kinds: [kind] }).some((f) => f.servers.some(target));
  const servers = session.servers.filter((s) => options.builtinTools || s.origin !== 'builtin');
  const legs = FLOW_LEGS[kind];
  const providers = legs.map((c) => servers.filter((s) => provides(s, c, options.minConfidence)));
  if (providers.some((p) => p.length === 0)) return false;
  const all = providers.flat();
  return all.some((s) => s.origin !== 'builtin') && all.some(target);
}

/** Toxic combinations in one session, for the kinds asked for. */
export function findToxicFlows(session: Session, options: FlowOptions): ToxicFlow[] {
  const flows: ToxicFlow[] = [];
  const servers = session.servers.filter((s) => options.builtinTools || s.origin !== 'builtin');
  for (const kind of options.kinds) {
    const legs = FLOW_LEGS[kind];
    const byServer = new Map<Capability, Map<SessionServer, FlowLeg[]>>();
    for (const capability of legs) {
      const perServer = new Map<SessionServer, FlowLeg[]>();
      for (const server of servers) {
        const found = toolsWith(server, capability, options.minConfidence);
        if (found.length > 0) perServer.set(server, found);
      }
      byServer.set(capability, perServer);
    }
    if (legs.some((c) => byServer.get(c)!.size === 0)) continue;
    const accepted = options.acceptedFlows.filter((a) => !a.kinds || a.kinds.includes(kind));
    const flow = accepted.length === 0 ? direct(session, kind, legs, byServer) : examine(session, kind, legs, byServer, accepted);
    if (flow) flows.push(withProviders({ ...flow, legsByServer: byServer }));
  }
  return flows;
}

/** `providers` merged and ranked from `legsByServer` on first read (only the JSON output and related information need it). */
function withProviders(flow: Omit<ToxicFlow, 'providers'>): ToxicFlow {
  let providers: Map<Capability, FlowLeg[]> | undefined;
  const build = () =>
    new Map([...flow.legsByServer].map(([capability, perServer]) => [capability, [...perServer.values()].flat().sort((a, b) => b.confidence - a.confidence)]));
  return Object.defineProperty(flow, 'providers', { enumerable: true, configurable: true, get: () => (providers ??= build()) }) as ToxicFlow;
}

/**
 * Without accepted flows every combination counts, so every provider is on some path: each
 * server's example takes its own tools where it has them and the best other provider elsewhere.
 */
function direct(
  session: Session,
  kind: FlowKind,
  legs: readonly Capability[],
  byServer: Map<Capability, Map<SessionServer, FlowLeg[]>>,
): Omit<ToxicFlow, 'providers' | 'legsByServer'> | undefined {
  const providers = new Set(legs.flatMap((c) => [...byServer.get(c)!.keys()]));
  if ([...providers].every((s) => s.origin === 'builtin')) return undefined;
  const involved = session.servers.filter((s) => providers.has(s));
  const examples = new Map<SessionServer, FlowLeg[]>();
  // Providers of each leg ranked once (stable); the best for a path is among the first legs.length, since at most legs.length − 1 are already on it.
  const ranked = new Map(
    legs.map((c) => [c, [...byServer.get(c)!.entries()].sort(([a, la], [b, lb]) => rank(b, lb, []) - rank(a, la, [])).slice(0, legs.length)]),
  );
  for (const server of involved) {
    const choice: SessionServer[] = [];
    for (const capability of legs) {
      if (byServer.get(capability)!.has(server)) {
        choice.push(server);
        continue;
      }
      const best = [...ranked.get(capability)!].sort(([a, la], [b, lb]) => rank(b, lb, choice) - rank(a, la, choice));
      choice.push(best[0]![0]);
    }
    if (choice.every((s) => s.origin === 'builtin')) {
      const capability = legs.find((c) => [...byServer.get(c)!.keys()].some((s) => s.origin !== 'builtin'))!;
      const i = legs.indexOf(capability);
      choice[i] = [...byServer.get(capability)!.keys()].find((s) => s.origin !== 'builtin')!;
    }
    examples.set(server, pathThrough(choice, legs, byServer));
  }
  return { kind, session, servers: involved, examples, acceptedBy: [] };
}

/** Best provider for a leg: confident, an MCP server rather than a built-in, one not yet on the path. */
function rank(server: SessionServer, legs: FlowLeg[], chosen: readonly SessionServer[]): number {
  return legs[0]!.confidence - (server.origin === 'builtin' ? 0.01 : 0) + (chosen.includes(server) ? 0 : 0.001);
}

function examine(
  session: Session,
  kind: FlowKind,
  legs: readonly Capability[],
  byServer: Map<Capability, Map<SessionServer, FlowLeg[]>>,
  accepted: readonly AcceptedFlow[],
): Omit<ToxicFlow, 'providers' | 'legsByServer'> | undefined {
  const lists = legs.map((c) => [...byServer.get(c)!.keys()]);
  const examples = new Map<SessionServer, { path: FlowLeg[]; score: number }>();
  const acceptedBy = new Set<AcceptedFlow>();
  const choice: SessionServer[] = [];
  let budget = MAX_COMBINATIONS;
  const visit = (depth: number): void => {
    if (budget <= 0) return;
    if (depth === lists.length) {
      budget--;
      if (choice.every((s) => s.origin === 'builtin')) return;
      const acceptance = accepted.find((a) => covers(a, kind, choice));
      if (acceptance) return void acceptedBy.add(acceptance);
      const path = pathThrough(choice, legs, byServer);
      const distinct = new Set(choice).size;
      const score = Math.min(...path.map((l) => l.confidence)) + distinct * 0.001 - choice.filter((s) => s.origin === 'builtin').length * 0.01;
      for (const server of new Set(choice)) {
        const kept = examples.get(server);
        if (!kept || score > kept.score) examples.set(server, { path, score });
      }
      return;
    }
    for (const server of lists[depth]!) {
      choice.push(server);
      visit(depth + 1);
      choice.pop();
    }
  };
  visit(0);
  if (examples.size === 0) return undefined;
  const involved = session.servers.filter((s) => examples.has(s));
  return { kind, session, servers: involved, examples: new Map(involved.map((s) => [s, examples.get(s)!.path])), acceptedBy: [...acceptedBy] };
}
