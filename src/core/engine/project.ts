import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import type { ServerSnapshot } from '../model/tool';
import type { Policy } from '../policy/model';

/**
 * Everything one lint run knows: all config files of the workspace and the user, so that rules can
 * relate a file to the others (duplicates across scopes, a session's servers).
 */
export interface Project {
  files: readonly ConfigFile[];
  /** Absolute folders of the open workspace (or the CLI's project), forward slashes. */
  workspaceRoots: readonly string[];
  /** The approved-server policy in effect, if any (rules that need one stay silent without it). */
  policy?: Policy;
  /** What live servers offer, keyed by `serverKey(entry)`; refines the static guesses of toxic-flow. */
  liveSnapshots?: ReadonlyMap<string, ServerSnapshot>;
  /**
   * The folders one editor window opens together (a multi-root workspace) and its `.code-workspace`
   * file: VS Code loads the servers of every folder's `.vscode/mcp.json` and of that file's
   * `settings.mcp` in one session. The extension sets it for a multi-root window; `scan` of a
   * `.code-workspace` file sets it from the folders the file lists.
   */
  window?: { folders: readonly string[]; workspaceFile?: string };
  /** Text of env files that servers name in `envFile` and that lie in the workspace (absolute path → text), read by the adapter. */
  envFiles?: ReadonlyMap<string, string>;
}

export function createProject(files: readonly ConfigFile[], workspaceRoots: readonly string[] = []): Project {
  return { files, workspaceRoots: workspaceRoots.map(normalizeFsPath) };
}

/** The folder that holds a file, on a normalised path ("" for a bare name). */
export function folderOfFile(path: string): string {
  const p = normalizeFsPath(path);
  return p.slice(0, Math.max(0, p.lastIndexOf('/')));
}

export function normalizeFsPath(path: string): string {
  const p = path.replace(/\\/g, '/').replace(/\/+$/, '');
  return /^[a-zA-Z]:\//.test(p) ? p[0]!.toLowerCase() + p.slice(1) : p;
}

/**
 * Servers that a client loads for this project from one file: Claude Code's per-project entries
 * count only for the project's own folder.
 */
export function serversInEffect(file: ConfigFile, project: Project): ServerEntry[] {
  return file.servers.filter((s) => s.projectPath === undefined || project.workspaceRoots.includes(normalizeFsPath(s.projectPath)));
}
