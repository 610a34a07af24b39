import * as vscode from 'vscode';
import { CLIENTS, type Finding } from '../../core/index';
import { REFERENCE_SYNTAX, fieldOf } from '../../core/served/secretFix';
import type { ActionContributor, RangeContributor } from '../codeActions';
import type { TrackedConfig } from '../configIndex';
import { SECRET_RULE } from './moveSecret';
import { serverNamed } from '../../core/config/serverNamed';
import { plural } from '../../core/text/plural';

/** The file's current findings. */
export type FindingSource = (uri: vscode.Uri) => Finding[];

/** Whether the quick fix can move this finding's secret: VS Code serves it, or the client has a reference syntax for the field. */
export function movability(tracked: TrackedConfig, finding: Finding, canServe: boolean): { servable: boolean; byReference: boolean } | undefined {
  if (finding.ruleId !== SECRET_RULE || !finding.server) return undefined;
  const client = tracked.config.client;
  const server = serverNamed(tracked.config.servers, finding.server, finding.range);
  if (!client || !server) return undefined;
  const servable = (client === 'vscode' && canServe && tracked.config.scope === 'workspace') || client === 'mcp-warden';
  const syntax = REFERENCE_SYNTAX[client];
  const byReference = syntax !== undefined && syntax.fields.includes(fieldOf(server, finding.path));
  return { servable, byReference };
}

/** "Move all secrets in this file", for the quick-fix menu and the opt-in source action `source.mcpWarden.moveSecrets`. */
export function moveAllAction(
  document: vscode.TextDocument,
  tracked: TrackedConfig,
  findings: Finding[],
  canServe: boolean,
  kind: vscode.CodeActionKind,
  minCount = 1,
): vscode.CodeAction | undefined {
  const movable = findings.filter((f) => {
    const m = movability(tracked, f, canServe);
    return m !== undefined && (m.servable || m.byReference);
  });
  if (movable.length < minCount) return undefined;
  const title = `Move all ${plural(movable.length, 'secret')} in this file to SecretStorage`;
  const action = new vscode.CodeAction(title, kind);
  action.command = { title, command: 'mcpWarden.moveAllSecrets', arguments: [document.uri] };
  return action;
}

/** "Move secret to SecretStorage" on each plaintext-secret finding whose client can work without it. */
export function secretActions(canServe: boolean, findingsOf: FindingSource): ActionContributor {
  return (document, tracked, finding, diagnostic) => {
    const m = movability(tracked, finding, canServe);
    if (!m) return [];
    const client = tracked.config.client!;
    const { servable, byReference } = m;
    if (!servable && !byReference) return [whyNot(document, finding, diagnostic, CLIENTS[client].name)];
    const title = servable
      ? 'Move secret to SecretStorage (the entry moves to .vscode/mcp-warden.json; MCP Warden serves it to VS Code)'
      : `Move secret to SecretStorage (${CLIENTS[client].name} reads it from an environment variable)`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = { title, command: 'mcpWarden.moveSecret', arguments: [document.uri, finding.range.start] };
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    const secrets = findingsOf(document.uri).filter((f) => f.ruleId === SECRET_RULE);
    const all = moveAllAction(document, tracked, secrets, canServe, vscode.CodeActionKind.QuickFix, 2);
    return all ? [action, all] : [action];
  };
}

/**
 * Where the client cannot do without the plaintext, no move is offered; this action says so (the
 * command explains and changes nothing) instead of leaving the finding's general advice unanswered.
 */
function whyNot(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, client: string): vscode.CodeAction {
  const title = `Why MCP Warden cannot move this secret (${client})`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { title, command: 'mcpWarden.moveSecret', arguments: [document.uri, finding.range.start] };
  action.diagnostics = [diagnostic];
  return action;
}

/** In the served file: put a server's secrets back into `.vscode/mcp.json` (plaintext). */
export const putBackActions: RangeContributor = (document, tracked, range) => {
  if (tracked.config.client !== 'mcp-warden') return [];
  const offset = document.offsetAt(range.start);
  const server = tracked.config.servers.find((s) => s.nameNode.offset <= offset && offset <= s.node.offset + s.node.length);
  if (!server) return [];
  const title = `Put the secrets of "${server.name}" back into .vscode/mcp.json (plaintext)`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.RefactorRewrite);
  action.command = { title, command: 'mcpWarden.putSecretBack', arguments: [document.uri, server.name] };
  return [action];
};
