import type { FlowLeg, ToxicFlow } from './flows';
import type { SessionServer } from './sessions';
import { CAPABILITY_WORDS, type Capability } from './types';
import { nounFor } from '../text/plural';

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
  const what =
    kind === 'data-leak' ? 'bring in untrusted content, reach private data and send it out' : 'bring in untrusted content and change or delete things';
  return `${toolRef(leg)} can ${what} on its own`;
}

const KIND_TITLES: Record<ToxicFlow['kind'], string> = {
  'data-leak': 'Toxic flow (data leak)',
  destructive: 'Toxic flow (destructive)',
};

function upperFirst(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Longest Problems-panel row a flow finding may take (details go to related information and the docs). */
export const MAX_FLOW_MESSAGE = 200;

/**
 * The one finding's message for a flow: its kind, the client, the path in words; the servers beyond
 * the path as a count (they are related information). Long tool and server names fall back to a
 * shorter form, so it never exceeds `MAX_FLOW_MESSAGE` characters.
 */
export function shortFlowMessage(flow: ToxicFlow, path: readonly FlowLeg[]): string {
  const head = `${KIND_TITLES[flow.kind]} in ${flow.session.clientName}: `;
  const onPath = new Set(path.map((l) => l.server));
  const more = flow.servers.filter((s) => !onPath.has(s)).length;
  // "On its own" and "+2 more servers" side by side read as a contradiction: the others add paths of their own.
  const alone = onPath.size === 1;
  const tail = more === 0 ? '' : alone ? ` (${more} more ${nounFor(more, 'server')} add to it)` : ` (+${more} more ${nounFor(more, 'server')})`;
  const full = `${head}${upperFirst(describePath(flow.kind, path))}.${tail}`;
  if (full.length <= MAX_FLOW_MESSAGE) return full;
  const servers = [...new Set(path.map((l) => l.server))];
  const source = legFor(path, 'untrusted-content');
  const shortForm = (longest: number) => {
    const name = (leg: FlowLeg) => `\`${clip(leg.server.name, longest)}\``;
    let rest: string;
    if (servers.length === 1) {
      rest = `${name(source)} can ${flow.kind === 'data-leak' ? 'bring in untrusted content, reach private data and send it out' : 'bring in untrusted content and change or delete things'} on its own`;
    } else if (flow.kind === 'data-leak') {
      rest = `untrusted content from ${name(source)} can reach private data in ${name(legFor(path, 'private-data'))} and leave through ${name(legFor(path, 'outbound'))}`;
    } else {
      rest = `untrusted content from ${name(source)} can drive the destructive tools of ${name(legFor(path, 'destructive'))}`;
    }
    return `${head}${upperFirst(rest)}.${tail}`;
  };
  // Server names are cut only as far as the limit needs: a cut name is hard to find in the file.
  const longestName = Math.max(...servers.map((s) => s.name.length));
  for (let longest = longestName; longest > MIN_NAME; longest--) {
    const message = shortForm(longest);
    if (message.length <= MAX_FLOW_MESSAGE) return message;
  }
  return clip(shortForm(MIN_NAME), MAX_FLOW_MESSAGE);
}

/** The shortest a server name is cut to in a flow message. */
const MIN_NAME = 20;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What a server contributes to a flow, for related information: its best tools per leg (from its own legs, however many servers take part). */
export function roleOf(flow: ToxicFlow, server: SessionServer): string {
  const parts: string[] = [];
  for (const [capability, perServer] of flow.legsByServer) {
    // The server's ranked tools, without making a leg of each (a server may count dozens).
    const mine = perServer.rankedOf(server);
    if (!mine) continue;
    const names = mine.slice(0, 3).map((l) => (l.tool.guessed ? 'its tools (guessed)' : `\`${l.tool.tool}\``));
    const more = mine.length > 3 ? ` +${mine.length - 3} more` : '';
    parts.push(`${CAPABILITY_WORDS[capability]} through ${names.join(', ')}${more}`);
  }
  return `${server.name}: ${parts.join('; ')}`;
}
