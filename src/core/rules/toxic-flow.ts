import type { Project } from '../engine/project';
import { anchorOf, flowReport, type FlowReport } from '../flows/anchor';
import { analyseProject, flowSurvivesEdit } from '../flows/analysis';
import { roleOf, shortFlowMessage } from '../flows/describe';
import { FLOW_LEGS, toolsWith, type ToxicFlow } from '../flows/flows';
import { flowOptionsFor, type FlowOptions } from '../flows/options';
import { disableRemedy, restrictRemedy, type Remedy } from '../flows/remedies';
import type { SessionServer } from '../flows/sessions';
import { CAPABILITIES } from '../flows/types';
import { nodeRange } from '../model/docNode';
import type { Fix } from '../model/finding';
import type { RelatedReport, Rule } from './rule';

/**
 * One session (the servers a client loads together) that gives the model untrusted content plus
 * private data plus an outbound channel (data leak), or untrusted content plus destructive tools.
 * One finding per flow, on the server that brings the untrusted content in; the other servers of
 * the flow are related information, and each one's fixes are offered from that finding.
 */
export const toxicFlow: Rule = {
  meta: {
    id: 'toxic-flow',
    category: 'flow',
    defaultSeverity: 'warning',
    description: 'A session mixes untrusted content with private data and an outbound channel, or with destructive tools.',
    hasSuggestions: true,
  },
  check(file, context) {
    if (file.servers.length === 0) return;
    const options = flowOptionsFor(context.project, context.settings);
    const { flows } = analyseProject(context.project, options);
    for (const flow of flows) {
      const anchor = anchorOf(flow);
      if (!anchor || anchor.server.file !== file) continue;
      context.report({
        server: anchor.server.entry!,
        node: anchor.server.entry!.nameNode,
        message: shortFlowMessage(flow, anchor.path),
        related: relatedServers(flow, anchor.server),
        fixes: () => flowFixes(context.project, flow, anchor.server, options),
        data: lazyFlowData(flow),
        ...(anchor.guessed ? { severity: 'info' as const } : {}),
      });
    }
  },
};

/** `{ flow }` for the JSON output, built on first read: a flow of hundreds of servers lists every one of them. */
function lazyFlowData(flow: ToxicFlow): { flow: FlowReport } {
  let report: FlowReport | undefined;
  return Object.defineProperty({} as { flow: FlowReport }, 'flow', { enumerable: true, get: () => (report ??= flowReport(flow)) });
}

/** The other servers of the flow, by the first leg they provide; the first few where hundreds take part. */
function relatedServers(flow: ToxicFlow, anchor: SessionServer): RelatedReport[] {
  const out: RelatedReport[] = [];
  for (const s of byFirstLeg(flow)) {
    if (out.length === MAX_RELATED) break;
    if (s !== anchor && s.entry && s.file) out.push({ file: s.file, range: nodeRange(s.entry.nameNode), message: roleOf(flow, s) });
  }
  return out;
}

const MAX_RELATED = 20;

const orderedByFirstLeg = new WeakMap<ToxicFlow, SessionServer[]>();

/** The flow's servers by the first capability (in `CAPABILITIES` order) their own example path gives them, then in flow order. */
function byFirstLeg(flow: ToxicFlow): SessionServer[] {
  const known = orderedByFirstLeg.get(flow);
  if (known) return known;
  const buckets: SessionServer[][] = CAPABILITIES.map(() => []);
  const none: SessionServer[] = [];
  for (const s of flow.servers) {
    let first: number = CAPABILITIES.length;
    for (const l of flow.examples.get(s)!) if (l.server === s) first = Math.min(first, CAPABILITIES.indexOf(l.capability));
    (first < CAPABILITIES.length ? buckets[first]! : none).push(s);
  }
  const ordered = [...buckets.flat(), ...none];
  orderedByFirstLeg.set(flow, ordered);
  return ordered;
}

/**
 * Remedies for every server of the flow (the anchor first), each kept only when, applied, it takes
 * its server out of the flow. Computed when a fix is asked for: each check rebuilds the sessions.
 */
function flowFixes(project: Project, flow: ToxicFlow, anchor: SessionServer, options: FlowOptions): Fix[] {
  const servers = [anchor, ...byFirstLeg(flow).filter((s) => s !== anchor)].filter((s) => s.entry && s.file).slice(0, MAX_RELATED);
  const fixes: Fix[] = [];
  for (const server of servers) {
    const file = server.file!;
    const entry = server.entry!;
    const candidates: Remedy[] = [];
    for (const capability of FLOW_LEGS[flow.kind]) {
      if (toolsWith(server, capability, options.minConfidence).length === 0) continue;
      const remedy = restrictRemedy(file, server, capability, options.minConfidence);
      if (remedy) candidates.push(remedy);
    }
    const disable = disableRemedy(file, entry);
    if (disable) candidates.push(disable);
    for (const r of candidates) {
      if (flowSurvivesEdit(project, file, r.edits, entry, flow.kind, options)) continue;
      const preferred = fixes.length === 0 ? { preferred: true } : {};
      fixes.push(file === anchor.file ? { title: r.title, edits: r.edits, ...preferred } : { title: r.title, edits: r.edits, file: file.path, ...preferred });
    }
  }
  return fixes;
}
