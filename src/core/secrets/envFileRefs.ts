import type { Project } from '../engine/project';
import { normalizeFsPath } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';

/** The project folder a config belongs to: the folder holding `.vscode/`, `.cursor/`, … or the file itself. */
export function projectFolderOfFile(path: string): string {
  const p = normalizeFsPath(path);
  const dot = /^(.*)\/\.[^/]+\/(?:[^/]+\/)*[^/]+$/.exec(p);
  return dot ? dot[1]! : p.slice(0, p.lastIndexOf('/'));
}

/**
 * The absolute path a server's `envFile` names, when it lies inside a workspace root (files outside
 * are the user's business and are never read). `${workspaceFolder}` and relative paths resolve
 * against the config's project folder.
 */
export function envFilePathOf(server: ServerEntry, file: ConfigFile, project: Project): string | undefined {
  if (!server.envFile || file.scope !== 'workspace') return undefined;
  const folder = projectFolderOfFile(file.path);
  let value = server.envFile.value.replace(/\$\{workspaceFolder\}/g, folder);
  if (/\$\{|^~/.test(value)) return undefined;
  if (!/^([a-zA-Z]:)?\//.test(value.replace(/\\/g, '/'))) value = `${folder}/${value}`;
  const path = normalizeFsPath(collapse(value.replace(/\\/g, '/')));
  return project.workspaceRoots.some((root) => path.startsWith(root + '/')) ? path : undefined;
}

function collapse(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}
