import type { Project } from '../engine/project';
import { analyseProject, flowSurvivesEdit } from '../flows/analysis';
import { flowMessage, roleOf } from '../flows/describe';
import { FLOW_LEGS, toolsWith, type ToxicFlow } from '../flows/flows';
import { flowOptionsFor, type FlowOptions } from '../flows/options';
import { disableRemedy, restrictRemedy, type Remedy } from '../flows/remedies';
import type { SessionServer } from '../flows/sessions';
import type { ConfigFile } from '../model/configFile';
import { nodeRange } from '../model/docNode';
import type { Fix } from '../model/finding';
import type { RelatedReport, Rule } from './rule';

/**
 * One session (the servers a client loads together) that gives the model untrusted content plus
 * private data plus an outbound channel (data leak), or untrusted content plus destructive tools.
 * Reported on each server of the flow in the file being linted, pointing at the others.
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
    const seen = new Set<string>();
    for (const flow of flows) {
      for (const server of flow.servers) {
        if (server.file !== file || !server.entry) continue;
        const key = `${server.key}\u0000${flow.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const guessed = flow.examples.get(server)!.some((leg) => leg.tool.guessed);
        context.report({
          server: server.entry,
          node: server.entry.nameNode,
          message: flowMessage(flow, server),
          related: relatedServers(flow, server),
          fixes: verifiedFixes(context.project, file, flow, server, options),
          ...(guessed ? { severity: 'info' as const } : {}),
        });
      }
    }
  },
};

/** The other servers of the flow as related locations; the first few where hundreds take part. */
function relatedServers(flow: ToxicFlow, server: SessionServer): RelatedReport[] {
  const out: RelatedReport[] = [];
  for (const s of flow.servers) {
    if (out.length === MAX_RELATED) break;
    if (s !== server && s.entry && s.file) out.push({ file: s.file, range: nodeRange(s.entry.nameNode), message: roleOf(flow, s) });
  }
  return out;
}

const MAX_RELATED = 20;

/** Remedies for this server that really end this flow through it once applied. */
function verifiedFixes(project: Project, file: ConfigFile, flow: ToxicFlow, server: SessionServer, options: FlowOptions): Fix[] {
  const entry = server.entry!;
  const candidates: Remedy[] = [];
  for (const capability of FLOW_LEGS[flow.kind]) {
    if (toolsWith(server, capability, options.minConfidence).length === 0) continue;
    const remedy = restrictRemedy(file, server, capability, options.minConfidence);
    if (remedy) candidates.push(remedy);
  }
  const disable = disableRemedy(file, entry);
  if (disable) candidates.push(disable);
  return candidates
    .filter((r) => !flowSurvivesEdit(project, file, r.edits, entry, flow.kind, options))
    .map((r, i) => ({ title: r.title, edits: r.edits, ...(i === 0 ? { preferred: true } : {}) }));
}
