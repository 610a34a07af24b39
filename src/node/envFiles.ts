import { readFileSync, statSync } from 'node:fs';
import type { Project } from '../core/index';
import { envFilePathOf } from '../core/secrets/envFileRefs';

const MAX_ENV_FILE_BYTES = 1024 * 1024;

/** Reads the env files that workspace servers name (inside the workspace only, at most 1 MB each). */
export function readEnvFiles(project: Project): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of project.files) {
    for (const server of file.servers) {
      const path = envFilePathOf(server, file, project);
      if (path === undefined || out.has(path)) continue;
      try {
        if (statSync(path).size > MAX_ENV_FILE_BYTES) continue;
        out.set(path, readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      } catch {
        /* a missing env file is the client's problem, not a secret */
      }
    }
  }
  return out;
}
