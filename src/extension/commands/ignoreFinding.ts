import * as vscode from 'vscode';
import type { IgnoreEntry } from '../../core/index';
import { SECTION } from '../settings';

/** Adds `{ files, rules, servers }` to the workspace's `mcpWarden.ignore` (for files that cannot hold comments). */
export async function ignoreFindingCommand(uri: vscode.Uri, ruleId: string, server?: string): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const files = folder ? vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/') : uri.fsPath.replace(/\\/g, '/');
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const current = config.get<IgnoreEntry[]>('ignore', []);
  const entry: IgnoreEntry = { files: folder ? `**/${files}` : files, rules: [ruleId], ...(server ? { servers: [server] } : {}) };
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('ignore', [...current, entry], target);
  void vscode.window.showInformationMessage(
    `MCP Warden: ${ruleId} is now ignored for ${server ? `server "${server}" in ` : ''}${files} (setting mcpWarden.ignore).`,
  );
}
