import * as vscode from 'vscode';
import type { ConfigIndex } from './configIndex';
import { plural } from '../core/text/plural';

const SHOWN_KEY = 'mcpWarden.restrictedModeNoticeShown';

/**
 * Says once per workspace, quietly (a status message, not a modal), that in Restricted Mode MCP Warden lints but
 * starts nothing the workspace defines, with the way to trust the folder. Nothing is said in a trusted workspace, or
 * when the workspace defines no server.
 */
export async function showRestrictedModeNoticeOnce(context: vscode.ExtensionContext, index: ConfigIndex): Promise<void> {
  if (vscode.workspace.isTrusted || context.workspaceState.get<boolean>(SHOWN_KEY)) return;
  const defined = index.all.filter((t) => t.config.scope === 'workspace').reduce((n, t) => n + t.config.servers.length, 0);
  if (defined === 0) return;
  await context.workspaceState.update(SHOWN_KEY, true);
  const answer = await vscode.window.showInformationMessage(
    `MCP Warden is linting this folder's MCP configs. It starts ${defined === 1 ? 'no server' : `none of the ${plural(defined, 'server')}`} they define until you trust the folder.`,
    'Manage Workspace Trust',
  );
  if (answer === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
}
