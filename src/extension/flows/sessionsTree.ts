import * as vscode from 'vscode';
import { anchorOf, analyseProject, CAPABILITIES, COUNTED_CONFIDENCE, describePath, type Capability, type FlowAnalysis, type Session, type SessionServer, type ToxicFlow } from '../../core/index';
import { flowOptionsFor } from '../../core/flows/options';
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
    const parts = [leak ? `${leak} data-leak` : '', destructive ? `${destructive} destructive` : ''].filter(Boolean).join(' and ');
    return `⚠ Toxic flow${flows.length === 1 ? '' : 's'}: ${parts} combination${flows.length === 1 ? '' : 's'} of untrusted content with sensitive tools. Expand a session for the path.`;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.analysis.sessions.filter((s) => s.servers.some((x) => x.origin !== 'builtin')).map((session) => ({ kind: 'session', session, flows: this.analysis.flows.filter((f) => f.session === session) }));
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
            .map((x) => ({ kind: 'tool' as const, server, tool: x.t.tool, evidence: x.label!.evidence.map((e) => `${e.against ? '(against) ' : ''}${e.source}: ${e.detail}`).join('\n') })),
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
        const root = node.session.root ? node.session.root.split('/').pop() : 'user configs';
        const item = new vscode.TreeItem(node.session.clientName, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `session:${node.session.id}`;
        const kinds = [...new Set(node.flows.map((f) => (f.kind === 'data-leak' ? 'data leak' : 'destructive')))];
        item.description = `${root} · ${node.session.servers.filter((s) => s.origin !== 'builtin').length} servers${kinds.length ? ` · ⚠ toxic: ${kinds.join(', ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(kinds.length ? 'warning' : 'shield', kinds.length ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.tooltip = `Servers that ${node.session.clientName} loads together${node.session.root ? ` for ${node.session.root}` : ''}: ${node.session.files.map((f) => f.path).join(', ')}`;
        return item;
      }
      case 'servers': {
        const item = new vscode.TreeItem('Servers in this session', vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('server');
        item.description = String(node.session.servers.length);
        return item;
      }
      case 'server': {
        const item = new vscode.TreeItem(node.server.name, vscode.TreeItemCollapsibleState.None);
        const served = node.server.file?.client === 'mcp-warden' ? ' · served by MCP Warden' : '';
        item.description = `${ORIGIN[node.server.origin]} · ${node.server.tools.length} tools${served}`;
        item.iconPath = new vscode.ThemeIcon(node.server.origin === 'live' ? 'pass' : 'circle-outline');
        return item;
      }
      case 'capability': {
        const count = this.getChildren(node).length;
        const meta = CAPABILITY_LABELS[node.capability];
        const item = new vscode.TreeItem(meta.label, count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `capability:${node.session.id}:${node.capability}`;
        item.description = `${count} tool${count === 1 ? '' : 's'}`;
        item.tooltip = `Tools that ${meta.hint}.`;
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

const ORIGIN: Record<SessionServer['origin'], string> = {
  live: 'live tools',
  catalog: 'known server (catalog)',
  listing: 'known tools (recorded listing)',
  guess: 'guessed from its name',
  unknown: 'unknown tools',
  builtin: "client's built-in tools",
};
