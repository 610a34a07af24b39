import type { ConfigFile } from '../model/configFile';
import type { Fix } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { policyEntryFor } from '../policy/approve';
import { evaluatePolicy, type Approval } from '../policy/evaluate';
import { disableServerEdit, removeServerEdit } from '../policy/serverEdits';
import type { Rule } from './rule';
import { disabledBy } from '../config/disabledBy';

/** `Finding.data` of `unapproved-server`: the policy's verdict, for the editor's "Approve" action. */
export interface UnapprovedServerData {
  kind: 'unapproved-server';
  policy: string;
  approval: Approval;
}

function what(server: ServerEntry): string {
  const e = policyEntryFor(server);
  if (e.package) return ` (package ${e.package})`;
  if (e.image) return ` (image ${e.image})`;
  if (e.url) return ` (${e.url})`;
  return '';
}

function message(server: ServerEntry, approval: Approval, source: string): string | undefined {
  switch (approval.state) {
    case 'denied':
      return `Server "${server.name}"${what(server)} is denied by ${source} (deny entry ${approval.entry + 1}${approval.reason ? `: ${approval.reason}` : ''}).`;
    case 'unlisted':
      return `Server "${server.name}"${what(server)} is not on the approved list in ${source}: nobody has reviewed what it runs.`;
    case 'version-not-allowed':
      return approval.version === undefined
        ? `Server "${server.name}"${what(server)} runs no exact version, but ${source} approves it only for versions "${approval.allowed}": pin one of those.`
        : `Server "${server.name}" runs version ${approval.version}, but ${source} approves it only for versions "${approval.allowed}".`;
    default:
      return undefined;
  }
}

function fixesFor(file: ConfigFile, server: ServerEntry): Fix[] {
  const fixes: Fix[] = [];
  const disable = disableServerEdit(file, server);
  if (disable) fixes.push({ title: `Disable server "${server.name}"`, edits: disable, preferred: true });
  const remove = removeServerEdit(file, server);
  if (remove) fixes.push({ title: `Remove server "${server.name}"`, edits: remove, removes: [server.name], ...(disable ? {} : { preferred: true }) });
  return fixes;
}

/**
 * A server the team's policy does not approve: on no allow entry, on one but at another version, or
 * named by a deny entry (deny wins). Silent when no policy is in effect.
 */
export const unapprovedServer: Rule = {
  meta: {
    id: 'unapproved-server',
    category: 'supply-chain',
    defaultSeverity: 'warning',
    description: 'A server is not on the approved list of the MCP policy, or the policy denies it.',
    hasSuggestions: true,
  },
  check(file, context) {
    const policy = context.project.policy;
    if (!policy) return;
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      const approval = evaluatePolicy(policy, server);
      const text = message(server, approval, policy.source);
      if (!text) continue;
      const data: UnapprovedServerData = { kind: 'unapproved-server', policy: policy.source, approval };
      context.report({
        server,
        node: server.nameNode,
        message: text,
        fixes: fixesFor(file, server),
        data,
        ...(approval.state === 'denied' ? { severity: 'error' as const } : {}),
      });
    }
  },
};
