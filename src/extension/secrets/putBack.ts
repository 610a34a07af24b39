import * as vscode from 'vscode';
import { planMoveBack } from '../../core/served/moveServer';
import { secretNamesIn } from '../../core/served/references';
import { toWorkspaceEdit } from '../convert';
import { whyUnsafe } from '../safeEdit';
import type { MoveContext } from './moveSecret';
import { serverNamed } from '../../core/config/serverNamed';

/** Moves a served server back into `.vscode/mcp.json` with its secrets in plaintext, after a warning. */
export async function putSecretBackCommand(ctx: MoveContext, uri: vscode.Uri, serverName: string): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const tracked = ctx.warden.index.fromDocument(document);
  const server = serverNamed(tracked.config.servers, serverName);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!server || !folder) return false;
  const ok = await vscode.window.showWarningMessage(
    `Put the secrets of "${serverName}" back into .vscode/mcp.json in plaintext? Anyone who can read that file (or its git history) can then use them.`,
    { modal: true },
    'Put Back in Plaintext',
  );
  if (ok !== 'Put Back in Plaintext') return false;
  const names = new Set(secretNamesIn(document.getText().slice(server.node.offset, server.node.offset + server.node.length)));
  const values = new Map<string, string>();
  for (const name of names) {
    const value = await ctx.secrets.get(name);
    if (value === undefined) {
      void vscode.window.showWarningMessage(`MCP Warden: "${name}" has no value on this machine; nothing was changed.`);
      return false;
    }
    values.set(name, value);
  }
  const mcpUri = vscode.Uri.joinPath(folder.uri, '.vscode', 'mcp.json');
  let mcpText: string | undefined;
  try {
    mcpText = (await vscode.workspace.openTextDocument(mcpUri)).getText();
  } catch {
    mcpText = undefined;
  }
  const plan = planMoveBack(tracked.config, server, values, mcpText);
  const unsafe = plan.ok ? whyUnsafe(tracked, [{ edits: [plan.sourceEdit], removes: [server.name] }]) : plan.reason;
  if (!plan.ok || unsafe) {
    void vscode.window.showWarningMessage(`MCP Warden: ${unsafe}. Nothing was changed.`);
    return false;
  }
  const edit = toWorkspaceEdit(document, [plan.sourceEdit]);
  if (mcpText === undefined) {
    edit.createFile(mcpUri, { ignoreIfExists: false });
    edit.insert(mcpUri, new vscode.Position(0, 0), plan.wardenText);
  } else {
    const mcpDoc = await vscode.workspace.openTextDocument(mcpUri);
    edit.replace(mcpUri, new vscode.Range(new vscode.Position(0, 0), mcpDoc.lineAt(mcpDoc.lineCount - 1).range.end), plan.wardenText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await document.save();
  await (await vscode.workspace.openTextDocument(mcpUri)).save();
  ctx.onServedChanged();
  return true;
}
