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
  legsByServer: Map<Capability, ServerLegs>;
  /** Accepted flows that silenced some paths of this session. */
  acceptedBy: AcceptedFlow[];
}

/** Upper bound on the server combinations examined per flow kind (each is a few comparisons). */
export const MAX_COMBINATIONS = 200_000;

/** One counted tool of a server for one capability, before it is placed on a path. */
export interface RankedTool {
  tool: ToolClassification;
  confidence: number;
}

const ranked = new WeakMap<readonly ToolClassification[], Map<Capability, Map<number, readonly RankedTool[]>>>();

/** The tools of a list that count for a capability, best first (tool lists are shared and immutable, so this is memoized). */
function rankedTools(tools: readonly ToolClassification[], capability: Capability, minConfidence: number): readonly RankedTool[] {
  if (tools.length === 0) return NONE;
  let byCapability = ranked.get(tools);
  if (!byCapability) ranked.set(tools, (byCapability = new Map()));
  let byConfidence = byCapability.get(capability);
  if (!byConfidence) byCapability.set(capability, (byConfidence = new Map()));
  let found = byConfidence.get(minConfidence);
  if (!found) {
    const list: RankedTool[] = [];
    for (const tool of tools) {
      const label = labelOf(tool, capability);
      if (label && label.confidence >= minConfidence) list.push({ tool, confidence: label.confidence });
    }
    list.sort((a, b) => b.confidence - a.confidence);
    byConfidence.set(minConfidence, (found = list.length > 0 ? list : NONE));
  }
  return found;
}

const NONE: readonly RankedTool[] = [];

/** The tools of a server that count for a capability, best first. */
export function toolsWith(server: SessionServer, capability: Capability, minConfidence: number): FlowLeg[] {
  return rankedTools(server.tools, capability, minConfidence).map((f) => ({ capability, server, tool: f.tool, confidence: f.confidence }));
}

/**
 * The servers that provide one capability, with their counted tools. The legs of a server are made
 * when first read: in a flow of hundreds of servers only the few on a reported path are.
 */
export class ServerLegs implements ReadonlyMap<SessionServer, FlowLeg[]> {
  private readonly ranked = new Map<SessionServer, readonly RankedTool[]>();
  private readonly made = new Map<SessionServer, FlowLeg[]>();

  constructor(readonly capability: Capability) {}

  add(server: SessionServer, tools: readonly RankedTool[]): void {
    this.ranked.set(server, tools);
  }

  get size(): number {
    return this.ranked.size;
  }

  has(server: SessionServer): boolean {
    return this.ranked.has(server);
  }

  get(server: SessionServer): FlowLeg[] | undefined {
    let legs = this.made.get(server);
    if (legs) return legs;
    const tools = this.ranked.get(server);
    if (!tools) return undefined;
    const capability = this.capability;
    legs = tools.map((t) => ({ capability, server, tool: t.tool, confidence: t.confidence }));
    this.made.set(server, legs);
    return legs;
  }

  /** The server's counted tools without making legs of them. */
  rankedOf(server: SessionServer): readonly RankedTool[] | undefined {
    return this.ranked.get(server);
  }

  keys(): MapIterator<SessionServer> {
    return this.ranked.keys();
  }

  *values(): MapIterator<FlowLeg[]> {
    for (const server of this.ranked.keys()) yield this.get(server)!;
  }

  *entries(): MapIterator<[SessionServer, FlowLeg[]]> {
    for (const server of this.ranked.keys()) yield [server, this.get(server)!];
  }

  [Symbol.iterator](): MapIterator<[SessionServer, FlowLeg[]]> {
    return this.entries();
  }

  forEach(callback: (value: FlowLeg[], key: SessionServer, map: ReadonlyMap<SessionServer, FlowLeg[]>) => void): void {
    for (const [server, legs] of this.entries()) callback(legs, server, this);
  }
}

function covers(accepted: AcceptedFlow, kind: FlowKind, servers: readonly SessionServer[]): boolean {
  if (accepted.kinds && !accepted.kinds.includes(kind)) return false;
  return servers.every((s) => s.origin === 'builtin' || accepted.servers.some((p) => acceptedNameMatches(p, s.name)));
}

/** One path through the chosen servers, using a different tool for each leg where the server has one. */
function pathThrough(choice: readonly SessionServer[], legs: readonly Capability[], byServer: Map<Capability, ServerLegs>): FlowLeg[] {
  // Sized once: paths are kept for every server of a flow, and a list grown by push reserves room it never uses.
  const path: FlowLeg[] = new Array<FlowLeg>(legs.length);
  for (let i = 0; i < legs.length; i++) {
    const capability = legs[i]!;
    const server = choice[i]!;
    const options = byServer.get(capability)!.rankedOf(server)!;
    let pick = options[0]!;
    for (let k = 0; k < options.length; k++) {
      if (!onPath(path, i, options[k]!.tool)) {
        pick = options[k]!;
        break;
      }
    }
    path[i] = { capability, server, tool: pick.tool, confidence: pick.confidence };
  }
  return path;
}

/** Whether one of the first `count` legs of a path uses `tool`. */
function onPath(path: readonly FlowLeg[], count: number, tool: ToolClassification): boolean {
  for (let i = 0; i < count; i++) if (path[i]!.tool === tool) return true;
  return false;
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
    const byServer = new Map<Capability, ServerLegs>();
    for (const capability of legs) {
      const perServer = new ServerLegs(capability);
      for (const server of servers) {
        const found = rankedTools(server.tools, capability, options.minConfidence);
        if (found.length > 0) perServer.add(server, found);
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
  byServer: Map<Capability, ServerLegs>,
): Omit<ToxicFlow, 'providers' | 'legsByServer'> | undefined {
  const providers = new Set(legs.flatMap((c) => [...byServer.get(c)!.keys()]));
  if ([...providers].every((s) => s.origin === 'builtin')) return undefined;
  const involved = session.servers.filter((s) => providers.has(s));
  const examples = new Map<SessionServer, FlowLeg[]>();
  // Providers of each leg ranked once (stable); the best for a path is among the first legs.length, since at most legs.length − 1 are already on it.
  const ranked = new Map(legs.map((c) => [c, bestProviders(byServer.get(c)!, legs.length)]));
  // One scratch list for every server's choice: a path keeps its legs, not the choice.
  const choice: SessionServer[] = [];
  for (const server of involved) {
    choice.length = 0;
    for (const capability of legs) {
      if (byServer.get(capability)!.has(server)) {
        choice.push(server);
        continue;
      }
      // The first of the highest rank, as a stable sort would put first.
      let best: SessionServer | undefined;
      let bestScore = -Infinity;
      for (const [candidate, tools] of ranked.get(capability)!) {
        const score = rank(candidate, tools, choice);
        if (best !== undefined && score <= bestScore) continue;
        best = candidate;
        bestScore = score;
      }
      choice.push(best!);
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
function rank(server: SessionServer, legs: readonly { confidence: number }[], chosen: readonly SessionServer[]): number {
  return legs[0]!.confidence - (server.origin === 'builtin' ? 0.01 : 0) + (chosen.includes(server) ? 0 : 0.001);
}

/** The first `count` providers of a leg as a stable sort by `rank` would order them, in one pass. */
function bestProviders(perServer: ServerLegs, count: number): [SessionServer, readonly RankedTool[]][] {
  const top: { server: SessionServer; score: number }[] = [];
  for (const server of perServer.keys()) {
    const score = rank(server, perServer.rankedOf(server)!, []);
    let at = top.length;
    while (at > 0 && top[at - 1]!.score < score) at--;
    if (at >= count) continue;
    top.splice(at, 0, { server, score });
    if (top.length > count) top.pop();
  }
  return top.map(({ server }) => [server, perServer.rankedOf(server)!]);
}

function examine(
  session: Session,
  kind: FlowKind,
  legs: readonly Capability[],
  byServer: Map<Capability, ServerLegs>,
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
