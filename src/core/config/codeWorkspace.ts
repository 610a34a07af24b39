import { normalizeFsPath } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import { child, items, scalarText } from '../model/docNode';

/**
 * The folders a `.code-workspace` file opens, absolute with forward slashes: each `folders[].path`,
 * relative to the file's own folder unless absolute (as VS Code resolves them). Folders given by
 * `uri` (remote or virtual) are left out: no file of theirs is on this disk.
 */
export function codeWorkspaceFolders(file: Pick<ConfigFile, 'path' | 'root'>): string[] {
  const base = normalizeFsPath(file.path).replace(/\/[^/]*$/, '');
  const out: string[] = [];
  for (const entry of items(child(file.root, 'folders'))) {
    const path = scalarText(child(entry, 'path'));
    if (path === undefined || path === '') continue;
    const p = path.replace(/\\/g, '/');
    out.push(normalizeFsPath(/^([a-zA-Z]:)?\//.test(p) ? p : resolveDots(`${base}/${p}`)));
  }
  return [...new Set(out)];
}

/** `a/b/../c/./d` → `a/c/d`, on forward-slash paths (core has no `node:path`). */
function resolveDots(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue;
    if (part === '..' && parts.length > 1) parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '/';
}
