import * as vscode from 'vscode';
import {
  anchorOf,
  analyseProject,
  CAPABILITIES,
  COUNTED_CONFIDENCE,
  describePath,
  type Capability,
  type FlowAnalysis,
  type Session,
  type SessionServer,
  type ToxicFlow,
} from '../../core/index';
import { CLIENT_IDS } from '../../core/config/clientIds';
import { flowOptionsFor } from '../../core/flows/options';
import { nounFor, plural } from '../../core/text/plural';
import { visibleText } from '../../core/text/visible';
import type { Linter } from '../linter';
import { plainTooltip } from '../tree/serversTree';

const CAPABILITY_LABELS: Record<Capability, { label: string; icon: string; hint: string }> = {
  'untrusted-content': { label: 'Untrusted content', icon: 'globe', hint: 'brings in text an attacker may control (web pages, issues, email…)' },
  'private-data': { label: 'Private data', icon: 'lock', hint: 'reaches files, databases, repositories or mailboxes' },
  outbound: { label: 'Outbound channels', icon: 'export', hint: 'can send data out (messages, requests, comments, pushes)' },
  destructive: { label: 'Destructive actions', icon: 'trash', hint: 'deletes, writes, executes or pays' },
};

type Node =
  | { kind: 'session'; session: Session; flows: ToxicFlow[] }
  | { kind: 'servers'; session: Session }
  | { kind: 'server'; server: SessionServer }
  | { kind: 'capability'; session: Session; capability: Capability }
  | { kind: 'tool'; server: SessionServer; tool: string; evidence: string }
  | { kind: 'flows'; flows: ToxicFlow[] }
  | { kind: 'flow'; flow: ToxicFlow };

/**
 * The "Sessions" view: per client and workspace, the servers loaded together and their tools
 * grouped by capability, with the toxic combinations named in a banner. Static (catalog and names)
 * until servers are connected; live listings then replace the guesses.
 */
export class SessionsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private analysis: FlowAnalysis = { sessions: [], flows: [] };

  constructor(private readonly linter: Linter) {}

  refresh(): FlowAnalysis {
    // The rule's own options (settings plus the policy's accepted flows): same banner as the diagnostics, and one cached analysis.
    const project = this.linter.project();
    this.analysis = analyseProject(project, flowOptionsFor(project, this.linter.engineSettings));
    this.changed.fire(undefined);
    return this.analysis;
  }

  /** The banner text: the toxic flows found, or nothing. */
  banner(): string | undefined {
    const flows = this.analysis.flows;
    if (flows.length === 0) return undefined;
    const leak = flows.filter((f) => f.kind === 'data-leak').length;
    const destructive = flows.length - leak;
    const parts = [leak ? plural(leak, 'data-leak combination') : '', destructive ? plural(destructive, 'destructive combination') : '']
      .filter(Boolean)
      .join(' and ');
    return `⚠ Toxic ${nounFor(flows.length, 'flow')}: ${parts} of untrusted content with sensitive tools. Expand a session for the path.`;
  }

  getChildren(node?: Node): Node[] {
    if (!node)
      return this.analysis.sessions
        .filter((s) => s.servers.some((x) => x.origin !== 'builtin'))
        .sort(bySessionOrder)
        .map((session) => ({ kind: 'session', session, flows: this.analysis.flows.filter((f) => f.session === session) }));
    switch (node.kind) {
      case 'session': {
        const out: Node[] = [];
        if (node.flows.length > 0) out.push({ kind: 'flows', flows: node.flows });
        out.push({ kind: 'servers', session: node.session });
        for (const capability of CAPABILITIES) out.push({ kind: 'capability', session: node.session, capability });
        return out;
      }
      case 'servers':
        return node.session.servers.map((server) => ({ kind: 'server', server }));
      case 'capability':
        return node.session.servers.flatMap((server) =>
          server.tools
            .map((t) => ({ t, label: t.labels.find((l) => l.capability === node.capability && l.confidence >= COUNTED_CONFIDENCE) }))
            .filter((x) => x.label)
            .map((x) => ({
              kind: 'tool' as const,
              server,
              tool: x.t.tool,
              evidence: x.label!.evidence.map((e) => `${e.against ? '(against) ' : ''}${e.source}: ${e.detail}`).join('\n'),
            })),
        );
      case 'flows':
        return node.flows.map((flow) => ({ kind: 'flow', flow }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'session': {
        const session = node.session;
        const root = session.root ? session.root.split(/[\\/]/).pop() : 'user configs';
        const servers = session.servers.filter((s) => s.origin !== 'builtin');
        const item = new vscode.TreeItem(session.clientName, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `session:${session.id}`;
        const kinds = [...new Set(node.flows.map((f) => (f.kind === 'data-leak' ? 'data leak' : 'destructive')))];
        // The file comes before the counts: a narrow sidebar cuts the end of the row, not which group this is.
        item.description = `${filesOf(session)} · ${plural(servers.length, 'server')}${kinds.length ? ` · ⚠ toxic: ${kinds.join(', ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(
          kinds.length ? 'warning' : 'shield',
          kinds.length ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined,
        );
        item.tooltip = plainTooltip(
          [
            `${session.clientName}${session.root ? ` for ${root} (${session.root})` : ', user-level configs'}: the ${plural(servers.length, 'server')} it loads together, from`,
            ...session.files.map((f) => `  ${f.path}`),
            `Capability counts come from ${sourceSummary(servers, 'long')}.`,
          ].join('\n'),
        );
        return item;
      }
      case 'servers': {
        const servers = node.session.servers.filter((s) => s.origin !== 'builtin');
        const item = new vscode.TreeItem('Servers in this session', vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('server');
        item.description = `${plural(servers.length, 'server')} · tools: ${sourceSummary(servers, 'short')}`;
        item.tooltip = `Where each server's tools (and so the capability counts below) come from: ${sourceSummary(servers, 'long')}. Connecting a server replaces a catalog entry or a guess with its live listing.`;
        return item;
      }
      case 'server': {
        const server = node.server;
        const item = new vscode.TreeItem(visibleText(server.name, { singleLine: true, max: 80 }), vscode.TreeItemCollapsibleState.None);
        const served = server.file?.client === 'mcp-warden' ? ' · served by MCP Warden' : '';
        item.description = `${SOURCE[server.origin].short} · ${plural(server.tools.length, 'tool')}${served}`;
        item.tooltip = plainTooltip(
          `${server.name}: ${plural(server.tools.length, 'tool')} ${SOURCE[server.origin].long}.${server.file ? `\nDefined in ${server.file.path}` : ''}`,
        );
        item.iconPath = new vscode.ThemeIcon(server.origin === 'live' ? 'pass' : 'circle-outline');
        return item;
      }
      case 'capability': {
        const count = this.getChildren(node).length;
        const meta = CAPABILITY_LABELS[node.capability];
        const item = new vscode.TreeItem(meta.label, count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `capability:${node.session.id}:${node.capability}`;
        item.description = plural(count, 'tool');
        item.tooltip = `Tools that ${meta.hint}. Counted from ${sourceSummary(
          node.session.servers.filter((s) => s.origin !== 'builtin'),
          'long',
        )}.`;
        item.iconPath = new vscode.ThemeIcon(meta.icon);
        return item;
      }
      case 'tool': {
        const item = new vscode.TreeItem(visibleText(node.tool, { singleLine: true, max: 80 }), vscode.TreeItemCollapsibleState.None);
        item.description = node.server.name;
        item.tooltip = plainTooltip(`Evidence:\n${node.evidence}`);
        item.iconPath = new vscode.ThemeIcon('symbol-method');
        return item;
      }
      case 'flows': {
        const item = new vscode.TreeItem('Toxic flows', vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.description = String(node.flows.length);
        return item;
      }
      case 'flow': {
        // The path the finding names, so the row and the Problems panel agree.
        const example = anchorOf(node.flow)?.path ?? [...node.flow.examples.values()][0];
        const text = example ? describePath(node.flow.kind, example) : node.flow.kind;
        const item = new vscode.TreeItem(node.flow.kind === 'data-leak' ? 'Data leak' : 'Destructive', vscode.TreeItemCollapsibleState.None);
        item.description = visibleText(text, { singleLine: true, max: 200 });
        item.tooltip = plainTooltip(text);
        item.iconPath = new vscode.ThemeIcon('arrow-swap');
        return item;
      }
    }
  }
}

/** Where a server's tools come from, shown before anything is connected and after. */
const SOURCE: Record<SessionServer['origin'], { short: string; long: string; noun: string }> = {
  live: { short: 'live tools', long: 'from its live listing (connected)', noun: 'live listing' },
  catalog: { short: 'catalog', long: "from MCP Warden's catalog of known servers; connect it to list its real tools", noun: 'catalog entry' },
  listing: { short: 'recorded listing', long: 'from a recorded listing of this package; connect it to list its real tools', noun: 'recorded listing' },
  guess: { short: 'guessed from its name', long: 'guessed from its name; connect it to list its real tools', noun: 'name guess' },
  unknown: { short: 'tools unknown', long: 'unknown until it is connected', noun: 'unknown server' },
  builtin: { short: "client's built-in tools", long: "the client's own built-in tools", noun: 'built-in tool set' },
};

const SHORT: Record<SessionServer['origin'], string> = {
  live: 'live',
  catalog: 'catalog',
  listing: 'recorded',
  guess: 'guessed',
  unknown: 'unknown',
  builtin: 'built-in',
};

/** "2 live, 1 catalog" (short) or "2 live listings and 1 catalog entry" (long): the sources of a session's tool lists. */
function sourceSummary(servers: readonly SessionServer[], form: 'short' | 'long'): string {
  const counts = new Map<SessionServer['origin'], number>();
  for (const s of servers) counts.set(s.origin, (counts.get(s.origin) ?? 0) + 1);
  if (counts.size === 0) return form === 'short' ? 'none' : 'no server';
  const parts = [...counts].map(([origin, n]) => (form === 'short' ? `${n} ${SHORT[origin]}` : plural(n, SOURCE[origin].noun)));
  return form === 'short' ? parts.join(', ') : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The session's files as the row can show them: the first, relative to its folder, and how many more. */
function filesOf(session: Session): string {
  const [first, ...rest] = session.files;
  if (!first) return session.root?.split(/[\\/]/).pop() ?? 'user configs';
  const root = session.root;
  const shown =
    root && first.path.startsWith(root)
      ? `${root.split(/[\\/]/).pop()}${first.path.slice(root.length)}`
      : first.path.replace(/^.*?([^\\/]+[\\/][^\\/]+)$/, '…/$1');
  return rest.length ? `${shown} +${rest.length} more` : shown;
}

/** Sessions in one stable order, whatever order the file search returned their files in: by client, then by id. */
function bySessionOrder(a: Session, b: Session): number {
  return CLIENT_IDS.indexOf(a.client) - CLIENT_IDS.indexOf(b.client) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
