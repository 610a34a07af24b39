import * as vscode from 'vscode';
import { clientFromPath, userConfigLocations, type ClientId, type Project, type Scope } from '../core/index';
import { editorUserFiles } from '../core/config/locations';
import { configSearchGlob, isConfigPath, isDiscoverable, MAX_SEARCH_FILES, skippedFoldersGlob } from '../core/workspace/discovery';
import { currentMachineEnv } from '../node/machineEnv';
import { pathOfUri, type ConfigIndex, type Origin } from './configIndex';
import type { Log } from './log';

/** The file search's glob for every config name the engine knows, at any depth (results go through `isWorkspaceConfig`). */
export function workspaceConfigGlob(): string {
  return configSearchGlob();
}

export function isConfigDocument(document: vscode.TextDocument, index: ConfigIndex): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'git' || document.uri.scheme === 'vscode-scm') return false;
  return index.get(document.uri) !== undefined || clientFromPath(pathOfUri(document.uri)) !== undefined;
}

/** Whether a file the search or a watcher reports is one the engine's discovery would pick (the CLI's `scan` applies the same rules). */
export function isWorkspaceConfig(uri: vscode.Uri): boolean {
  return isConfigPath(pathOfUri(uri)) && isDiscoverable(vscode.workspace.asRelativePath(uri, false));
}

export async function findWorkspaceConfigs(): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  const found = (await vscode.workspace.findFiles(configSearchGlob(), skippedFoldersGlob(), MAX_SEARCH_FILES * 4))
    .filter(isWorkspaceConfig)
    .slice(0, MAX_SEARCH_FILES);
  // A multi-root window's own .code-workspace file (often outside its folders): VS Code reads its `settings.mcp`.
  const file = vscode.workspace.workspaceFile;
  if (file?.scheme === 'file' && !found.some((u) => u.toString() === file.toString())) found.push(file);
  return found;
}

/** This window, when it opens a multi-root workspace: its folders and workspace file load their servers as one session. */
export function editorWindow(): Project['window'] | undefined {
  const file = vscode.workspace.workspaceFile;
  if (!file) return undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => pathOfUri(f.uri));
  return file.scheme === 'file' ? { folders, workspaceFile: pathOfUri(file) } : { folders };
}

/** User-level config files that exist: every client's known locations plus this editor's own User folder. */
export async function findUserConfigs(context: vscode.ExtensionContext): Promise<{ uri: vscode.Uri; scope: Scope; client?: ClientId }[]> {
  const candidates = new Map<string, { scope: Scope; client?: ClientId }>();
  for (const loc of userConfigLocations(currentMachineEnv())) candidates.set(loc.path, { scope: loc.scope, client: loc.client });
  if (context.globalStorageUri.scheme === 'file') {
    const userDir = vscode.Uri.joinPath(context.globalStorageUri, '..', '..');
    // Its settings.json is left out: this editor shows its own settings' problems, and `scan` reads the standard locations.
    const files = editorUserFiles(pathOfUri(userDir)).filter((f) => !f.path.endsWith('/settings.json'));
    for (const file of files) if (!candidates.has(file.path)) candidates.set(file.path, { scope: 'user', client: file.client });
  }
  const found: { uri: vscode.Uri; scope: Scope; client?: ClientId }[] = [];
  await Promise.all(
    [...candidates].map(async ([path, known]) => {
      const uri = vscode.Uri.file(path);
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) found.push({ uri, ...known });
      } catch {
        /* not on this machine */
      }
    }),
  );
  return found.sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
}

/** Reads a config from disk into the index, unless an editor holds it (the editor's text wins). */
export async function loadFromDisk(
  index: ConfigIndex,
  uri: vscode.Uri,
  origin: Origin,
  maxFileBytes: number,
  log: Log,
  scope?: Scope,
  client?: ClientId,
): Promise<boolean> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const tracked = index.fromDocument(open, scope);
    tracked.origin = origin;
    return true;
  }
  try {
    const size = (await vscode.workspace.fs.stat(uri)).size;
    if (size > maxFileBytes) index.fromBytes(uri, new Uint8Array(0), origin, maxFileBytes, scope, size, client);
    else index.fromBytes(uri, await vscode.workspace.fs.readFile(uri), origin, maxFileBytes, scope, undefined, client);
    return true;
  } catch (e) {
    log.warn(`Cannot read ${uri.fsPath}: ${(e as Error).message}`);
    return false;
  }
}
