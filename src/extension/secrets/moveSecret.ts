import * as vscode from 'vscode';
import { rotationFor } from '../../core/secrets/rotation';
import { CLIENTS, locateSecret, type Finding, type ServerEntry } from '../../core/index';
import { planMoveToWarden, WARDEN_SERVERS_FILE } from '../../core/served/moveServer';
import { freeSecretName } from '../../core/served/references';
import { referenceFix, secretNameOf, secretValueAt } from '../../core/served/secretFix';
import type { TrackedConfig } from '../configIndex';
import { readText } from '../workspaceText';
import { toWorkspaceEdit } from '../convert';
import { whyUnsafe } from '../safeEdit';
import type { Warden } from '../warden';
import type { SecretStore } from './secretStore';
import { serverNamed } from '../../core/config/serverNamed';
import { nounFor } from '../../core/text/plural';

export const SECRET_RULE = 'plaintext-secret';

export interface MoveContext {
  warden: Warden;
  secrets: SecretStore;
  /** Whether this editor can serve servers itself (VS Code's MCP provider API). */
  canServe: boolean;
  onServedChanged(): void;
}

/**
 * "Move secret to SecretStorage": every plaintext secret of the finding's server is stored and read
 * back first; only then are files edited, in one undoable WorkspaceEdit, and saved. VS Code servers
 * move to MCP Warden's served file; other clients get their own reference syntax.
 */
export async function moveSecretCommand(ctx: MoveContext, uri: vscode.Uri, findingStart: number): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const tracked = ctx.warden.index.fromDocument(document);
  ctx.warden.linter.lintRelated(tracked);
  const findings = ctx.warden.linter.findingsFor(uri).filter((f) => f.ruleId === SECRET_RULE);
  const target = findings.find((f) => f.range.start === findingStart);
  const server = target?.server !== undefined ? serverNamed(tracked.config.servers, target.server, target.range) : undefined;
  if (!target || !server) {
    void vscode.window.showWarningMessage('MCP Warden: that secret is no longer in the file (it may have changed). Try again from the quick fix.');
    return false;
  }
  const ofServer = findings.filter((f) => f.server === server.name);
  if (tracked.config.client === 'vscode' || tracked.config.client === 'mcp-warden') {
    return moveVsCodeServer(ctx, document, tracked, server, ofServer);
  }
  return replaceWithReference(ctx, document, tracked, server, target);
}

/** Moves every movable secret of the file, one server at a time (each move re-reads the file). */
export async function moveAllSecretsCommand(ctx: MoveContext, uri: vscode.Uri): Promise<number> {
  let moved = 0;
  const tried = new Set<string>();
  for (let round = 0; round < 200; round++) {
    const document = await vscode.workspace.openTextDocument(uri);
    ctx.warden.linter.lintRelated(ctx.warden.index.fromDocument(document));
    const next = ctx.warden.linter
      .findingsFor(uri)
      .find((f) => f.ruleId === SECRET_RULE && f.server !== undefined && !tried.has(`${f.server}#${f.path.join('/')}`));
    if (!next) break;
    tried.add(`${next.server}#${next.path.join('/')}`);
    if (await moveSecretCommand(ctx, uri, next.range.start)) moved++;
  }
  return moved;
}

async function storeAll(
  ctx: MoveContext,
  tracked: TrackedConfig,
  server: ServerEntry,
  findings: Finding[],
): Promise<{ value: string; name: string }[] | undefined> {
  const secrets = new Map<string, { value: string; name: string }>();
  try {
    for (const f of findings) {
      // The decoded value as the client reads it (JSON, YAML and TOML escapes alike).
      const value = locateSecret(tracked.config, f.range)?.value ?? secretValueAt(tracked.config, f.range);
      if (secrets.has(value)) continue;
      const chosen = new Set([...secrets.values()].map((s) => s.name));
      secrets.set(value, { value, name: await freeSecretName(secretNameOf(server, f.path), value, (n) => ctx.secrets.get(n), chosen) });
    }
    for (const s of secrets.values()) await ctx.secrets.storeVerified(s.name, s.value);
  } catch (e) {
    void vscode.window.showErrorMessage(`MCP Warden: the secret could not be stored, so the file was not changed. ${(e as Error).message}`);
    return undefined;
  }
  return [...secrets.values()];
}

async function moveVsCodeServer(
  ctx: MoveContext,
  document: vscode.TextDocument,
  tracked: TrackedConfig,
  server: ServerEntry,
  findings: Finding[],
): Promise<boolean> {
  if (!ctx.canServe) {
    void vscode.window.showWarningMessage(
      `MCP Warden: this editor (${vscode.env.appName} ${vscode.version}) has no MCP server provider API (VS Code 1.101+), so the server could not keep working without the plaintext. Nothing was changed.`,
    );
    return false;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder || tracked.config.scope !== 'workspace') {
    void vscode.window.showWarningMessage('MCP Warden: only servers of a workspace `.vscode/mcp.json` can be moved for now. Nothing was changed.');
    return false;
  }
  const wardenUri = vscode.Uri.joinPath(folder.uri, WARDEN_SERVERS_FILE);
  const existing = await readText(wardenUri);
  const secrets = await storeAll(ctx, tracked, server, findings);
  if (!secrets) return false;
  const plan = planMoveToWarden(tracked.config, server, secrets, existing);
  const unsafe = plan.ok ? whyUnsafe(tracked, [{ edits: [plan.sourceEdit], removes: [server.name] }]) : plan.reason;
  if (!plan.ok || unsafe) {
    void vscode.window.showWarningMessage(
      `MCP Warden: ${unsafe}. Nothing was changed (the secret stays in SecretStorage under ${secrets.map((s) => s.name).join(', ')}).`,
    );
    return false;
  }
  // The served file changes first and mcp.json last, so that Ctrl+Z in mcp.json undoes mcp.json at once and
  // then the rest of the group. A new file is a file operation with its contents: VS Code can still undo (delete)
  // it after its text model is disposed, which it cannot for a text edit into a file no editor shows.
  const edit = new vscode.WorkspaceEdit();
  if (existing === undefined) {
    edit.createFile(wardenUri, { ignoreIfExists: false, contents: new TextEncoder().encode(plan.wardenText) });
  } else {
    const wardenDoc = await vscode.workspace.openTextDocument(wardenUri);
    edit.replace(wardenUri, new vscode.Range(new vscode.Position(0, 0), wardenDoc.lineAt(wardenDoc.lineCount - 1).range.end), plan.wardenText);
  }
  toWorkspaceEdit(document, [plan.sourceEdit], edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('MCP Warden: the editor refused the edit; nothing was changed.');
    return false;
  }
  await document.save();
  const wardenDoc = await vscode.workspace.openTextDocument(wardenUri);
  await wardenDoc.save();
  ctx.warden.index.fromDocument(wardenDoc);
  ctx.warden.index.fromDocument(document);
  ctx.warden.linter.lintAll();
  ctx.onServedChanged();
  await explainMove(document, server, secrets, wardenDoc);
  return true;
}

/**
 * After a move: where the token is now, that it was in the file (and maybe in git) so it must be rotated, with the
 * provider's token page where known, and the way back as a button. In Restricted Mode VS Code starts no workspace
 * server, so the message does not claim that it does.
 */
async function explainMove(
  document: vscode.TextDocument,
  server: ServerEntry,
  secrets: { value: string; name: string }[],
  wardenDoc: vscode.TextDocument,
): Promise<void> {
  const names = secrets.map((s) => s.name).join(', ');
  const rotation = secrets.map((s) => rotationFor(s.value)).find((r) => r.provider) ?? {};
  const starts = vscode.workspace.isTrusted
    ? `VS Code now starts "${server.name}" through MCP Warden, which hands ${secrets.length === 1 ? 'it' : 'them'} to the server at launch`
    : `Once this folder is trusted, VS Code starts "${server.name}" through MCP Warden, which hands ${secrets.length === 1 ? 'it' : 'them'} to the server at launch`;
  const rotate = `${secrets.length === 1 ? 'It was' : 'They were'} in ${vscode.workspace.asRelativePath(document.uri)}, and may be in git history: rotate ${secrets.length === 1 ? 'it' : 'them'}${rotation.provider ? ` at ${rotation.provider}` : ''}.`;
  const rotateButton = rotation.url ? `Rotate at ${rotation.provider}` : undefined;
  const openButton = `Open ${WARDEN_SERVERS_FILE}`;
  const putBack = 'Put Back';
  const pick = await vscode.window.showInformationMessage(
    `MCP Warden moved the ${nounFor(secrets.length, 'secret')} of "${server.name}" to SecretStorage (${names}). Its entry is now in ${WARDEN_SERVERS_FILE}. ${starts}. ${rotate}`,
    ...[rotateButton, openButton, putBack].filter((b): b is string => b !== undefined),
  );
  if (pick === rotateButton && rotation.url) await vscode.env.openExternal(vscode.Uri.parse(rotation.url));
  else if (pick === openButton) await vscode.window.showTextDocument(wardenDoc);
  else if (pick === putBack) await vscode.commands.executeCommand('mcpWarden.putSecretBack', wardenDoc.uri, server.name);
}

async function replaceWithReference(
  ctx: MoveContext,
  document: vscode.TextDocument,
  tracked: TrackedConfig,
  server: ServerEntry,
  finding: Finding,
): Promise<boolean> {
  const client = tracked.config.client ? CLIENTS[tracked.config.client].name : 'This client';
  const fix = referenceFix(tracked.config, server, finding.path, finding.range);
  if (!fix) {
    void vscode.window.showWarningMessage(
      `MCP Warden: ${client} cannot refer to a value kept elsewhere in this field, so the secret must stay in the file for the server to work. What helps: keep the file private and out of version control, rotate the token and limit its scope, or run the server from a client that can keep it elsewhere (VS Code with MCP Warden serves it from SecretStorage). See the rule's documentation. Nothing was changed.`,
    );
    return false;
  }
  const unsafe = whyUnsafe(tracked, [{ edits: [fix.edit] }]);
  if (unsafe) {
    void vscode.window.showWarningMessage(`MCP Warden: ${unsafe}. Nothing was changed.`);
    return false;
  }
  const secrets = await storeAll(ctx, tracked, server, [finding]);
  if (!secrets) return false;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, [fix.edit])))) return false;
  await document.save();
  void vscode.window.showInformationMessage(
    `MCP Warden replaced the secret with ${fix.reference} and kept its value in SecretStorage (${secrets[0]!.name}). ${client} reads ${fix.variable} from ${fix.where}: set it there (e.g. from your password manager) before the next start. "MCP Warden: Reveal Stored Secret" shows the value.`,
  );
  return true;
}
