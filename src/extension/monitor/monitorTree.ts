import * as vscode from 'vscode';
import type { AuditRecord } from '../../core/gateway/types';
import { plural } from '../../core/text/plural';
import { visibleText } from '../../core/text/visible';
import { describeRecord, isAlert, type LoggedRecord } from './auditTail';

const RECENT_PER_SERVER = 50;

type Node = { kind: 'server'; server: string; records: LoggedRecord[] } | { kind: 'record'; entry: LoggedRecord };

/** The Monitor view: recent calls per server from the gateway's audit log, alerts highlighted. */
export class MonitorTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private servers = new Map<string, LoggedRecord[]>();

  update(records: LoggedRecord[]): void {
    const servers = new Map<string, LoggedRecord[]>();
    for (const entry of records) {
      if (!shown(entry.record)) continue;
      const list = servers.get(entry.record.server) ?? servers.set(entry.record.server, []).get(entry.record.server)!;
      list.push(entry);
    }
    for (const [server, list] of servers) servers.set(server, list.slice(-RECENT_PER_SERVER).reverse());
    this.servers = servers;
    this.changed.fire();
  }

  /** What the view shows, as text (for the status of tests and the tooltip). */
  summary(): { server: string; alerts: number; items: string[] }[] {
    return [...this.servers].map(([server, list]) => ({
      server,
      alerts: list.filter((e) => isAlert(e.record)).length,
      items: list.map((e) => describeRecord(e.record)),
    }));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return [...this.servers].sort(([a], [b]) => a.localeCompare(b)).map(([server, records]) => ({ kind: 'server', server, records }));
    return node.kind === 'server' ? node.records.map((entry) => ({ kind: 'record', entry })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'server') {
      const alerts = node.records.filter((e) => isAlert(e.record)).length;
      const item = new vscode.TreeItem(visibleText(node.server, { singleLine: true, max: 80 }), vscode.TreeItemCollapsibleState.Expanded);
      item.description = alerts > 0 ? plural(alerts, 'alert') : `${node.records.length} recent`;
      item.iconPath = new vscode.ThemeIcon(alerts > 0 ? 'warning' : 'server', alerts > 0 ? new vscode.ThemeColor('list.errorForeground') : undefined);
      item.contextValue = 'monitorServer';
      return item;
    }
    const { record, line } = node.entry;
    const alert = isAlert(record);
    const item = new vscode.TreeItem(visibleText(`${alert ? 'ALERT ' : ''}${describeRecord(record)}`, { singleLine: true, max: 200 }));
    item.description = `${record.time.slice(11, 19)}${record.durationMs !== undefined ? ` · ${record.durationMs} ms` : ''}`;
    item.tooltip = visibleText(
      [`${record.direction} ${record.type} · ${record.time}`, ...(record.findings ?? []).map((f) => `${f.severity}: ${f.message}`)].join('\n'),
      { max: 4000 },
    );
    item.iconPath = new vscode.ThemeIcon(
      alert ? 'error' : record.direction === 'to-server' ? 'arrow-right' : 'arrow-left',
      alert ? new vscode.ThemeColor('list.errorForeground') : undefined,
    );
    item.command = { command: 'mcpWarden.monitor.openRecord', title: 'Open in the Audit Log', arguments: [line] };
    item.contextValue = alert ? 'monitorAlert' : 'monitorRecord';
    return item;
  }
}

/** Calls, refusals, findings and lifecycle events; plain list/initialize chatter stays in the log only. */
function shown(record: AuditRecord): boolean {
  return record.method === 'tools/call' || record.type === 'lifecycle' || isAlert(record) || (record.findings?.length ?? 0) > 0;
}
