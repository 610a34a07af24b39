import * as vscode from 'vscode';
import { readSaved } from '../workspaceText';

export { readText } from '../workspaceText';
import type { Policy } from '../../core/policy/model';
import { readPolicy } from '../../core/policy/read';
import type { Log } from '../log';

export const DEFAULT_POLICY_PATH = '.vscode/mcp-policy.json';

/** The policy file in effect: `mcpWarden.policyPath` (absolute, or relative to the first workspace folder). */
export function policyUri(): vscode.Uri | undefined {
  const setting = vscode.workspace.getConfiguration('mcpWarden').get<string>('policyPath', DEFAULT_POLICY_PATH) || DEFAULT_POLICY_PATH;
  if (/^([a-zA-Z]:)?[\\/]/.test(setting)) return vscode.Uri.file(setting);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, setting) : undefined;
}

/**
 * Reads the policy as saved; no file means no policy (the `unapproved-server` rule stays silent).
 * Not from an open editor: the file watcher reports a change on disk before that editor reloads, and
 * unsaved edits are not in effect anywhere else (the CLI reads the file).
 */
export async function loadPolicy(log: Log): Promise<Policy | undefined> {
  const uri = policyUri();
  if (!uri) return undefined;
  const text = await readSaved(uri);
  if (text === undefined) return undefined;
  const { policy, problems } = readPolicy(text.replace(/^\uFEFF/, ''), uri.fsPath);
  for (const p of problems) log.warn(`Policy ${uri.fsPath}: ${(p as { message?: string }).message ?? JSON.stringify(p)}`);
  return policy;
}
