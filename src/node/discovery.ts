import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { userConfigLocations, type KnownLocation, type MachineEnv } from '../core/index';
import { isConfigPath, isSkippedFolder, MAX_SEARCH_DEPTH, MAX_SEARCH_FILES, MAX_SEARCH_FOLDERS } from '../core/workspace/discovery';

/**
 * Known config files below a folder, by the engine's discovery rules (the editor's file search uses
 * the same ones). Bounded in depth, folders and files so that a huge tree cannot hang a scan.
 */
export function findConfigFiles(root: string): { files: string[]; truncated: boolean; unreadable: { path: string; reason: string }[] } {
  const files: string[] = [];
  const queue: { dir: string; depth: number }[] = [{ dir: resolve(root), depth: 0 }];
  let visited = 0;
  let truncated = false;
  const unreadable: { path: string; reason: string }[] = [];
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    if (++visited > MAX_SEARCH_FOLDERS || files.length >= MAX_SEARCH_FILES) {
      truncated = true;
      break;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (isSkippedFolder(entry.name)) continue;
        if (depth < MAX_SEARCH_DEPTH) queue.push({ dir: path, depth: depth + 1 });
        else truncated = true;
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isConfigPath(path)) {
        // A linked config is read too (clients follow links); the bounded reader refuses a link to a device or FIFO.
        files.push(path);
      }
    }
  }
  return { files: files.sort(), truncated, unreadable };
}

/** The user-level config files that exist on this machine. */
export function existingUserConfigs(env: MachineEnv): KnownLocation[] {
  const seen = new Set<string>();
  return userConfigLocations(env).filter((loc) => {
    if (seen.has(loc.path)) return false;
    seen.add(loc.path);
    try {
      return existsSync(loc.path) && statSync(loc.path).isFile();
    } catch {
      return false;
    }
  });
}
