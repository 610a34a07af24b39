import * as vscode from 'vscode';
import { CLIENTS, type ServerEntry } from '../../core/index';
import { plainReason } from '../../core/config/notLoaded';
import { visibleText } from '../../core/text/visible';
import type { LiveSnapshot, LiveStatus } from '../../live/index';
import { describeEntry } from '../../live/launch';
import { pathOfUri, type ConfigIndex } from '../configIndex';
import { serverKey, type LiveServers } from '../live/liveServers';
import { editorMcpTools } from './editorTools';
import { itemFields, itemName } from './itemFields';
import { LIST_LABELS, type ListName, type TreeNode } from './nodes';
import { plural } from '../../core/text/plural';

const LISTS: ListName[] = ['tools', 'prompts', 'resources', 'resourceTemplates'];

/** Extra marks on items (e.g. suspicious descriptions), supplied by the analysis layer. */
export interface ItemMarks {
  findingsFor(serverKey: string, list: ListName | 'server', name: string): { count: number; summary: string } | undefined;
}

/**
 * The MCP Warden sidebar: every server of every known config, with what it offers once connected.
 * Server text is shown as plain text with hidden characters made visible, tooltips included.
 */
export class ServersTree implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  marks: ItemMarks | undefined;

  constructor(
    private readonly index: ConfigIndex,
    private readonly live: LiveServers,
    /** Why the server's client would not load it (the rules' `disabledBy`), shown on its row. */
    private readonly notLoaded: (server: ServerEntry) => string | undefined = () => undefined,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'config' ? undefined : node.parent;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const configs: TreeNode[] = this.index.all
        .filter((t) => t.config.servers.length > 0)
        .sort((a, b) => scopeRank(a.config.scope) - scopeRank(b.config.scope) || a.config.path.localeCompare(b.config.path))
        .map((tracked) => ({ kind: 'config', tracked }));
      return editorMcpTools().length > 0 ? [...configs, { kind: 'editorTools' }] : configs;
    }
    switch (node.kind) {
      case 'config':
        return node.tracked.config.servers.map((server) => ({ kind: 'server', server, parent: node }));
      case 'server': {
        const snapshot = this.live.snapshot(node.server);
        if (!snapshot) return offersConnect(this.live.status(node.server)) ? [{ kind: 'connect', server: node.server, parent: node }] : [];
        const lists: TreeNode[] = LISTS.filter((l) => snapshot[l].length > 0 || l === 'tools').map((list) => ({
          kind: 'list',
          server: node.server,
          list,
          parent: node,
        }));
        return snapshot.instructions ? [{ kind: 'instructions', server: node.server, parent: node }, ...lists] : lists;
      }
      case 'list': {
        const snapshot = this.live.snapshot(node.server);
        return (snapshot?.[node.list] ?? []).map((item) => ({
          kind: 'item',
          server: node.server,
          list: node.list,
          name: itemName(item as { name?: string }),
          parent: node,
        }));
      }
      case 'item': {
        const snapshot = this.live.snapshot(node.server);
        return snapshot ? itemFields(snapshot, node.list, node.name).map((f) => ({ kind: 'field', label: f.label, value: f.value, parent: node })) : [];
      }
      case 'editorTools':
        return groupEditorTools().map((s) => ({ kind: 'editorServer', name: s.name, tools: s.tools, parent: node }));
      case 'editorServer':
        return node.tools.map((t) => ({ kind: 'editorTool', name: t.name, description: t.description, parent: node }));
      default:
        return [];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = this.itemOf(node);
    // Screen readers get the name and the short description, not the (long, plain-text) tooltip.
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    item.accessibilityInformation ??= { label: [label, item.description].filter((p) => typeof p === 'string' && p !== '').join(', ') };
    return item;
  }

  private itemOf(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'config': {
        const c = node.tracked.config;
        const item = new vscode.TreeItem(c.client ? CLIENTS[c.client].name : 'MCP config', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `config:${node.tracked.uri.toString()}`;
        item.description = `${c.scope} · ${vscode.workspace.asRelativePath(node.tracked.uri)}`;
        item.tooltip = pathOfUri(node.tracked.uri);
        item.iconPath = new vscode.ThemeIcon(c.scope === 'workspace' ? 'folder' : 'account');
        item.resourceUri = node.tracked.uri;
        item.contextValue = 'config';
        return item;
      }
      case 'server':
        return this.serverItem(node);
      case 'connect':
        return connectItem(node.server, this.live.status(node.server));
      case 'instructions': {
        const text = this.live.snapshot(node.server)?.instructions ?? '';
        const item = new vscode.TreeItem('Instructions', vscode.TreeItemCollapsibleState.None);
        item.id = `instructions:${serverKey(node.server)}`;
        item.description = visibleText(text, { singleLine: true, max: 100 });
        item.tooltip = plainTooltip(text);
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'item-instructions';
        item.command = { title: 'Open Definition', command: 'mcpWarden.openDefinition', arguments: [node] };
        this.mark(item, serverKey(node.server), 'server', 'instructions');
        return item;
      }
      case 'list': {
        const count = this.live.snapshot(node.server)?.[node.list].length ?? 0;
        const item = new vscode.TreeItem(LIST_LABELS[node.list], count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `list:${serverKey(node.server)}:${node.list}`;
        const truncated = this.live.snapshot(node.server)?.truncated.lists[node.list];
        item.description = truncated ? `${count}, truncated (more not shown: ${truncated.reason})` : String(count);
        item.iconPath = new vscode.ThemeIcon(node.list === 'tools' ? 'tools' : node.list === 'prompts' ? 'comment-discussion' : 'file-symlink-file');
        return item;
      }
      case 'item': {
        const snapshot = this.live.snapshot(node.server);
        const description = (snapshot && (itemFields(snapshot, node.list, node.name).find((f) => f.label === 'description')?.value ?? '')) || '';
        const item = new vscode.TreeItem(visibleText(node.name, { singleLine: true, max: 80 }), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `item:${serverKey(node.server)}:${node.list}:${node.name}`;
        item.description = visibleText(description, { singleLine: true, max: 120 });
        item.tooltip = plainTooltip(description);
        item.contextValue = `item-${node.list}`;
        item.iconPath = new vscode.ThemeIcon('symbol-method');
        item.command = { title: 'Open Definition', command: 'mcpWarden.openDefinition', arguments: [node] };
        this.mark(item, serverKey(node.server), node.list, node.name);
        return item;
      }
      case 'field': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = visibleText(node.value, { singleLine: true, max: 160 });
        item.tooltip = plainTooltip(node.value);
        return item;
      }
      case 'editorTools': {
        const item = new vscode.TreeItem('Running in VS Code', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'editorTools';
        item.description = count(editorMcpTools().length, 'MCP tool');
        item.tooltip = 'Tools of the MCP servers VS Code itself has started (vscode.lm.tools, tag "mcp"), as the model sees them.';
        item.iconPath = new vscode.ThemeIcon('vm-running');
        return item;
      }
      case 'editorServer': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `editorServer:${node.name}`;
        item.description = count(node.tools.length, 'tool');
        item.iconPath = new vscode.ThemeIcon('server');
        return item;
      }
      case 'editorTool': {
        const item = new vscode.TreeItem(visibleText(node.name, { singleLine: true, max: 80 }), vscode.TreeItemCollapsibleState.None);
        item.description = visibleText(node.description, { singleLine: true, max: 120 });
        item.tooltip = plainTooltip(node.description);
        item.iconPath = new vscode.ThemeIcon('symbol-method');
        return item;
      }
    }
  }

  private serverItem(node: Extract<TreeNode, { kind: 'server' }>): vscode.TreeItem {
    const status = this.live.status(node.server);
    const snapshot = this.live.snapshot(node.server);
    const expandable = snapshot !== undefined || offersConnect(status);
    const item = new vscode.TreeItem(node.server.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `server:${serverKey(node.server)}`;
    const disabled = this.notLoaded(node.server);
    item.description = describeStatus(status, snapshot, disabled);
    item.iconPath = statusIcon(status);
    item.contextValue = `server-${status.state}`;
    const detail = status.state === 'error' ? `Error: ${status.message}` : describeStatus(status, snapshot, disabled);
    item.tooltip = plainTooltip(`${node.server.name} (${node.server.transport})\n${detail}`);
    this.mark(item, serverKey(node.server), 'server', node.server.name);
    return item;
  }

  private mark(item: vscode.TreeItem, key: string, list: ListName | 'server', name: string): void {
    const marks = this.marks?.findingsFor(key, list, name);
    if (!marks || marks.count === 0) return;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.description = `⚠ ${marks.summary}${item.description ? ' · ' + item.description : ''}`;
  }
}

function offersConnect(status: LiveStatus): boolean {
  return status.state === 'not-started' || status.state === 'error';
}

/**
 * The row under a server that is not connected: what connecting does and the exact command it runs (values masked).
 * A server the workspace defines never starts in Restricted Mode, so there the row leads to Workspace Trust instead.
 */
function connectItem(server: ServerEntry, status: LiveStatus): vscode.TreeItem {
  const commandLine = describeEntry(server);
  const restricted = server.scope === 'workspace' && !vscode.workspace.isTrusted;
  const runs = server.command ? `runs: ${commandLine}` : `connects to: ${commandLine}`;
  const label = restricted ? 'Trust this folder to connect' : status.state === 'error' ? 'Retry: connect to list tools' : 'Connect to list tools';
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `connect:${serverKey(server)}`;
  item.description = visibleText(runs, { singleLine: true, max: 120 });
  item.iconPath = new vscode.ThemeIcon(restricted ? 'workspace-untrusted' : 'plug');
  item.contextValue = 'connect';
  item.tooltip = plainTooltip(
    restricted
      ? `This workspace is in Restricted Mode: MCP Warden lints its configs but starts nothing it defines.\nOnce the folder is trusted, connecting ${runs}`
      : `Connecting starts the server and lists its tools, prompts and resources.\nIt ${runs}${server.scope === 'workspace' ? '\nServers defined by the workspace ask once, showing the exact command, before they start.' : ''}`,
  );
  item.command = restricted
    ? { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' }
    : { title: 'Connect', command: 'mcpWarden.connectServer', arguments: [{ kind: 'server', server }] };
  return item;
}

function count(n: number, noun: string): string {
  return plural(n, noun);
}

function scopeRank(scope: string): number {
  return scope === 'workspace' ? 0 : scope === 'user' ? 1 : 2;
}

function describeStatus(status: LiveStatus, snapshot: LiveSnapshot | undefined, disabled: string | undefined): string {
  switch (status.state) {
    case 'not-started':
      return disabled !== undefined ? `disabled (${visibleText(plainReason(disabled), { singleLine: true, max: 120 })}) · not started` : 'not started';
    case 'connecting':
      return 'connecting…';
    case 'connected':
      return snapshot
        ? [
            count(snapshot.tools.length, 'tool'),
            count(snapshot.prompts.length, 'prompt'),
            count(snapshot.resources.length + snapshot.resourceTemplates.length, 'resource'),
          ].join(' · ')
        : 'connected';
    case 'error':
      return `error: ${visibleText(status.message, { singleLine: true, max: 120 })}`;
  }
}

function statusIcon(status: LiveStatus): vscode.ThemeIcon {
  switch (status.state) {
    case 'not-started':
      return new vscode.ThemeIcon('circle-outline');
    case 'connecting':
      return new vscode.ThemeIcon('sync~spin');
    case 'connected':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  }
}

/**
 * Hostile text as a tooltip: a plain string, which VS Code shows as text (no Markdown, so no links, no
 * HTML, no images, and no escaping backslashes either), hidden characters visible, bounded.
 */
export function plainTooltip(text: string): string {
  return visibleText(text, { max: 4000 });
}

function groupEditorTools(): { name: string; tools: { name: string; description: string }[] }[] {
  const groups = new Map<string, { name: string; description: string }[]>();
  for (const tool of editorMcpTools()) {
    const m = /^mcp_([^_]+(?:_[^_]+)*?)_(.+)$/.exec(tool.name);
    const server = m ? m[1]! : 'mcp';
    const list = groups.get(server) ?? [];
    list.push({ name: m ? m[2]! : tool.name, description: tool.description });
    groups.set(server, list);
  }
  return [...groups].map(([name, tools]) => ({ name, tools }));
}
