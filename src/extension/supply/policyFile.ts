import * as vscode from 'vscode';
import { readSaved } from '../workspaceText';

export { readText } from '../workspaceText';
import type { Policy } from '../../core/policy/model';
import { readPolicy } from '../../core/policy/read';
import { DEFAULT_POLICY_PATH, isAbsolutePath, policyPathIn } from '../../core/workspace/locations';
import type { Log } from '../log';

export { DEFAULT_POLICY_PATH };

/** The policy file in effect: `mcpWarden.policyPath` (absolute, or relative to the first workspace folder), as the CLI's `--policy`. */
export function policyUri(): vscode.Uri | undefined {
  const setting = vscode.workspace.getConfiguration('mcpWarden').get<string>('policyPath', DEFAULT_POLICY_PATH);
  if (setting && isAbsolutePath(setting)) return vscode.Uri.file(setting);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  return folder.uri.scheme === 'file'
    ? vscode.Uri.file(policyPathIn(folder.uri.fsPath, setting))
    : vscode.Uri.joinPath(folder.uri, setting || DEFAULT_POLICY_PATH);
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
