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
  /** Every counted tool per capability of the kind, best first. */
  providers: Map<Capability, FlowLeg[]>;
  /** Accepted flows that silenced some paths of this session. */
  acceptedBy: AcceptedFlow[];
}

/** Upper bound on the server combinations examined per flow kind (each is a few comparisons). */
export const MAX_COMBINATIONS = 200_000;

/** The tools of a server that count for a capability, best first. */
export function toolsWith(server: SessionServer, capability: Capability, minConfidence: number): FlowLeg[] {
  const legs: FlowLeg[] = [];
  for (const tool of server.tools) {
    const label = labelOf(tool, capability);
    if (label && label.confidence >= minConfidence) legs.push({ capability, server, tool, confidence: label.confidence });
  }
  return legs.sort((a, b) => b.confidence - a.confidence);
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

/** Toxic combinations in one session, for the kinds asked for. */
export function findToxicFlows(session: Session, options: FlowOptions): ToxicFlow[] {
  const flows: ToxicFlow[] = [];
  const servers = session.servers.filter((s) => options.builtinTools || s.origin !== 'builtin');
  for (const kind of options.kinds) {
    const legs = FLOW_LEGS[kind];
    const byServer = new Map<Capability, Map<SessionServer, FlowLeg[]>>();
    const providers = new Map<Capability, FlowLeg[]>();
    for (const capability of legs) {
      const perServer = new Map<SessionServer, FlowLeg[]>();
      for (const server of servers) {
        const found = toolsWith(server, capability, options.minConfidence);
        if (found.length > 0) perServer.set(server, found);
      }
      byServer.set(capability, perServer);
      providers.set(capability, [...perServer.values()].flat().sort((a, b) => b.confidence - a.confidence));
    }
    if (legs.some((c) => byServer.get(c)!.size === 0)) continue;
    const flow = examine(session, kind, legs, byServer, options.acceptedFlows);
    if (flow) flows.push({ ...flow, providers });
  }
  return flows;
}

function examine(session: Session, kind: FlowKind, legs: readonly Capability[], byServer: Map<Capability, Map<SessionServer, FlowLeg[]>>, accepted: readonly AcceptedFlow[]): Omit<ToxicFlow, 'providers'> | undefined {
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
