import * as vscode from 'vscode';
import { clientFromPath, userConfigLocations, WORKSPACE_FILES, type ClientId, type Scope } from '../core/index';
import { currentMachineEnv } from '../node/machineEnv';
import { pathOfUri, type ConfigIndex, type Origin } from './configIndex';
import type { Log } from './log';

/** One glob for every workspace-scope config name, at any depth. */
export function workspaceConfigGlob(): string {
  return `**/{${WORKSPACE_FILES.map((f) => f.path).join(',')}}`;
}

const EXCLUDE = '**/{node_modules,.git,dist,out,.vscode-test}/**';
const MAX_WORKSPACE_FILES = 2000;

export function isConfigDocument(document: vscode.TextDocument, index: ConfigIndex): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'git' || document.uri.scheme === 'vscode-scm') return false;
  return index.get(document.uri) !== undefined || clientFromPath(pathOfUri(document.uri)) !== undefined;
}

export async function findWorkspaceConfigs(): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  return vscode.workspace.findFiles(workspaceConfigGlob(), EXCLUDE, MAX_WORKSPACE_FILES);
}

/** User-level config files that exist: every client's known locations plus this editor's own User folder. */
export async function findUserConfigs(context: vscode.ExtensionContext): Promise<{ uri: vscode.Uri; scope: Scope; client?: ClientId }[]> {
  const candidates = new Map<string, { scope: Scope; client?: ClientId }>();
  for (const loc of userConfigLocations(currentMachineEnv())) candidates.set(loc.path, { scope: loc.scope, client: loc.client });
  if (context.globalStorageUri.scheme === 'file') {
    const userDir = vscode.Uri.joinPath(context.globalStorageUri, '..', '..');
    for (const rel of ['mcp.json', 'globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', 'globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json']) {
      candidates.set(pathOfUri(vscode.Uri.joinPath(userDir, rel)), { scope: 'user' });
    }
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
export async function loadFromDisk(index: ConfigIndex, uri: vscode.Uri, origin: Origin, maxFileBytes: number, log: Log, scope?: Scope, client?: ClientId): Promise<boolean> {
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
