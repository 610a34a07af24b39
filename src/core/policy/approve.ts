import { parseTree, type ParseError } from 'jsonc-parser';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import type { Approval } from './evaluate';
import { identityOf } from './identity';
import { inlineJson, jsonAddProperty, jsonAppend } from './jsonEdit';
import { POLICY_SCHEMA_VERSION } from './model';

/** A policy entry (as written to the file) that approves this server by what it runs. */
export interface PolicyEntryJson {
  name: string;
  package?: string;
  image?: string;
  url?: string;
  command?: string;
  reason?: string;
}

/**
 * The entry that approves a server: its name plus the package, image, URL (without query string,
 * which may hold a token) or, failing those, its command line.
 */
export function policyEntryFor(server: ServerEntry): PolicyEntryJson {
  const id = identityOf(server);
  const entry: PolicyEntryJson = { name: server.name };
  const pkg = id.packages[0];
  if (pkg) entry.package = pkg.name;
  else if (id.images[0]) entry.image = id.images[0].name;
  else if (id.url !== undefined) entry.url = id.url.replace(/[?#].*$/, '');
  else if (id.commandLine !== undefined) entry.command = id.commandLine;
  return entry;
}

/**
 * Whether adding an allow entry would approve a server the policy now rejects: yes when it is not
 * listed or listed for other versions; never when a deny entry matches (deny wins over any allow).
 */
export function approvalCanHelp(approval: Approval): boolean {
  return approval.state === 'unlisted' || approval.state === 'version-not-allowed';
}

/**
 * Edits that add an allow entry for `server` to a policy's text, keeping its comments and format.
 * An empty text becomes a new policy. Throws when the text is not a readable policy object.
 */
export function approveEdit(policyText: string, server: ServerEntry): TextEdit[] {
  if (policyText.trim() === '') return [{ offset: 0, length: policyText.length, newText: createPolicyFromServers([server]) }];
  const errors: ParseError[] = [];
  const root = parseTree(policyText, errors, { allowTrailingComma: true });
  if (!root || root.type !== 'object' || errors.length > 0) throw new Error('The policy file is not valid JSON; fix it before approving servers.');
  const entry = policyEntryFor(server);
  const allow = root.children?.find((p) => p.children?.[0]?.value === 'allow')?.children?.[1];
  if (!allow) return jsonAddProperty(policyText, root, 'allow', [entry]);
  if (allow.type !== 'array') throw new Error('"allow" in the policy file is not a list.');
  return jsonAppend(policyText, allow, inlineJson(entry));
}

/** A policy that approves every given server as it is configured now (duplicates merged). */
export function createPolicyFromServers(servers: readonly ServerEntry[]): string {
  const seen = new Set<string>();
  const allow: PolicyEntryJson[] = [];
  for (const server of servers) {
    const entry = policyEntryFor(server);
    const key = JSON.stringify(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    allow.push(entry);
  }
  allow.sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify({ version: POLICY_SCHEMA_VERSION, allow, deny: [], acceptedFlows: [] }, null, 2) + '\n';
}
