import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { clientFromPath, userConfigLocations, type KnownLocation, type MachineEnv } from '../core/index';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.venv', 'venv', '__pycache__', '.vscode-test', 'target']);
export const MAX_DEPTH = 12;
export const MAX_DIRS = 20000;

/**
 * Known config files below a folder (by name, as `clientFromPath` knows them). Skips dependency and
 * build folders; bounded in depth and folder count so a huge tree cannot hang a scan.
 */
export function findConfigFiles(root: string): { files: string[]; truncated: boolean; unreadable: { path: string; reason: string }[] } {
  const files: string[] = [];
  const queue: { dir: string; depth: number }[] = [{ dir: resolve(root), depth: 0 }];
  let visited = 0;
  let truncated = false;
  const unreadable: { path: string; reason: string }[] = [];
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    if (++visited > MAX_DIRS) {
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
        if (!SKIP_DIRS.has(entry.name) && depth < MAX_DEPTH) queue.push({ dir: path, depth: depth + 1 });
        else if (depth >= MAX_DEPTH) truncated = true;
      } else if ((entry.isFile() || entry.isSymbolicLink()) && clientFromPath(path.replace(/\\/g, '/'))) {
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
