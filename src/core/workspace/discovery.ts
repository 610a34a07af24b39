import { clientFromPath, WORKSPACE_FILES } from '../config/locations';

/**
 * Which files of a workspace are MCP configs, for every front end: the CLI walks folders with these
 * rules and the editor hands the same globs to its file search, so `scan` and the Problems panel lint
 * the same files.
 */

/** Dependency, build and tool folders: never searched. */
export const SKIPPED_FOLDERS: readonly string[] = [
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  '.venv',
  'venv',
  '__pycache__',
  '.vscode-test',
  'target',
];
/** How deep below a searched folder configs are looked for. */
export const MAX_SEARCH_DEPTH = 12;
/** Folders visited per search at most. */
export const MAX_SEARCH_FOLDERS = 20000;
/** Config files found per search at most. */
export const MAX_SEARCH_FILES = 2000;

const SKIPPED = new Set(SKIPPED_FOLDERS);

export function isSkippedFolder(name: string): boolean {
  return SKIPPED.has(name);
}

/** A file a workspace search reports: a name `clientFromPath` knows (forward or back slashes). */
export function isConfigPath(path: string): boolean {
  return clientFromPath(path) !== undefined;
}

/**
 * The names `clientFromPath` can recognize, as one glob for a file search (a superset: results go
 * through `isConfigPath`). A unit test checks that every pattern `clientFromPath` knows is covered.
 */
export const CONFIG_NAME_GLOBS: readonly string[] = [
  ...new Set([
    ...WORKSPACE_FILES.map((f) => f.path),
    'mcp.json',
    'settings.json',
    'claude_desktop_config.json',
    'managed-mcp.json',
    'managed-settings.json',
    '.claude.json',
    'mcp_config.json',
    'cline_mcp_settings.json',
    'mcp_settings.json',
    '.aws/amazonq/*.json',
    '.aws/amazonq/*/*.json',
    'managed_config.toml',
    'config.toml',
    'config.yaml',
    'config.yml',
    'mcp-config.json',
    '*.code-workspace',
  ]),
];

/** Glob of every config name at any depth. */
export function configSearchGlob(): string {
  return `**/{${CONFIG_NAME_GLOBS.join(',')}}`;
}

/** Glob of the folders a search leaves out. */
export function skippedFoldersGlob(): string {
  return `**/{${SKIPPED_FOLDERS.join(',')}}/**`;
}

/** Depth of a path relative to the searched folder, in folders (`a/b/c.json` is 2). */
export function folderDepth(relativePath: string): number {
  return relativePath.split(/[\\/]/).length - 1;
}

/** Whether a file a search reports (path relative to the searched folder) is one the walk of `scan` would pick too. */
export function isDiscoverable(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return isConfigPath(relativePath) && parts.length - 1 <= MAX_SEARCH_DEPTH && !parts.slice(0, -1).some(isSkippedFolder);
}
