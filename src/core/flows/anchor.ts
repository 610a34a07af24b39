import { FLOW_LEGS, type FlowLeg, type ToxicFlow } from './flows';
import type { SessionServer } from './sessions';
import { labelOf, type Capability } from './types';

/** Where the one finding of a flow sits, and the path it names. */
export interface FlowAnchor {
  /** The server that brings in the untrusted content on the path (it holds every leg when one server does). */
  server: SessionServer;
  /** The path the message names: one leg per capability of the kind. */
  path: FlowLeg[];
  /** The path rests on a guess from a server's name. */
  guessed: boolean;
}

const anchors = new WeakMap<ToxicFlow, FlowAnchor | undefined>();

/**
 * The flow's main path — firm evidence before guesses, then the most confident, then the fewest
 * servers (one server holding every leg first) — and the MCP server it is anchored on.
 */
export function anchorOf(flow: ToxicFlow): FlowAnchor | undefined {
  if (anchors.has(flow)) return anchors.get(flow);
  let best: { path: FlowLeg[]; score: number[] } | undefined;
  const score = [0, 0, 0, 0];
  flow.servers.forEach((server, order) => {
    const path = flow.examples.get(server);
    if (!path) return;
    let firm = 1;
    let confidence = Infinity;
    let servers = 0;
    for (let i = 0; i < path.length; i++) {
      const l = path[i]!;
      if (l.tool.guessed) firm = 0;
      confidence = Math.min(confidence, l.confidence);
      let seen = false;
      for (let j = 0; j < i; j++) seen ||= path[j]!.server === l.server;
      if (!seen) servers++;
    }
    score[0] = firm;
    score[1] = confidence;
    score[2] = -servers;
    score[3] = -order;
    if (!best || better(score, best.score)) best = { path, score: [...score] };
  });
  let anchor: FlowAnchor | undefined;
  if (best) {
    const path = best.path;
    const source = path.find((l) => l.capability === 'untrusted-content')!;
    const server = source.server.origin !== 'builtin' ? source.server : path.find((l) => l.server.origin !== 'builtin')?.server;
    if (server?.entry && server.file) anchor = { server, path, guessed: path.some((l) => l.tool.guessed) };
  }
  anchors.set(flow, anchor);
  return anchor;
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Where a leg's role comes from, strongest first: our catalog, a live or recorded listing, the server's annotations, its schema, a guess from its name. */
export type LegEvidence = 'catalog' | 'listing' | 'annotations' | 'schema' | 'name';

/** One server's part in a flow, for the JSON output. */
export interface FlowLegReport {
  role: Capability;
  server: string;
  tools: string[];
  evidence: LegEvidence;
}

export interface FlowReport {
  kind: ToxicFlow['kind'];
  session: string;
  legs: FlowLegReport[];
}

export function legEvidence(leg: FlowLeg): LegEvidence {
  const { server, tool, capability } = leg;
  if (server.origin === 'guess' || tool.guessed) return 'name';
  if (server.origin === 'catalog' || server.origin === 'builtin') return 'catalog';
  const strongest = labelOf(tool, capability)?.evidence.find((e) => !e.against);
  if (strongest?.source === 'catalog') return 'catalog';
  if (strongest?.source === 'annotation') return 'annotations';
  if (strongest?.source === 'schema') return 'schema';
  return 'listing';
}

/** The flow as data: every server of it, per capability, with its tools and the strongest evidence. */
export function flowReport(flow: ToxicFlow): FlowReport {
  const involved = new Set(flow.servers);
  const legs: FlowLegReport[] = [];
  for (const capability of FLOW_LEGS[flow.kind]) {
    const byServer = new Map<SessionServer, FlowLeg[]>();
    for (const leg of flow.providers.get(capability) ?? []) {
      if (!involved.has(leg.server)) continue;
      const list = byServer.get(leg.server);
      if (list) list.push(leg);
      else byServer.set(leg.server, [leg]);
    }
    for (const [server, mine] of byServer) {
      legs.push({ role: capability, server: server.name, tools: [...new Set(mine.map((l) => l.tool.tool))], evidence: legEvidence(mine[0]!) });
    }
  }
  return { kind: flow.kind, session: flow.session.id, legs };
}
