import { CLIENTS, type Scope } from '../config/clients';
import type { Project } from '../engine/project';
import { launchOf } from '../launch/parse';
import type { PinState } from '../launch/types';
import type { ConfigFile } from '../model/configFile';
import type { Finding, Severity } from '../model/finding';
import type { ServerEntry, Transport } from '../model/server';
import { evaluatePolicy } from '../policy/evaluate';
import { riskScore } from './risk';
import { disabledBy } from '../config/disabledBy';

export type PinColumn = PinState | 'local' | 'remote' | 'program';
export type ApprovalColumn = 'approved' | 'not-denied' | 'denied' | 'unlisted' | 'version-not-allowed' | 'no-policy' | 'disabled';

/** One server of one config file, as the inventory lists it. */
export interface InventoryRow {
  client: string;
  clientName: string;
  scope: Scope;
  file: string;
  /** Claude Code's local scope: the project folder the entry belongs to; empty otherwise. */
  project: string;
  server: string;
  transport: Transport;
  disabled: boolean;
  /** How it runs: the runner (`npx`, `docker` …), the program, or the remote host. */
  launch: string;
  /** Packages and images it fetches (`@s/x`, `mcp/fetch`), or the local script, or the URL host. */
  package: string;
  /** The versions as written (`1.2.3`, `^1`, `latest`, `1.0@sha256:…`); empty when none. */
  version: string;
  /** The weakest pin among its packages, or `local`/`remote`/`program` when it fetches none. */
  pin: PinColumn;
  approval: ApprovalColumn;
  findings: Record<Severity, number>;
  rules: string[];
  /** Advisory ids (`CVE-…`, `GHSA-…`, `MAL-…`) of its packages, and `lookalike:<popular name>` for an imitated name. */
  advisories: string[];
  risk: number;
}

/** What the supply-chain findings of a server name: advisory ids and look-alike targets. */
function advisoryNotes(findings: readonly Finding[]): string[] {
  const notes: string[] = [];
  for (const f of findings) {
    const data = f.data as { kind?: string; advisories?: string[]; cves?: string[]; lookalikeOf?: string } | undefined;
    if (data?.kind === 'vulnerable-package') notes.push(...(data.cves ?? []), ...(data.advisories ?? []));
    else if (data?.kind === 'malicious-package') notes.push(...(data.advisories ?? []));
    else if (data?.kind === 'package-name-lookalike' && data.lookalikeOf) notes.push(`lookalike:${data.lookalikeOf}`);
  }
  return [...new Set(notes)];
}

const PIN_ORDER: PinColumn[] = ['none', 'latest', 'tag', 'range', 'commit', 'digest', 'exact', 'local', 'program', 'remote'];

function describeLaunch(server: ServerEntry): Pick<InventoryRow, 'launch' | 'package' | 'version' | 'pin'> {
  if (!server.command) {
    let host = server.url?.value ?? '';
    try {
      host = new URL(host).host;
    } catch {
      /* keep as written */
    }
    return { launch: server.transport, package: host, version: '', pin: 'remote' };
  }
  const launch = launchOf(server);
  const packages = launch?.packages ?? [];
  if (packages.length === 0) {
    const local = launch?.localTarget?.text;
    return { launch: launch?.program ?? server.command.value, package: local ?? '', version: '', pin: local ? 'local' : 'program' };
  }
  const weakest = packages.map((p) => p.pin as PinColumn).sort((a, b) => PIN_ORDER.indexOf(a) - PIN_ORDER.indexOf(b))[0]!;
  return {
    launch: launch?.runner ?? launch?.program ?? server.command.value,
    package: packages.map((p) => p.name).join(' '),
    version: packages
      .map((p) => [p.version, p.digest].filter(Boolean).join('@'))
      .join(' ')
      .trim(),
    pin: weakest,
  };
}

/**
 * Every server of every file (Claude Code's entries of other projects included), with its pin state,
 * approval and findings. Stable across runs: no clock, no environment; ordered by client, scope, file, server.
 */
export function buildInventory(
  results: readonly { file: ConfigFile; findings: readonly Finding[] }[],
  project: Project,
  displayPath: (path: string) => string = (p) => p,
): InventoryRow[] {
  const rows: InventoryRow[] = [];
  for (const { file, findings } of results) {
    if (!file.client) continue;
    for (const server of file.servers) {
      const own = findings.filter((f) => f.server === server.name && (f.path.length === 0 || server.path.every((p, i) => f.path[i] === p)));
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const f of own) counts[f.severity]++;
      const disabled = disabledBy(server, file, project) !== undefined;
      const approval: ApprovalColumn = disabled ? 'disabled' : project.policy ? evaluatePolicy(project.policy, server).state : 'no-policy';
      rows.push({
        client: server.client,
        clientName: CLIENTS[server.client].name,
        scope: server.scope,
        file: displayPath(file.path),
        project: server.projectPath ?? '',
        server: server.name,
        transport: server.transport,
        disabled,
        ...describeLaunch(server),
        approval,
        findings: counts,
        rules: [...new Set(own.map((f) => f.ruleId))].sort(),
        advisories: advisoryNotes(own),
        risk: riskScore(counts, disabled),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.client.localeCompare(b.client) ||
      a.scope.localeCompare(b.scope) ||
      a.file.localeCompare(b.file) ||
      a.project.localeCompare(b.project) ||
      a.server.localeCompare(b.server),
  );
}
