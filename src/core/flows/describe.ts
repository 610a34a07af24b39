import type { FlowLeg, ToxicFlow } from './flows';
import type { SessionServer } from './sessions';
import { CAPABILITY_WORDS, type Capability } from './types';

/** `read_file` (filesystem), or "the tools of `x`" for a guessed server. */
export function toolRef(leg: FlowLeg): string {
  if (leg.tool.guessed) return `the tools of \`${leg.server.name}\` (guessed from its name)`;
  return `\`${leg.tool.tool}\` (${leg.server.name})`;
}

function legFor(path: readonly FlowLeg[], capability: Capability): FlowLeg {
  return path.find((l) => l.capability === capability)!;
}

/** The path in words: what comes in, what it can reach, how it leaves. */
export function describePath(kind: ToxicFlow['kind'], path: readonly FlowLeg[]): string {
  const source = legFor(path, 'untrusted-content');
  if (path.every((l) => l.tool === source.tool)) return singleTool(kind, source);
  const origin = source.tool.guessed ? `content brought in by ${toolRef(source)}` : `${source.tool.content ?? 'untrusted content'} read by ${toolRef(source)}`;
  if (kind === 'data-leak') {
    return `${origin} can instruct ${toolRef(legFor(path, 'private-data'))} and leave through ${toolRef(legFor(path, 'outbound'))}`;
  }
  return `${origin} can instruct ${toolRef(legFor(path, 'destructive'))} to change or delete things`;
}

/** One tool (or one guessed server) holds every leg. */
function singleTool(kind: ToxicFlow['kind'], leg: FlowLeg): string {
  const what = kind === 'data-leak' ? 'bring in untrusted content, reach private data and send it out' : 'bring in untrusted content and change or delete things';
  return `${toolRef(leg)} can ${what} on its own`;
}

const KIND_TITLES: Record<ToxicFlow['kind'], string> = {
  'data-leak': 'Toxic flow (data leak)',
  destructive: 'Toxic flow (destructive)',
};

const KIND_WHY: Record<ToxicFlow['kind'], string> = {
  'data-leak': 'untrusted content, private data and an outbound channel in one session let a prompt injection steal data',
  destructive: 'untrusted content next to destructive tools lets a prompt injection do damage',
};

/** The finding's message for one server of the flow. */
export function flowMessage(flow: ToxicFlow, server: SessionServer): string {
  const path = flow.examples.get(server)!;
  const where = flow.session.root ? ` for ${flow.session.root.split('/').pop() || flow.session.root}` : '';
  const sentence = describePath(flow.kind, path);
  // Distinct names: servers of the same name from several files of one session are named once.
  const names = new Set<string>();
  for (const s of flow.servers) if (s !== server && s.name !== server.name) names.add(s.name);
  const others = [...names].slice(0, MAX_NAMED_SERVERS);
  const count = names.size;
  const named = others.join(', ') + (count > others.length ? ` and ${count - others.length} more` : '');
  const also = count > 0 ? ` Also in this flow: ${named}.` : '';
  return `${KIND_TITLES[flow.kind]} in ${flow.session.clientName}${where}: ${sentence[0]!.toUpperCase()}${sentence.slice(1)}. ${upperFirst(KIND_WHY[flow.kind])}.${also} Disable or restrict one of them, split them into separate configs, or accept the flow in the policy.`;
}

function upperFirst(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** What a server contributes to a flow, for related information. */
export function roleOf(flow: ToxicFlow, server: SessionServer): string {
  let roles = ROLES.get(flow);
  if (!roles) {
    roles = rolesOf(flow);
    ROLES.set(flow, roles);
  }
  return roles.get(server) ?? `${server.name}: `;
}

/** Servers named in a message; a flow through hundreds of servers names the first ones and a count. */
export const MAX_NAMED_SERVERS = 10;

const ROLES = new WeakMap<ToxicFlow, Map<SessionServer, string>>();

/** Every server's role in one pass over the flow's legs (linear, however many servers take part). */
function rolesOf(flow: ToxicFlow): Map<SessionServer, string> {
  const parts = new Map<SessionServer, string[]>();
  for (const [capability, legs] of flow.providers) {
    const byServer = new Map<SessionServer, FlowLeg[]>();
    for (const leg of legs) {
      const list = byServer.get(leg.server) ?? [];
      list.push(leg);
      byServer.set(leg.server, list);
    }
    for (const [server, mine] of byServer) {
      const names = mine.slice(0, 3).map((l) => (l.tool.guessed ? 'its tools (guessed)' : `\`${l.tool.tool}\``));
      const more = mine.length > 3 ? ` +${mine.length - 3} more` : '';
      const list = parts.get(server) ?? [];
      list.push(`${CAPABILITY_WORDS[capability]} through ${names.join(', ')}${more}`);
      parts.set(server, list);
    }
  }
  return new Map([...parts].map(([server, p]) => [server, `${server.name}: ${p.join('; ')}`]));
}
