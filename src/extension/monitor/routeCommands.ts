import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadConfigText } from '../../core/config/load';
import { canRoute, routedLaunch, routeEdits, unrouteEdits } from '../../core/gateway/route';
import { LOCKFILE_PATH } from '../../core/lock/lockfile';
import { lockKeyOf } from '../../core/lock/serverKey';
import type { ConfigFile } from '../../core/model/configFile';
import type { ServerEntry } from '../../core/model/server';

export const ROUTE_COMMAND = 'mcpWarden.routeThroughGateway';
export const UNROUTE_COMMAND = 'mcpWarden.routeDirect';

function configOf(document: vscode.TextDocument): ConfigFile | undefined {
  if (document.uri.scheme !== 'file') return undefined;
  try {
    const file = loadConfigText(document.getText(), { path: document.uri.fsPath });
    return file.servers.length > 0 ? file : undefined;
  } catch {
    return undefined;
  }
}

function serverAt(file: ConfigFile, offset: number, name?: string): ServerEntry | undefined {
  if (name !== undefined) return file.servers.find((s) => s.name === name);
  return file.servers.find(
    (s) =>
      (offset >= s.nameNode.offset && offset <= s.nameNode.offset + s.nameNode.length) || (offset >= s.node.offset && offset <= s.node.offset + s.node.length),
  );
}

/** The project's lockfile, when it exists: `<folder>/.vscode/mcp-lock.json` of the config's folder. */
function lockFor(document: vscode.TextDocument, server: ServerEntry): { path: string; key: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? path.dirname(path.dirname(document.uri.fsPath));
  const lock = path.join(folder, LOCKFILE_PATH);
  return fs.existsSync(lock) ? { path: lock, key: lockKeyOf(server) } : undefined;
}

/** Light-bulb actions on a server entry of a JSON config. */
export class RouteActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const file = configOf(document);
    const server = file && serverAt(file, document.offsetAt(range.start));
    if (!file || !server) return [];
    if (routedLaunch(server)) return [action(`Stop routing "${server.name}" through the MCP Warden gateway`, UNROUTE_COMMAND, document, server)];
    if (canRoute(file, server)) return [action(`Route "${server.name}" through MCP Warden gateway`, ROUTE_COMMAND, document, server)];
    return [];
  }
}

function action(title: string, command: string, document: vscode.TextDocument, server: ServerEntry): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.command = { command, title, arguments: [document.uri, server.name] };
  return a;
}

/** Rewrites the entry (undoable as one edit). Without arguments: the entry under the cursor of the active editor. */
export async function routeCommand(gatewayPath: () => string, route: boolean, uri?: vscode.Uri, name?: string): Promise<boolean> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const editor = vscode.window.activeTextEditor;
  const file = document && configOf(document);
  const server = file && serverAt(file, editor && editor.document === document ? document.offsetAt(editor.selection.active) : -1, name);
  if (!document || !file || !server) {
    void vscode.window.showInformationMessage('MCP Warden: put the cursor on a server entry of an MCP config (JSON) first.');
    return false;
  }
  let edits;
  try {
    edits = route ? routeEdits(file, server, { command: 'node', args: [gatewayPath()] }, { lock: lockFor(document, server) }) : unrouteEdits(file, server);
  } catch (e) {
    void vscode.window.showErrorMessage(`MCP Warden: cannot prepare the gateway for "${server.name}": ${(e as Error).message}`);
    return false;
  }
  if (!edits) {
    void vscode.window.showInformationMessage(
      route
        ? `MCP Warden: "${server.name}" cannot be routed through the gateway (only stdio servers of JSON configs, not already routed).`
        : `MCP Warden: "${server.name}" does not run through the gateway.`,
    );
    return false;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const e of edits)
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}
