import { LOCKFILE_PATH } from '../lock/lockfile';
import type { ServerEntry } from '../model/server';

/**
 * Where MCP Warden's own files live for a workspace, for the CLI and the editor alike: the team
 * settings, the approved-server policy, and the approval lockfile.
 */

/** Team settings at the root of the first workspace folder (or the CLI's current folder). */
export const SETTINGS_FILE = '.mcp-warden.json';
/** The approved-server policy, relative to the first workspace folder (or the scanned folder). */
export const DEFAULT_POLICY_PATH = '.vscode/mcp-policy.json';

const slash = (p: string) => p.replace(/\\/g, '/');
const parentOf = (p: string) => {
  const s = slash(p).replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  return i <= 0 ? s.slice(0, i + 1) || s : s.slice(0, i);
};
const nameOf = (p: string) => slash(p).replace(/\/+$/, '').split('/').pop() ?? '';

export function isAbsolutePath(path: string): boolean {
  return /^([a-zA-Z]:)?[\\/]/.test(path);
}

/** Joins a relative path to a folder (forward slashes); an absolute path stays as it is. */
export function resolveIn(folder: string, path: string): string {
  return isAbsolutePath(path) ? path : `${slash(folder).replace(/\/+$/, '')}/${slash(path)}`;
}

/** The policy file a setting or `--policy` names: absolute, or relative to `folder`; empty means the default. */
export function policyPathIn(folder: string, setting: string | undefined): string {
  return resolveIn(folder, setting || DEFAULT_POLICY_PATH);
}

/**
 * The folder a config belongs to: above `.vscode/`, `.cursor/`, `.continue/mcpServers/`, … or the
 * file's own folder (`.mcp.json`). Relative paths, `${workspaceFolder}` and the lockfile resolve against it.
 */
export function projectFolderOf(entry: Pick<ServerEntry, 'file' | 'projectPath'>): string {
  if (entry.projectPath) return entry.projectPath;
  let dir = parentOf(entry.file);
  if (nameOf(dir) === 'mcpServers' || nameOf(dir) === 'settings') dir = parentOf(dir);
  if (nameOf(dir).startsWith('.')) dir = parentOf(dir);
  return dir;
}

/** The approval lockfile of a workspace server (`.vscode/mcp-lock.json` of its project); user-level servers have none. */
export function lockfilePathOf(entry: Pick<ServerEntry, 'file' | 'projectPath' | 'scope'>): string | undefined {
  return entry.scope === 'workspace' ? resolveIn(projectFolderOf(entry), LOCKFILE_PATH) : undefined;
}
