import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { defaultLogPath } from '../../gateway/auditLog';
import { describeRecord, isAlert, readAuditTail, type LoggedRecord } from './auditTail';
import { MonitorTree } from './monitorTree';
import { ROUTE_COMMAND, RouteActions, routeCommand, UNROUTE_COMMAND } from './routeCommands';
import { refreshStableGateway, stableGatewayPath } from './stableGateway';

const POLL_MS = 1_000;

/** What the Monitor shows, for the end-to-end tests' state. */
export interface MonitorState {
  logPath: string;
  servers: ReturnType<MonitorTree['summary']>;
  notified: string[];
}

/**
 * The gateway in the editor: the Monitor view over the audit log, notifications for new alerts, and
 * "Route through MCP Warden gateway" (and back) on server entries of JSON configs.
 */
export function registerMonitor(context: vscode.ExtensionContext): () => MonitorState {
  const logPath = () => vscode.workspace.getConfiguration('mcpWarden').get<string>('gateway.logPath') || defaultLogPath();
  const tree = new MonitorTree();
  const view = vscode.window.createTreeView('mcpWarden.monitor', { treeDataProvider: tree });
  const notified: string[] = [];
  // Alerts logged before the editor started are shown in the view, not notified again.
  let seenUpTo: string | undefined;
  let lastSize = -1;
  let lastPath = '';

  const refresh = () => {
    const file = logPath();
    let size = -1;
    try {
      size = fs.statSync(file).size;
    } catch {
      /* no log yet */
    }
    if (size === lastSize && file === lastPath) return;
    lastSize = size;
    lastPath = file;
    const records = readAuditTail(file);
    tree.update(records);
    view.message =
      records.length === 0 ? `No gateway activity yet. Route a server through the gateway (light bulb on a server entry); the log is ${file}.` : undefined;
    const fresh = seenUpTo === undefined ? [] : records.filter((e) => e.record.time > seenUpTo! && isAlert(e.record));
    seenUpTo = records.at(-1)?.record.time ?? seenUpTo ?? '';
    for (const entry of fresh.slice(0, 5)) notify(entry);
  };
  const notify = ({ record, line }: LoggedRecord) => {
    const finding = (record.findings ?? []).find((f) => f.severity === 'alert') ?? record.findings?.[0];
    const action = record.action && record.action !== 'forwarded' ? ` (${record.action})` : '';
    const why = finding ? finding.message : describeRecord(record);
    const text = `MCP Warden gateway — ${record.server}${record.tool ? `, tool ${record.tool}` : ''}${action}: ${why.length > 240 ? `${why.slice(0, 239)}…` : why}`;
    notified.push(text);
    void vscode.window.showWarningMessage(text, 'Show in Log').then((choice) => choice && openRecord(line));
  };
  const openRecord = async (line: number) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(logPath()));
    const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: true });
  };

  refresh();
  try {
    refreshStableGateway(context);
  } catch {
    // A read-only storage folder: routing says so when asked; the monitor still works.
  }
  const timer = setInterval(refresh, POLL_MS);
  context.subscriptions.push(
    view,
    { dispose: () => clearInterval(timer) },
    vscode.commands.registerCommand('mcpWarden.monitor.openRecord', (line: number) => openRecord(line)),
    vscode.commands.registerCommand('mcpWarden.monitor.refresh', () => {
      lastSize = -1;
      refresh();
    }),
    vscode.commands.registerCommand(ROUTE_COMMAND, (uri?: vscode.Uri, name?: string) => routeCommand(() => stableGatewayPath(context), true, uri, name)),
    vscode.commands.registerCommand(UNROUTE_COMMAND, (uri?: vscode.Uri, name?: string) => routeCommand(() => stableGatewayPath(context), false, uri, name)),
    vscode.languages.registerCodeActionsProvider([{ language: 'json' }, { language: 'jsonc' }], new RouteActions(), {
      providedCodeActionKinds: RouteActions.kinds,
    }),
  );
  return () => ({ logPath: logPath(), servers: tree.summary(), notified: [...notified] });
}
